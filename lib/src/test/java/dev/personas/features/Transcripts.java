package dev.personas.features;

import dev.personas.load.Dataset;
import dev.personas.load.ToolTaxonomy;
import dev.personas.schema.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Hand-made transcripts for tests: one call per record, filling the canonical tables of
 * {@link Schema} (unset columns stay missing). Times are seconds after 2026-01-01T00:00:00Z.
 */
final class Transcripts {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final List<Map<String, Object>> rows = new ArrayList<>();
  private final List<Map<String, Object>> sessions = new ArrayList<>();
  private final Map<String, Integer> turnNo = new HashMap<>();
  private String sid;
  private String lastCall;
  private int calls;

  /** Starts a session (with a sessions row: agent Claude Code, user u1, repo o/r). */
  Transcripts session(String id) {
    sid = id;
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("session_id", id);
    s.put("user_id", "u1");
    s.put("repo_id", "o/r");
    s.put("agent", "Claude Code");
    sessions.add(s);
    return this;
  }

  /** Sets a column of the current session's sessions row. */
  Transcripts sessionValue(String col, Object v) {
    sessions.get(sessions.size() - 1).put(col, v);
    return this;
  }

  Map<String, Object> rec(String role, String type) {
    Map<String, Object> r = new LinkedHashMap<>();
    int n = turnNo.merge(sid, 1, Integer::sum);
    r.put("turn_id", sid + ":" + n);
    r.put("session_id", sid);
    r.put("turn_number", n);
    r.put("role", role);
    r.put("turn_type", type);
    r.put("is_error", false);
    r.put("is_interrupt", false);
    r.put("is_sidechain", false);
    rows.add(r);
    return r;
  }

  private Map<String, Object> last() {
    return rows.get(rows.size() - 1);
  }

  private static void text(Map<String, Object> r, String content) {
    r.put("content", content);
    r.put("char_count", content.length());
    r.put("word_count", content.isBlank() ? 0 : content.trim().split("\\s+").length);
  }

  Transcripts prompt(String content) {
    text(rec("user", "user_prompt"), content);
    last().put("is_conversational", true);
    return this;
  }

  Transcripts injected(String content) {
    text(rec("user", "system_injected"), content);
    return this;
  }

  Transcripts interrupt() {
    Map<String, Object> r = rec("user", "user_prompt");
    text(r, "[Request interrupted by user]");
    r.put("is_interrupt", true);
    return this;
  }

  Transcripts say(String content) {
    text(rec("assistant", "assistant_response"), content);
    return this;
  }

  Transcripts think(String content) {
    text(rec("assistant", "assistant_thinking"), content);
    return this;
  }

  /** A tool call; category from {@link ToolTaxonomy}. */
  Transcripts tool(String name, String filePath, String command) {
    Map<String, Object> r = rec("tool_use", "tool_use");
    r.put("tool_name", name);
    lastCall = "call" + (++calls);
    r.put("tool_call_id", lastCall);
    r.put("tool_category", ToolTaxonomy.category(name, command));
    if (filePath != null) r.put("file_path", filePath);
    if (command != null) r.put("command", command);
    return this;
  }

  Transcripts edit(String file) {
    return tool("Edit", file, null);
  }

  Transcripts read(String file) {
    return tool("Read", file, null);
  }

  Transcripts bash(String command) {
    return tool("Bash", null, command);
  }

  /** The result of the last tool call. */
  Transcripts result(boolean error, String content) {
    Map<String, Object> r = rec("tool_result", "tool_result");
    r.put("tool_call_id", lastCall);
    r.put("is_error", error);
    text(r, content);
    return this;
  }

  Transcripts prLink(String url) {
    Map<String, Object> r = rec("metadata", "system_event");
    r.put("event", "pr_link");
    text(r, url);
    return this;
  }

  /** Timestamp of the last record, in seconds after {@link #T0}. */
  Transcripts at(double seconds) {
    last().put("timestamp", T0.plusMillis(Math.round(seconds * 1000)));
    return this;
  }

  /** Message id of the last record. */
  Transcripts msg(String id) {
    last().put("message_id", id);
    return this;
  }

  Transcripts set(String col, Object v) {
    last().put(col, v);
    return this;
  }

  Transcripts sidechain() {
    last().put("is_sidechain", true);
    return this;
  }

  Table conversations() {
    return fill(Schema.emptyConversations(), rows);
  }

  Table sessionsTable() {
    return fill(Schema.emptySessions(), sessions);
  }

  Dataset dataset() {
    return Dataset.of(sessionsTable(), conversations(), "test");
  }

  Table features() {
    return Features.of(dataset(), FeatureOptions.defaults());
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Table fill(Table t, List<Map<String, Object>> data) {
    for (Map<String, Object> r : data) {
      for (Column c : t.columns()) {
        Object v = r.get(c.name());
        if (v == null) c.appendMissing();
        else if (v instanceof Integer i && c.type().name().equals("LONG")) c.append((long) i);
        else if (v instanceof Integer i && c.type().name().equals("DOUBLE")) c.append((double) i);
        else c.append(v);
      }
    }
    return t;
  }
}
