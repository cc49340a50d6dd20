package dev.personas.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.personas.ProgressListener;
import dev.personas.load.formats.JsonLines;
import dev.personas.schema.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tech.tablesaw.api.Table;

/**
 * Reads sources of agent sessions into the canonical tables (issue 3). A source is
 * <ul>
 *   <li>a folder: Entire checkpoint layouts (a checked-out {@code entire/checkpoints/v1} branch,
 *       v2 {@code main} + {@code full/current}, one-ref-per-checkpoint folders, shadow
 *       {@code .entire/metadata/<session>/}; see {@link EntireScan}) and/or raw transcript files
 *       of any registered format ({@link TranscriptFormats}), walked in sorted order;
 *   <li>a git repository (work tree or bare): its Entire checkpoint refs, read with JGit without
 *       checkout ({@link GitSource});
 *   <li>a SWE-chat release folder or a folder written by {@link IngestWriter} (it holds
 *       {@code sessions.parquet}; {@link SweChatFolder});
 *   <li>a single transcript file.
 * </ul>
 * Files may be gzip- or xz-compressed. Transcripts are parsed in parallel ({@link
 * IngestOptions#threads()}); the output does not depend on the thread count: {@code sessions} sorted
 * by {@code session_id}, {@code conversations} by {@code session_id, turn_number}.
 *
 * <p>Sessions row ({@link Schema#SESSIONS}): agent, model, tokens and attribution come from Entire
 * session metadata when present (agent missing or "Agent" = Claude Code; {@code input_tokens},
 * {@code output_tokens}, {@code cache_read_tokens} and {@code agent_lines}, {@code human_added},
 * {@code human_modified}, {@code human_removed}, {@code total_committed} summed over the session's
 * distinct checkpoints, each of which reports its own increment; {@code agent_percentage} = 100 *
 * agent_lines / total_committed over those sums, else the last checkpoint's value), else from the
 * transcript. {@code created_at}/{@code ended_at}: first/last transcript timestamp, else the
 * earliest/latest checkpoint {@code created_at}. {@code turn_count}: user_prompt rows, else the
 * metadata's {@code session_metrics.turn_count}. {@code source}: entire | entire-shadow | raw |
 * swe-chat; {@code source_path}: the transcript (or metadata) read.
 *
 * <p>{@code user_id}: the mapping file's user, else the author of the session's checkpoint commits,
 * else the repository id; pseudonymised unless {@link IngestOptions#rawUserIds()} (ids read from
 * SWE-chat parquet are kept as they are). {@code repo_id}: the Entire repository
 * ({@code _source.json}, {@code <owner>+<repo>} folder, git remote), else
 * {@link IngestOptions#defaultRepoId()}, else the transcript's working directory as
 * {@code local/<folder>}, else {@code unknown}.
 *
 * <p>Entire sources also give {@code checkpoints} ({@link Schema#CHECKPOINTS}: one row per distinct
 * checkpoint session metadata of each loaded session, sorted by {@code checkpoint_id, session_id}),
 * {@code commits} ({@link Schema#COMMITS}: code commits with {@code Entire-Checkpoint:} trailers,
 * from a git repository's history ({@link GitSource#commits()}) or a folder's
 * {@code <owner>+<repo>/_commits.jsonl}, sorted by {@code sha, repo_id}; an unreadable line of the
 * export is reported under that file and skipped) and {@code repositories}
 * ({@link Schema#REPOSITORIES}, sorted by {@code repo_id}); each is null in the {@link Dataset} when
 * empty (all three when the sources hold neither checkpoint metadata nor trailer commits). A SWE-chat
 * parquet folder's own tables of those names are appended after them when they have the same
 * columns.
 *
 * <p>Bad input never aborts: see {@link IngestReport}.
 */
public final class Ingest {
  private Ingest() {}

  /**
   * Loads sources.
   *
   * @throws IllegalArgumentException if a source path does not exist, or the mapping file is bad
   * @throws IOException when a source folder cannot be listed or the mapping file cannot be read
   */
  public static IngestResult load(List<Path> sources, IngestOptions options) throws IOException {
    return load(sources, options, ProgressListener.NONE);
  }

  /**
   * Loads sources, reporting each parsed session (stage {@value #PARSE_STAGE}) to {@code progress}.
   *
   * @throws IllegalArgumentException if a source path does not exist, or the mapping file is bad
   * @throws IOException when a source folder cannot be listed or the mapping file cannot be read
   */
  public static IngestResult load(List<Path> sources, IngestOptions options, ProgressListener progress)
      throws IOException {
    if (sources == null || sources.isEmpty()) throw new IllegalArgumentException("no sources: " + sources);
    for (Path p : sources) {
      if (p == null || !Files.exists(p)) throw new IllegalArgumentException("source does not exist: " + p);
    }
    if (options.userMapping() != null && !Files.isRegularFile(options.userMapping())) {
      throw new IllegalArgumentException("mapping file does not exist: " + options.userMapping());
    }
    return new Run(options, progress).run(sources);
  }

