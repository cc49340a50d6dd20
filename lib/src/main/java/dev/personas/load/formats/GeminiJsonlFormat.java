package dev.personas.load.formats;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;

/**
 * Gemini CLI chat log as JSONL: a header line {@code {sessionId, projectHash, startTime,
 * lastUpdated, kind}}, message lines, and patch lines {@code {"$set": {...}}}.
 *
 * <p>A message line whose {@code id} equals the previous message line's is an update of that
 * message (Gemini rewrites a response as it streams and as tool results arrive): only the last
 * version gives rows. {@code $set.messages} (a whole new message list, e.g. the injected
 * {@code <session_context>}) gives rows for the messages whose ids were not emitted yet;
 * {@code $set.lastUpdated} extends the session's end. Mapping of messages: {@link GeminiMessages}.
 */
public final class GeminiJsonlFormat extends JsonlFormat {
  public static final String ID = "gemini-jsonl";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String agent() {
    return "Gemini CLI";
  }

  /**
   * First line is a complete header with {@code sessionId} and {@code projectHash} (or
   * {@code startTime}) and no {@code messages}; or a {@code $set} line.
   */
  @Override
  public boolean detect(String head) {
    HeadProbe p = HeadProbe.of(head);
    if (p.has("$set")) return !p.has("type");
    if (!p.complete() || p.has("messages") || p.has("type") || p.has("info")) return false;
    return p.has("sessionId") && (p.has("projectHash") || p.has("startTime"));
  }

  @Override
  Session session(Emit out) {
    return new GeminiLog(out);
  }

  static final class GeminiLog extends Session {
    private final GeminiMessages gm;
    private final Set<String> emitted = new HashSet<>();
    private JsonNode buffered;
    private long bufferedLine;

    GeminiLog(Emit out) {
      super(out);
      gm = new GeminiMessages(out);
    }

    @Override
    void record(JsonNode rec, long line) {
      JsonNode set = Json.obj(rec, "$set");
      if (set != null) {
        out.seen(Json.instant(set, "lastUpdated"));
        JsonNode msgs = Json.arr(set, "messages");
        if (msgs != null) {
          flush();
          for (JsonNode m : msgs) {
            String id = Json.text(m, "id");
            if (id != null && !emitted.add(id)) continue;
            gm.message(m, line);
          }
        }
        return;
      }
      if (!rec.has("type") && rec.has("sessionId")) {
        out.sessionId(Json.text(rec, "sessionId"));
        out.seen(Json.instant(rec, "startTime"));
        out.seen(Json.instant(rec, "lastUpdated"));
        return;
      }
      if (!rec.has("type")) {
        out.problem(line, "line is neither header, message nor $set patch");
        return;
      }
      String id = Json.text(rec, "id");
      if (buffered != null && id != null && id.equals(Json.text(buffered, "id"))) {
        buffered = rec; // newer version of the same message
        bufferedLine = line;
        return;
      }
      flush();
      if (id != null && emitted.contains(id)) return; // already given by a $set list
      buffered = rec;
      bufferedLine = line;
    }

    private void flush() {
      if (buffered == null) return;
      JsonNode m = buffered;
      buffered = null;
      String id = Json.text(m, "id");
      if (id != null) emitted.add(id);
      gm.message(m, bufferedLine);
    }

    @Override
    void finish() {
      flush();
      out.finishTokens();
    }
  }
}
