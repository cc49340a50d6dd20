package dev.personas.synth;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/**
 * Writes a synthetic dataset with planted truth. Layout under {@code out}:
 *
 * <pre>
 *   synth.properties                     the options (see {@link SynthOptions#toProperties()})
 *   sessions.csv                         repo_id,session_id,user_id,agent,format,transcript
 *                                        (the researcher's user mapping, like the corpus's)
 *   entire/&lt;owner&gt;+&lt;repo&gt;/v1/&lt;id[0:2]&gt;/&lt;id[2:]&gt;/metadata.json       checkpoint metadata
 *   entire/&lt;owner&gt;+&lt;repo&gt;/v1/&lt;id[0:2]&gt;/&lt;id[2:]&gt;/0/metadata.json     session metadata
 *   entire/&lt;owner&gt;+&lt;repo&gt;/v1/&lt;id[0:2]&gt;/&lt;id[2:]&gt;/0/full.jsonl[.gz|.xz]  the transcript
 *   sessions.parquet, conversations.parquet   (format parquet) SWE-chat schema, see {@link ParquetSink}
 *   truth/sessions.csv                   session_id,user_id,repo_id,agent,planted_type,planted_persona,mess
 *   truth/users.csv                      user_id,planted_persona,agent,sessions
 *   truth/types.csv, truth/personas.csv  the recipes' ids and labels, persona mixtures
 * </pre>
 *
 * <p>One session per checkpoint. Sessions with one prompt or more than six, and 75% of the
 * others, are one checkpoint; the rest are two or three cumulative checkpoints cut before a prompt
 * ({@link #checkpointCuts}), as Entire writes them: each checkpoint's {@code full.jsonl} holds the
 * transcript so far (only the last one has the deliberate truncated last line), its session
 * metadata gives {@code checkpoint_transcript_start} (the line where its new part begins), its own
 * {@code token_usage}, its share of the attribution, and {@code session_metrics} so far; the last
 * checkpoint has the session's {@code checkpoint_id} (and the {@code sessions.csv} transcript
 * path). CSV rows are in generation order (user
 * order, then session start). Same options, same bytes: no wall clock, seeded streams, files
 * written in a fixed order.
 */
public final class Generator {
  private Generator() {}

  /** What a run wrote. */
  public record Summary(int users, int sessions, long conversationRows, long transcriptBytes,
      int messedSessions) {}

  private static final int BATCH = 2048;

  /**
   * Generates the dataset of {@code o} into {@code out} (created if missing; existing files of the
   * same names are overwritten, a previous {@code entire/} and {@code truth/} are removed first).
   *
   * @throws IOException on write failures
   */
  public static Summary write(SynthOptions o, Path out) throws IOException {
    return write(o, out, PooledParquet.POOL);
  }

  /**
   * As {@link #write(SynthOptions, Path)}; a parquet-only dataset of more than {@code pool}
   * sessions builds {@code pool} of them event by event and reuses their rows for the others
   * (see {@link PooledParquet}). With the Entire layout every session is built and written exactly.
   */
  static Summary write(SynthOptions o, Path out, int pool) throws IOException {
    return write(o, out, pool, Runtime.getRuntime().availableProcessors(), ParquetSink.PART_ROWS);
  }