  /** The stage name of {@link #load(List, IngestOptions, ProgressListener)}'s progress. */
  public static final String PARSE_STAGE = "parsing transcripts (sessions)";

  /** Loads a local agent home ({@link SourceTree#agentHomeTranscripts}). */
  public static IngestResult loadAgentHome(Path home, IngestOptions options) throws IOException {
    List<Path> files = SourceTree.agentHomeTranscripts(home);
    if (files.isEmpty()) throw new IllegalArgumentException("no agent transcripts under " + home);
    return load(files, options);
  }

  /** What parsing one job gave. */
  private static final class Parsed {
    final List<ConversationSink> sinks = new ArrayList<>();
    final List<IngestReport.FileEntry> files = new ArrayList<>();
    String formatId;
    String agent;
    String path; // first transcript read with a format
    long bytes;
  }

  private static final class Run {
    final IngestOptions o;
    final Map<String, String> hashes = new TreeMap<>();
    final List<IngestReport.FileEntry> files = new ArrayList<>();
    final List<IngestReport.SessionNote> empty = new ArrayList<>();
    final List<IngestReport.SessionNote> dups = new ArrayList<>();
    final List<AutoCloseable> closeables = new ArrayList<>();
    final List<CodeCommit> codeCommits = new ArrayList<>();
    final Map<String, Set<String>> readFrom = new TreeMap<>(); // repo id -> folder | git | file
    final Table checkpoints = Schema.emptyCheckpoints();
    final Map<String, String> shaByCheckpoint = new HashMap<>(); // repo|checkpoint id -> commit sha
    UserMapping mapping = UserMapping.none();
    final ProgressListener progress;
    final AtomicLong parsedJobs = new AtomicLong();

    Run(IngestOptions o, ProgressListener progress) {
      this.o = o;
      this.progress = progress;
    }

    /** Worker threads of this run (scan, parse, column fill), created on first use. */
    private ExecutorService pool;

    /** The run's pool of {@code o.threads()} daemon threads; null when single-threaded. */
    ExecutorService pool() {
      if (o.threads() == 1) return null;
      if (pool == null) {
        pool = Executors.newFixedThreadPool(o.threads(), r -> {
          Thread t = new Thread(r, "ingest-worker");
          t.setDaemon(true);
          return t;
        });
      }
      return pool;
    }

    IngestResult run(List<Path> sources) throws IOException {
      try {
        return doRun(sources);
      } finally {
        if (pool != null) pool.shutdownNow();
        for (AutoCloseable c : closeables) {
          try {
            c.close();
          } catch (Exception e) {
            // closing a read-only repository cannot lose data
          }
        }
      }
    }

