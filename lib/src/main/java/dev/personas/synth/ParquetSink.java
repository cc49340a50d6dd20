package dev.personas.synth;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.personas.load.ToolTaxonomy;
import dev.personas.schema.Schema;
import dev.personas.synth.Ev.Kind;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Streams sessions into SWE-chat-schema parquet files through DuckDB, in two parts:
 *
 * <ul>
 *   <li>a <b>template</b> ({@link #template}) is one built session's rows without identity (turn
 *       number, time offset from the session start, role, turn type, content, counts, tokens,
 *       tool columns), written once as one JSON line (the session's rows as an array of row
 *       objects, {@link Prepared}) into {@code .synth-tmp/} beside the output; the rows are
 *       rendered by {@link #prepare}, which needs no sink and may run on any thread;
 *   <li>an <b>instance</b> ({@link #instance}) is one row of the session plan (session id, user,
 *       repo, agent, model, start time, time scale, template id, id tag, row count) plus its
 *       {@code sessions} row, appended through DuckDB's appender into an in-memory DuckDB database
 *       (capped at {@value #MEMORY_LIMIT}, spilling to {@code .synth-tmp/}).
 * </ul>
 *
 * {@link #close()} writes {@code sessions.parquet}, then expands the plan inside DuckDB into
 * {@code conversations.parquet}: DuckDB reads the templates into one list of row structs each,
 * the plan (sorted by session id, in 2,048-row groups) is joined to them and the lists unnested,
 * so no row passes through Java. Both files are zstd-compressed and sorted by key
 * ({@code session_id}, then {@code turn_number}). A query's expansion runs on one DuckDB thread,
 * because DuckDB does not keep the plan's order through a parallel hash join (and the bytes must
 * not depend on scheduling); large plans are cut into ranges of sessions expanded side by side
 * into part files, which are then concatenated ({@link #close}, {@link ParquetConcat}). The
 * temporary folder is deleted. A session written with {@link #add} is its own template at time
 * scale 1, so its rows are exactly its events (as before pooling); {@link PooledParquet} reuses
 * templates for datasets larger than its pool.
 *
 * <p>Rows: one per event, mapped as the loaders map Claude Code and Codex records. Columns and
 * order are {@link Schema#SESSIONS} and {@link Schema#CONVERSATIONS}; timestamps are
 * {@code TIMESTAMP WITH TIME ZONE} (UTC); {@code content} and {@code tool_input_json} are capped at
 * {@value #CAP} characters as in the SWE-chat release, {@code char_count}/{@code word_count} count
 * the full text. The same sessions give the same bytes whatever the number of threads.
 */
final class ParquetSink implements AutoCloseable {
  static final int CAP = 10_000;
  /**
   * Conversation rows per part file of the expansion (see {@link #close}): 400,000 sessions
   * (76M rows) make 4 parts, datasets below 20M rows one.
   */
  static final long PART_ROWS = 20_000_000;
  /** At most this many part files. */
  static final int MAX_PARTS = 64;
  /** DuckDB's memory cap (it spills to the temporary folder beyond it). */
  static final String MEMORY_LIMIT = "6GB";
  private static final boolean VERBOSE = Boolean.getBoolean("synth.verbose");
  private final long t0 = System.nanoTime();

  private void log(String stage) {
    if (!VERBOSE) return;
    var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    System.err.printf(java.util.Locale.ROOT, "synth parquet: %s at %.1f s wall, %.1f s process cpu%n", stage,
        (System.nanoTime() - t0) / 1e9, os.getProcessCpuTime() / 1e9);
  }

  /** What a template carries into its instances' {@code sessions} rows and the truth files. */
  record Template(int id, int rows, long durationMs, long inputTokens, long outputTokens,
      long cacheReadTokens, int prompts, double agentPercentage, long agentLines, long humanAdded,
      long humanModified, long humanRemoved, long totalCommitted, String mess) {}

  private final Path dir;
  private final Path tmp;
  private final int threads;
  private final long partRows;
  private final Connection conn;
  private final DuckDBAppender sessions;
  private final DuckDBAppender plan;
  private final Path templateFile;
  private final OutputStream templateOut;
  /** Values seen in each of {@link #ENUM_FIELDS}. */
  private final List<Set<String>> enumValues = new ArrayList<>();
  private int longestTemplate;
  private static final JsonFactory JSON = new JsonFactory();
  private int nextTemplate;
  private long rows;
  private boolean closed;

  /** As {@link #ParquetSink(Path, int, long)} with one thread per core and {@link #PART_ROWS}. */
  ParquetSink(Path dir) throws IOException {
    this(dir, Runtime.getRuntime().availableProcessors(), PART_ROWS);
  }

  /**
   * A sink writing into {@code dir}; {@link #close} expands parts of about {@code partRows}
   * conversation rows, {@code threads} at a time.
   *
   * @throws IllegalArgumentException when {@code threads < 1} or {@code partRows < 1}
   */
  ParquetSink(Path dir, int threads, long partRows) throws IOException {
    if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    if (partRows < 1) throw new IllegalArgumentException("partRows must be >= 1, got " + partRows);
    this.threads = threads;
    this.partRows = partRows;
    this.dir = dir;
    this.tmp = dir.resolve(".synth-tmp");
    deleteTree(tmp);
    Files.createDirectories(tmp);
    templateFile = tmp.resolve("templates.json");
    for (int c = 0; c < ENUM_FIELDS.size(); c++) enumValues.add(new TreeSet<>());
    try {
      conn = DriverManager.getConnection("jdbc:duckdb:");
      try (Statement st = conn.createStatement()) {
        st.execute("SET preserve_insertion_order = true");
        st.execute("SET TimeZone = 'UTC'");
        st.execute("SET memory_limit = '" + MEMORY_LIMIT + "'");
        st.execute("SET temp_directory = " + SqlText.quote(tmp.toAbsolutePath().toString()));
        st.execute(ddl("sessions", Schema.SESSIONS));
        st.execute("CREATE TABLE plan (session_id VARCHAR, user_id VARCHAR, repo_id VARCHAR, "
            + "agent VARCHAR, model VARCHAR, start_ms BIGINT, scale DOUBLE, tpl_id INTEGER, tag VARCHAR, n_rows INTEGER)");
      }
      DuckDBConnection d = conn.unwrap(DuckDBConnection.class);
      sessions = d.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "sessions");
      plan = d.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "plan");
      templateOut = new BufferedOutputStream(Files.newOutputStream(templateFile), 1 << 20);
    } catch (SQLException e) {
      throw new IOException("cannot open DuckDB (in memory, spilling to " + tmp + "): " + e.getMessage(), e);
    }
  }

  private static String ddl(String table, List<Schema.Col> cols) {
    StringBuilder b = new StringBuilder("CREATE TABLE " + table + " (");
    for (int i = 0; i < cols.size(); i++) {
      Schema.Col c = cols.get(i);
      if (i > 0) b.append(", ");
      b.append('"').append(c.name()).append("\" ").append(switch (c.type().name()) {
        case "STRING" -> "VARCHAR";
        case "INTEGER" -> "INTEGER";
        case "LONG" -> "BIGINT";
        case "DOUBLE" -> "DOUBLE";
        case "BOOLEAN" -> "BOOLEAN";
        case "INSTANT" -> "TIMESTAMPTZ";
        default -> throw new IllegalStateException("unmapped type " + c.type().name());
      });
    }
    return b.append(')').toString();
  }

  /** Conversation rows of the instances added so far. */
  long rows() {
    return rows;
  }

  /** Adds {@code s} as its own template and instance: its rows are exactly its events. */
  void add(SynthSession s) throws IOException {
    instance(s, template(s), 1.0, null);
  }

  /**
   * Appends the rows of built session {@code s} as a new template.
   *
   * @return the template, to pass to {@link #instance}
   */
  Template template(SynthSession s) throws IOException {
    return template(prepare(s));
  }

  /**
   * The template rows of built session {@code s}, ready to append: every value computed (content
   * cap, word counts, tool categories, input JSON, usage totals). A function of {@code s} only;
   * safe to call from several threads at once, so {@link PooledParquet} prepares its built
   * sessions in parallel and only appends in order.
   */
  static Prepared prepare(SynthSession s) {
    return new Prepared(s);
  }

  /** Appends prepared rows as a new template (see {@link #prepare}). */
  Template template(Prepared p) throws IOException {
    int id = nextTemplate++;
    byte[] head = ("{\"tpl_id\":" + id + ",\"r\":").getBytes(StandardCharsets.US_ASCII);
    templateOut.write(head);
    templateOut.write(p.json);
    templateOut.write(LINE_END);
    longestTemplate = Math.max(longestTemplate, head.length + p.json.length + LINE_END.length);
    for (int c = 0; c < ENUM_FIELDS.size(); c++) enumValues.get(c).addAll(p.values.get(c));
    SynthSession s = p.s;
    return new Template(id, p.n, s.endMs - s.startMs, p.in, p.out, p.cache, p.prompts,
        s.agentPercentage(), s.agentLines, s.humanAdded, s.humanModified, s.humanRemoved,
        s.totalCommitted(), s.mess);
  }

  private static final byte[] LINE_END = "}\n".getBytes(StandardCharsets.US_ASCII);

  /** Template fields DuckDB reads as ENUMs of the values seen (see {@link #close}). */
  static final List<String> ENUM_FIELDS = List.of("role", "turn_type", "tool_name", "tool_category", "event");

  /**
   * One built session's template rows as a JSON array of row objects (UTF-8), the form DuckDB
   * reads into one list of row structs ({@link #templateStruct}); null fields are left out.
   */
  static final class Prepared {
    final SynthSession s;
    final int n;
    final byte[] json;
    final long in, out, cache;
    final int prompts;
    /** Distinct values of each of {@link #ENUM_FIELDS}. */
    final List<Set<String>> values = new ArrayList<>();

    private Prepared(SynthSession s) {
      this.s = s;
      List<Ev> evs = s.events;
      n = evs.size();
      for (int c = 0; c < ENUM_FIELDS.size(); c++) values.add(new HashSet<>());
      ByteArrayOutputStream buf = new ByteArrayOutputStream(640 * Math.max(1, n));
      try (JsonGenerator g = JSON.createGenerator(buf)) {
        g.writeStartArray();
        for (int i = 0; i < n; i++) row(g, evs.get(i), i + 1);
        g.writeEndArray();
      } catch (IOException x) {
        throw new UncheckedIOException(x);
      }
      json = buf.toByteArray();
      long a = 0, b = 0, x = 0;
      String last = null;
      for (Ev e : evs) {
        // lines of one response repeat its usage: count each response once (responses are contiguous)
        if (e.msgId == null || e.kind == Kind.SIDECHAIN || e.msgId.equals(last)) continue;
        last = e.msgId;
        a += e.inTok + e.cacheCreate;
        b += e.outTok;
        x += e.cacheRead;
      }
      in = a;
      out = b;
      cache = x;
      prompts = s.promptCount();
    }

    private void row(JsonGenerator g, Ev e, int n) throws IOException {
      String role;
      String type;
      boolean conv = false;
      String event = null;
      switch (e.kind) {
        case PROMPT -> { role = "user"; type = "user_prompt"; conv = true; }
        case INJECTED -> { role = "user"; type = "system_injected"; }
        case THINKING -> { role = "assistant"; type = "assistant_thinking"; }
        case TEXT -> { role = "assistant"; type = "assistant_response"; conv = true; }
        case TOOL_USE -> { role = "tool_use"; type = "tool_use"; }
        case TOOL_RESULT -> { role = "tool_result"; type = "tool_result"; }
        case INTERRUPT -> { role = "user"; type = "system_injected"; event = s.user.codex() ? "turn_aborted" : null; }
        case SIDECHAIN -> { role = e.sideUser ? "user" : "assistant"; type = e.sideUser ? "user_prompt" : "assistant_response"; }
        default -> throw new IllegalStateException(e.kind.name());
      }
      String content = e.kind == Kind.TOOL_USE ? null
          : e.kind == Kind.INTERRUPT ? (s.user.codex() ? "<turn_aborted>" : e.forToolUse
              ? "[Request interrupted by user for tool use]" : "[Request interrupted by user]")
          : e.text;
      boolean tool = e.kind == Kind.TOOL_USE || e.kind == Kind.TOOL_RESULT;
      boolean use = e.kind == Kind.TOOL_USE;
      String toolName = tool ? e.tool : null;
      String category = tool ? ToolTaxonomy.category(e.tool, e.command) : null;
      String msgId = e.kind == Kind.SIDECHAIN ? null : e.msgId;
      String callId = tool ? e.callId : null;
      g.writeStartObject();
      num(g, F_N, n);
      if (!e.noTimestamp) num(g, F_OFF, e.t - s.startMs);
      str(g, F_ROLE, role);
      str(g, F_TURN_TYPE, type);
      bool(g, F_CONV, conv);
      if (content != null) {
        str(g, F_CONTENT, content.length() > CAP ? content.substring(0, CAP) : content);
        num(g, F_CHARS, content.length());
        num(g, F_WORDS, Vocab.countWords(content));
      }
      bool(g, F_HAS_MODEL, role.equals("assistant") || role.equals("tool_use"));
      if (msgId != null) {
        num(g, F_IN_TOK, e.inTok + e.cacheCreate);
        num(g, F_OUT_TOK, e.outTok);
        num(g, F_CACHE_TOK, e.cacheRead);
      }
      str(g, F_TOOL_NAME, toolName);
      str(g, F_CALL_ID, callId);
      str(g, F_TOOL_CATEGORY, category);
      str(g, F_FILE_PATH, use ? e.file : null);
      str(g, F_COMMAND, use ? e.command : null);
      str(g, F_PATTERN, use ? e.pattern : null);
      str(g, F_TOOL_INPUT_JSON, use ? inputJson(e) : null);
      bool(g, F_IS_ERROR, e.error);
      bool(g, F_IS_INTERRUPT, e.kind == Kind.INTERRUPT);
      bool(g, F_IS_SIDECHAIN, e.kind == Kind.SIDECHAIN);
      str(g, F_MSG_ID, msgId);
      str(g, F_EVENT, event);
      str(g, F_SFX, ":" + n);
      split(g, F_CALL_ID_PRE, F_CALL_ID_SUF, callId);
      split(g, F_MSG_ID_PRE, F_MSG_ID_SUF, msgId);
      g.writeEndObject();
      String[] enums = {role, type, toolName, category, event};
      for (int c = 0; c < enums.length; c++) if (enums[c] != null) values.get(c).add(enums[c]);
    }

  }

  // field names of the template rows, encoded once (see templateStruct)
  private static final SerializedString F_N = new SerializedString("n"), F_OFF = new SerializedString("off"),
      F_ROLE = new SerializedString("role"), F_TURN_TYPE = new SerializedString("turn_type"),
      F_CONV = new SerializedString("conv"), F_CONTENT = new SerializedString("content"),
      F_CHARS = new SerializedString("chars"), F_WORDS = new SerializedString("words"),
      F_HAS_MODEL = new SerializedString("has_model"), F_IN_TOK = new SerializedString("in_tok"),
      F_OUT_TOK = new SerializedString("out_tok"), F_CACHE_TOK = new SerializedString("cache_tok"),
      F_TOOL_NAME = new SerializedString("tool_name"), F_CALL_ID = new SerializedString("call_id"),
      F_TOOL_CATEGORY = new SerializedString("tool_category"), F_FILE_PATH = new SerializedString("file_path"),
      F_COMMAND = new SerializedString("command"), F_PATTERN = new SerializedString("pattern"),
      F_TOOL_INPUT_JSON = new SerializedString("tool_input_json"), F_IS_ERROR = new SerializedString("is_error"),
      F_IS_INTERRUPT = new SerializedString("is_interrupt"), F_IS_SIDECHAIN = new SerializedString("is_sidechain"),
      F_MSG_ID = new SerializedString("msg_id"), F_EVENT = new SerializedString("event"),
      F_SFX = new SerializedString("sfx"), F_CALL_ID_PRE = new SerializedString("call_id_pre"),
      F_CALL_ID_SUF = new SerializedString("call_id_suf"), F_MSG_ID_PRE = new SerializedString("msg_id_pre"),
      F_MSG_ID_SUF = new SerializedString("msg_id_suf");

  private static void str(JsonGenerator g, SerializedString name, String v) throws IOException {
    if (v == null) return;
    g.writeFieldName(name);
    g.writeString(v);
  }

  private static void num(JsonGenerator g, SerializedString name, long v) throws IOException {
    g.writeFieldName(name);
    g.writeNumber(v);
  }

  private static void bool(JsonGenerator g, SerializedString name, boolean v) throws IOException {
    g.writeFieldName(name);
    g.writeBoolean(v);
  }

  /**
   * Writes {@code <id>_pre}, the id without its last {@code 8 + SEQ_WIDTH} characters, and
   * {@code <id>_suf}, its last {@link SessionBuilder.Ids#SEQ_WIDTH} characters, when {@code id}
   * is long enough to carry a tag ({@code 16 + SEQ_WIDTH} characters or more; see {@link #retag}).
   * The tag replaces the 8 characters in between: a session's compact ids share their stem and
   * differ only in that sequence suffix, so the suffix keeps them distinct within the session and
   * the tag keeps them distinct between sessions that reuse one template (overwriting the suffix
   * would give every id of a session the same value).
   */
  private static void split(JsonGenerator g, SerializedString pre, SerializedString suf, String id)
      throws IOException {
    int keep = SessionBuilder.Ids.SEQ_WIDTH;
    if (id == null || id.length() < keep + 16) return;
    str(g, pre, id.substring(0, id.length() - keep - 8));
    str(g, suf, id.substring(id.length() - keep));
  }

  /**
   * Appends one session of the plan: identity from {@code head} (session id, user, repo, agent,
   * model, start), rows from template {@code t} with time offsets multiplied by {@code scale};
   * when {@code tag} is not null it replaces the 8 characters before the sequence suffix of the
   * template's message and tool call ids ({@link #retag}), so reused ids stay unique per session
   * and distinct ids of the template stay distinct.
   */
  void instance(SynthSession head, Template t, double scale, String tag) throws IOException {
    try {
      DuckDBAppender a = plan;
      a.beginRow();
      a.append(head.sessionId).append(head.user.userId()).append(head.repoId).append(head.agent())
          .append(head.model).append(head.startMs).append(scale).append(t.id());
      str(a, tag);
      a.append(t.rows());
      a.endRow();
      a = sessions;
      a.beginRow();
      a.append(head.sessionId).append(head.user.userId()).append(head.repoId).append(head.agent())
          .append(head.model);
      a.appendEpochMicros(head.startMs * 1000)
          .appendEpochMicros((head.startMs + Math.round(t.durationMs() * scale)) * 1000);
      a.append(t.inputTokens()).append(t.outputTokens()).append(t.cacheReadTokens());
      a.append(t.prompts());
      a.append(t.agentPercentage()).append(t.agentLines()).append(t.humanAdded())
          .append(t.humanModified()).append(t.humanRemoved()).append(t.totalCommitted());
      a.append("synth").append("synth:" + head.index);
      a.endRow();
    } catch (SQLException e) {
      throw new IOException("appending session " + head.sessionId + ": " + e.getMessage(), e);
    }
    rows += t.rows();
  }

  private static void str(DuckDBAppender a, String v) throws SQLException {
    if (v == null) a.appendNull();
    else a.append(v);
  }

  private static String inputJson(Ev e) {
    StringWriter w = new StringWriter(64);
    try (JsonGenerator g = JSON.createGenerator(w)) {
      g.writeStartObject();
      if (e.file != null) g.writeStringField("file_path", e.file);
      if (e.command != null) g.writeStringField("command", e.command);
      if (e.pattern != null) g.writeStringField("pattern", e.pattern);
      if (e.oldText != null) g.writeStringField("old_string", e.oldText);
      if (e.newText != null) g.writeStringField("new_string", e.newText);
      g.writeEndObject();
    } catch (IOException x) {
      throw new UncheckedIOException(x);
    }
    String s = w.toString();
    return s.length() > CAP ? s.substring(0, CAP) : s;
  }

  /** The template value of column {@code col} at the row's position (SQL). */
  private static String at(String col) {
    return "t." + col + "[pos + 1]";
  }

  /**
   * The id of template field {@code id} with the plan row's tag written in between its
   * {@code _pre} and {@code _suf} parts (SQL, see {@link #split(JsonGenerator, SerializedString, SerializedString, String)}).
   */
  private static String retag(String id) {
    return "CASE WHEN tag IS NULL OR u." + id + "_pre IS NULL THEN u." + id + " ELSE u." + id + "_pre || tag || u."
        + id + "_suf END";
  }

  /** The distinct non-null values of {@code column} in {@code table}. */
  private static Set<String> distinct(Statement st, String table, String column) throws SQLException {
    Set<String> values = new TreeSet<>();
    try (var rs = st.executeQuery("SELECT DISTINCT " + column + " FROM " + table + " WHERE " + column
        + " IS NOT NULL")) {
      while (rs.next()) values.add(rs.getString(1));
    }
    return values;
  }

  /**
   * Creates ENUM type {@code name} of {@code values} in sorted order; returns the type, or
   * {@code VARCHAR} when there are none.
   */
  private static String enumType(Statement st, String name, Set<String> values) throws SQLException {
    if (values.isEmpty()) return "VARCHAR";
    List<String> quoted = new ArrayList<>();
    for (String v : new TreeSet<>(values)) quoted.add(SqlText.quote(v));
    st.execute("CREATE TYPE " + name + " AS ENUM (" + String.join(", ", quoted) + ")");
    return name;
  }

  /**
   * The DuckDB type of one template row, the fields {@link Prepared} writes; the fields of
   * {@link #ENUM_FIELDS} get {@code enumTypes}, in that order.
   */
  static String templateStruct(List<String> enumTypes) {
    return "STRUCT(n INTEGER, \"off\" BIGINT, \"role\" " + enumTypes.get(0) + ", turn_type " + enumTypes.get(1)
        + ", conv BOOLEAN, \"content\" VARCHAR, chars INTEGER, words INTEGER, has_model BOOLEAN, "
        + "in_tok BIGINT, out_tok BIGINT, cache_tok BIGINT, tool_name " + enumTypes.get(2) + ", call_id VARCHAR, "
        + "tool_category " + enumTypes.get(3) + ", file_path VARCHAR, command VARCHAR, \"pattern\" VARCHAR, "
        + "tool_input_json VARCHAR, is_error BOOLEAN, is_interrupt BOOLEAN, is_sidechain BOOLEAN, "
        + "msg_id VARCHAR, event " + enumTypes.get(4) + ", sfx VARCHAR, call_id_pre VARCHAR, call_id_suf VARCHAR, "
        + "msg_id_pre VARCHAR, msg_id_suf VARCHAR)";
  }

  /** Number of part files {@code rows} conversation rows are expanded into (see {@link #close}). */
  static int parts(long rows, long sessions, long partRows) {
    long p = Math.max(1, (rows + partRows - 1) / partRows);
    return (int) Math.max(1, Math.min(p, Math.min(sessions, MAX_PARTS)));
  }

  /**
   * Writes {@code sessions.parquet}, expands the plan into {@code conversations.parquet}, deletes
   * the temporary database.
   *
   * <p>The plan, sorted by {@code session_id}, is cut into {@link #parts} consecutive ranges of
   * about {@code partRows} conversation rows each (cuts by the running row count, so by the data
   * alone); each range is expanded by one query on its own connection into its own part file, in
   * order (one DuckDB thread per query: a parallel hash join does not keep the plan's order), up to
   * {@code threads} parts at a time, and the part files are concatenated in range order
   * ({@link ParquetConcat}). The bytes depend on the plan and {@code partRows}, never on
   * {@code threads} or on which part finishes first. Low-cardinality text columns (role, turn type,
   * tool name and category, event, agent, model) travel as DuckDB ENUMs, which its parquet writer
   * writes as dictionary-encoded strings without hashing every value (the file's columns stay
   * strings).
   */
  @Override
  public void close() throws IOException {
    if (closed) return;
    closed = true;
    try {
      sessions.close();
      plan.close();
      templateOut.close();
      Path planFile = tmp.resolve("plan.parquet");
      Path conversations = dir.resolve("conversations.parquet");
      int parts;
      try (Statement st = conn.createStatement()) {
        st.execute("COPY (SELECT * FROM sessions ORDER BY session_id) TO "
            + SqlText.quote(dir.resolve("sessions.parquet").toAbsolutePath().toString())
            + " (FORMAT parquet, COMPRESSION zstd)");
        st.execute("DROP TABLE sessions");
        log("appended");
        long sessionCount;
        try (var rs = st.executeQuery("SELECT count(*) FROM plan")) {
          rs.next();
          sessionCount = rs.getLong(1);
        }
        parts = parts(rows, sessionCount, partRows);
        String agentT = enumType(st, "agent_t", distinct(st, "plan", "agent"));
        String modelT = enumType(st, "model_t", distinct(st, "plan", "model"));
        // the plan in key order, in small row groups, with the part of each session: a part is the
        // sessions whose first row falls in its share of all rows
        st.execute("COPY (SELECT session_id, user_id, repo_id, CAST(agent AS " + agentT + ") AS agent, "
            + "CAST(model AS " + modelT + ") AS model, start_ms, scale, tpl_id, tag, "
            + "CAST((sum(n_rows) OVER (ORDER BY session_id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) - n_rows) "
            + "* " + parts + " // greatest(" + rows + ", 1) AS INTEGER) AS part FROM plan ORDER BY session_id) TO "
            + SqlText.quote(planFile.toAbsolutePath().toString()) + " (FORMAT parquet, ROW_GROUP_SIZE 2048)");
        st.execute("DROP TABLE plan");
        log("plan (" + parts + " parts)");
        List<String> enumTypes = new ArrayList<>();
        for (int c = 0; c < ENUM_FIELDS.size(); c++) {
          enumTypes.add(enumType(st, ENUM_FIELDS.get(c) + "_t", enumValues.get(c)));
        }
        // one list of row structs per template, in turn order, read from the templates' JSON
        // lines; each plan row probes the small hash table of templates (plan on the probe side)
        // and its list is unnested
        st.execute("CREATE TABLE tl AS SELECT tpl_id, r FROM read_json("
            + SqlText.quote(templateFile.toAbsolutePath().toString()) + ", format = 'newline_delimited', "
            + "maximum_object_size = " + Math.max(16 << 20, longestTemplate + 1) + ", columns = {tpl_id: 'INTEGER', r: "
            + SqlText.quote(templateStruct(enumTypes) + "[]") + "})");
        Files.delete(templateFile);
        log("lists");
        // one thread per query keeps each part in key order and its bytes reproducible (templates
        // stay the build side); parts run side by side on their own connections
        st.execute("SET threads = 1");
        st.execute("SET disabled_optimizers = 'join_order,build_side_probe_side'");
      }
      List<Path> files = new ArrayList<>();
      for (int k = 0; k < parts; k++) {
        files.add(parts == 1 ? conversations : tmp.resolve("conversations-" + k + ".parquet"));
      }
      expand(planFile, files);
      log("conversations");
      if (parts > 1) ParquetConcat.concat(files, conversations);
      log("concatenated");
      conn.close();
    } catch (SQLException e) {
      throw new IOException("writing parquet into " + dir + ": " + e.getMessage(), e);
    } finally {
      deleteTree(tmp);
    }
  }

  /**
   * Closes the sink without writing {@code conversations.parquet} or {@code sessions.parquet}
   * (after a failure upstream); deletes the temporary folder.
   */
  void abort() throws IOException {
    if (closed) return;
    closed = true;
    try {
      templateOut.close();
      conn.close();
    } catch (SQLException e) {
      // the database is discarded either way
    } finally {
      deleteTree(tmp);
    }
  }

  /** Expands part {@code k} of the plan into {@code files.get(k)}, up to {@code threads} at a time. */
  private void expand(Path planFile, List<Path> files) throws SQLException, IOException {
    int n = files.size();
    DuckDBConnection d = conn.unwrap(DuckDBConnection.class);
    if (n == 1 || threads == 1) {
      for (int k = 0; k < n; k++) expandPart(d, planFile, k, n, files.get(k));
      return;
    }
    ExecutorService ex = Executors.newFixedThreadPool(Math.min(threads, n), r -> {
      Thread t = new Thread(r, "synth-parquet");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> fs = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        int part = k;
        fs.add(ex.submit(() -> {
          try (DuckDBConnection c = (DuckDBConnection) d.duplicate()) {
            expandPart(c, planFile, part, n, files.get(part));
          }
          return null;
        }));
      }
      for (Future<?> f : fs) {
        try {
          f.get();
        } catch (ExecutionException e) {
          Throwable c = e.getCause();
          if (c instanceof SQLException q) throw q;
          if (c instanceof IOException io) throw io;
          if (c instanceof RuntimeException r) throw r;
          if (c instanceof Error err) throw err;
          throw new IllegalStateException(c);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while writing " + dir, e);
        }
      }
    } finally {
      ex.shutdownNow();
    }
  }

  private static void expandPart(Connection c, Path planFile, int part, int parts, Path out)
      throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("COPY (SELECT session_id || u.sfx AS turn_id, session_id, repo_id, user_id, "
          + "u.n AS turn_number, u.role, u.turn_type, u.conv AS is_conversational, u.content, "
          + "u.chars AS char_count, u.words AS word_count, "
          + "CASE WHEN u.has_model THEN model END AS model, "
          + "CAST(epoch_ms(start_ms + CAST(round(u.off * scale) AS BIGINT)) AS TIMESTAMPTZ) AS \"timestamp\", "
          + "u.in_tok AS input_tokens, u.out_tok AS output_tokens, u.cache_tok AS cache_read_input_tokens, "
          + "u.tool_name, " + retag("call_id") + " AS tool_call_id, u.tool_category, u.file_path, "
          + "u.command, u.pattern, u.tool_input_json, u.is_error, u.is_interrupt, u.is_sidechain, "
          + "agent, " + retag("msg_id") + " AS message_id, u.event "
          + "FROM (SELECT p.session_id, p.repo_id, p.user_id, p.agent, p.model, p.start_ms, p.scale, "
          + "p.tag, unnest(t.r) AS u FROM read_parquet(" + SqlText.quote(planFile.toAbsolutePath().toString())
          + ") p JOIN tl t ON p.tpl_id = t.tpl_id" + (parts == 1 ? "" : " WHERE p.part = " + part) + ")) TO "
          + SqlText.quote(out.toAbsolutePath().toString())
          + " (FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1)");
    }
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) return;
    List<Path> all;
    try (Stream<Path> s = Files.walk(p)) {
      all = new ArrayList<>(s.toList());
    }
    all.sort(java.util.Comparator.reverseOrder());
    for (Path x : all) Files.delete(x);
  }

  /** SQL string literals. */
  static final class SqlText {
    private SqlText() {}

    static String quote(String s) {
      return "'" + s.replace("'", "''") + "'";
    }
  }
}
