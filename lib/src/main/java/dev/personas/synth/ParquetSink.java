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
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Streams sessions into SWE-chat-schema parquet files through DuckDB: rows go through DuckDB's
 * appender into a temporary on-disk database beside the output (so the dataset is never held in
 * the JVM), then {@code COPY ... TO ... (FORMAT parquet)} writes {@code sessions.parquet} and
 * {@code conversations.parquet} sorted by their keys, and the temporary database is deleted.
 * Columns and order are {@link Schema#SESSIONS} and {@link Schema#CONVERSATIONS}; timestamps are
 * {@code TIMESTAMP WITH TIME ZONE} (UTC); {@code content} and {@code tool_input_json} are capped at
 * {@value #CAP} characters as in the SWE-chat release, {@code char_count}/{@code word_count} count
 * the full text.
 */
final class ParquetSink implements AutoCloseable {
  static final int CAP = 10_000;
  private final Path dir;
  private final Path db;
  private final Connection conn;
  private final DuckDBAppender sessions;
  private final DuckDBAppender conversations;
  private final JsonFactory json = new JsonFactory();
  private long rows;
  private boolean closed;

  ParquetSink(Path dir) throws IOException {
    this.dir = dir;
    this.db = dir.resolve(".synth-tmp.duckdb");
    Files.deleteIfExists(db);
    Files.deleteIfExists(dir.resolve(".synth-tmp.duckdb.wal"));
    try {
      conn = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
      try (Statement st = conn.createStatement()) {
        st.execute("SET preserve_insertion_order = true");
        st.execute(ddl("sessions", Schema.SESSIONS));
        st.execute(ddl("conversations", Schema.CONVERSATIONS));
      }
      DuckDBConnection d = conn.unwrap(DuckDBConnection.class);
      sessions = d.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "sessions");
      conversations = d.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "conversations");
    } catch (SQLException e) {
      throw new IOException("cannot open DuckDB at " + db + ": " + e.getMessage(), e);
    }
  }

  private static String ddl(String table, java.util.List<Schema.Col> cols) {
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

  long rows() {
    return rows;
  }

  void add(SynthSession s) throws IOException {
    try {
      session(s);
      int n = 0;
      for (Ev e : s.events) conversation(s, e, ++n);
    } catch (SQLException e) {
      throw new IOException("appending session " + s.sessionId + ": " + e.getMessage(), e);
    }
  }

  private void session(SynthSession s) throws SQLException {
    DuckDBAppender a = sessions;
    a.beginRow();
    a.append(s.sessionId).append(s.user.userId()).append(s.repoId).append(s.agent()).append(s.model);
    a.appendEpochMicros(s.startMs * 1000).appendEpochMicros(s.endMs * 1000);
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
    a.append(in).append(out).append(cache);
    a.append(s.promptCount());
    a.append(s.agentPercentage()).append(s.agentLines).append(s.humanAdded).append(s.humanModified)
        .append(s.humanRemoved).append(s.totalCommitted());
    a.append("synth").append("synth:" + s.index);
    a.endRow();
  }

  private void conversation(SynthSession s, Ev e, int n) throws SQLException {
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
    DuckDBAppender a = conversations;
    a.beginRow();
    a.append(s.sessionId + ":" + n).append(s.sessionId).append(s.repoId).append(s.user.userId()).append(n);
    a.append(role).append(type).append(conv);
    str(a, content == null ? null : content.length() > CAP ? content.substring(0, CAP) : content);
    if (content == null) a.appendNull().appendNull();
    else a.append(content.length()).append(Vocab.countWords(content));
    str(a, role.equals("assistant") || role.equals("tool_use") ? s.model : null);
    if (e.noTimestamp) a.appendNull();
    else a.appendEpochMicros(e.t * 1000);
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
    a.append(s.agent());
    str(a, e.kind == Kind.SIDECHAIN ? null : e.msgId);
    str(a, event);
    a.endRow();
    rows++;
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

  /** Flushes, writes the parquet files sorted by key, deletes the temporary database. */
  @Override
  public void close() throws IOException {
    if (closed) return;
    closed = true;
    try {
      sessions.close();
      conversations.close();
      try (Statement st = conn.createStatement()) {
        st.execute("COPY (SELECT * FROM sessions ORDER BY session_id) TO '"
            + dir.resolve("sessions.parquet").toAbsolutePath() + "' (FORMAT parquet, COMPRESSION zstd)");
        st.execute("COPY (SELECT * FROM conversations ORDER BY session_id, turn_number) TO '"
            + dir.resolve("conversations.parquet").toAbsolutePath() + "' (FORMAT parquet, COMPRESSION zstd)");
      }
      conn.close();
    } catch (SQLException e) {
      throw new IOException("writing parquet into " + dir + ": " + e.getMessage(), e);
    } finally {
      Files.deleteIfExists(db);
      Files.deleteIfExists(dir.resolve(".synth-tmp.duckdb.wal"));
    }
  }
}
