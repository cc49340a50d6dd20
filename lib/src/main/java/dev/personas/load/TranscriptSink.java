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

  /**
   * Something wrong in a record that was kept anyway (for example an unparsable timestamp, stored
   * as null). Defaults to {@link #problem} for sinks that do not distinguish the two.
   *
   * @param line 1-based line number in the (decompressed) file, or 0 for a whole-file remark
   */
  default void warning(long line, String reason) {
    problem(line, reason);
  }

  /**
   * Chars of {@code content} the sink keeps of a record: a parser may read a long text into a
   * {@link CappedText} of this cap and hand over only the head with the whole text's counts
   * ({@link Turn#contentChars}, {@link Turn#contentWords}). Defaults to no cap.
   */
  default int maxContentChars() {
    return Integer.MAX_VALUE;
  }

  /** Session-level facts; the parser writes into this object at any time. */
  SessionInfo session();
}
