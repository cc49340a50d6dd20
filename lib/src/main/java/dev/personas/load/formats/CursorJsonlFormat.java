package dev.personas.load.formats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.personas.load.Turn;

/**
 * Cursor agent transcript JSONL: {@code {role, message: {content: [blocks]}}} per line, without
 * timestamps, ids or models (rows have null timestamps). A user text holding a
 * {@code <user_query>} element is a prompt whose content is the query text (the surrounding
 * {@code <external_links>}, {@code <attached_files>} context is dropped); other user text starting
 * with a tag is {@code system_injected}. Assistant blocks as in {@link Blocks}, except that a
 * message made of one bold title line is a reasoning summary ({@code assistant_thinking}).
 */
public final class CursorJsonlFormat extends JsonlFormat {
  public static final String ID = "cursor-jsonl";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String agent() {
    return "Cursor";
  }

  /**
   * Cursor writes its reasoning summaries as assistant messages holding one bold title line
   * ({@code **Planning the patch**}); these become {@code assistant_thinking}.
   */
  static boolean isBoldTitle(String s) {
    String t = s.strip();
    return t.length() > 4 && t.startsWith("**") && t.endsWith("**") && t.indexOf('\n') < 0
        && t.indexOf("**", 2) == t.length() - 2;
  }

  /** First record has {@code role} and a {@code message} object and no {@code type}. */
  @Override
  public boolean detect(String head) {
    HeadProbe p = HeadProbe.of(head);
    String role = p.str("role");
    return role != null && p.isObject("message") && !p.has("type") && !p.has("info")
        && (role.equals("user") || role.equals("assistant"));
  }

  @Override
  Session session(Emit out) {
    return new Session(out) {
      @Override
      void record(JsonNode rec, long line) {
        String role = Json.text(rec, "role");
        JsonNode msg = Json.obj(rec, "message");
        if (role == null || msg == null) {
          out.problem(line, "record without role or message");
          return;
        }
        JsonNode content = msg.get("content");
        if (role.equals("user")) {
          String text = Json.contentText(content);
          if (text == null) return;
          int q = text.indexOf("<user_query>");
          if (q >= 0) {
            int e = text.indexOf("</user_query>", q);
            String query = text.substring(q + "<user_query>".length(), e < 0 ? text.length() : e);
            out.prompt(query.strip(), null);
          } else if (GeminiMessages.isInjected(text)) {
            out.injected(text, null);
          } else {
            out.prompt(text, null);
          }
        } else if (role.equals("assistant")) {
          String only = content != null && content.isArray() && content.size() == 1
              ? Json.text(content.get(0), "text") : null;
          if (only != null && isBoldTitle(only)) {
            out.thinking(only, null, null);
            out.send();
          } else {
            Blocks.emit(out, "assistant", content, null, null, null, null, null, null);
          }
        } else {
          Turn t = out.event(null, Json.contentText(content), null);
          out.send();
        }
      }
    };
  }
}
