package dev.personas.load.formats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.personas.load.Turn;
import java.time.Instant;
import java.util.Set;

/**
 * Maps one OpenCode message {@code {info, parts[]}} to rows (package-private; shared by the export
 * document and the line-per-message variant). Times are epoch milliseconds.
 *
 * <ul>
 *   <li>user {@code text} parts -> {@code user_prompt}, or {@code system_injected} when the part is
 *       {@code synthetic} (OpenCode's own injected text); {@code file} parts ->
 *       {@code system_injected} (content: file name); {@code compaction} -> event
 *       {@code compaction}; {@code subtask} (the person invoking a sub-agent) -> a
 *       {@code tool_use} row named {@code task}.</li>
 *   <li>assistant {@code text} -> {@code assistant_response}, {@code reasoning} ->
 *       {@code assistant_thinking}, {@code tool} -> a {@code tool_use} row (input from
 *       {@code state.input}, at {@code state.time.start}) and, once the call finished, a
 *       {@code tool_result} row ({@code state.output}, {@code is_error} when
 *       {@code status == "error"}, at {@code state.time.end}). {@code step-*}, {@code patch},
 *       {@code snapshot} and {@code agent} parts give no row.</li>
 *   <li>the message's tokens ({@code info.tokens}: input; output + reasoning; cache.read) go on its
 *       first row; {@code message_id} is {@code info.id}.</li>
 *   <li>{@code info.error.name == "MessageAbortedError"} -> an interruption row after the parts;
 *       other errors -> a system_event row with {@code is_error}.</li>
 * </ul>
 */
final class OpenCodeMessages {
  private OpenCodeMessages() {}

  /** Fields no row uses: per-message diffs (full file before/after), tool metadata previews. */
  static final Set<String> SKIP = Set.of("summary", "metadata", "snapshot");

  static void session(Emit out, JsonNode info) {
    if (info == null) return;
    out.sessionId(Json.nonBlank(info, "id"));
    if (out.info.cwd == null) out.info.cwd = Json.nonBlank(info, "directory");
    JsonNode model = Json.obj(info, "model");
    if (model != null) out.sessionModel(Json.nonBlank(model, "id"));
    JsonNode tokens = Json.obj(info, "tokens");
    if (tokens != null) {
      out.info.inputTokens = Json.lng(tokens, "input");
      out.info.outputTokens = Json.plus(Json.lng(tokens, "output"), Json.lng(tokens, "reasoning"));
      out.info.cacheReadTokens = Json.lng(Json.obj(tokens, "cache"), "read");
    }
    JsonNode time = Json.obj(info, "time");
    out.seen(Json.instant(time, "created"));
    out.seen(Json.instant(time, "updated"));
  }

  static void message(Emit out, JsonNode msg, long line) {
    countTokens(out, msg);
    JsonNode info = Json.obj(msg, "info");
    if (info == null) {
      out.problem(line, "message without info");
      return;
    }
    String role = Json.text(info, "role");
    JsonNode time = Json.obj(info, "time");
    Instant created = Json.instant(time, "created");
    Instant completed = Json.instant(time, "completed");
    out.sessionId(Json.nonBlank(info, "sessionID"));
    String model = Json.nonBlank(info, "modelID");
    if (model == null) model = Json.nonBlank(Json.obj(info, "model"), "modelID");
    if ("assistant".equals(role) && model != null) {
      out.model = model;
      out.sessionModel(model);
    }
    if (out.info.cwd == null) out.info.cwd = Json.nonBlank(Json.obj(info, "path"), "cwd");
    out.seen(created);
    out.seen(completed);
    String messageId = Json.text(info, "id");
    JsonNode tokens = "assistant".equals(role) ? Json.obj(info, "tokens") : null;
    boolean[] tokensPending = {tokens != null};
    JsonNode parts = Json.arr(msg, "parts");
    if (parts != null) {
      for (JsonNode part : parts) {
        if ("user".equals(role)) userPart(out, part, created);
        else assistantPart(out, part, created, model, messageId, tokens, tokensPending);
      }
    }
    if ("assistant".equals(role) && tokensPending[0]) {
      // a response without any row-giving part (e.g. aborted at once): keep its tokens
      Turn t = out.answer(null, created, model);
      t.isConversational = false;
      t.messageId = messageId;
      putTokens(t, tokens);
      out.send();
    }
    JsonNode error = Json.obj(info, "error");
    if (error != null) {
      String name = Json.text(error, "name");
      String detail = Json.text(Json.obj(error, "data"), "message");
      Instant at = completed != null ? completed : created;
      if ("MessageAbortedError".equals(name)) {
        out.interrupt(name, at);
      } else {
        Turn t = out.event(null, name + (detail == null ? "" : ": " + detail), at);
        t.isError = true;
        out.send();
      }
    }
  }

