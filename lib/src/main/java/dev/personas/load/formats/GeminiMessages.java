package dev.personas.load.formats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.personas.load.Turn;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * Maps Gemini CLI chat messages to rows (package-private; shared by the JSON document and the JSONL
 * log). Message: {@code {id, timestamp, type (user|gemini|info|error|warning), content,
 * displayContent?, thoughts[], tokens, model, toolCalls[]}}.
 *
 * <ul>
 *   <li>user text -> {@code user_prompt} ({@code displayContent} when present: what the person
 *       typed, before @-file expansion); {@code <session_context>} and other leading tags, and
 *       {@code System: Please continue.}, -> {@code system_injected}. A user message made only of
 *       {@code functionResponse} parts repeats tool results already in the preceding
 *       {@code toolCalls} and gives no row unless its call id was not seen.</li>
 *   <li>gemini: one {@code assistant_thinking} row per thought ({@code subject: description}), an
 *       {@code assistant_response} row (also when empty if nothing else carries the tokens), then
 *       per tool call a {@code tool_use} row ({@code args}) and a {@code tool_result} row (text of
 *       {@code result[].functionResponse.response.output|error}; {@code is_error} for status
 *       {@code error} or an error response; status {@code cancelled} also sets
 *       {@code is_interrupt}). Tokens (input without cached; output + thoughts; cached) go on the
 *       message's first row; {@code message_id} is the message id.</li>
 *   <li>info {@code Request cancelled.} -> interruption row; other info/warning/error ->
 *       {@code system_event} ({@code is_error} for error).</li>
 * </ul>
 */
final class GeminiMessages {
  final Emit out;
  private final Set<String> resultIds = new HashSet<>();

  GeminiMessages(Emit out) {
    this.out = out;
  }

  void message(JsonNode m, long line) {
    String type = Json.text(m, "type");
    Instant ts = out.time(m, "timestamp", line);
    if (type == null) {
      out.problem(line, "message without type");
      return;
    }
    switch (type) {
      case "user" -> user(m, ts);
      case "gemini", "model", "assistant" -> gemini(m, ts);
      case "info" -> {
        String c = Json.contentText(m.get("content"));
        if (c != null && c.strip().startsWith("Request cancelled")) out.interrupt(c, ts);
        else {
          out.event(null, c, ts);
          out.send();
        }
      }
      case "error", "warning" -> {
        Turn t = out.event(null, Json.contentText(m.get("content")), ts);
        t.isError = type.equals("error");
        out.send();
      }
      default -> out.problem(line, "unknown message type '" + type + "'");
    }
  }

  private void user(JsonNode m, Instant ts) {
    JsonNode content = m.get("content");
    if (content != null && content.isArray() && content.size() > 0) {
      boolean allResponses = true;
      for (JsonNode part : content) {
        if (!part.has("functionResponse")) allResponses = false;
      }
      if (allResponses) {
        for (JsonNode part : content) {
          JsonNode fr = part.get("functionResponse");
          String id = Json.text(fr, "id");
          if (id != null && resultIds.contains(id)) continue;
          if (id != null) resultIds.add(id);
          JsonNode resp = Json.obj(fr, "response");
          String err = Json.contentText(resp == null ? null : resp.get("error"));
          String text = err != null ? err : Json.contentText(resp == null ? null : resp.get("output"));
          out.toolResult(Json.text(fr, "name"), id, text, err != null, ts);
          out.send();
        }
        return;
      }
    }
    String text = Json.text(m, "displayContent");
    if (text == null) text = Json.contentText(content);
    if (text == null) text = "";
    if (isInjected(text)) out.injected(text, ts);
    else out.prompt(text, ts);
  }

  static boolean isInjected(String text) {
    String s = text.stripLeading();
    if (s.startsWith("System: Please continue")) return true;
    return s.startsWith("<") && s.length() > 1 && Character.isLetter(s.charAt(1));
  }

  private void gemini(JsonNode m, Instant ts) {
    String model = Json.nonBlank(m, "model");
    if (model != null) {
      out.model = model;
      out.sessionModel(model);
    }
    String id = Json.text(m, "id");
    JsonNode tokens = Json.obj(m, "tokens");
    Long cached = Json.lng(tokens, "cached");
    Long in = Json.minus(Json.lng(tokens, "input"), cached);
    Long outTok = Json.plus(Json.lng(tokens, "output"), Json.lng(tokens, "thoughts"));
    if (tokens != null) out.addTokens(in, outTok, cached);
    boolean pending = tokens != null;
    JsonNode thoughts = Json.arr(m, "thoughts");
    if (thoughts != null) {
      for (JsonNode th : thoughts) {
        String subject = Json.text(th, "subject");
        String desc = Json.text(th, "description");
        String text = subject == null ? desc : desc == null ? subject : subject + ": " + desc;
        Instant tts = Json.instant(th, "timestamp");
        Turn t = out.thinking(text, tts != null ? tts : ts, model);
        t.messageId = id;
        if (pending) {
          put(t, in, outTok, cached);
          pending = false;
        }
        out.send();
      }
    }
    String text = Json.contentText(m.get("content"));
    JsonNode calls = Json.arr(m, "toolCalls");
    boolean hasCalls = calls != null && calls.size() > 0;
    if ((text != null && !text.isBlank()) || (pending && !hasCalls)
        || (thoughts == null || thoughts.isEmpty()) && !hasCalls) {
      Turn t = out.answer(text, ts, model);
      t.isConversational = text != null && !text.isBlank();
      t.messageId = id;
      if (pending) {
        put(t, in, outTok, cached);
        pending = false;
      }
      out.send();
    }
    if (hasCalls) {
      for (JsonNode c : calls) {
        String name = Json.text(c, "name");
        String callId = Json.text(c, "id");
        Instant cts = Json.instant(c, "timestamp");
        Turn t = out.toolUse(name, callId, cts != null ? cts : ts);
        t.model = model != null ? model : out.model;
        t.messageId = id;
        JsonNode args = c.get("args");
        if (args != null && !args.isNull()) {
          t.toolInputJson = Json.write(args);
          ToolInputs.fill(t, args);
        }
        if (pending) {
          put(t, in, outTok, cached);
          pending = false;
        }
        out.send();
        String status = Json.text(c, "status");
        JsonNode result = c.get("result");
        if (result == null && status == null) continue;
        String err = null;
        StringBuilder sb = new StringBuilder();
        if (result != null && result.isArray()) {
          for (JsonNode r : result) {
            JsonNode resp = Json.obj(Json.obj(r, "functionResponse"), "response");
            if (resp == null) continue;
            String e = Json.contentText(resp.get("error"));
            if (e != null) err = e;
            String o = Json.contentText(resp.get("output"));
            if (o != null) {
              if (sb.length() > 0) sb.append('\n');
              sb.append(o);
            }
          }
        }
        String output = sb.length() > 0 ? sb.toString() : err;
        if (output == null) output = Json.text(c, "resultDisplay");
        boolean cancelled = "cancelled".equals(status);
        Turn r = out.toolResult(name, callId, output,
            err != null || "error".equals(status) || cancelled, cts != null ? cts : ts);
        r.isInterrupt = cancelled;
        if (callId != null) resultIds.add(callId);
        out.send();
      }
    }
  }

  private static void put(Turn t, Long in, Long outTok, Long cached) {
    t.inputTokens = in;
    t.outputTokens = outTok;
    t.cacheReadInputTokens = cached;
  }
}