    IngestResult doRun(List<Path> sources) throws IOException {
      if (o.userMapping() != null) {
        mapping = UserMapping.read(o.userMapping());
        hashes.put("mapping", Fingerprint.sha256(o.userMapping()));
      }
      List<EntireScan.Job> jobs = new ArrayList<>();
      List<SweChatFolder.Tables> parquet = new ArrayList<>();
      Map<String, String> metaProblems = new TreeMap<>();
      for (int si = 0; si < sources.size(); si++) {
        Path src = sources.get(si);
        String key = si + ":";
        if (Files.isDirectory(src) && SweChatFolder.is(src)) {
          for (String n : List.of("sessions", "conversations", "commits", "checkpoints", "repositories")) {
            Path f = src.resolve(n + ".parquet");
            if (Files.isRegularFile(f)) hashes.put(key + n + ".parquet", Fingerprint.sha256(f));
          }
          try {
            SweChatFolder.Tables t = SweChatFolder.read(src, o.excludeRepos());
            parquet.add(t);
            files.add(new IngestReport.FileEntry(src.toString(), "swe-chat-parquet",
                Files.size(src.resolve("sessions.parquet")), t.conversations().rowCount(), 0,
                t.sessions().rowCount(), List.of(), List.of(), null));
          } catch (SQLException e) {
            files.add(new IngestReport.FileEntry(src.toString(), null, 0, 0, 0, 0, List.of(), List.of(),
                "unreadable SWE-chat parquet folder: " + e.getMessage()));
          }
          continue;
        }
        List<SourceTree.Entry> entries;
        String kind;
        List<SourceTree.Repo> repos = new ArrayList<>();
        if (Files.isDirectory(src) && GitSource.isRepository(src)) {
          GitSource g = GitSource.open(src);
          closeables.add(g);
          entries = g.entries();
          kind = "git";
          List<CodeCommit> cs = g.commits();
          codeCommits.addAll(cs);
          StringBuilder shas = new StringBuilder();
          for (CodeCommit c : cs) shas.append(c.sha()).append('\n');
          hashes.put(key + "git-trailer-commits", Fingerprint.sha256(shas.toString().getBytes(StandardCharsets.UTF_8)));
        } else if (Files.isDirectory(src)) {
          entries = SourceTree.walkFolder(src, prefixed(key), repos, pool());
          kind = "folder";
        } else {
          entries = SourceTree.file(src);
          kind = "file";
        }
        Set<Path> seenLogs = new HashSet<>();
        for (SourceTree.Repo r : repos) {
          if (r.commitsFile() == null || r.repoId() == null || !seenLogs.add(r.commitsFile())) continue;
          readFrom.computeIfAbsent(r.repoId(), k -> new java.util.TreeSet<>()).add(kind);
          List<IngestReport.LineProblem> lp = new ArrayList<>();
          codeCommits.addAll(CodeCommit.readJsonl(r.commitsFile(), r.repoId(), lp));
          if (!lp.isEmpty()) {
            files.add(new IngestReport.FileEntry(r.commitsFile().toString(), "entire-commits", 0, 0,
                lp.size(), 0, List.copyOf(lp), List.of(), null));
          }
        }
        for (SourceTree.Entry e : entries) {
          if (e.repo().repoId() != null) readFrom.computeIfAbsent(e.repo().repoId(), k -> new java.util.TreeSet<>()).add(kind);
        }
        List<EntireScan.Job> scanned = EntireScan.scan(entries, key, hashes, metaProblems, pool());
        for (EntireScan.Job j : scanned) j.readFrom = kind;
        jobs.addAll(scanned);
      }
      codeCommits.removeIf(c -> o.excludeRepos().contains(c.repoId()));
      // a checkpoint named by several commits links to the earliest committed one
      List<CodeCommit> byTime = new ArrayList<>(codeCommits);
      byTime.sort(Comparator.comparing((CodeCommit c) -> c.committedAt() == null ? Instant.MAX : c.committedAt())
          .thenComparing(CodeCommit::sha));
      for (CodeCommit c : byTime) {
        for (String id : c.checkpointIds()) shaByCheckpoint.putIfAbsent(c.repoId() + "|" + id, c.sha());
      }
      metaProblems.forEach((origin, reason) -> files.add(new IngestReport.FileEntry(origin,
          "entire-metadata", 0, 0, 1, 0, List.of(new IngestReport.LineProblem(0, reason)), List.of(), null)));
      // excluded repositories are not parsed
      jobs.removeIf(j -> j.repo.repoId() != null && o.excludeRepos().contains(j.repo.repoId()));
      jobs.sort(Comparator.comparing(j -> j.key));
      List<Parsed> parsed = parseAll(jobs);
      return assemble(jobs, parsed, parquet);
    }

    Map<String, String> prefixed(String key) {
      return new HashMap<>() {
        @Override
        public String put(String k, String v) {
          return hashes.put(key + k, v);
        }
      };
    }

    List<Parsed> parseAll(List<EntireScan.Job> jobs) throws IOException {
      // largest first keeps every thread busy to the end; results come in job order
      return Workers.map(pool(), jobs, Comparator.comparingLong((EntireScan.Job j) -> -jobSize(j)),
          j -> parse(j, jobs.size()));
    }

    static long jobSize(EntireScan.Job j) {
      long s = 0;
      for (List<Blob> t : j.transcripts) for (Blob b : t) s += b.size();
      return s;
    }

    /** Parses the transcripts of one job and reports it; never throws for bad content. */
    Parsed parse(EntireScan.Job j, int total) {
      Parsed p = parse(j);
      progress.update(PARSE_STAGE, parsedJobs.incrementAndGet(), total);
      return p;
    }

    /** Parses the transcripts of one job; never throws for bad content. */
    Parsed parse(EntireScan.Job j) {
      Parsed p = new Parsed();
      parseInto(p, j.transcripts, j.sourceKey);
      if (j.fallback != null && rows(p) == 0) {
        p.sinks.clear();
        p.formatId = null;
        p.agent = null;
        p.path = null;
        parseInto(p, List.of(j.fallback), j.sourceKey);
      }
      return p;
    }

    void parseInto(Parsed p, List<List<Blob>> transcripts, String sourceKey) {
      for (List<Blob> chunks : transcripts) {
        String label = String.join(" + ", chunks.stream().map(Blob::origin).toList());
        ConversationSink sink = new ConversationSink(o.maxContentChars(), o.maxToolInputChars());
        Fingerprint.ContentHash md = new Fingerprint.ContentHash();
        long[] count = new long[1];
        String format = null;
        String note = null;
        try (InputStream in = open(chunks, md, count)) {
          String head = TranscriptFormats.head(in);
          Optional<TranscriptFormat> f = TranscriptFormats.detect(head);
          if (f.isEmpty()) {
            note = head.isBlank() ? "empty file" : TranscriptFormats.UNSUPPORTED;
            in.transferTo(OutputNull.INSTANCE);
          } else {
            format = f.get().id();
            try {
              // shielded: a parser may close its stream; the rest is still drained for the hash
              f.get().parse(new java.io.FilterInputStream(in) {
                @Override
                public void close() {}
              }, sink);
            } catch (IOException | RuntimeException e) {
              sink.problem(0, "parser stopped: " + e);
            }
            in.transferTo(OutputNull.INSTANCE);
            if (p.formatId == null) {
              p.path = chunks.get(0).origin();
              p.formatId = format;
              p.agent = f.get().agent();
            }
            p.sinks.add(sink);
          }
        } catch (IOException e) {
          note = "unreadable: " + e.getMessage();
        }
        String hex = md.hex();
        synchronized (hashes) {
          // keyed by source index and path relative to the source: independent of where it lives
          hashes.put(sourceKey + chunks.get(0).path() + "#" + chunks.size(), hex);
        }
        p.bytes += count[0];
        p.files.add(new IngestReport.FileEntry(label, format, count[0], sink.size(),
            sink.problems().size(), 0, lp(sink.problems()), lp(sink.warnings()), note));
      }
    }