  private static void userPart(Emit out, JsonNode part, Instant created) {
    String type = Json.text(part, "type");
    if (type == null) return;
    Instant ts = partTime(part, created);
    switch (type) {
      case "text" -> {
        String text = Json.text(part, "text");
        if (Json.bool(part, "synthetic") || Json.bool(part, "ignored")) out.injected(text, ts);
        else out.prompt(text, ts);
      }
      case "file" -> {
        String name = Json.text(part, "filename");
        out.injected(name != null ? name : Json.text(part, "url"), ts);
      }
      case "compaction" -> {
        out.event("compaction", null, ts);
        out.send();
      }
      case "subtask" -> {
        Turn t = out.toolUse("task", Json.text(part, "id"), ts);
        t.content = Json.text(part, "prompt");
        out.send();
      }
      default -> { }
    }
  }

  private static void assistantPart(Emit out, JsonNode part, Instant created, String model,
      String messageId, JsonNode tokens, boolean[] tokensPending) {
    String type = Json.text(part, "type");
    if (type == null) return;
    Instant ts = partTime(part, created);
    Turn t;
    switch (type) {
      case "text" -> t = out.answer(Json.text(part, "text"), ts, model);
      case "reasoning" -> t = out.thinking(Json.text(part, "text"), ts, model);
      case "tool" -> {
        tool(out, part, created, model, messageId, tokens, tokensPending);
        return;
      }
      default -> {
        return;
      }
    }
    t.messageId = messageId;
    if (tokensPending[0]) {
      putTokens(t, tokens);
      tokensPending[0] = false;
    }
    out.send();
  }

  private static void tool(Emit out, JsonNode part, Instant created, String model,
      String messageId, JsonNode tokens, boolean[] tokensPending) {
    String name = Json.text(part, "tool");
    String callId = Json.text(part, "callID");
    JsonNode state = Json.obj(part, "state");
    JsonNode stime = Json.obj(state, "time");
    Instant start = Json.instant(stime, "start");
    Instant end = Json.instant(stime, "end");
    Turn t = out.toolUse(name, callId, start != null ? start : created);
    t.model = model;
    t.messageId = messageId;
    JsonNode input = state == null ? null : state.get("input");
    if (input != null && input.isTextual()) {
      t.toolInputJson = input.textValue();
      ToolInputs.fill(t, Json.parseEmbedded(input.textValue()));
    } else if (input != null && !input.isNull()) {
      t.toolInputJson = Json.write(input);
      ToolInputs.fill(t, input);
      if (t.filePath == null) t.filePath = ToolInputs.patchPath(Json.text(input, "patchText"));
    }
    if (t.filePath == null) t.filePath = Json.nonBlank(part, "filePath");
    if (tokensPending[0]) {
      putTokens(t, tokens);
      tokensPending[0] = false;
    }
    out.send();
    String status = Json.text(state, "status");
    if ("completed".equals(status) || "error".equals(status)) {
      boolean err = "error".equals(status);
      String output = Json.text(state, "output");
      if (output == null) output = Json.text(state, "error");
      Turn r = out.toolResult(name, callId, output, err, end != null ? end : start);
      out.send();
    }
  }

  private static Instant partTime(JsonNode part, Instant fallback) {
    Instant s = Json.instant(Json.obj(part, "time"), "start");
    return s != null ? s : fallback;
  }

  private static void putTokens(Turn t, JsonNode tokens) {
    if (tokens == null) return;
    t.inputTokens = Json.lng(tokens, "input");
    t.outputTokens = Json.plus(Json.lng(tokens, "output"), Json.lng(tokens, "reasoning"));
    t.cacheReadInputTokens = Json.lng(Json.obj(tokens, "cache"), "read");
  }

  /** Adds an assistant message's tokens to the session totals (for files without session info). */
  static void countTokens(Emit out, JsonNode msg) {
    JsonNode info = Json.obj(msg, "info");
    if (info == null || !"assistant".equals(Json.text(info, "role"))) return;
    JsonNode tokens = Json.obj(info, "tokens");
    if (tokens == null) return;
    out.addTokens(Json.lng(tokens, "input"),
        Json.plus(Json.lng(tokens, "output"), Json.lng(tokens, "reasoning")),
        Json.lng(Json.obj(tokens, "cache"), "read"));
  }
}
