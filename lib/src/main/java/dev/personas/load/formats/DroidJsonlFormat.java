package dev.personas.load.formats;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * Factory Droid session JSONL: {@code session_start {id, title, cwd}} then
 * {@code message {id, parentId, timestamp, message: {role, content[]}}} lines with
 * Anthropic-style blocks (mapping in {@link Blocks}). A message with
 * {@code visibility: user_only} (shown to the person, not sent to the model, e.g. a usage-limit
 * notice) is a {@code system_event}.
 */
public final class DroidJsonlFormat extends JsonlFormat {
  public static final String ID = "droid-jsonl";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String agent() {
    return "Factory AI Droid";
  }

  /** First record: {@code type} session_start, or a {@code message} record with a message object. */
  @Override
  public boolean detect(String head) {
    HeadProbe p = HeadProbe.of(head);
    String type = p.str("type");
    if (type == null || p.has("parentUuid") || p.has("uuid") || p.has("sessionId")) return false;
    if (type.equals("session_start")) return true;
    return type.equals("message") && p.isObject("message") && p.has("id");
  }

  @Override
  Session session(Emit out) {
    return new Session(out) {
      @Override
      void record(JsonNode rec, long line) {
        String type = Json.text(rec, "type");
        Instant ts = out.time(rec, "timestamp", line);
        if ("session_start".equals(type)) {
          out.sessionId(Json.nonBlank(rec, "id"));
          if (out.info.cwd == null) out.info.cwd = Json.nonBlank(rec, "cwd");
          out.seen(ts);
        } else if ("message".equals(type)) {
          JsonNode msg = Json.obj(rec, "message");
          if (msg == null) {
            out.problem(line, "message record without message");
            return;
          }
          String role = Json.text(msg, "role");
          String model = Json.nonBlank(msg, "model");
          if (model != null) out.sessionModel(model);
          if ("user_only".equals(Json.text(msg, "visibility"))) {
            out.event(null, Json.contentText(msg.get("content")), ts);
            out.send();
            return;
          }
          JsonNode usage = Json.obj(msg, "usage");
          Long in = Json.lng(usage, "input_tokens");
          Long o = Json.lng(usage, "output_tokens");
          Long c = Json.lng(usage, "cache_read_input_tokens");
          if (usage != null) out.addTokens(in, o, c);
          String mid = "assistant".equals(role) ? Json.text(rec, "id") : null;
          Blocks.emit(out, role, msg.get("content"), ts, model, mid, in, o, c);
        } else if (type == null) {
          out.problem(line, "record without type");
        } else {
          out.seen(ts);
        }
      }

      @Override
      void finish() {
        out.finishTokens();
      }
    };
  }
}
