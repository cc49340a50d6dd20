package dev.personas.load;

import java.io.Writer;

/**
 * A text received in pieces, of which only the first {@code cap} chars are kept, and of which the
 * full length and word count are measured: what a {@code conversations} row stores of a long tool
 * output, without ever holding the whole output as one String. A parser hands it to Jackson's
 * {@code JsonParser.getText(Writer)}, which passes the decoded string segment by segment.
 *
 * <p>The results equal those of the whole text: {@link #chars()} is its length in UTF-16 chars,
 * {@link #words()} is {@link ConversationSink#wordCount} of it, and {@link #text()} is
 * {@link ConversationSink#cap} of it (the first {@code cap} chars, one fewer when that would split
 * a surrogate pair; the text itself when it is not longer than {@code cap}). Pieces passed by
 * {@link #piece} are joined with a {@code '\n'} between them, as tool results made of several
 * text blocks are (a separator only after a non-empty start). Reusable after {@link #reset}; not thread-safe.
 */
public final class CappedText extends Writer {
  private final int cap;
  private final StringBuilder head = new StringBuilder();
  private long chars;
  private int words;
  private int prevWs = 1;

  /**
   * @param cap chars kept, at least 1
   * @throws IllegalArgumentException when {@code cap < 1}
   */
  public CappedText(int cap) {
    if (cap < 1) throw new IllegalArgumentException("cap " + cap + " < 1");
    this.cap = cap;
  }

  /** Forgets the text received so far. */
  public CappedText reset() {
    head.setLength(0);
    chars = 0;
    words = 0;
    prevWs = 1;
    return this;
  }

  /**
   * Starts a new piece: a {@code '\n'} separates it from what was received before, if anything
   * was (as {@code StringBuilder} joins that add a separator only to a non-empty builder).
   */
  public void piece() {
    if (chars > 0) write('\n');
  }

  @Override
  public void write(char[] b, int off, int len) {
    // one char beyond the cap is kept, to tell a surrogate pair at the cap (long: cap may be MAX_VALUE)
    long room = (long) cap + 1 - head.length();
    if (room > 0) head.append(b, off, (int) Math.min(len, room));
    chars += len;
    int count = 0, prev = prevWs;
    for (int i = off, end = off + len; i < end; i++) {
      int ws = ConversationSink.whitespace(b[i]);
      count += prev & ~ws;
      prev = ws;
    }
    words += count;
    prevWs = prev;
  }

  @Override
  public void write(int c) {
    write(new char[] {(char) c}, 0, 1);
  }

  @Override
  public void write(String s) {
    write(s, 0, s.length());
  }

  @Override
  public void write(String s, int off, int len) {
    char[] b = new char[len];
    s.getChars(off, off + len, b, 0);
    write(b, 0, len);
  }

  /** Length of the whole text in UTF-16 chars. */
  public int chars() {
    return (int) Math.min(Integer.MAX_VALUE, chars);
  }

  /** Whitespace-separated words of the whole text ({@link ConversationSink#wordCount}). */
  public int words() {
    return words;
  }

  /** The kept head: {@link ConversationSink#cap} of the whole text. */
  public String text() {
    if (chars <= cap) return head.toString();
    int end = cap;
    if (Character.isHighSurrogate(head.charAt(end - 1))) end--;
    return head.substring(0, end);
  }

  /** Whether the whole text is longer than the cap (then {@link #text} is a prefix). */
  public boolean truncated() {
    return chars > cap;
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