    static List<IngestReport.LineProblem> lp(List<ConversationSink.Problem> ps) {
      List<IngestReport.LineProblem> out = new ArrayList<>(ps.size());
      for (ConversationSink.Problem q : ps) out.add(new IngestReport.LineProblem(q.line(), q.reason()));
      return out;
    }

    /** Concatenation of the decompressed chunks, hashing the stored bytes and counting decompressed ones. */
    static InputStream open(List<Blob> chunks, Fingerprint.ContentHash md, long[] count) throws IOException {
      List<InputStream> parts = new ArrayList<>();
      for (Blob b : chunks) parts.add(Decompress.wrap(Fingerprint.hashing(b.open(), md)));
      InputStream seq = parts.size() == 1 ? parts.get(0) : new SequenceInputStream(Collections.enumeration(parts));
      return new java.io.BufferedInputStream(new CountingInputStream(seq, count), 1 << 16);
    }

    IngestResult assemble(List<EntireScan.Job> jobs, List<Parsed> parsed, List<SweChatFolder.Tables> parquet) {
      // session ids, duplicates
      Map<String, Integer> chosen = new TreeMap<>();
      String[] ids = new String[jobs.size()];
      for (int i = 0; i < jobs.size(); i++) {
        EntireScan.Job j = jobs.get(i);
        Parsed p = parsed.get(i);
        String sid = j.sessionId;
        if (sid == null && !p.sinks.isEmpty()) sid = p.sinks.get(0).session().sessionId;
        if (sid == null && j.transcripts.isEmpty()) continue;
        if (sid == null) {
          if (p.sinks.isEmpty()) continue; // not a transcript: reported as a file
          String path = j.transcripts.get(0).get(0).path();
          sid = path.substring(path.lastIndexOf('/') + 1).replaceFirst("(\\.jsonl|\\.json)?(\\.gz|\\.xz)?$", "");
        }
        ids[i] = sid;
        Integer prev = chosen.get(sid);
        if (prev == null) {
          chosen.put(sid, i);
        } else {
          int a = rows(parsed.get(prev)), b = rows(p);
          int keep = b > a ? i : prev, drop = keep == i ? prev : i;
          chosen.put(sid, keep);
          dups.add(new IngestReport.SessionNote(sid, repoIdOf(jobs.get(drop), parsed.get(drop)),
              "duplicate session id: kept " + describe(jobs.get(keep)) + " (" + Math.max(a, b)
                  + " rows), dropped " + describe(jobs.get(drop)) + " (" + Math.min(a, b) + " rows)"));
        }
      }
      Table sessions = Schema.emptySessions();
      Table conv = Schema.emptyConversations();
      Set<String> parsedIds = new HashSet<>(chosen.keySet());
      List<ConversationSink.Part> parts = new ArrayList<>();
      for (Map.Entry<String, Integer> e : chosen.entrySet()) {
        int i = e.getValue();
        addSession(e.getKey(), jobs.get(i), parsed.get(i), sessions, parts);
      }
      ConversationSink.appendAll(conv, parts, pool());
      for (Parsed p : parsed) {
        for (ConversationSink s : p.sinks) s.release();
      }
      for (int i = 0; i < jobs.size(); i++) {
        Parsed p = parsed.get(i);
        for (IngestReport.FileEntry f : p.files) {
          int sess = ids[i] != null && chosen.get(ids[i]) == i && f.format() != null ? 1 : 0;
          files.add(new IngestReport.FileEntry(f.path(), f.format(), f.bytes(), f.rows(), f.skipped(),
              sess, f.problems(), f.warnings(), f.note()));
        }
      }
      Table commits = null, checkpoints = null, repositories = null;
      Table entireCommits = commitsTable();
      Table entireCheckpoints = this.checkpoints.sortOn("checkpoint_id", "session_id");
      entireCheckpoints.setName("checkpoints");
      if (entireCheckpoints.rowCount() > 0 || entireCommits.rowCount() > 0) {
        repositories = repositoriesTable(sessions, entireCheckpoints, entireCommits);
        if (entireCheckpoints.rowCount() > 0) checkpoints = entireCheckpoints;
        if (entireCommits.rowCount() > 0) commits = entireCommits;
      }
      boolean resort = !parquet.isEmpty();
      for (SweChatFolder.Tables t : parquet) {
        Set<String> clash = new HashSet<>();
        for (String s : t.sessions().stringColumn("session_id")) {
          if (!parsedIds.add(s)) clash.add(s);
        }
        Table ps = t.sessions(), pc = t.conversations();
        if (!clash.isEmpty()) {
          for (String s : new java.util.TreeSet<>(clash)) {
            dups.add(new IngestReport.SessionNote(s, null, "duplicate session id: kept the first source's copy, dropped the SWE-chat parquet copy"));
          }
          ps = ps.where(ps.stringColumn("session_id").isNotIn(clash));
          pc = pc.where(pc.stringColumn("session_id").isNotIn(clash));
        }
        sessions.append(ps);
        conv.append(pc);
        commits = appendOpt(commits, t.commits());
        checkpoints = appendOpt(checkpoints, t.checkpoints());
        repositories = appendOpt(repositories, t.repositories());
      }
      if (resort) {
        sessions = sessions.sortOn("session_id");
        conv = conv.sortOn("session_id", "turn_number");
        sessions.setName("sessions");
        conv.setName("conversations");
      }
      files.sort(Comparator.comparing(IngestReport.FileEntry::path));
      empty.sort(Comparator.comparing(IngestReport.SessionNote::sessionId));
      dups.sort(Comparator.comparing(IngestReport.SessionNote::sessionId));
      String fp = Fingerprint.combine(hashes, o.canonical());
      long bytes = 0, rows = 0, skipped = 0, warnings = 0;
      int transcripts = 0, unsupported = 0;
      for (IngestReport.FileEntry f : files) {
        if (!"swe-chat-parquet".equals(f.format())) bytes += f.bytes();
        rows += f.rows();
        skipped += f.skipped();
        warnings += f.warnings().size();
        if (f.format() != null && !f.format().equals("entire-metadata") && !f.format().equals("entire-commits")
            && !f.format().equals("swe-chat-parquet")) transcripts++;
        if (TranscriptFormats.UNSUPPORTED.equals(f.note())) unsupported++;
      }
      double share = rows + skipped == 0 ? 0 : (double) skipped / (rows + skipped);
      IngestReport.Totals totals = new IngestReport.Totals(files.size(), transcripts, unsupported, bytes,
          rows, skipped, warnings, sessions.rowCount(), count(checkpoints), count(commits),
          count(repositories), share);
      IngestReport report = new IngestReport(List.copyOf(files), List.copyOf(empty), List.copyOf(dups),
          totals, fp, o.canonical());
      return new IngestResult(new Dataset(sessions, conv, commits, checkpoints, repositories, fp), report);
    }

