package dev.personas.load.formats;

import dev.personas.load.TranscriptFormat;
import java.util.List;

/**
 * The non-Claude transcript formats of this package, in a fixed order (also registered for
 * {@link java.util.ServiceLoader} in {@code META-INF/services/dev.personas.load.TranscriptFormat}).
 * Detection is precise enough that no two of them claim the same file of the development corpus,
 * and none claims a Claude Code or Entire compact transcript.
 */
public final class Formats {
  private Formats() {}

  /** New instances of all formats: Codex, OpenCode (export, JSONL), Gemini (JSON, JSONL), Copilot,
   * Cursor, Kiro, Factory Droid, Pi. */
  public static List<TranscriptFormat> all() {
    return List.of(new CodexRolloutFormat(), new OpenCodeExportFormat(), new OpenCodeJsonlFormat(),
        new GeminiJsonFormat(), new GeminiJsonlFormat(), new CopilotEventsFormat(),
        new CursorJsonlFormat(), new KiroJsonFormat(), new DroidJsonlFormat(), new PiJsonlFormat());
  }
}
