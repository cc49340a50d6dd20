package dev.personas.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.personas.load.formats.JsonLines;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Groups the entries of a source tree into sessions (Entire checkpoint layouts, see
 * {@code shared/reference/formats.md}) and raw transcript files.
 *
 * <p>A session folder is a folder holding a session {@code metadata.json} (one with
 * {@code session_id}) or a transcript: {@code full.jsonl} with continuation chunks
 * {@code full.jsonl.001...}, v2 {@code raw_transcript}, or the compact {@code transcript.jsonl}.
 * Its session id is the metadata's {@code session_id}; for a shadow branch's
 * {@code .entire/metadata/<session>/} the folder name; for a v2 {@code full/current} folder (no
 * metadata) the metadata of the folder with the same {@code <shard>/<id>/<n>} path in
 * {@code main}; otherwise the transcript's own session id, found when it is parsed. Other files in
 * a session folder ({@code prompt.txt}, {@code context.md}, hashes, {@code tasks/}) are not read.
 * Every file outside session folders except checkpoint-level {@code metadata.json} is a raw
 * transcript candidate.
 *
 * <p>Merging: a session's checkpoints are cumulative, so one transcript is kept: the longest
 * native one ({@code full.jsonl}/{@code raw_transcript}), or the longest compact one when no native
 * exists (also read when the native one yields no record, e.g. in a format no parser reads). A
 * continuation chunk whose first part is missing is not used. Early sessions with ids {@code YYYY-MM-DD-<uuid>} hold non-cumulative slices: all their
 * distinct native transcripts are kept in checkpoint order. Metadata of distinct checkpoints are all
 * kept (token usage and attribution are per checkpoint).
 */
final class EntireScan {
  private EntireScan() {}