    static int count(Table t) {
      return t == null ? 0 : t.rowCount();
    }

    /** {@code commits} from the trailer commits read, sorted by sha, repo_id; authors pseudonymised. */
    Table commitsTable() {
      Table t = Schema.emptyCommits();
      Map<String, CodeCommit> unique = new TreeMap<>();
      for (CodeCommit c : codeCommits) unique.putIfAbsent(c.sha() + "|" + c.repoId(), c);
      for (CodeCommit c : unique.values()) {
        t.stringColumn("sha").append(c.sha());
        t.stringColumn("repo_id").append(c.repoId());
        t.stringColumn("user_id").append(pseudonym(c.author()));
        appendInstant(t, "authored_at", c.authoredAt());
        appendInstant(t, "committed_at", c.committedAt());
        t.stringColumn("subject").append(c.subject());
        t.stringColumn("checkpoint_ids").append(String.join(",", c.checkpointIds()));
        t.intColumn("checkpoint_count").append(c.checkpointIds().size());
        t.intColumn("parent_count").append(c.parentCount());
        t.intColumn("files_changed_count").append(c.filesChanged());
        t.longColumn("added_lines").append(c.added());
        t.longColumn("removed_lines").append(c.removed());
        t.stringColumn("source").append(c.source());
        t.stringColumn("source_path").append(c.sourcePath());
      }
      Table sorted = t.sortOn("sha", "repo_id");
      sorted.setName("commits");
      return sorted;
    }

