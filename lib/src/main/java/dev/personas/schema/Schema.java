package dev.personas.schema;

import java.util.List;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The canonical tables, after the SWE-chat release (Baumann et al., arXiv 2604.20779): column names
 * and Tablesaw types of {@code sessions} and {@code conversations}. Every loader maps its source into
 * exactly these columns, in this order.
 *
 * <p>{@code conversations} has two columns SWE-chat lacks, at the end: {@code message_id} (the
 * assistant API response a record belongs to; Claude Code writes one line per content block of one
 * response) and {@code event} (a marker for records that are neither prompt nor tool call:
 * {@code pr_link}, {@code queue_operation}, {@code compaction}, {@code turn_aborted}). Both are empty
 * when a source does not have them.
 */
public final class Schema {
  private Schema() {}

  /** One column: name and Tablesaw type. */
  public record Col(String name, ColumnType type) {
    public Column<?> create() {
      return type.create(name);
    }
  }

  private static Col s(String n) { return new Col(n, ColumnType.STRING); }
  private static Col i(String n) { return new Col(n, ColumnType.INTEGER); }
  private static Col l(String n) { return new Col(n, ColumnType.LONG); }
  private static Col d(String n) { return new Col(n, ColumnType.DOUBLE); }
  private static Col b(String n) { return new Col(n, ColumnType.BOOLEAN); }
  private static Col t(String n) { return new Col(n, ColumnType.INSTANT); }

  /** {@code sessions}: one row per session, key {@code session_id}; 19 columns. */
  public static final List<Col> SESSIONS = List.of(
      s("session_id"), s("user_id"), s("repo_id"), s("agent"), s("model"),
      t("created_at"), t("ended_at"),
      l("input_tokens"), l("output_tokens"), l("cache_read_tokens"), i("turn_count"),
      d("agent_percentage"), l("agent_lines"), l("human_added"), l("human_modified"),
      l("human_removed"), l("total_committed"), s("source"), s("source_path"));

  /** {@code conversations}: one row per transcript record, key {@code turn_id}; 33 columns. */
  public static final List<Col> CONVERSATIONS = List.of(
      s("turn_id"), s("session_id"), s("repo_id"), s("user_id"), i("turn_number"),
      s("role"), s("turn_type"), b("is_conversational"), s("content"),
      i("char_count"), i("word_count"), s("model"), t("timestamp"),
      l("input_tokens"), l("output_tokens"), l("cache_read_input_tokens"),
      s("tool_name"), s("tool_call_id"), s("tool_category"), s("file_path"), s("command"),
      s("pattern"), s("tool_input_json"), b("is_error"), b("is_interrupt"), b("is_sidechain"),
      s("agent"), s("message_id"), s("event"));

  /** Roles of {@code conversations.role}. */
  public static final List<String> ROLES =
      List.of("user", "assistant", "tool_use", "tool_result", "metadata");

  /** Values of {@code conversations.turn_type}. */
  public static final List<String> TURN_TYPES = List.of(
      "user_prompt", "system_injected", "assistant_response", "assistant_thinking", "tool_use",
      "tool_result", "progress", "file_snapshot", "system_event", "summary", "queue_operation");

  /** An empty {@code sessions} table with the canonical columns. */
  public static Table emptySessions() {
    return empty("sessions", SESSIONS);
  }

  /** An empty {@code conversations} table with the canonical columns. */
  public static Table emptyConversations() {
    return empty("conversations", CONVERSATIONS);
  }

  private static Table empty(String name, List<Col> cols) {
    Table t = Table.create(name);
    for (Col c : cols) t.addColumns(c.create());
    return t;
  }

  /**
   * Checks that {@code table} has every column of {@code cols} with its type.
   *
   * @throws IllegalArgumentException naming the first missing or mistyped column
   */
  public static void requireColumns(Table table, List<Col> cols) {
    for (Col c : cols) {
      if (!table.containsColumn(c.name())) {
        throw new IllegalArgumentException(
            "table '" + table.name() + "' lacks column '" + c.name() + "'");
      }
      ColumnType actual = table.column(c.name()).type();
      if (!actual.equals(c.type())) {
        throw new IllegalArgumentException("column '" + c.name() + "' of '" + table.name()
            + "' is " + actual.name() + ", expected " + c.type().name());
      }
    }
  }
}
