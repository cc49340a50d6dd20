package dev.personas.load.formats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.personas.load.Turn;
import java.time.Instant;

/**
 * Pi coding agent session JSONL: {@code session {id, cwd, timestamp}}, {@code model_change
 * {modelId}}, {@code thinking_level_change}, and {@code message {message: {role
 * (user|assistant|toolResult), content[], usage, responseId}}} lines. Assistant blocks
 * ({@code text}, {@code thinking}, {@code toolCall}) as in {@link Blocks}, with
 * {@code usage.input/output/cacheRead} on the first row and {@code responseId} as message id;
 * {@code toolResult} messages -> {@code tool_result} ({@code isError}).
 */
public final class PiJsonlFormat extends JsonlFormat {
  public static final String ID = "pi-jsonl";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String agent() {
    return "Pi";
  }

  /** First record: {@code type} session with a {@code version} or {@code cwd}. */
  @Override
  public boolean detect(String head) {
    HeadProbe p = HeadProbe.of(head);
    return "session".equals(p.str("type")) && (p.has("version") || p.has("cwd"))
        && !p.has("parentUuid") && !p.has("payload");
  }

  @Override
  Session session(Emit out) {
    return new Session(out) {
      @Override
      void record(JsonNode rec, long line) {
        String type = Json.text(rec, "type");
        Instant ts = out.time(rec, "timestamp", line);
        if (type == null) {
          out.problem(line, "record without type");
          return;
        }
        switch (type) {
          case "session" -> {
            out.sessionId(Json.nonBlank(rec, "id"));
            if (out.info.cwd == null) out.info.cwd = Json.nonBlank(rec, "cwd");
            out.seen(ts);
          }
          case "model_change" -> {
            out.seen(ts);
            String m = Json.nonBlank(rec, "modelId");
            if (m != null) {
              out.model = m;
              out.sessionModel(m);
            }
          }
          case "message" -> message(rec, ts, line);
          default -> out.seen(ts);
        }
      }

      private void message(JsonNode rec, Instant ts, long line) {
        JsonNode msg = Json.obj(rec, "message");
        if (msg == null) {
          out.problem(line, "message record without message");
          return;
        }
        String role = Json.text(msg, "role");
        if (ts == null) ts = Json.instant(msg, "timestamp");
        if ("toolResult".equals(role)) {
          Turn t = out.toolResult(Json.text(msg, "toolName"), Json.text(msg, "toolCallId"),
              Json.contentText(msg.get("content")), Json.bool(msg, "isError"), ts);
          out.send();
          return;
        }
        String model = Json.nonBlank(msg, "model");
        if (model != null) {
          out.model = model;
          out.sessionModel(model);
        }
        JsonNode usage = Json.obj(msg, "usage");
        Long in = Json.lng(usage, "input");
        Long o = Json.lng(usage, "output");
        Long c = Json.lng(usage, "cacheRead");
        if (usage != null) out.addTokens(in, o, c);
        Blocks.emit(out, "assistant".equals(role) ? "assistant" : "user", msg.get("content"), ts,
            model, Json.text(msg, "responseId"), in, o, c);
      }

      @Override
      void finish() {
        out.finishTokens();
      }
    };
  }
}
