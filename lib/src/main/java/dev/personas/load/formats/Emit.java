package dev.personas.load.formats;

import dev.personas.load.SessionInfo;
import dev.personas.load.TranscriptSink;
import dev.personas.load.Turn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds {@link Turn}s for one parse (package-private): one reused instance, the session's time
 * span, and per-response token attribution (tokens go on the first row of a response only, so
 * sums over rows equal the response totals).
 */
final class Emit {
  final TranscriptSink sink;
  final SessionInfo info;
  private final Turn t = new Turn();
  /** Model of the current context (turn_context, model_change, ...), put on assistant rows. */
  String model;
  /** Whether every row of this transcript is a sub-agent's (sets {@code is_sidechain}). */
  boolean sidechain;
  /** Records (lines or messages) seen, for counts. */
  long records;

  Emit(TranscriptSink sink) {
    this.sink = sink;
    this.info = sink.session();
  }

  /** A cleared turn with role, type and timestamp set; widens the session's time span. */
  Turn start(String role, String turnType, Instant ts) {
    t.clear();
    t.role = role;
    t.turnType = turnType;
    t.timestamp = ts;
    t.isSidechain = sidechain;
    seen(ts);
    return t;
  }

  /** Widens the session's time span with {@code ts} (ignored when null). */
  void seen(Instant ts) {
    if (ts == null) return;
    if (info.startedAt == null || ts.isBefore(info.startedAt)) info.startedAt = ts;
    if (info.endedAt == null || ts.isAfter(info.endedAt)) info.endedAt = ts;
  }

  void send() {
    if (held != null) held.add(t.copy());
    else sink.turn(t);
  }

  /** Rows held back while a response's token usage is not known yet (null: not holding). */
  private List<Turn> held;

  /** Starts holding rows (after releasing any held ones without tokens). */
  void hold() {
    release(null, null, null);
    held = new ArrayList<>();
  }

  /**
   * Sends the held rows in order, the given tokens on the first assistant-side row (role
   * assistant or tool_use), and stops holding.
   *
   * @return whether the tokens found a row
   */
  boolean release(Long in, Long out, Long cache) {
    if (held == null) return false;
    List<Turn> rows = held;
    held = null;
    boolean placed = in == null && out == null && cache == null;
    for (Turn x : rows) {
      if (!placed && ("assistant".equals(x.role) || "tool_use".equals(x.role))) {
        x.inputTokens = in;
        x.outputTokens = out;
        x.cacheReadInputTokens = cache;
        placed = true;
      }
      sink.turn(x);
    }
    return placed && (in != null || out != null || cache != null);
  }

  boolean holding() {
    return held != null;
  }


  /** A real prompt typed by a person. */
  void prompt(String text, Instant ts) {
    Turn x = start("user", "user_prompt", ts);
    x.isConversational = true;
    x.content = text;
    send();
  }

  /** Text the agent or a harness put in the user channel (instructions, context, reminders). */
  void injected(String text, Instant ts) {
    Turn x = start("user", "system_injected", ts);
    x.content = text;
    send();
  }

  /** Assistant text answer. */
  Turn answer(String text, Instant ts, String model) {
    Turn x = start("assistant", "assistant_response", ts);
    x.isConversational = true;
    x.content = text;
    x.model = model != null ? model : this.model;
    return x;
  }

  /** Assistant reasoning. */
  Turn thinking(String text, Instant ts, String model) {
    Turn x = start("assistant", "assistant_thinking", ts);
    x.content = text;
    x.model = model != null ? model : this.model;
    return x;
  }

  /** A session event row (role metadata, turn_type system_event). */
  Turn event(String event, String content, Instant ts) {
    Turn x = start("metadata", "system_event", ts);
    x.event = event;
    x.content = content;
    return x;
  }

  /** An interruption by the user (turn aborted): metadata row with is_interrupt. */
  void interrupt(String content, Instant ts) {
    Turn x = event("turn_aborted", content, ts);
    x.isInterrupt = true;
    send();
  }

  /** A tool call row; fills file_path, command and pattern from the input. */
  Turn toolUse(String name, String callId, Instant ts) {
    Turn x = start("tool_use", "tool_use", ts);
    x.toolName = name;
    x.toolCallId = callId;
    x.model = model;
    return x;
  }

  /** A tool result row. */
  Turn toolResult(String name, String callId, String output, boolean isError, Instant ts) {
    Turn x = start("tool_result", "tool_result", ts);
    x.toolName = name;
    x.toolCallId = callId;
    x.content = output;
    x.isError = isError;
    return x;
  }

  private Long sumIn;
  private Long sumOut;
  private Long sumCache;

  /** Adds one response's tokens to the running totals used by {@link #finishTokens}. */
  void addTokens(Long in, Long out, Long cache) {
    sumIn = Json.plus(sumIn, in);
    sumOut = Json.plus(sumOut, out);
    sumCache = Json.plus(sumCache, cache);
  }

  /** Puts the running token totals into the session info where it has none of its own. */
  void finishTokens() {
    if (info.inputTokens == null) info.inputTokens = sumIn;
    if (info.outputTokens == null) info.outputTokens = sumOut;
    if (info.cacheReadTokens == null) info.cacheReadTokens = sumCache;
  }

  /** Sets the session model when still unknown. */
  void sessionModel(String m) {
    if (m != null && !m.isBlank() && info.model == null) info.model = m;
  }

  void sessionId(String id) {
    if (id != null && !id.isBlank() && info.sessionId == null) info.sessionId = id;
  }

  void problem(long line, String reason) {
    sink.problem(line, reason);
  }

  /**
   * The record's timestamp from {@code field}: null when missing; when present but unparsable,
   * null plus a {@link dev.personas.load.TranscriptSink#warning} (the record is kept).
   */
  Instant time(com.fasterxml.jackson.databind.JsonNode rec, String field, long line) {
    Instant t = Json.instant(rec, field);
    if (t == null && rec != null) {
      com.fasterxml.jackson.databind.JsonNode v = rec.get(field);
      if (v != null && !v.isNull()) {
        String text = v.asText();
        if (text.length() > 40) text = text.substring(0, 40) + "...";
        sink.warning(line, "unparsable timestamp '" + text + "'");
      }
    }
    return t;
  }
}
