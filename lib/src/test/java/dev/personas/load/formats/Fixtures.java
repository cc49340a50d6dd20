package dev.personas.load.formats;

import dev.personas.load.ToolTaxonomy;
import dev.personas.load.TranscriptFormat;
import dev.personas.load.Turn;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Helpers for the hand-written transcripts of the format tests. */
final class Fixtures {
  private Fixtures() {}

  static RecordingSink parse(TranscriptFormat f, String text) {
    RecordingSink sink = new RecordingSink();
    try {
      f.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), sink);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return sink;
  }

  static String category(Turn t) {
    return ToolTaxonomy.category(t.toolName, t.command);
  }

  static Instant at(String iso) {
    return Instant.parse(iso);
  }
}