    /** {@code repositories}: one row per repo id of the parsed sessions, checkpoints and commits. */
    @SuppressWarnings("unchecked")
    Table repositoriesTable(Table sessions, Table cps, Table cms) {
      Map<String, Object[]> acc = new TreeMap<>(); // users, checkpoints, commits, sources, counts/times
      java.util.function.Function<String, Object[]> get = r -> acc.computeIfAbsent(r, k -> new Object[] {
          new HashSet<String>(), new HashSet<String>(), new int[2], new java.util.TreeSet<String>(),
          new Instant[2]});
      for (int i = 0; i < sessions.rowCount(); i++) {
        Object[] a = get.apply(sessions.stringColumn("repo_id").get(i));
        ((Set<String>) a[0]).add(sessions.stringColumn("user_id").get(i));
        ((int[]) a[2])[0]++;
        ((Set<String>) a[3]).add(sessions.stringColumn("source").get(i));
        Instant c = sessions.instantColumn("created_at").get(i), e = sessions.instantColumn("ended_at").get(i);
        if (e == null) e = c;
        Instant[] ts = (Instant[]) a[4];
        if (c != null && (ts[0] == null || c.isBefore(ts[0]))) ts[0] = c;
        if (e != null && (ts[1] == null || e.isAfter(ts[1]))) ts[1] = e;
      }
      for (int i = 0; i < cps.rowCount(); i++) {
        ((Set<String>) get.apply(cps.stringColumn("repo_id").get(i))[1]).add(cps.stringColumn("checkpoint_id").get(i));
      }
      for (int i = 0; i < cms.rowCount(); i++) ((int[]) get.apply(cms.stringColumn("repo_id").get(i))[2])[1]++;
      Table t = Schema.emptyRepositories();
      for (Map.Entry<String, Object[]> e : acc.entrySet()) {
        Object[] a = e.getValue();
        t.stringColumn("repo_id").append(e.getKey());
        t.intColumn("session_count").append(((int[]) a[2])[0]);
        t.intColumn("user_count").append(((Set<?>) a[0]).size());
        t.intColumn("checkpoint_count").append(((Set<?>) a[1]).size());
        t.intColumn("commit_count").append(((int[]) a[2])[1]);
        appendInstant(t, "first_session_at", ((Instant[]) a[4])[0]);
        appendInstant(t, "last_session_at", ((Instant[]) a[4])[1]);
        t.stringColumn("session_sources").append(String.join(",", (Set<String>) a[3]));
        Set<String> how = readFrom.getOrDefault(e.getKey(), Set.of());
        t.stringColumn("source").append(String.join(",", new java.util.TreeSet<>(how)));
      }
      return t;
    }

    /** {@code checkpoints} long columns: column, metadata object, field. */
    static final String[][] CHECKPOINT_LONGS = {
        {"input_tokens", "token_usage", "input_tokens"},
        {"cache_creation_tokens", "token_usage", "cache_creation_tokens"},
        {"cache_read_tokens", "token_usage", "cache_read_tokens"},
        {"output_tokens", "token_usage", "output_tokens"},
        {"api_call_count", "token_usage", "api_call_count"},
        {"agent_lines", "initial_attribution", "agent_lines"},
        {"agent_removed_lines", "initial_attribution", "agent_removed"},
        {"human_added_lines", "initial_attribution", "human_added"},
        {"human_modified_lines", "initial_attribution", "human_modified"},
        {"human_removed_lines", "initial_attribution", "human_removed"},
        {"total_committed_lines", "initial_attribution", "total_committed"},
        {"total_changed_lines", "initial_attribution", "total_lines_changed"},
    };

