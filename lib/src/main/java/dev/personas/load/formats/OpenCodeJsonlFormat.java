package dev.personas.load.formats;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;

/**
 * OpenCode's line-per-message variant: one {@code {info, parts[]}} message per line (as in the
 * export's {@code messages} array; mapping in {@link OpenCodeMessages}). Session id is the
 * messages' {@code sessionID}; session tokens are the sum over assistant messages.
 */
public final class OpenCodeJsonlFormat extends JsonlFormat {
  public static final String ID = "opencode-jsonl";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String agent() {
    return "OpenCode";
  }

  /** First line is a message: {@code info} with {@code role}, or {@code info} plus {@code parts}. */
  @Override
  public boolean detect(String head) {
    HeadProbe p = HeadProbe.of(head);
    if (!p.isObject("info") || p.has("messages")) return false;
    Map<String, Object> info = p.sub("info");
    return info.containsKey("role") || (p.has("parts") && info.containsKey("sessionID"));
  }

  @Override
  Set<String> skipFields() {
    return OpenCodeMessages.SKIP;
  }

  @Override
  Session session(Emit out) {
    return new Session(out) {
      @Override
      void record(JsonNode rec, long line) {
        OpenCodeMessages.message(out, rec, line);
      }

      @Override
      void finish() {
        out.finishTokens();
      }
    };
  }
}
