package dev.personas.synth;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.personas.load.ToolTaxonomy;
import dev.personas.schema.Schema;
import dev.personas.synth.Ev.Kind;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Streams sessions into SWE-chat-schema parquet files through DuckDB, in two parts:
 *
 * <ul>
 *   <li>a <b>template</b> ({@link #template}) is one built session's rows without identity (turn
 *       number, time offset from the session start, role, turn type, content, counts, tokens,
 *       tool columns), appended once through DuckDB's appender into an in-memory DuckDB database
 *       (capped at {@value #MEMORY_LIMIT}, spilling to {@code .synth-tmp/} beside the output);
 *   <li>an <b>instance</b> ({@link #instance}) is one row of the session plan (session id, user,
 *       repo, agent, model, start time, time scale, template id, id tag) plus its
 *       {@code sessions} row.
 * </ul>
 *
 * {@link #close()} writes {@code sessions.parquet}, then expands the plan inside DuckDB into
 * {@code conversations.parquet}: templates become one list of row structs each, the plan (sorted
 * by session id, in 2,048-row groups) is joined to them and the lists unnested, so no row passes
 * through Java. Both files are zstd-compressed and sorted by key ({@code session_id}, then
 * {@code turn_number}); the expansion runs on one DuckDB thread because DuckDB does not keep the
 * plan's order through a parallel hash join (and the bytes must not depend on scheduling). The
 * temporary folder is deleted. A session written with {@link #add} is its own template at time
 * scale 1, so its rows are exactly its events (as before pooling); {@link PooledParquet} reuses
 * templates for datasets larger than its pool.
 *
 * <p>Rows: one per event, mapped as the loaders map Claude Code and Codex records. Columns and
 * order are {@link Schema#SESSIONS} and {@link Schema#CONVERSATIONS}; timestamps are
 * {@code TIMESTAMP WITH TIME ZONE} (UTC); {@code content} and {@code tool_input_json} are capped at
 * {@value #CAP} characters as in the SWE-chat release, {@code char_count}/{@code word_count} count
 * the full text.
 */
final class ParquetSink implements AutoCloseable {
  static final int CAP = 10_000;
  /** DuckDB's memory cap (it spills to the temporary folder beyond it). */
  static final String MEMORY_LIMIT = "6GB";
  private static final List<String> TEMPLATE_COLUMNS = List.of("n", "off", "role", "turn_type", "conv",
      "content", "chars", "words", "has_model", "in_tok", "out_tok", "cache_tok", "tool_name", "call_id",
      "tool_category", "file_path", "command", "pattern", "tool_input_json", "is_error", "is_interrupt",
      "is_sidechain", "msg_id", "event");
  private static final boolean VERBOSE = Boolean.getBoolean("synth.verbose");
  private final long t0 = System.nanoTime();

  private void log(String stage) {
    if (!VERBOSE) return;
    var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    System.err.printf(java.util.Locale.ROOT, "synth parquet: %s at %.1f s wall, %.1f s process cpu%n", stage,
        (System.nanoTime() - t0) / 1e9, os.getProcessCpuTime() / 1e9);
  }

  /** What a template carries into its instances' {@code sessions} rows and the truth files. */
  record Template(int id, long first, int rows, long durationMs, long inputTokens, long outputTokens,
      long cacheReadTokens, int prompts, double agentPercentage, long agentLines, long humanAdded,
      long humanModified, long humanRemoved, long totalCommitted, String mess) {}

  private final Path dir;
  private final Path tmp;
  private final Connection conn;
  private final DuckDBAppender sessions;
  private final DuckDBAppender templates;
  private final DuckDBAppender plan;
  private final JsonFactory json = new JsonFactory();
  private int nextTemplate;
  private long positions;
  private long rows;
  private boolean closed;

  ParquetSink(Path dir) throws IOException {
    this.dir = dir;
    this.tmp = dir.resolve(".synth-tmp");
    deleteTree(tmp);
    Files.createDirectories(tmp);
    try {
      conn = DriverManager.getConnection("jdbc:duckdb:");
      try (Statement st = conn.createStatement()) {
        st.execute("SET preserve_insertion_order = true");
        st.execute("SET TimeZone = 'UTC'");
        st.execute("SET memory_limit = '" + MEMORY_LIMIT + "'");
        st.execute("SET temp_directory = " + SqlText.quote(tmp.toAbsolutePath().toString()));
        st.execute(ddl("sessions", Schema.SESSIONS));
        st.execute("CREATE TABLE tpl (tpl_id INTEGER, n INTEGER, off BIGINT, role VARCHAR, "
            + "turn_type VARCHAR, conv BOOLEAN, content VARCHAR, chars INTEGER, words INTEGER, "
            + "has_model BOOLEAN, in_tok BIGINT, out_tok BIGINT, cache_tok BIGINT, tool_name VARCHAR, "
            + "call_id VARCHAR, tool_category VARCHAR, file_path VARCHAR, command VARCHAR, "
            + "pattern VARCHAR, tool_input_json VARCHAR, is_error BOOLEAN, is_interrupt BOOLEAN, "
            + "is_sidechain BOOLEAN, msg_id VARCHAR, event VARCHAR)");
        st.execute("CREATE TABLE plan (session_id VARCHAR, user_id VARCHAR, repo_id VARCHAR, "
            + "agent VARCHAR, model VARCHAR, start_ms BIGINT, scale DOUBLE, tpl_id INTEGER, tag VARCHAR)");
      }
      DuckDBConnection d = conn.unwrap(DuckDBConnection.class);
      sessions = d.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "sessions");
      templates = d.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "tpl");
      plan = d.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "plan");
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
    int id = nextTemplate++;
    long first = positions;
    int n = 0;
    try {
      for (Ev e : s.events) {
        conversation(id, s, e, ++n);
      }
    } catch (SQLException e) {
      throw new IOException("appending template of session " + s.sessionId + ": " + e.getMessage(), e);
    }
    long in = 0, out = 0, cache = 0;
    String last = null;
    for (Ev e : s.events) {
      // lines of one response repeat its usage: count each response once (responses are contiguous)
      if (e.msgId == null || e.kind == Kind.SIDECHAIN || e.msgId.equals(last)) continue;
      last = e.msgId;
      in += e.inTok + e.cacheCreate;
      out += e.outTok;
      cache += e.cacheRead;
    }
    positions += n;
    return new Template(id, first, n, s.endMs - s.startMs, in, out, cache, s.promptCount(),
        s.agentPercentage(), s.agentLines, s.humanAdded, s.humanModified, s.humanRemoved,
        s.totalCommitted(), s.mess);
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

  private void conversation(int id, SynthSession s, Ev e, int n) throws SQLException {
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
    DuckDBAppender a = templates;
    a.beginRow();
    a.append(id).append(n);
    if (e.noTimestamp) a.appendNull();
    else a.append(e.t - s.startMs);
    a.append(role).append(type).append(conv);
    str(a, content == null ? null : content.length() > CAP ? content.substring(0, CAP) : content);
    if (content == null) a.appendNull().appendNull();
    else a.append(content.length()).append(Vocab.countWords(content));
    a.append(role.equals("assistant") || role.equals("tool_use"));
    boolean usage = e.msgId != null && e.kind != Kind.SIDECHAIN;
    if (usage) a.append(e.inTok + e.cacheCreate).append(e.outTok).append(e.cacheRead);
    else a.appendNull().appendNull().appendNull();
    boolean tool = e.kind == Kind.TOOL_USE || e.kind == Kind.TOOL_RESULT;
    str(a, tool ? e.tool : null);
    str(a, tool ? e.callId : null);
    str(a, tool ? ToolTaxonomy.category(e.tool, e.command) : null);
    str(a, e.kind == Kind.TOOL_USE ? e.file : null);
    str(a, e.kind == Kind.TOOL_USE ? e.command : null);
    str(a, e.kind == Kind.TOOL_USE ? e.pattern : null);
    str(a, e.kind == Kind.TOOL_USE ? inputJson(e) : null);
    a.append(e.error).append(e.kind == Kind.INTERRUPT).append(e.kind == Kind.SIDECHAIN);
    str(a, e.kind == Kind.SIDECHAIN ? null : e.msgId);
    str(a, event);
    a.endRow();
  }

  private static void str(DuckDBAppender a, String v) throws SQLException {
    if (v == null) a.appendNull();
    else a.append(v);
  }

  private String inputJson(Ev e) {
    StringWriter w = new StringWriter(64);
    try (JsonGenerator g = json.createGenerator(w)) {
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
   * A template id with its tag written in (see {@link #instance}); SQL over an id expression. The
   * tag replaces the 8 characters before the last {@link SessionBuilder.Ids#SEQ_WIDTH}: a
   * session's compact ids share their stem and differ only in that sequence suffix, so the suffix
   * keeps them distinct within the session and the tag keeps them distinct between sessions that
   * reuse one template (overwriting the suffix would give every id of a session the same value).
   */
  private static String retag(String id) {
    int keep = SessionBuilder.Ids.SEQ_WIDTH;
    return "CASE WHEN tag IS NULL OR length(" + id + ") < " + (keep + 16) + " THEN " + id
        + " ELSE left(" + id + ", length(" + id + ") - " + (keep + 8) + ") || tag || right(" + id + ", "
        + keep + ") END";
  }

  /**
   * Expands the plan into {@code conversations.parquet}, writes {@code sessions.parquet}, deletes
   * the temporary database.
   */
  @Override
  public void close() throws IOException {
    if (closed) return;
    closed = true;
    try {
      sessions.close();
      templates.close();
      plan.close();
      Path planFile = tmp.resolve("plan.parquet");
      try (Statement st = conn.createStatement()) {
        st.execute("COPY (SELECT * FROM sessions ORDER BY session_id) TO "
            + SqlText.quote(dir.resolve("sessions.parquet").toAbsolutePath().toString())
            + " (FORMAT parquet, COMPRESSION zstd)");
        st.execute("DROP TABLE sessions");
        log("appended");
        // the plan in key order, in small row groups (small batches for the expansion)
        st.execute("COPY (SELECT * FROM plan ORDER BY session_id) TO "
            + SqlText.quote(planFile.toAbsolutePath().toString()) + " (FORMAT parquet, ROW_GROUP_SIZE 2048)");
        st.execute("DROP TABLE plan");
        log("plan");
        // one list of row structs per template, in turn order; each plan row probes the small
        // hash table of templates (plan on the probe side) and its list is unnested
        st.execute("CREATE TABLE tl AS SELECT tpl_id, list(struct_pack(n, off, role, turn_type, conv, "
            + "content, chars, words, has_model, in_tok, out_tok, cache_tok, tool_name, call_id, "
            + "tool_category, file_path, command, pattern, tool_input_json, is_error, is_interrupt, "
            + "is_sidechain, msg_id, event) ORDER BY n) AS r FROM tpl GROUP BY tpl_id ORDER BY tpl_id");
        st.execute("DROP TABLE tpl");
        log("lists");
        // DuckDB does not keep the probe side's order through a parallel hash join: one thread
        // keeps the file in key order and its bytes reproducible (templates stay the build side)
        st.execute("SET threads = 1");
        st.execute("SET disabled_optimizers = 'join_order,build_side_probe_side'");
        st.execute("COPY (SELECT session_id || ':' || u.n AS turn_id, session_id, repo_id, user_id, "
            + "u.n AS turn_number, u.role, u.turn_type, u.conv AS is_conversational, u.content, "
            + "u.chars AS char_count, u.words AS word_count, "
            + "CASE WHEN u.has_model THEN model END AS model, "
            + "CAST(epoch_ms(start_ms + CAST(round(u.off * scale) AS BIGINT)) AS TIMESTAMPTZ) AS \"timestamp\", "
            + "u.in_tok AS input_tokens, u.out_tok AS output_tokens, u.cache_tok AS cache_read_input_tokens, "
            + "u.tool_name, " + retag("u.call_id") + " AS tool_call_id, u.tool_category, u.file_path, "
            + "u.command, u.pattern, u.tool_input_json, u.is_error, u.is_interrupt, u.is_sidechain, "
            + "agent, " + retag("u.msg_id") + " AS message_id, u.event "
            + "FROM (SELECT p.session_id, p.repo_id, p.user_id, p.agent, p.model, p.start_ms, p.scale, "
            + "p.tag, unnest(t.r) AS u FROM read_parquet(" + SqlText.quote(planFile.toAbsolutePath().toString())
            + ") p JOIN tl t ON p.tpl_id = t.tpl_id)) TO "
            + SqlText.quote(dir.resolve("conversations.parquet").toAbsolutePath().toString())
            + " (FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1)");
      }
      log("conversations");
      conn.close();
    } catch (SQLException e) {
      throw new IOException("writing parquet into " + dir + ": " + e.getMessage(), e);
    } finally {
      deleteTree(tmp);
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
