package dev.personas.load.formats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.personas.load.Turn;
import java.time.Instant;

/**
 * Maps Anthropic-style content blocks ({@code text}, {@code thinking}, {@code tool_use},
 * {@code tool_result}; Pi's {@code toolCall}) of one message to rows (package-private; used by the
 * Cursor, Factory Droid and Pi parsers). User text blocks are prompts unless they start with a tag
 * ({@code <system-reminder>}, ...), which makes them {@code system_injected}.
 */
final class Blocks {
  private Blocks() {}

  /**
   * Emits one row per block. Tokens (may be null) go on the first row.
   *
   * @return number of rows emitted
   */
  static int emit(Emit out, String role, JsonNode content, Instant ts, String model,
      String messageId, Long in, Long outTok, Long cache) {
    if (content == null || content.isNull()) return 0;
    if (content.isTextual()) {
      Turn t = textRow(out, role, content.textValue(), ts, model);
      if (t == null) return 0;
      t.messageId = messageId;
      put(t, in, outTok, cache);
      out.send();
      return 1;
    }
    if (!content.isArray()) return 0;
    int n = 0;
    for (JsonNode b : content) {
      String type = Json.text(b, "type");
      Turn t;
      if (type == null || type.equals("text")) {
        t = textRow(out, role, Json.text(b, "text"), ts, model);
        if (t == null) continue;
      } else if (type.equals("thinking") || type.equals("reasoning")) {
        String text = Json.text(b, "thinking");
        if (text == null) text = Json.text(b, "text");
        t = out.thinking(text, ts, model);
      } else if (type.equals("tool_use") || type.equals("toolCall")) {
        t = out.toolUse(Json.text(b, "name"), Json.text(b, "id"), ts);
        if (model != null) t.model = model;
        JsonNode input = b.get("input");
        if (input == null) input = b.get("arguments");
        if (input != null && !input.isNull()) {
          t.toolInputJson = Json.write(input);
          ToolInputs.fill(t, input);
        }
      } else if (type.equals("tool_result")) {
        t = out.toolResult(null, Json.text(b, "tool_use_id"), Json.contentText(b.get("content")),
            Json.bool(b, "is_error"), ts);
      } else {
        continue; // images and other attachments
      }
      t.messageId = messageId;
      if (n == 0) put(t, in, outTok, cache);
      out.send();
      n++;
    }
    return n;
  }

  private static Turn textRow(Emit out, String role, String text, Instant ts, String model) {
    if (text == null) return null;
    if ("user".equals(role)) {
      boolean injected = GeminiMessages.isInjected(text);
      Turn t = out.start("user", injected ? "system_injected" : "user_prompt", ts);
      t.isConversational = !injected;
      t.content = text;
      return t;
    }
    return out.answer(text, ts, model);
  }

  private static void put(Turn t, Long in, Long outTok, Long cache) {
    t.inputTokens = in;
    t.outputTokens = outTok;
    t.cacheReadInputTokens = cache;
  }
}
