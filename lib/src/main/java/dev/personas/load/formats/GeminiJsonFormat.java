package dev.personas.load.formats;

import dev.personas.load.TranscriptFormat;
import dev.personas.load.TranscriptSink;
import java.io.IOException;
import java.io.InputStream;

/**
 * Gemini CLI chat file as one JSON document {@code {sessionId, projectHash, startTime, lastUpdated,
 * kind?, messages[]}} (keys in any order). Messages are read one at a time from the token stream
 * and mapped as described in {@link GeminiMessages}. Session tokens are the sum over messages.
 */
public final class GeminiJsonFormat implements TranscriptFormat {
  public static final String ID = "gemini-json";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String agent() {
    return "Gemini CLI";
  }

  /**
   * An object with a top-level {@code messages} field and Gemini's header keys
   * ({@code sessionId}, {@code projectHash}, {@code startTime}, {@code lastUpdated} or
   * {@code kind}), and no OpenCode {@code info}.
   */
  @Override
  public boolean detect(String head) {
    HeadProbe p = HeadProbe.of(head);
    if (!p.has("messages") || p.has("info")) return false;
    return p.has("sessionId") || p.has("projectHash") || p.has("startTime")
        || p.has("lastUpdated") || p.has("kind");
  }

  @Override
  public void parse(InputStream in, TranscriptSink sink) throws IOException {
    Emit out = new Emit(sink);
    if (out.info.agent == null) out.info.agent = agent();
    GeminiMessages gm = new GeminiMessages(out);
    Documents.read(in, out, (name, p) -> {
      switch (name) {
        case "sessionId" -> out.sessionId(p.getValueAsString());
        case "startTime", "lastUpdated" -> out.seen(Json.instant(p.getValueAsString()));
        case "messages" -> Documents.elements(p, out, gm::message);
        default -> p.skipChildren();
      }
    });
    out.finishTokens();
  }
}
