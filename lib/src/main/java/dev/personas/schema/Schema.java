package dev.personas.schema;

import java.util.List;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The canonical tables, after the SWE-chat release (Baumann et al., arXiv 2604.20779): column names
 * and Tablesaw types of {@code sessions} and {@code conversations}. Every loader maps its source into
 * exactly these columns, in this order. Entire sources also give {@code checkpoints}, {@code commits}
 * and {@code repositories} ({@link #CHECKPOINTS}, {@link #COMMITS}, {@link #REPOSITORIES}); the
 * SWE-chat release's own files of those names are read as they are.
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

  /**
   * {@code checkpoints}: one row per (checkpoint, session), key {@code checkpoint_id, session_id};
   * 31 columns. A checkpoint is what Entire writes on a commit made during an agent session; one
   * checkpoint can hold several sessions (folders {@code 0/}, {@code 1/}, ...) and a session spans
   * several checkpoints. Source: the session-level {@code metadata.json} of each checkpoint (Entire
   * CLI, {@code shared/reference/formats.md}); a checkpoint seen in several layouts (v1 and v2) is
   * one row. Columns:
   * <ul>
   *   <li>{@code checkpoint_id} (12 hex), {@code session_id}, {@code repo_id}, {@code user_id}
   *       (the session's pseudonymised user), {@code agent} (canonical name), {@code model};
   *   <li>{@code created_at} (UTC): when the checkpoint was condensed;
   *   <li>{@code strategy} (manual-commit | auto-commit), {@code branch}, {@code cli_version};
   *   <li>{@code checkpoints_count}: the metadata's own count of steps condensed into this checkpoint;
   *       {@code files_touched_count}: length of {@code files_touched[]};
   *   <li>{@code input_tokens}, {@code cache_creation_tokens}, {@code cache_read_tokens},
   *       {@code output_tokens}, {@code api_call_count}: {@code token_usage}, this checkpoint's
   *       increment (not cumulative);
   *   <li>{@code agent_lines}, {@code agent_removed_lines}, {@code human_added_lines},
   *       {@code human_modified_lines}, {@code human_removed_lines}, {@code total_committed_lines},
   *       {@code total_changed_lines} (lines of code), {@code agent_percentage} (0..100):
   *       {@code initial_attribution} (fields {@code agent_lines, agent_removed, human_added,
   *       human_modified, human_removed, total_committed, total_lines_changed, agent_percentage});
   *   <li>{@code turn_count}, {@code duration_ms}: {@code session_metrics};
   *   <li>{@code transcript_start_lines}: {@code checkpoint_transcript_start}, else
   *       {@code transcript_lines_at_start}: the transcript line where this checkpoint's new part
   *       begins (transcripts are cumulative);
   *   <li>{@code commit_sha}: the code commit whose {@code Entire-Checkpoint:} trailer names the
   *       checkpoint (the earliest committed one when several do), when the source has commits;
   *   <li>{@code source} (entire | entire-shadow), {@code source_path} (the metadata file read).
   * </ul>
   * Missing metadata fields are missing values.
   */
  public static final List<Col> CHECKPOINTS = List.of(
      s("checkpoint_id"), s("session_id"), s("repo_id"), s("user_id"), s("agent"), s("model"),
      t("created_at"), s("strategy"), s("branch"), s("cli_version"), i("checkpoints_count"),
      i("files_touched_count"), l("input_tokens"), l("cache_creation_tokens"),
      l("cache_read_tokens"), l("output_tokens"), l("api_call_count"), l("agent_lines"),
      l("agent_removed_lines"), l("human_added_lines"), l("human_modified_lines"),
      l("human_removed_lines"), l("total_committed_lines"), l("total_changed_lines"),
      d("agent_percentage"), i("turn_count"), l("duration_ms"), l("transcript_start_lines"),
      s("commit_sha"), s("source"), s("source_path"));

  /**
   * {@code commits}: one row per code commit carrying at least one {@code Entire-Checkpoint: <id>}
   * trailer, key {@code sha, repo_id}; 14 columns: {@code sha} (40 hex), {@code repo_id},
   * {@code user_id} (the commit author's name, pseudonymised as session user ids are, so commits
   * join sessions), {@code authored_at}, {@code committed_at} (UTC, seconds), {@code subject}
   * (first line of the message), {@code checkpoint_ids} (the trailers' ids, comma-separated, in
   * message order), {@code checkpoint_count}, {@code parent_count}, {@code files_changed_count},
   * {@code added_lines}, {@code removed_lines} (git numstat against the first parent, binary files
   * count 0 lines), {@code source} ({@code git}: walked with JGit from the repository's non-Entire
   * refs; {@code commits-jsonl}: a folder's {@code <owner>+<repo>/_commits.jsonl} export),
   * {@code source_path}.
   */
  public static final List<Col> COMMITS = List.of(
      s("sha"), s("repo_id"), s("user_id"), t("authored_at"), t("committed_at"), s("subject"),
      s("checkpoint_ids"), i("checkpoint_count"), i("parent_count"), i("files_changed_count"),
      l("added_lines"), l("removed_lines"), s("source"), s("source_path"));

  /**
   * {@code repositories}: one row per {@code repo_id} of the sessions, checkpoints and commits
   * read from Entire and transcript sources; 9 columns: {@code repo_id}, {@code session_count},
   * {@code user_count} (distinct session user ids), {@code checkpoint_count} (distinct checkpoint
   * ids), {@code commit_count}, {@code first_session_at}, {@code last_session_at} (UTC: earliest
   * {@code created_at} and latest {@code ended_at}, else {@code created_at}, of its sessions),
   * {@code session_sources} (distinct {@code sessions.source} values, sorted, comma-separated),
   * {@code source} (how it was read, sorted, comma-separated: {@code folder}, {@code git},
   * {@code file}).
   */
  public static final List<Col> REPOSITORIES = List.of(
      s("repo_id"), i("session_count"), i("user_count"), i("checkpoint_count"), i("commit_count"),
      t("first_session_at"), t("last_session_at"), s("session_sources"), s("source"));

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

  /** An empty {@code checkpoints} table ({@link #CHECKPOINTS}). */
  public static Table emptyCheckpoints() {
    return empty("checkpoints", CHECKPOINTS);
  }

  /** An empty {@code commits} table ({@link #COMMITS}). */
  public static Table emptyCommits() {
    return empty("commits", COMMITS);
  }

  /** An empty {@code repositories} table ({@link #REPOSITORIES}). */
  public static Table emptyRepositories() {
    return empty("repositories", REPOSITORIES);
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