  /**
   * As {@link #write(SynthOptions, Path, int)}, the parquet expanded in part files of about
   * {@code partRows} conversation rows, {@code threads} at a time ({@link ParquetSink}); the bytes
   * depend on {@code partRows}, not on {@code threads}.
   */
  static Summary write(SynthOptions o, Path out, int pool, int threads, long partRows) throws IOException {
    Files.createDirectories(out);
    deleteTree(out.resolve("entire"));
    deleteTree(out.resolve("truth"));
    Files.createDirectories(out.resolve("truth"));
    boolean entire = o.formats().contains(SynthOptions.Format.ENTIRE);
    boolean parquet = o.formats().contains(SynthOptions.Format.PARQUET);
    try (Writer w = Files.newBufferedWriter(out.resolve("synth.properties"))) {
      w.write("# persona-workbench synthetic dataset options\n");
      var p = o.toProperties();
      for (String k : new java.util.TreeSet<>(p.stringPropertyNames())) w.write(k + "=" + p.getProperty(k) + "\n");
    }
    List<SynthUser> users = Population.users(o);
    int[] per = Population.sessionsPerUser(o);
    int total = o.sessions();
    int[] userOf = new int[total];
    long[] startOf = new long[total];
    int g = 0;
    for (SynthUser u : users) {
      long[] st = Population.starts(o, u, per[u.index()]);
      for (long t : st) {
        userOf[g] = u.index();
        startOf[g++] = t;
      }
    }
    if (parquet && !entire) {
      PooledParquet.Result r;
      try (BufferedWriter truth = Files.newBufferedWriter(out.resolve("truth/sessions.csv"))) {
        truth.write("session_id,user_id,repo_id,agent,planted_type,planted_persona,mess\n");
        r = PooledParquet.write(o, out, users, userOf, startOf, pool, threads, partRows, truth);
      }
      writeUsers(out, users, per);
      writeDictionaries(out);
      return new Summary(users.size(), total, r.rows(), 0, r.messed());
    }
    JsonFactory jf = new JsonFactory().setRootValueSeparator(null);
    ClaudeWriter claude = new ClaudeWriter(jf);
    CodexWriter codex = new CodexWriter(jf);
    long bytes = 0;
    int messed = 0;
    try (BufferedWriter map = entire ? Files.newBufferedWriter(out.resolve("sessions.csv")) : null;
        BufferedWriter truth = Files.newBufferedWriter(out.resolve("truth/sessions.csv"));
        ParquetSink sink = parquet ? new ParquetSink(out, threads, partRows) : null) {
      if (map != null) map.write("repo_id,session_id,user_id,agent,format,transcript\n");
      truth.write("session_id,user_id,repo_id,agent,planted_type,planted_persona,mess\n");
      for (int from = 0; from < total; from += BATCH) {
        int to = Math.min(total, from + BATCH);
        List<SynthSession> batch = IntStream.range(from, to).parallel()
            .mapToObj(i -> Population.session(o, users.get(userOf[i]), i, startOf[i]))
            .toList();
        long[] sizes = new long[batch.size()];
        if (entire) {
          IntStream.range(0, batch.size()).parallel().forEach(i -> {
            try {
              sizes[i] = writeEntire(batch.get(i), out, o, claude, codex);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
        }
        for (int i = 0; i < batch.size(); i++) {
          SynthSession s = batch.get(i);
          bytes += sizes[i];
          if (!s.mess.isEmpty()) messed++;
          if (map != null) {
            map.write(s.repoId + "," + s.sessionId + "," + s.user.userId() + "," + s.agent() + ","
                + (s.user.codex() ? "codex-rollout-jsonl" : "claude-code-jsonl") + ","
                + transcriptPath(s, o) + "\n");
          }
          truth.write(s.sessionId + "," + s.user.userId() + "," + s.repoId + "," + s.agent() + ","
              + s.type.id() + "," + s.user.persona().id() + "," + s.mess + "\n");
          if (sink != null) sink.add(s);
        }
      }
      long rows = sink == null ? 0 : sink.rows();
      writeUsers(out, users, per);
      writeDictionaries(out);
      if (sink != null) sink.close();
      return new Summary(users.size(), total, rows, bytes, messed);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  static String sessionDir(SynthSession s) {
    return "entire/" + s.repoId.replace('/', '+') + "/v1/" + s.checkpointId.substring(0, 2) + "/"
        + s.checkpointId.substring(2);
  }

  static String transcriptPath(SynthSession s, SynthOptions o) {
    return sessionDir(s) + "/0/full.jsonl" + o.compression().suffix;
  }

  private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
      .withSeparators(Separators.createDefaultInstance()
          .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
      .withArrayIndenter(new DefaultIndenter("  ", "\n"))
      .withObjectIndenter(new DefaultIndenter("  ", "\n"));

  /** Share of sessions with at least two prompts written as several cumulative checkpoints. */
  static final double MULTI_CHECKPOINT_SHARE = 0.25;

  /**
   * Sessions with more prompts stay one checkpoint: every cumulative checkpoint repeats the
   * transcript so far, and long sessions would multiply the sample's size.
   */
  static final int MULTI_CHECKPOINT_MAX_PROMPTS = 6;

  /**
   * The prompt indexes where a session's checkpoints end (exclusive; the last checkpoint ends with
   * the session), drawn from the session's own stream: empty (one checkpoint) for sessions with
   * fewer than two or more than {@link #MULTI_CHECKPOINT_MAX_PROMPTS} prompts and for 75% of the
   * others, else one or two cuts spread evenly.
   */
  static int[] checkpointCuts(SynthSession s) {
    int prompts = s.promptCount();
    if (prompts < 2 || prompts > MULTI_CHECKPOINT_MAX_PROMPTS) return new int[0];
    java.util.SplittableRandom r = new java.util.SplittableRandom(Population.mix(s.index, 17, s.startMs));
    if (r.nextDouble() >= MULTI_CHECKPOINT_SHARE) return new int[0];
    int k = prompts >= 3 && r.nextDouble() < 0.35 ? 3 : 2;
    int[] cuts = new int[k - 1];
    for (int j = 1; j < k; j++) cuts[j - 1] = (int) Math.round((double) j * prompts / k);
    return cuts;
  }

  /** Checkpoint ids of a session: the earlier ones derived from its stream, the last its own. */
  static String[] checkpointIds(SynthSession s, int count) {
    String[] ids = new String[count];
    java.util.SplittableRandom r = new java.util.SplittableRandom(Population.mix(s.index, 19, s.startMs));
    for (int k = 0; k < count - 1; k++) {
      StringBuilder b = new StringBuilder(12);
      for (int i = 0; i < 12; i++) b.append(Character.forDigit(r.nextInt(16), 16));
      ids[k] = b.toString();
    }
    ids[count - 1] = s.checkpointId;
    return ids;
  }

  static String checkpointDir(SynthSession s, String checkpointId) {
    return "entire/" + s.repoId.replace('/', '+') + "/v1/" + checkpointId.substring(0, 2) + "/"
        + checkpointId.substring(2);
  }

  /** One checkpoint of a session: events [from, to), transcript bytes [0, end), new part from line. */
  private record Part(String id, int from, int to, int startLine, long createdMs) {}

  private static long writeEntire(SynthSession s, Path out, SynthOptions o, ClaudeWriter claude,
      CodexWriter codex) throws IOException {
    int[] cuts = checkpointCuts(s);
    if (cuts.length == 0) {
      writeCheckpoint(s, out, o, new Part(s.checkpointId, 0, s.events.size(), 0, s.endMs + 20_000),
          os -> {
            if (s.user.codex()) codex.write(s, os);
            else claude.write(s, os);
          });
      return Files.size(out.resolve(transcriptPath(s, o)));
    }
    // cumulative checkpoints: each holds the transcript so far; cut before a prompt's first record
    java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream(1 << 16);
    List<Integer> offsets = new ArrayList<>();
    Runnable mark = () -> offsets.add(all.size());
    if (s.user.codex()) codex.write(s, all, mark);
    else claude.write(s, all, mark);
    byte[] bytes = all.toByteArray();
    List<Integer> promptEvents = new ArrayList<>();
    for (int i = 0; i < s.events.size(); i++) if (s.events.get(i).kind == Ev.Kind.PROMPT) promptEvents.add(i);
    String[] ids = checkpointIds(s, cuts.length + 1);
    long size = 0;
    int fromEvent = 0, fromByte = 0, fromLine = 0;
    for (int k = 0; k <= cuts.length; k++) {
      boolean last = k == cuts.length;
      int toEvent = last ? s.events.size() : promptEvents.get(cuts[k]);
      int toByte = last ? bytes.length : offsets.get(cuts[k]);
      long createdMs = last ? s.endMs + 20_000 : s.events.get(toEvent - 1).t + 20_000;
      Part part = new Part(ids[k], fromEvent, toEvent, fromLine, createdMs);
      int end = toByte;
      writeCheckpoint(s, out, o, part, os -> os.write(bytes, 0, end));
      size += Files.size(out.resolve(checkpointDir(s, ids[k]) + "/0/full.jsonl" + o.compression().suffix));
      for (int b = fromByte; b < toByte; b++) if (bytes[b] == '\n') fromLine++;
      fromEvent = toEvent;
      fromByte = toByte;
    }
    return size;
  }

  private interface Body {
    void write(OutputStream os) throws IOException;
  }

  private static void writeCheckpoint(SynthSession s, Path out, SynthOptions o, Part part, Body body)
      throws IOException {
    Path cp = out.resolve(checkpointDir(s, part.id()));
    Path sd = cp.resolve("0");
    Files.createDirectories(sd);
    Path tr = sd.resolve("full.jsonl" + o.compression().suffix);
    try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(tr), 1 << 16);
        OutputStream os = compress(raw, o.compression())) {
      body.write(os);
    }
    List<Ev> evs = s.events.subList(part.from(), part.to());
    LinkedHashSet<String> touched = new LinkedHashSet<>();
    for (Ev e : evs) {
      if (e.kind == Ev.Kind.TOOL_USE && (e.act == Ev.Act.EDIT || e.act == Ev.Act.WRITE) && e.file != null) touched.add(e.file);
    }
    List<String> files = new ArrayList<>(touched);
    files.sort(Comparator.naturalOrder());
    boolean whole = part.from() == 0 && part.to() == s.events.size();
    int prompts = 0, promptsSoFar = 0;
    for (Ev e : evs) if (e.kind == Ev.Kind.PROMPT) prompts++;
    for (Ev e : s.events.subList(0, part.to())) if (e.kind == Ev.Kind.PROMPT) promptsSoFar++;
    // attribution: this checkpoint's share of the session's edits (sums over checkpoints are exact)
    long[] attr = attribution(s, part);
    long agentLines = attr[0], agentRemoved = attr[1], humanAdded = attr[2], humanModified = attr[3],
        humanRemoved = attr[4];
    long committed = agentLines + humanAdded + humanModified;
    long created = part.createdMs();
    long lastEventMs = whole ? s.endMs : s.events.get(part.to() - 1).t;
    JsonFactory jf = new JsonFactory();
    try (JsonGenerator g = jf.createGenerator(Files.newOutputStream(cp.resolve("metadata.json")))) {
      g.setPrettyPrinter(PRETTY.createInstance());
      g.writeStartObject();
      g.writeStringField("cli_version", "0.5.2");
      g.writeStringField("checkpoint_id", part.id());
      g.writeStringField("strategy", "manual-commit");
      g.writeStringField("branch", s.branch);
      g.writeNumberField("checkpoints_count", whole ? 1 : prompts);
      stringArray(g, "files_touched", files);
      g.writeArrayFieldStart("sessions");
      g.writeStartObject();
      String base = "/" + part.id().substring(0, 2) + "/" + part.id().substring(2) + "/0/";
      g.writeStringField("metadata", base + "metadata.json");
      g.writeStringField("transcript", base + "full.jsonl" + o.compression().suffix);
      g.writeEndObject();
      g.writeEndArray();
      tokenUsage(g, evs);
      g.writeEndObject();
    }
    try (JsonGenerator g = jf.createGenerator(Files.newOutputStream(sd.resolve("metadata.json")))) {
      g.setPrettyPrinter(PRETTY.createInstance());
      g.writeStartObject();
      g.writeStringField("cli_version", "0.5.2");
      g.writeStringField("checkpoint_id", part.id());
      g.writeStringField("session_id", s.sessionId);
      g.writeStringField("strategy", "manual-commit");
      g.writeStringField("created_at", ClaudeWriter.ts(created));
      g.writeStringField("branch", s.branch);
      g.writeNumberField("checkpoints_count", whole ? 1 : prompts);
      stringArray(g, "files_touched", files);
      if (!whole) g.writeNumberField("checkpoint_transcript_start", part.startLine());
      g.writeStringField("agent", s.agent());
      g.writeStringField("model", s.model);
      g.writeStringField("turn_id", s.turnIdSeed.length() >= 12 ? s.turnIdSeed.substring(0, 12) : s.turnIdSeed);
      tokenUsage(g, evs);
      g.writeObjectFieldStart("session_metrics");
      g.writeNumberField("turn_count", promptsSoFar);
      g.writeNumberField("duration_ms", lastEventMs - s.startMs);
      g.writeEndObject();
      g.writeObjectFieldStart("initial_attribution");
      g.writeStringField("calculated_at", ClaudeWriter.ts(created - 1000));
      g.writeNumberField("agent_lines", agentLines);
      g.writeNumberField("agent_removed", agentRemoved);
      g.writeNumberField("human_added", humanAdded);
      g.writeNumberField("human_modified", humanModified);
      g.writeNumberField("human_removed", humanRemoved);
      g.writeNumberField("total_committed", committed);
      g.writeNumberField("total_lines_changed", committed + agentRemoved + humanRemoved);
      double pct = whole ? s.agentPercentage()
          : committed == 0 ? 0 : Math.round(1000.0 * agentLines / committed) / 10.0;
      if (pct == Math.rint(pct)) g.writeNumberField("agent_percentage", (long) pct);
      else g.writeNumberField("agent_percentage", pct);
      g.writeNumberField("metric_version", 2);
      g.writeEndObject();
      g.writeStringField("transcript_path", s.user.codex()
          ? ".codex/sessions/" + ClaudeWriter.ts(s.startMs).substring(0, 10).replace('-', '/') + "/rollout-" + s.sessionId + ".jsonl"
          : ".claude/projects/" + s.cwd.replace('/', '-') + "/" + s.sessionId + ".jsonl");
      g.writeEndObject();
    }
  }

  /**
   * A checkpoint's part of the session's attribution {agent_lines, agent_removed, human_added,
   * human_modified, human_removed}: each count split by the checkpoint's share of the session's
   * edit and write events (by cumulative rounding, so the parts sum to the session's counts); all
   * of it for a session's only checkpoint.
   */
  private static long[] attribution(SynthSession s, Part part) {
    long[] total = {s.agentLines, s.agentRemoved, s.humanAdded, s.humanModified, s.humanRemoved};
    if (part.from() == 0 && part.to() == s.events.size()) return total;
    int edits = 0, before = 0, upTo = 0;
    for (int i = 0; i < s.events.size(); i++) {
      Ev e = s.events.get(i);
      if (e.kind != Ev.Kind.TOOL_USE || (e.act != Ev.Act.EDIT && e.act != Ev.Act.WRITE)) continue;
      edits++;
      if (i < part.from()) before++;
      if (i < part.to()) upTo++;
    }
    boolean lastPart = part.to() == s.events.size();
    double a = edits == 0 ? 0 : (double) before / edits;
    double b = lastPart ? 1 : edits == 0 ? 0 : (double) upTo / edits;
    long[] outv = new long[5];
    for (int i = 0; i < 5; i++) outv[i] = Math.round(total[i] * b) - Math.round(total[i] * a);
    return outv;
  }

  private static void tokenUsage(JsonGenerator g, List<Ev> evs) throws IOException {
    long in = 0, cacheCreate = 0, cacheRead = 0, outTok = 0;
    java.util.HashSet<String> seen = new java.util.HashSet<>();
    for (Ev e : evs) {
      if (e.msgId != null && e.kind != Ev.Kind.SIDECHAIN && seen.add(e.msgId)) {
        in += e.inTok;
        cacheCreate += e.cacheCreate;
        cacheRead += e.cacheRead;
        outTok += e.outTok;
      }
    }
    g.writeObjectFieldStart("token_usage");
    g.writeNumberField("input_tokens", in);
    g.writeNumberField("cache_creation_tokens", cacheCreate);
    g.writeNumberField("cache_read_tokens", cacheRead);
    g.writeNumberField("output_tokens", outTok);
    g.writeNumberField("api_call_count", seen.size());
    g.writeEndObject();
  }

  private static void stringArray(JsonGenerator g, String name, List<String> xs) throws IOException {
    g.writeArrayFieldStart(name);
    for (String x : xs) g.writeString(x);
    g.writeEndArray();
  }

  private static OutputStream compress(OutputStream raw, SynthOptions.Compression c) throws IOException {
    return switch (c) {
      case NONE -> raw;
      case GZ -> new GZIPOutputStream(raw, 1 << 16);
      case XZ -> {
        // preset 6 made "extreme" (longer matches, deeper search) with pb 0 (text has no 2^pb
        // byte alignment): about 5% smaller transcripts than plain preset 6
        LZMA2Options lz = new LZMA2Options(6);
        lz.setDictSize(1 << 20);
        lz.setNiceLen(LZMA2Options.NICE_LEN_MAX);
        lz.setDepthLimit(512);
        lz.setPb(0);
        yield new XZOutputStream(raw, lz, org.tukaani.xz.BasicArrayCache.getInstance());
      }
    };
  }

  private static void writeUsers(Path out, List<SynthUser> users, int[] per) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(out.resolve("truth/users.csv"))) {
      w.write("user_id,planted_persona,agent,sessions\n");
      for (SynthUser u : users) {
        w.write(u.userId() + "," + u.persona().id() + "," + u.agent() + "," + per[u.index()] + "\n");
      }
    }
  }

  private static void writeDictionaries(Path out) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(out.resolve("truth/types.csv"))) {
      w.write("planted_type,label\n");
      for (SessionType t : SessionType.values()) w.write(t.id() + "," + t.label.replace(",", ";") + "\n");
    }
    try (BufferedWriter w = Files.newBufferedWriter(out.resolve("truth/personas.csv"))) {
      w.write("planted_persona,label,user_share");
      for (SessionType t : SessionType.values()) w.write("," + t.id());
      w.write("\n");
      for (Persona p : Persona.values()) {
        w.write(p.id() + "," + p.label + "," + String.format(Locale.ROOT, "%.2f", p.share));
        for (SessionType t : SessionType.values()) w.write(String.format(Locale.ROOT, ",%.2f", p.weight(t)));
        w.write("\n");
      }
    }
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) return;
    try (Stream<Path> s = Files.walk(p)) {
      for (Path x : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(x);
    }
  }
}
