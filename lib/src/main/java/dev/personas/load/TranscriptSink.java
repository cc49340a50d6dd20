package dev.personas.load;

/**
 * Receives what a {@link TranscriptFormat} parser reads from one transcript file.
 * Implementations copy the {@link Turn} they are given, so the parser may reuse it.
 */
public interface TranscriptSink {
  /** One record, in file order. */
  void turn(Turn turn);

  /**
   * A record that could not be read: skipped, with why.
   *
   * @param line 1-based line number in the (decompressed) file, or 0 for a whole-file problem
   */
  void problem(long line, String reason);

  /** Session-level facts; the parser writes into this object at any time. */
  SessionInfo session();
}
