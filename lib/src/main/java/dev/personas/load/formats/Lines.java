package dev.personas.load.formats;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines without decoding (package-private): the parsers hand each line's
 * bytes straight to Jackson. Handles LF and CRLF, a last line without a newline, and lines of any
 * length (the buffer grows). A UTF-8 byte-order mark at the start is skipped.
 */
final class Lines {
  private final InputStream in;
  private byte[] buf = new byte[1 << 16];
  private int start; // start of unread data
  private int end; // end of valid data
  private boolean eof;
  private long lineNo;
  private boolean first = true;

  /** Bytes of the current line: {@code buf()[off() .. off()+len())}. */
  private int off;
  private int len;

  Lines(InputStream in) {
    this.in = in;
  }

  /** Advances to the next line; false at end of input. */
  boolean next() throws IOException {
    int scanned = 0; // bytes after start already known to hold no newline
    while (true) {
      int i = JsonLines.indexOf(buf, (byte) '\n', start + scanned, end);
      if (i >= 0) {
        int e = i;
        if (e > start && buf[e - 1] == '\r') e--;
        setLine(start, e - start);
        start = i + 1;
        return true;
      }
      scanned = end - start;
      if (eof) {
        if (start < end) {
          int e = end;
          if (e > start && buf[e - 1] == '\r') e--;
          setLine(start, e - start);
          start = end;
          return true;
        }
        return false;
      }
      fill();
    }
  }

  private void fill() throws IOException {
    if (start > 0) {
      System.arraycopy(buf, start, buf, 0, end - start);
      end -= start;
      start = 0;
    }
    if (end == buf.length) buf = Arrays.copyOf(buf, buf.length * 2);
    int n = in.read(buf, end, buf.length - end);
    if (n < 0) eof = true;
    else end += n;
  }

  private void setLine(int o, int l) {
    lineNo++;
    if (first) {
      first = false;
      if (l >= 3 && buf[o] == (byte) 0xEF && buf[o + 1] == (byte) 0xBB && buf[o + 2] == (byte) 0xBF) {
        o += 3;
        l -= 3;
      }
    }
    off = o;
    len = l;
  }

  byte[] buf() { return buf; }
  int off() { return off; }
  int len() { return len; }
  /** 1-based number of the current line. */
  long lineNo() { return lineNo; }

  /** True when the current line holds only whitespace. */
  boolean blank() {
    for (int i = off; i < off + len; i++) {
      byte b = buf[i];
      if (b != ' ' && b != '\t' && b != '\r') return false;
    }
    return true;
  }
}