    /** One {@code checkpoints} row per distinct checkpoint metadata of a session. */
    void addCheckpoints(String sid, EntireScan.Job j, String repoId, String user) {
      Table t = checkpoints;
      for (EntireScan.Meta m : j.metas) {
        JsonNode n = m.json();
        t.stringColumn("checkpoint_id").append(m.checkpointId());
        t.stringColumn("session_id").append(sid);
        t.stringColumn("repo_id").append(repoId);
        t.stringColumn("user_id").append(user);
        t.stringColumn("agent").append(AgentNames.fromEntireMetadata(JsonLines.str(n, "agent")));
        String mo = JsonLines.str(n, "model");
        t.stringColumn("model").append(mo == null || mo.isBlank() ? null : mo);
        appendInstant(t, "created_at", m.createdAt() == null ? null
            : m.createdAt().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        t.stringColumn("strategy").append(JsonLines.str(n, "strategy"));
        t.stringColumn("branch").append(JsonLines.str(n, "branch"));
        t.stringColumn("cli_version").append(JsonLines.str(n, "cli_version"));
        appendInt(t, "checkpoints_count", JsonLines.longOrNull(n, "checkpoints_count"));
        JsonNode ft = n.get("files_touched");
        appendInt(t, "files_touched_count", ft != null && ft.isArray() ? Long.valueOf(ft.size()) : null);
        for (String[] c : CHECKPOINT_LONGS) {
          appendLong(t, c[0], JsonLines.longOrNull(n.path(c[1]), c[2]));
        }
        JsonNode at = n.path("initial_attribution");
        JsonNode pct = at.get("agent_percentage");
        if (pct != null && pct.isNumber()) t.doubleColumn("agent_percentage").append(pct.doubleValue());
        else t.doubleColumn("agent_percentage").appendMissing();
        JsonNode sm = n.path("session_metrics");
        appendInt(t, "turn_count", JsonLines.longOrNull(sm, "turn_count"));
        appendLong(t, "duration_ms", JsonLines.longOrNull(sm, "duration_ms"));
        Long start = JsonLines.longOrNull(n, "checkpoint_transcript_start");
        if (start == null) start = JsonLines.longOrNull(n, "transcript_lines_at_start");
        appendLong(t, "transcript_start_lines", start);
        t.stringColumn("commit_sha").append(m.checkpointId() == null ? null
            : shaByCheckpoint.get(repoId + "|" + m.checkpointId().toLowerCase()));
        t.stringColumn("source").append(j.source);
        t.stringColumn("source_path").append(m.origin());
      }
    }

    static void appendInt(Table t, String col, Long v) {
      if (v == null || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) t.intColumn(col).appendMissing();
      else t.intColumn(col).append(v.intValue());
    }

    static Table appendOpt(Table acc, Table t) {
      if (t == null) return acc;
      if (acc == null) return t.copy();
      try {
        return acc.append(t);
      } catch (RuntimeException e) {
        return acc; // differently shaped optional tables from two folders: keep the first
      }
    }

    static int rows(Parsed p) {
      int n = 0;
      for (ConversationSink s : p.sinks) n += s.size();
      return n;
    }

    static String describe(EntireScan.Job j) {
      if (!j.transcripts.isEmpty()) return j.transcripts.get(0).get(0).origin();
      if (!j.metas.isEmpty()) return j.metas.get(0).origin();
      return j.key;
    }

    String repoIdOf(EntireScan.Job j, Parsed p) {
      if (j.repo.repoId() != null) return j.repo.repoId();
      if (o.defaultRepoId() != null) return o.defaultRepoId();
      SessionInfo info = p.sinks.isEmpty() ? null : p.sinks.get(0).session();
      if (info != null && info.repoUrl != null) {
        String r = GitSource.ownerRepo(info.repoUrl);
        if (r != null) return r;
      }
      if (info != null && info.cwd != null && !info.cwd.isBlank()) {
        String c = info.cwd.replace('\\', '/').replaceFirst("/+$", "");
        String last = c.substring(c.lastIndexOf('/') + 1);
        if (!last.isBlank()) return "local/" + last;
      }
      return "unknown";
    }

    String pseudonym(String raw) {
      if (raw == null) return null;
      if (o.rawUserIds()) return raw;
      byte[] h = Fingerprint.sha().digest((o.salt() + ":" + raw).getBytes(StandardCharsets.UTF_8));
      return "u" + HexFormat.of().formatHex(h).substring(0, 10);
    }

    void addSession(String sid, EntireScan.Job j, Parsed p, Table sessions, List<ConversationSink.Part> parts) {
      String repoId = repoIdOf(j, p);
      SessionInfo info = p.sinks.isEmpty() ? new SessionInfo() : p.sinks.get(0).session();
      // identity
      String user = mapping.user(sid);
      if (user == null) {
        for (EntireScan.Meta m : j.metas) {
          if (m.checkpointId() != null && j.repo.authorByCheckpoint().get(m.checkpointId()) != null) {
            user = j.repo.authorByCheckpoint().get(m.checkpointId());
            break;
          }
        }
      }
      if (user == null) user = j.repo.fallbackAuthor();
      if (user == null) user = repoId;
      user = pseudonym(user);
      // metadata aggregates
      String agent = null, model = null;
      Long in = null, out = null, cache = null;
      long agentLines = 0, added = 0, modified = 0, removed = 0, committed = 0;
      boolean anyAttr = false;
      Double lastPct = null;
      Integer metaTurns = null;
      Instant metaFirst = null, metaLast = null;
      boolean anyAgentField = false;
      for (EntireScan.Meta m : j.metas) {
        JsonNode n = m.json();
        if (n.has("agent")) anyAgentField = true;
        String a = JsonLines.str(n, "agent");
        if (a != null && !a.isBlank()) agent = a;
        String mo = JsonLines.str(n, "model");
        if (mo != null && !mo.isBlank()) model = mo;
        JsonNode tu = n.get("token_usage");
        if (tu != null && tu.isObject()) {
          in = add(in, JsonLines.longOrNull(tu, "input_tokens"));
          out = add(out, JsonLines.longOrNull(tu, "output_tokens"));
          cache = add(cache, JsonLines.longOrNull(tu, "cache_read_tokens"));
        }
        JsonNode at = n.get("initial_attribution");
        if (at != null && at.isObject()) {
          anyAttr = true;
          agentLines += nz(JsonLines.longOrNull(at, "agent_lines"));
          added += nz(JsonLines.longOrNull(at, "human_added"));
          modified += nz(JsonLines.longOrNull(at, "human_modified"));
          removed += nz(JsonLines.longOrNull(at, "human_removed"));
          committed += nz(JsonLines.longOrNull(at, "total_committed"));
          JsonNode pct = at.get("agent_percentage");
          if (pct != null && pct.isNumber()) lastPct = pct.doubleValue();
        }
        JsonNode sm = n.get("session_metrics");
        if (sm != null && sm.isObject() && sm.path("turn_count").isNumber()) {
          metaTurns = Math.max(metaTurns == null ? 0 : metaTurns, sm.path("turn_count").intValue());
        }
        if (m.createdAt() != null) {
          if (metaFirst == null || m.createdAt().isBefore(metaFirst)) metaFirst = m.createdAt();
          if (metaLast == null || m.createdAt().isAfter(metaLast)) metaLast = m.createdAt();
        }
      }
      if (!j.metas.isEmpty()) {
        agent = AgentNames.fromEntireMetadata(agent);
      } else {
        agent = AgentNames.canonical(info.agent != null ? info.agent : p.agent);
        // an Entire session folder without metadata nor readable transcript (shadow branches):
        // Entire's own default, as for metadata without an agent
        if (agent == null && !"raw".equals(j.source)) agent = AgentNames.fromEntireMetadata(null);
      }
      if (agent == null) agent = "unknown";
      if (model == null) model = info.model;
      if (in == null && out == null && cache == null) {
        in = info.inputTokens;
        out = info.outputTokens;
        cache = info.cacheReadTokens;
      }
      Instant created = null, ended = null;
      int prompts = 0, rows = 0;
      for (ConversationSink s : p.sinks) {
        SessionInfo si = s.session();
        if (si.startedAt != null && (created == null || si.startedAt.isBefore(created))) created = si.startedAt;
        if (si.endedAt != null && (ended == null || si.endedAt.isAfter(ended))) ended = si.endedAt;
        prompts += s.promptCount();
        rows += s.size();
      }
      if (created == null) created = metaFirst;
      if (ended == null) ended = metaLast;
      Integer turns = rows > 0 ? Integer.valueOf(prompts) : metaTurns;
      Double pct = anyAttr ? (committed > 0 ? 100.0 * agentLines / committed : lastPct) : null;
      String sourcePath = p.path != null ? p.path : describe(j);
      sessions.stringColumn("session_id").append(sid);
      sessions.stringColumn("user_id").append(user);
      sessions.stringColumn("repo_id").append(repoId);
      sessions.stringColumn("agent").append(agent);
      sessions.stringColumn("model").append(model);
      appendInstant(sessions, "created_at", created);
      appendInstant(sessions, "ended_at", ended);
      appendLong(sessions, "input_tokens", in);
      appendLong(sessions, "output_tokens", out);
      appendLong(sessions, "cache_read_tokens", cache);
      if (turns == null) sessions.intColumn("turn_count").appendMissing();
      else sessions.intColumn("turn_count").append(turns);
      if (pct == null) sessions.doubleColumn("agent_percentage").appendMissing();
      else sessions.doubleColumn("agent_percentage").append(pct);
      appendLong(sessions, "agent_lines", anyAttr ? agentLines : null);
      appendLong(sessions, "human_added", anyAttr ? added : null);
      appendLong(sessions, "human_modified", anyAttr ? modified : null);
      appendLong(sessions, "human_removed", anyAttr ? removed : null);
      appendLong(sessions, "total_committed", anyAttr ? committed : null);
      sessions.stringColumn("source").append(j.source);
      sessions.stringColumn("source_path").append(sourcePath);
      addCheckpoints(sid, j, repoId, user);
      if (j.readFrom != null) readFrom.computeIfAbsent(repoId, k -> new java.util.TreeSet<>()).add(j.readFrom);
      int turn = 0;
      for (ConversationSink s : p.sinks) {
        parts.add(new ConversationSink.Part(s, sid, repoId, user, agent, turn));
        turn += s.size();
      }
      if (rows == 0) {
        String why;
        if (j.transcripts.isEmpty()) why = "no transcript in any checkpoint";
        else if (p.sinks.isEmpty()) why = "transcript not readable: " + p.files.get(0).note();
        else why = "transcript has no readable record";
        empty.add(new IngestReport.SessionNote(sid, repoId, why));
      }
    }

    static Long add(Long a, Long b) {
      if (b == null) return a;
      return a == null ? b : a + b;
    }

    static long nz(Long v) {
      return v == null ? 0 : v;
    }

    static void appendLong(Table t, String col, Long v) {
      if (v == null) t.longColumn(col).appendMissing();
      else t.longColumn(col).append(v);
    }

    static void appendInstant(Table t, String col, Instant v) {
      if (v == null) t.instantColumn(col).appendMissing();
      else t.instantColumn(col).append(v);
    }
  }

  /** Counts bytes read. */
  private static final class CountingInputStream extends java.io.FilterInputStream {
    private final long[] count;

    CountingInputStream(InputStream in, long[] count) {
      super(in);
      this.count = count;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) count[0]++;
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int r = super.read(b, off, len);
      if (r > 0) count[0] += r;
      return r;
    }

    @Override
    public long skip(long n) throws IOException {
      long s = super.skip(n);
      count[0] += s;
      return s;
    }
  }

  private static final class OutputNull extends java.io.OutputStream {
    static final OutputNull INSTANCE = new OutputNull();

    @Override
    public void write(int b) {}

    @Override
    public void write(byte[] b, int off, int len) {}
  }
}
