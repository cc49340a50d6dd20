package dev.personas.load.formats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.personas.load.TranscriptFormat;
import dev.personas.load.TranscriptSink;
import dev.personas.load.Turn;
import java.io.IOException;
import java.io.InputStream;

/**
 * Kiro CLI conversation JSON: one document {@code {conversation_id, history: [{user, assistant}]}}
 * without timestamps or models. {@code user.content.Prompt.prompt} -> {@code user_prompt};
 * {@code user.content.ToolUseResults.tool_use_results[]} -> {@code tool_result} rows;
 * {@code assistant.Response} -> {@code assistant_response}; {@code assistant.ToolUse} -> its text
 * (if any) and one {@code tool_use} row per {@code tool_uses[]} entry. History entries are read one
 * at a time from the token stream.
 */
public final class KiroJsonFormat implements TranscriptFormat {
  public static final String ID = "kiro-json";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String agent() {
    return "Kiro";
  }

  /** An object with {@code conversation_id} or a {@code history} array (and no messages). */
  @Override
  public boolean detect(String head) {
    HeadProbe p = HeadProbe.of(head);
    return (p.has("conversation_id") || HeadProbe.CONTAINER.equals(p.fields().get("history")))
        && !p.has("messages") && !p.has("type");
  }

  @Override
  public void parse(InputStream in, TranscriptSink sink) throws IOException {
    Emit out = new Emit(sink);
    if (out.info.agent == null) out.info.agent = agent();
    Documents.read(in, out, (name, p) -> {
      switch (name) {
        case "conversation_id" -> out.sessionId(p.getValueAsString());
        case "history" -> Documents.elements(p, out, (h, line) -> entry(out, h));
        default -> p.skipChildren();
      }
    });
  }

  /** Text of Kiro result content: blocks {@code {Text: "..."}} or {@code {Json: {...}}}. */
  static String resultText(JsonNode content) {
    if (content == null || !content.isArray()) return Json.contentText(content);
    StringBuilder sb = new StringBuilder();
    for (JsonNode b : content) {
      String t = Json.text(b, "Text");
      if (t == null && b.has("Json")) t = Json.write(b.get("Json"));
      if (t == null) t = Json.contentText(b);
      if (t == null) continue;
      if (sb.length() > 0) sb.append('\n');
      sb.append(t);
    }
    return sb.length() == 0 ? null : sb.toString();
  }

  private static void entry(Emit out, JsonNode h) {
    JsonNode content = Json.obj(Json.obj(h, "user"), "content");
    if (content != null) {
      JsonNode prompt = Json.obj(content, "Prompt");
      if (prompt != null) out.prompt(Json.text(prompt, "prompt"), null);
      JsonNode results = Json.arr(Json.obj(content, "ToolUseResults"), "tool_use_results");
      if (results != null) {
        for (JsonNode r : results) {
          String status = Json.text(r, "status");
          out.toolResult(null, Json.nonBlank(r, "tool_use_id"), resultText(r.get("content")),
              status != null && status.equalsIgnoreCase("error"), null);
          out.send();
        }
      }
    }
    JsonNode a = Json.obj(h, "assistant");
    if (a == null) return;
    JsonNode resp = Json.obj(a, "Response");
    if (resp != null) {
      Turn t = out.answer(Json.text(resp, "content"), null, null);
      t.messageId = Json.nonBlank(resp, "message_id");
      out.send();
    }
    JsonNode use = Json.obj(a, "ToolUse");
    if (use != null) {
      String mid = Json.nonBlank(use, "message_id");
      String text = Json.nonBlank(use, "content");
      if (text != null) {
        Turn t = out.answer(text, null, null);
        t.messageId = mid;
        out.send();
      }
      JsonNode uses = Json.arr(use, "tool_uses");
      if (uses != null) {
        for (JsonNode u : uses) {
          Turn t = out.toolUse(Json.text(u, "name"), Json.nonBlank(u, "id"), null);
          t.messageId = mid;
          JsonNode args = u.get("args");
          if (args != null && !args.isNull()) {
            t.toolInputJson = Json.write(args);
            ToolInputs.fill(t, args);
          }
          out.send();
        }
      }
    }
  }
}
