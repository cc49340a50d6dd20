package dev.personas.features;

import dev.personas.ProgressListener;
import dev.personas.load.SweChatFolder;
import dev.personas.load.ToolTaxonomy;
import dev.personas.schema.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.duckdb.DuckDBChunkedResult;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDataChunkReader;
import org.duckdb.DuckDBPreparedStatement;
import org.duckdb.DuckDBReadableVector;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The feature table of a SWE-chat parquet folder ({@code sessions.parquet} +
 * {@code conversations.parquet}, as the SWE-chat release or {@link dev.personas.load.IngestWriter}
 * writes them) computed while streaming {@code conversations} out of DuckDB, one session at a time:
 * the {@code conversations} table is never loaded into Tablesaw, only {@code sessions} (one row per
 * session) and the feature table itself. The result is the table {@link Features#compute} gives on
 * the tables {@link SweChatFolder#read} loads from the same folder (same rows, columns, values and
 * order); the per-record code is the same ({@link Features}' accumulator), only the record source
 * differs.
 *
 * <p><b>How.</b> DuckDB reads {@code conversations.parquet} with the canonical casts of
 * {@link SweChatFolder#canonicalQuery}; each session id becomes a dense integer through a DuckDB
 * {@code ENUM} of the ids of {@code sessions.parquet} (rows of other session ids carry the id
 * itself), {@code turn_type}, {@code role} and {@code tool_category} become codes into
 * {@link Schema#TURN_TYPES}, {@link Schema#ROLES} and {@link ToolTaxonomy#CATEGORIES} (other values
 * are kept as text). Results are read chunk by chunk through DuckDB's chunked result API
 * ({@link DuckDBChunkedResult}), and every text value (content, command, message id, ...) is read
 * only when the accumulator asks for it, so text no feature needs never enters the JVM. Rows come in
 * file order when the file is grouped by session with non-decreasing {@code turn_number} inside a
 * session (as {@code IngestWriter} and the generator write it; checked while reading); otherwise the
 * query is run again with {@code ORDER BY session_id, turn_number, file row} (DuckDB sorts, spilling
 * to a temporary folder beyond its memory limit). With several threads, the sessions are split into
 * ranges of {@code session_id} taken from the parquet row-group statistics (so each thread's scan
 * skips the other row groups of a sorted file; hash partitions without statistics), each streamed
 * by its own thread and DuckDB connection; the partial tables are merged and sorted by
 * {@code session_id}.
 *
 * <p><b>Memory.</b> One session's accumulator at a time, the {@code sessions} table and the feature
 * table (about 80 values per session); DuckDB's own memory is capped by {@link #DUCKDB_MEMORY}.
 */
public final class ParquetFeatures {
  private ParquetFeatures() {}

  /** DuckDB's memory limit while streaming (its sort spills to disk beyond it). */
  public static final String DUCKDB_MEMORY = "2GB";

  /** The stage reported to a {@link ProgressListener}: conversations rows read of all rows. */
  public static final String STREAM_STAGE = "streaming conversations (rows)";

  /** How often (rows) the {@link ProgressListener} is called. */
  public static final long PROGRESS_EVERY = 1L << 20;

  /**
   * The feature table of a SWE-chat parquet folder; see {@link Features#compute} for the shape and
   * the definitions.
   *
   * @param folder a folder with {@code sessions.parquet} (and usually {@code conversations.parquet})
   * @param excludeRepos repo ids whose rows are left out (as {@link SweChatFolder#read})
   * @param progress called every {@link #PROGRESS_EVERY} rows and at the end with stage
   *     {@link #STREAM_STAGE}: rows read so far of the folder's {@code conversations} rows (after
   *     excluded repositories)
   * @throws IllegalArgumentException when {@code folder} has no {@code sessions.parquet}, or an
   *     option is invalid
   * @throws IOException naming the folder when DuckDB cannot read a file
   */
  public static Features.Result compute(Path folder, Set<String> excludeRepos, FeatureOptions options,
      ProgressListener progress) throws IOException {
    return compute(folder, excludeRepos, options, Runtime.getRuntime().availableProcessors(), progress);
  }

  /**
   * As {@link #compute(Path, Set, FeatureOptions, ProgressListener)} with {@code threads} partitions of the
   * sessions (by a hash of {@code session_id}) streamed in parallel, each by its own thread; the
   * result does not depend on {@code threads}. {@code progress} is called from those threads with
   * the totals over all of them.
   *
   * @throws IllegalArgumentException when {@code threads < 1}
   */
  public static Features.Result compute(Path folder, Set<String> excludeRepos, FeatureOptions options,
      int threads, ProgressListener progress) throws IOException {
    if (threads < 1) throw new IllegalArgumentException("threads < 1: " + threads);
    if (folder == null || !SweChatFolder.is(folder)) {
      throw new IllegalArgumentException("not a SWE-chat parquet folder (no sessions.parquet): " + folder);
    }
    if (options == null) throw new IllegalArgumentException("options is null");
    if (excludeRepos == null) excludeRepos = Set.of();
    if (progress == null) progress = ProgressListener.NONE;
    try {
      return run(folder, excludeRepos, options, threads, progress);
    } catch (SQLException e) {
      throw new IOException("reading " + folder + ": " + e.getMessage(), e);
    }
  }

  /** As {@link #compute} without progress; the table only. */
  public static Table of(Path folder, Set<String> excludeRepos, FeatureOptions options) throws IOException {
    return compute(folder, excludeRepos, options, ProgressListener.NONE).table();
  }

  private static Features.Result run(Path folder, Set<String> excludeRepos, FeatureOptions options,
      int threads, ProgressListener progress) throws SQLException, IOException {
    Table ses = SweChatFolder.readSessions(folder, excludeRepos);
    Schema.requireColumns(ses, Schema.SESSIONS);
    List<String> problems = new ArrayList<>();
    Features.LabelPrep lp = Features.LabelPrep.of(options, problems);
    Map<String, Integer> sesRow = Features.sessionRows(ses);

    Table t = null;
    Set<String> emitted = new HashSet<>();
    Map<String, String> turnToSession = new HashMap<>();
    Path conv = folder.resolve("conversations.parquet");
    if (Files.isRegularFile(conv)) {
      Path tmp = Files.createTempDirectory("workbench-duckdb");
      try (DuckDBConnection c = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
          Statement st = c.createStatement()) {
        st.execute("SET TimeZone='UTC'");
        st.execute("SET memory_limit='" + DUCKDB_MEMORY + "'");
        st.execute("SET temp_directory=" + quote(tmp.toString()));
        st.execute("SET preserve_insertion_order=true");
        String[] ids = sessionEnum(st, folder.resolve("sessions.parquet"));
        String base = SweChatFolder.canonicalQuery(st, conv, Schema.CONVERSATIONS, excludeRepos, true);
        boolean turns = !lp.wantedTurns.isEmpty();
        List<String> filters = partitions(st, conv, threads);
        long total;
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM (" + base + ")")) {
          rs.next();
          total = rs.getLong(1);
        }
        AtomicLong rows = new AtomicLong();
        List<Callable<Stream>> jobs = new ArrayList<>();
        for (String filter : filters) {
          jobs.add(() -> {
            try (DuckDBConnection d = c.duplicate()) {
              Stream s = new Stream(ids, ses, sesRow, lp, options, progress, rows, total);
              if (s.read(d, query(base, turns, false, filter))) return s;
              // not grouped by session in the file: sort in DuckDB
              rows.addAndGet(-s.reported);
              s = new Stream(ids, ses, sesRow, lp, options, progress, rows, total);
              if (s.read(d, query(base, turns, true, filter))) return s;
              throw new IllegalStateException("sorted conversations of " + conv + " came unsorted");
            }
          });
        }
        List<Stream> streams = runAll(jobs);
        for (Stream s : streams) {
          Table part = s.out.table();
          if (t == null) t = part;
          else t.append(part);
          emitted.addAll(s.emitted);
          s.turnToSession.forEach((k, v) -> turnToSession.merge(k, v, (a, b) -> a.compareTo(b) >= 0 ? a : b));
        }
      } finally {
        deleteTree(tmp);
      }
    }
    TreeSet<String> all = new TreeSet<>(sesRow.keySet());
    all.removeAll(emitted);
    all.remove("");
    Features.Out rest = new Features.Out();
    for (String sid : all) rest.add(sid, null, ses, sesRow.get(sid));
    if (t == null) t = rest.table();
    else t.append(rest.table());
    t = sortedBySessionId(t);
    Features.joinLabels(t, lp.labels, turnToSession, problems);
    return new Features.Result(t, List.copyOf(problems));
  }

  /**
   * Filters that split the sessions into at most {@code parts} partitions: ranges of
   * {@code session_id} between quantiles of the row groups' smallest ids (parquet statistics), so
   * that DuckDB skips the row groups of other partitions when the file is sorted by session; hash
   * partitions when the file has no such statistics. Every session (null ids included) falls in
   * exactly one partition whatever the file's order.
   */
  static List<String> partitions(Statement st, Path conv, int parts) throws SQLException {
    if (parts == 1) return List.of("");
    List<String> mins = new ArrayList<>();
    try (ResultSet rs = st.executeQuery("SELECT stats_min FROM parquet_metadata(" + quote(conv.toString())
        + ") WHERE path_in_schema = 'session_id' AND stats_min IS NOT NULL ORDER BY stats_min")) {
      while (rs.next()) mins.add(rs.getString(1));
    }
    TreeSet<String> splits = new TreeSet<>();
    for (int p = 1; p < parts && !mins.isEmpty(); p++) {
      String key = mins.get((int) ((long) p * mins.size() / parts));
      if (key.compareTo(mins.get(0)) > 0) splits.add(key); // the smallest would leave partition 0 empty
    }
    List<String> filters = new ArrayList<>();
    if (splits.isEmpty()) {
      for (int p = 0; p < parts; p++) filters.add("hash(session_id) % " + parts + " = " + p);
      return filters;
    }
    String lo = null;
    for (String hi : splits) {
      filters.add(lo == null ? "(session_id < " + quote(hi) + " OR session_id IS NULL)"
          : "session_id >= " + quote(lo) + " AND session_id < " + quote(hi));
      lo = hi;
    }
    filters.add("session_id >= " + quote(lo));
    return filters;
  }

  /** Runs the jobs on their own threads; the first failure is rethrown. */
  private static List<Stream> runAll(List<Callable<Stream>> jobs) throws SQLException {
    if (jobs.size() == 1) {
      try {
        return List.of(jobs.get(0).call());
      } catch (SQLException | RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    ExecutorService ex = Executors.newFixedThreadPool(jobs.size(), r -> {
      Thread th = new Thread(r, "parquet-features");
      th.setDaemon(true);
      return th;
    });
    try {
      List<Future<Stream>> fs = new ArrayList<>();
      for (Callable<Stream> j : jobs) fs.add(ex.submit(j));
      List<Stream> out = new ArrayList<>();
      for (Future<Stream> f : fs) {
        try {
          out.add(f.get());
        } catch (ExecutionException e) {
          Throwable c = e.getCause();
          if (c instanceof SQLException q) throw q;
          if (c instanceof RuntimeException r) throw r;
          if (c instanceof Error err) throw err;
          throw new IllegalStateException(c);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        }
      }
      return out;
    } finally {
      ex.shutdownNow();
    }
  }

  /** The rows of {@code t} in {@code String} order of {@code session_id} (ids are distinct). */
  private static Table sortedBySessionId(Table t) {
    StringColumn sid = t.stringColumn("session_id");
    Integer[] idx = new Integer[t.rowCount()];
    for (int i = 0; i < idx.length; i++) idx[i] = i;
    Arrays.sort(idx, (a, b) -> sid.get(a).compareTo(sid.get(b)));
    int[] order = new int[idx.length];
    boolean identity = true;
    for (int i = 0; i < idx.length; i++) {
      order[i] = idx[i];
      identity &= order[i] == i;
    }
    if (identity) return t;
    Table s = Table.create(t.name());
    for (Column<?> c : t.columns()) s.addColumns(c.subset(order)); // subset keeps the given order
    return s;
  }

  /** Creates ENUM {@code sid_t} of the distinct non-null session ids of sessions.parquet; its values in code order. */
  private static String[] sessionEnum(Statement st, Path sessions) throws SQLException {
    String src = "read_parquet(" + quote(sessions.toString()) + ")";
    st.execute("CREATE TYPE sid_t AS ENUM (SELECT DISTINCT CAST(session_id AS VARCHAR) FROM " + src
        + " WHERE session_id IS NOT NULL ORDER BY 1)");
    List<String> ids = new ArrayList<>();
    try (ResultSet rs = st.executeQuery("SELECT unnest(enum_range(NULL::sid_t))")) {
      while (rs.next()) ids.add(rs.getString(1));
    }
    return ids.toArray(new String[0]);
  }

  // result columns, in order
  private static final int SIDX = 0, SID = 1, TURN = 2, TT = 3, TT_RAW = 4, ROLE = 5, ROLE_RAW = 6,
      INTERRUPT = 7, SIDECHAIN = 8, ERROR = 9, TS = 10, MODEL = 11, AGENT = 12, REPO = 13, USER = 14,
      EVENT = 15, CONTENT = 16, CALL_ID = 17, MSG_ID = 18, TOOL = 19, COMMAND = 20, CAT = 21,
      CAT_RAW = 22, FILE = 23, CHARS = 24, WORDS = 25, IN = 26, OUT = 27, CACHE = 28, TURN_ID = 29;

  private static String list(List<String> values) {
    return values.stream().map(ParquetFeatures::quote).collect(Collectors.joining(", ", "[", "]"));
  }

  /** The streaming query over the canonical subquery {@code base}. */
  static String query(String base, boolean turnIds, boolean sorted, String filter) {
    String tt = list(Schema.TURN_TYPES), roles = list(Schema.ROLES), cats = list(ToolTaxonomy.CATEGORIES);
    StringBuilder q = new StringBuilder("SELECT CAST(enum_code(TRY_CAST(session_id AS sid_t)) AS INTEGER), ")
        .append("CASE WHEN TRY_CAST(session_id AS sid_t) IS NULL THEN session_id END, turn_number, ")
        .append("CAST(coalesce(list_position(").append(tt).append(", turn_type), 0) AS INTEGER), turn_type, ")
        .append("CAST(coalesce(list_position(").append(roles).append(", role), 0) AS INTEGER), role, ")
        .append("is_interrupt, is_sidechain, is_error, epoch_us(\"timestamp\"), model, agent, repo_id, user_id, ")
        .append("event, content, tool_call_id, message_id, tool_name, command, ")
        .append("CAST(coalesce(list_position(").append(cats).append(", tool_category), 0) AS INTEGER), tool_category, ")
        .append("file_path, char_count, word_count, input_tokens, output_tokens, cache_read_input_tokens, ")
        .append(turnIds ? "turn_id" : "CAST(NULL AS VARCHAR)")
        .append(" FROM (").append(base).append(") c");
    if (!filter.isEmpty()) q.append(" WHERE ").append(filter);
    if (sorted) {
      q.append(" ORDER BY session_id NULLS FIRST, coalesce(turn_number, 2147483647), ").append(SweChatFolder.FILE_ROW);
    }
    return q.toString();
  }

  /** One pass over the streamed rows; false when they turned out not grouped by session. */
  private static final class Stream {
    final String[] ids;
    final Table ses;
    final Map<String, Integer> sesRow;
    final Features.LabelPrep lp;
    final FeatureOptions options;
    final ProgressListener progress;
    final AtomicLong allRows;
    final long totalRows;
    final Features.Out out = new Features.Out();
    final Set<String> emitted = new HashSet<>();
    final Map<String, String> turnToSession = new HashMap<>();
    final BitSet seenCodes = new BitSet();
    final Set<String> seenRaw = new HashSet<>();
    long rows;
    long reported;

    Stream(String[] ids, Table ses, Map<String, Integer> sesRow, Features.LabelPrep lp,
        FeatureOptions options, ProgressListener progress, AtomicLong allRows, long totalRows) {
      this.ids = ids;
      this.allRows = allRows;
      this.totalRows = totalRows;
      this.ses = ses;
      this.sesRow = sesRow;
      this.lp = lp;
      this.options = options;
      this.progress = progress;
    }

    boolean read(DuckDBConnection c, String sql) throws SQLException {
      ChunkRec rec = new ChunkRec();
      int curCode = -2;
      String curRaw = null;
      String cur = null;
      Features.Acc[] pair = null;
      int lastTurn = Integer.MIN_VALUE;
      try (DuckDBPreparedStatement ps = c.prepare(sql); DuckDBChunkedResult r = ps.query()) {
        while (r.nextChunk()) {
          DuckDBDataChunkReader ch = r.chunk();
          rec.bind(ch);
          long m = ch.rowCount();
          for (long k = 0; k < m; k++) {
            rec.k = k;
            int code = rec.sidx.isNull(k) ? -1 : rec.sidx.getInt(k);
            boolean same;
            String raw = null;
            if (code >= 0) {
              same = code == curCode;
            } else {
              raw = rec.str(rec.sid);
              same = curCode == -1 && raw.equals(curRaw);
            }
            int turn = rec.turn.isNull(k) ? Integer.MAX_VALUE : rec.turn.getInt(k);
            if (!same) {
              boolean fresh = code >= 0 ? !seenCodes.get(code) : seenRaw.add(raw);
              if (!fresh) return false;
              if (code >= 0) seenCodes.set(code);
              if (pair != null) emit(cur, pair);
              curCode = code;
              curRaw = raw;
              cur = code >= 0 ? ids[code] : raw;
              pair = new Features.Acc[] {new Features.Acc(), new Features.Acc()};
            } else if (turn < lastTurn) {
              return false;
            }
            lastTurn = turn;
            if (!lp.wantedTurns.isEmpty()) {
              String tid = rec.str(rec.turnId);
              if (lp.wantedTurns.contains(tid)) {
                // the in-memory pass visits sessions in id order: the last (largest) id wins
                turnToSession.merge(tid, cur, (a, b) -> a.compareTo(b) >= 0 ? a : b);
              }
            }
            (rec.sidechain() && !options.includeSidechain() ? pair[1] : pair[0]).add(rec);
            rows++;
          }
          if (rows - reported >= PROGRESS_EVERY) {
            progress.update(STREAM_STAGE, allRows.addAndGet(rows - reported), totalRows);
            reported = rows;
          }
        }
      }
      if (pair != null) emit(cur, pair);
      progress.update(STREAM_STAGE, allRows.addAndGet(rows - reported), totalRows);
      return true;
    }

    void emit(String sid, Features.Acc[] pair) {
      if (sid.isEmpty()) return;
      emitted.add(sid);
      out.add(sid, pair, ses, sesRow.get(sid));
    }
  }

  /**
   * {@link Features.Rec} over row {@link #k} of a result chunk; text is read from DuckDB's vector
   * only when asked for. Missing values follow Tablesaw's conventions, as {@link SweChatFolder#read}
   * loads them.
   */
  private static final class ChunkRec implements Features.Rec {
    DuckDBReadableVector sidx, sid, turn, tt, ttRaw, role, roleRaw, interrupt, sidechain, error, ts,
        model, agent, repo, user, event, content, callId, msgId, tool, command, cat, catRaw, file,
        chars, words, in, out, cache, turnId;
    long k;

    void bind(DuckDBDataChunkReader ch) {
      sidx = ch.vector(SIDX); sid = ch.vector(SID); turn = ch.vector(TURN);
      tt = ch.vector(TT); ttRaw = ch.vector(TT_RAW); role = ch.vector(ROLE); roleRaw = ch.vector(ROLE_RAW);
      interrupt = ch.vector(INTERRUPT); sidechain = ch.vector(SIDECHAIN); error = ch.vector(ERROR);
      ts = ch.vector(TS); model = ch.vector(MODEL); agent = ch.vector(AGENT); repo = ch.vector(REPO);
      user = ch.vector(USER); event = ch.vector(EVENT); content = ch.vector(CONTENT);
      callId = ch.vector(CALL_ID); msgId = ch.vector(MSG_ID); tool = ch.vector(TOOL);
      command = ch.vector(COMMAND); cat = ch.vector(CAT); catRaw = ch.vector(CAT_RAW);
      file = ch.vector(FILE); chars = ch.vector(CHARS); words = ch.vector(WORDS); in = ch.vector(IN);
      out = ch.vector(OUT); cache = ch.vector(CACHE); turnId = ch.vector(TURN_ID);
    }

    String str(DuckDBReadableVector v) {
      if (v.isNull(k)) return "";
      String s = v.getString(k);
      return s == null ? "" : s;
    }

    private String coded(DuckDBReadableVector code, DuckDBReadableVector raw, List<String> values) {
      int c = code.getInt(k);
      return c > 0 ? values.get(c - 1) : str(raw);
    }

    private boolean bool(DuckDBReadableVector v) {
      return !v.isNull(k) && v.getBoolean(k);
    }

    private int integer(DuckDBReadableVector v) {
      return v.isNull(k) ? MISSING_INT : v.getInt(k);
    }

    private long lng(DuckDBReadableVector v) {
      return v.isNull(k) ? MISSING_LONG : v.getLong(k);
    }

    @Override public String turnType() { return coded(tt, ttRaw, Schema.TURN_TYPES); }
    @Override public String role() { return coded(role, roleRaw, Schema.ROLES); }
    @Override public boolean interrupt() { return bool(interrupt); }
    @Override public boolean sidechain() { return bool(sidechain); }
    @Override public boolean error() { return bool(error); }
    @Override public long timeMillis() {
      return ts.isNull(k) ? Features.Acc.NO_TIME : Math.floorDiv(ts.getLong(k), 1000L);
    }
    @Override public String model() { return str(model); }
    @Override public String agent() { return str(agent); }
    @Override public String repoId() { return str(repo); }
    @Override public String userId() { return str(user); }
    @Override public String event() { return str(event); }
    @Override public String content() { return str(content); }
    @Override public String toolCallId() { return str(callId); }
    @Override public String messageId() { return str(msgId); }
    @Override public String toolName() { return str(tool); }
    @Override public String command() { return str(command); }
    @Override public String toolCategory() { return coded(cat, catRaw, ToolTaxonomy.CATEGORIES); }
    @Override public String filePath() { return str(file); }
    @Override public int charCount() { return integer(chars); }
    @Override public int wordCount() { return integer(words); }
    @Override public long inputTokens() { return lng(in); }
    @Override public long outputTokens() { return lng(out); }
    @Override public long cacheReadTokens() { return lng(cache); }
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  private static void deleteTree(Path dir) {
    try (var w = Files.walk(dir)) {
      w.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind loses nothing
    }
  }
}
