package dev.personas.load.formats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.personas.load.TranscriptFormat;
import dev.personas.load.TranscriptSink;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * OpenCode session export ({@code opencode export}): one pretty-printed JSON document
 * {@code {info, messages[{info, parts[]}]}}, even when the file is named {@code .jsonl}. Session
 * info (id, directory, model, tokens, epoch-ms times) from {@code info}; each message is read as
 * its own tree from the token stream and mapped as described in {@link OpenCodeMessages}.
 * Field notes: {@code shared/reference/formats.md}.
 */
public final class OpenCodeExportFormat implements TranscriptFormat {
  public static final String ID = "opencode-export-json";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String agent() {
    return "OpenCode";
  }

  /**
   * A JSON object whose {@code info} is session info (id/slug/directory/projectID, no
   * {@code role}) or which has both {@code info} and a {@code messages} array.
   */
  @Override
  public boolean detect(String head) {
    HeadProbe p = HeadProbe.of(head);
    if (!p.isObject("info")) return false;
    Map<String, Object> info = p.sub("info");
    if (info.containsKey("role")) return false;
    if (p.has("messages")) return true;
    return info.containsKey("slug") || info.containsKey("projectID")
        || info.containsKey("directory") || (info.get("id") instanceof String s
        && s.startsWith("ses_"));
  }

  @Override
  public void parse(InputStream in, TranscriptSink sink) throws IOException {
    Emit out = new Emit(sink);
    if (out.info.agent == null) out.info.agent = agent();
    Documents.read(in, out, (name, p) -> {
      switch (name) {
        case "info" -> OpenCodeMessages.session(out, Documents.tree(p));
        case "messages" -> Documents.elements(p, out, OpenCodeMessages.SKIP,
            (JsonNode m, long line) -> OpenCodeMessages.message(out, m, line));
        default -> p.skipChildren();
      }
    });
    out.finishTokens();
  }
}