  private static final Pattern SLICED_ID = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}-.+");
  private static final Pattern CHUNK =
      Pattern.compile("^(full\\.jsonl|raw_transcript)(\\.\\d+)?(\\.gz|\\.xz)?$");

  /**
   * A metadata file read: hex SHA-256 of its (decompressed) bytes, and its JSON or why it is not
   * JSON. Only an unreadable file throws.
   */
  record MetaRead(String sha256, JsonNode json, String error) {
    static MetaRead of(SourceTree.Entry e) throws IOException {
      byte[] bytes;
      try (InputStream in = e.blob().open()) {
        bytes = in.readAllBytes();
      }
      try {
        bytes = Decompress.bytes(bytes);
      } catch (IOException ex) {
        return new MetaRead(Fingerprint.sha256(bytes), null, "corrupt compressed file: " + ex.getMessage());
      }
      String hash = Fingerprint.sha256(bytes);
      try {
        return new MetaRead(hash, JsonLines.tree(bytes), null);
      } catch (IOException ex) {
        return new MetaRead(hash, null, ex.getMessage());
      }
    }
  }

  /** One checkpoint's session metadata. */
  record Meta(String checkpointId, String sessionId, Instant createdAt, JsonNode json, String origin) {}

  /** A session to parse (Entire) or a raw file (sessionId null, one transcript). */
  static final class Job {
    String sessionId;
    SourceTree.Repo repo;
    String source; // entire | entire-shadow | raw
    final List<Meta> metas = new ArrayList<>();
    final List<List<Blob>> transcripts = new ArrayList<>();
    String transcriptKind; // native | compact | null
    List<Blob> fallback; // compact transcript to read when the native one yields no record
    String key; // stable sort key
    String readFrom; // folder | git | file
    String sourceKey; // index of the source ("0:"), for fingerprint keys
    final List<Folder> candidates = new ArrayList<>();
  }

  /** A session folder under construction. */
  private static final class Folder {
    String dir;
    SourceTree.Repo repo;
    Meta meta;
    final TreeMap<Integer, Blob> nativeChunks = new TreeMap<>();
    Blob compact;
    boolean shadow;
  }

  /** Files Entire writes into a session folder besides metadata and transcripts. */
  static final Set<String> ENTIRE_SESSION_FILES = Set.of("prompt.txt", "context.md",
      "content_hash.txt", "raw_transcript_hash.txt", "transcript_hash.txt", "summary.txt",
      "transcript_valid.jsonl");

  /** Whether a folder is a shadow branch's {@code .entire/metadata/<session>}. */
  static boolean isShadowSessionDir(String dir) {
    int i = dir.lastIndexOf(".entire/metadata/");
    return i >= 0 && (i == 0 || dir.charAt(i - 1) == '/')
        && dir.indexOf('/', i + ".entire/metadata/".length()) < 0;
  }

  static boolean isTranscriptName(String name) {
    return CHUNK.matcher(name).matches() || name.equals("transcript.jsonl");
  }

  /**
   * Scans one tree.
   *
   * @param hashes receives (relative path, hex SHA-256) of every metadata file read
   * @param problems receives (origin, reason) of unreadable metadata files
   * @param pool reads the metadata files in parallel (null: on the calling thread); the result
   *     does not depend on it
   */
  static List<Job> scan(List<SourceTree.Entry> entries, String sourceKey, Map<String, String> hashes,
      Map<String, String> problems, java.util.concurrent.ExecutorService pool) throws IOException {
    Map<String, Folder> folders = new LinkedHashMap<>();
    List<SourceTree.Entry> rest = new ArrayList<>();
    List<SourceTree.Entry> metaEntries = new ArrayList<>();
    for (SourceTree.Entry e : entries) if (e.blob().name().equals("metadata.json")) metaEntries.add(e);
    java.util.Iterator<MetaRead> metaReads = Workers.map(pool, metaEntries, null, MetaRead::of).iterator();
    // pass 1: session folders
    for (SourceTree.Entry e : entries) {
      Blob b = e.blob();
      String name = b.name();
      if (name.equals("checkpoint.json") && ("/" + b.parent()).contains("/tasks/")) {
        continue; // a sub-agent task record of a checkpoint (tasks/<tool_use_id>/checkpoint.json)
      }
      if (name.equals("metadata.json")) {
        MetaRead m = metaReads.next();
        hashes.put(sourceKey + b.path(), m.sha256());
        JsonNode n = m.json();
        if (n == null) {
          problems.put(b.origin(), "unreadable metadata.json: " + m.error());
          continue;
        }
        String sid = JsonLines.str(n, "session_id");
        if (sid == null || sid.isBlank()) continue; // checkpoint-level metadata
        Folder f = folder(folders, b.parent(), e.repo());
        f.meta = new Meta(JsonLines.str(n, "checkpoint_id"), sid,
            JsonLines.instant(JsonLines.str(n, "created_at")), n, b.origin());
      } else if (isTranscriptName(name)) {
        Folder f = folder(folders, b.parent(), e.repo());
        if (name.equals("transcript.jsonl")) {
          f.compact = b;
        } else {
          String plain = name.replaceFirst("\\.(gz|xz)$", ""); // compressed transcripts
          int dot = plain.lastIndexOf('.');
          String suffix = plain.substring(dot + 1);
          int idx = suffix.chars().allMatch(Character::isDigit) && !plain.equals("full.jsonl")
              ? Integer.parseInt(suffix) : 0;
          f.nativeChunks.put(idx, b);
        }
      } else {
        if (ENTIRE_SESSION_FILES.contains(name) || isShadowSessionDir(b.parent())) {
          folder(folders, b.parent(), e.repo());
        }
        rest.add(e);
      }
    }
    // shadow folders and v2 full/current pairing
    Map<String, Meta> byKey3 = new TreeMap<>();
    for (Folder f : folders.values()) {
      if (f.meta != null) byKey3.putIfAbsent(repoKey(f.repo) + "|" + key3(f.dir), f.meta);
    }
    for (Folder f : folders.values()) {
      if (isShadowSessionDir(f.dir)) f.shadow = true;
    }
    // pass 2: group folders into sessions
    Map<String, Job> jobs = new TreeMap<>();
    for (Folder f : folders.values()) {
      String sid = f.meta != null ? f.meta.sessionId() : null;
      Meta paired = null;
      if (sid == null && f.shadow) sid = f.dir.substring(f.dir.lastIndexOf('/') + 1);
      if (sid == null) {
        paired = byKey3.get(repoKey(f.repo) + "|" + key3(f.dir));
        if (paired != null) sid = paired.sessionId();
      }
      String key = repoKey(f.repo) + "|" + (sid != null ? "s:" + sid : "d:" + sourceKey + f.dir);
      Job j = jobs.computeIfAbsent(key, k -> {
        Job nj = new Job();
        nj.key = k;
        nj.repo = f.repo;
        nj.source = f.shadow ? "entire-shadow" : "entire";
        return nj;
      });
      if (sid != null) j.sessionId = sid;
      if (!f.shadow) j.source = "entire";
      if (f.meta != null) j.metas.add(f.meta);
      j.candidates.add(f);
    }
    List<Job> out = new ArrayList<>();
    for (Job j : jobs.values()) {
      j.sourceKey = sourceKey;
      choose(j);
      out.add(j);
    }
    // raw transcript candidates: files outside session folders
    Set<String> sessionDirs = new HashSet<>(folders.keySet());
    for (SourceTree.Entry e : rest) {
      if (underAny(e.blob().parent(), sessionDirs)) continue;
      Job j = new Job();
      j.repo = e.repo();
      j.source = "raw";
      j.sourceKey = sourceKey;
      j.key = repoKey(e.repo()) + "|f:" + sourceKey + e.blob().path();
      j.transcripts.add(List.of(e.blob()));
      out.add(j);
    }
    return out;
  }

  private static boolean underAny(String dir, Set<String> dirs) {
    for (String d = dir; ; ) {
      if (dirs.contains(d)) return true;
      int i = d.lastIndexOf('/');
      if (i < 0) return false;
      d = d.substring(0, i);
    }
  }

  private static Folder folder(Map<String, Folder> m, String dir, SourceTree.Repo repo) {
    return m.computeIfAbsent(dir, d -> {
      Folder f = new Folder();
      f.dir = d;
      f.repo = repo;
      return f;
    });
  }

  static String repoKey(SourceTree.Repo r) {
    return r.repoId() == null ? "" : r.repoId();
  }

  /** The last three segments of a folder path ({@code <shard>/<id>/<n>}). */
  static String key3(String dir) {
    String[] s = dir.split("/");
    int from = Math.max(0, s.length - 3);
    return String.join("/", java.util.Arrays.copyOfRange(s, from, s.length));
  }

  private static long size(List<Blob> chunks) {
    long s = 0;
    for (Blob b : chunks) s += b.size();
    return s;
  }

  private static void choose(Job j) {
    List<Folder> fs = j.candidates;
    // distinct checkpoints' metadata, in checkpoint order
    Map<String, Meta> distinct = new LinkedHashMap<>();
    j.metas.sort(Comparator.comparing((Meta m) -> m.createdAt() == null ? Instant.MAX : m.createdAt())
        .thenComparing(m -> m.origin()));
    for (Meta m : j.metas) distinct.putIfAbsent(m.checkpointId() == null ? m.origin() : m.checkpointId(), m);
    j.metas.clear();
    j.metas.addAll(distinct.values());
    List<List<Blob>> natives = new ArrayList<>();
    List<Instant> nativeTimes = new ArrayList<>();
    List<Blob> compacts = new ArrayList<>();
    for (Folder f : fs) {
      // a continuation chunk without its first part (dropped from a snapshot) is not a transcript
      if (!f.nativeChunks.isEmpty() && f.nativeChunks.containsKey(0)) {
        natives.add(new ArrayList<>(f.nativeChunks.values()));
        nativeTimes.add(f.meta == null || f.meta.createdAt() == null ? Instant.MAX : f.meta.createdAt());
      }
      if (f.compact != null) compacts.add(f.compact);
    }
    if (!natives.isEmpty()) {
      j.transcriptKind = "native";
      if (j.sessionId != null && SLICED_ID.matcher(j.sessionId).matches() && natives.size() > 1) {
        // non-cumulative slices: every distinct slice, in checkpoint order
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < natives.size(); i++) idx.add(i);
        idx.sort(Comparator.comparing((Integer i) -> nativeTimes.get(i))
            .thenComparing(i -> natives.get(i).get(0).path()));
        Set<Long> sizes = new HashSet<>();
        for (int i : idx) {
          if (sizes.add(size(natives.get(i)))) j.transcripts.add(natives.get(i));
        }
      } else {
        List<Blob> best = null;
        for (List<Blob> n : natives) {
          if (best == null || size(n) > size(best)) best = n;
        }
        j.transcripts.add(best);
      }
      Blob bestCompact = null;
      for (Blob c : compacts) if (bestCompact == null || c.size() > bestCompact.size()) bestCompact = c;
      if (bestCompact != null) j.fallback = List.of(bestCompact);
    } else if (!compacts.isEmpty()) {
      j.transcriptKind = "compact";
      Blob best = null;
      for (Blob c : compacts) if (best == null || c.size() > best.size()) best = c;
      j.transcripts.add(List.of(best));
    }
    j.candidates.clear();
  }
}
