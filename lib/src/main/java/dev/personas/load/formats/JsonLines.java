package dev.personas.load.formats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/**
 * Streaming helpers shared by the JSON-lines parsers: a byte-level line splitter over an
 * {@link InputStream} (a line is handed to Jackson's streaming parser as a byte slice and never
 * decoded into a String as a whole; the file is never held in memory), the shared Jackson factory,
 * and ISO-8601 / epoch timestamp parsing to UTC {@link Instant}s.
 */
public final class JsonLines {
  /** Shared, thread-safe Jackson mapper (tree reads of sub-objects such as {@code message}). */
  public static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
      .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      // field names are canonicalised but not String.intern()ed: skipped objects keyed by file
      // paths or ids would otherwise intern every new key (JFR)
      .disable(JsonFactory.Feature.INTERN_FIELD_NAMES).build());
  // (CANONICALIZE_FIELD_NAMES must stay on: without it Jackson reads byte input through a Reader)
  /** Shared factory; parsers are created per line from a byte slice. */
  public static final JsonFactory FACTORY = MAPPER.getFactory();

  private final InputStream in;
  private byte[] buf = new byte[1 << 16];
  private int start; // first byte of the current line
  private int end; // bytes valid in buf
  private boolean eof;
  private long lineNo;
  private int lineOff;
  private int lineLen;
  private boolean lineTerminated;

  /** Reads lines of {@code in} (already decompressed); the caller closes {@code in}. */
  public JsonLines(InputStream in) {
    this.in = in;
  }

  /**
   * Advances to the next line. Lines are split on {@code \n}; a trailing {@code \r} is dropped.
   *
   * @return false at end of input
   */
  public boolean next() throws IOException {
    int scanFrom = start;
    while (true) {
      int nl = indexOf(buf, (byte) '\n', scanFrom, end);
      if (nl >= 0) {
        lineOff = start;
        lineLen = nl - start;
        if (lineLen > 0 && buf[nl - 1] == '\r') lineLen--;
        start = nl + 1;
        lineNo++;
        lineTerminated = true;
        return true;
      }
      if (eof) {
        if (start < end) {
          lineOff = start;
          lineLen = end - start;
          start = end;
          lineNo++;
          lineTerminated = false;
          return true;
        }
        return false;
      }
      scanFrom = end;
      // make room: compact, then grow if the line fills the buffer
      if (start > 0) {
        System.arraycopy(buf, start, buf, 0, end - start);
        scanFrom -= start;
        end -= start;
        start = 0;
      }
      if (end == buf.length) buf = Arrays.copyOf(buf, buf.length * 2);
      int r = in.read(buf, end, buf.length - end);
      if (r < 0) eof = true;
      else end += r;
    }
  }

  private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles
      .byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
  private static final long NL8 = 0x0a0a0a0a0a0a0a0aL;
  private static final long LO8 = 0x0101010101010101L;
  private static final long HI8 = 0x8080808080808080L;

  /** First index of '\n' in b[from, to), eight bytes at a time (SWAR), or -1. */
  static int indexOf(byte[] b, byte v, int from, int to) {
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long x = (long) LONGS.get(b, i) ^ NL8;
      long t = (x - LO8) & ~x & HI8;
      if (t != 0) return i + (Long.numberOfTrailingZeros(t) >>> 3);
    }
    for (; i < to; i++) if (b[i] == v) return i;
    return -1;
  }

  /** 1-based number of the current line. */
  public long lineNumber() {
    return lineNo;
  }

  /** False when the current line is the last one and the file ended without a newline. */
  public boolean terminated() {
    return lineTerminated;
  }

  /** Whether the current line is empty or whitespace only. */
  public boolean blank() {
    for (int i = lineOff; i < lineOff + lineLen; i++) {
      byte c = buf[i];
      if (c != ' ' && c != '\t' && c != '\r') return false;
    }
    return true;
  }

  /** Length of the current line in bytes. */
  public int length() {
    return lineLen;
  }

  /** A streaming parser over the current line's bytes (valid until the next {@link #next}). */
  public JsonParser parser() throws IOException {
    return FACTORY.createParser(buf, lineOff, lineLen);
  }

  /**
   * Parses an ISO-8601 timestamp with offset or {@code Z} (e.g. {@code 2026-02-14T14:36:14.406Z},
   * {@code 2026-02-14T23:48:32+05:30}) to an Instant.
   *
   * @return null when {@code s} is null, blank or not a timestamp
   */
  public static Instant instant(String s) {
    if (s == null || s.isBlank()) return null;
    Instant fast = fastUtc(s);
    if (fast != null) return fast;
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(s).toInstant();
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  /**
   * The common shape {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z} without the java.time parser; null
   * for anything else (then parsed the general way).
   */
  static Instant fastUtc(String s) {
    int n = s.length();
    if (n < 20 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-'
        || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') {
      return null;
    }
    int y = digits(s, 0, 4), mo = digits(s, 5, 2), d = digits(s, 8, 2);
    int h = digits(s, 11, 2), mi = digits(s, 14, 2), se = digits(s, 17, 2);
    if ((y | mo | d | h | mi | se) < 0 || mo < 1 || mo > 12 || d < 1 || d > 28 && d > lengthOf(y, mo)
        || h > 23 || mi > 59 || se > 59) {
      return null;
    }
    int nanos = 0;
    int i = 19;
    if (i < n - 1) {
      if (s.charAt(i) != '.' || n - 1 - (i + 1) < 1 || n - 1 - (i + 1) > 9) return null;
      int f = digits(s, i + 1, n - 1 - (i + 1));
      if (f < 0) return null;
      nanos = f;
      for (int k = n - 1 - (i + 1); k < 9; k++) nanos *= 10;
    }
    long days = java.time.LocalDate.of(y, mo, d).toEpochDay();
    return Instant.ofEpochSecond(days * 86_400L + h * 3600L + mi * 60L + se, nanos);
  }

  private static int lengthOf(int y, int mo) {
    return java.time.YearMonth.of(y, mo).lengthOfMonth();
  }

  private static int digits(String s, int from, int len) {
    int v = 0;
    for (int i = from; i < from + len; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') return -1;
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /** Epoch milliseconds to an Instant; null for null or values outside years 1970..2200. */
  public static Instant epochMillis(Long ms) {
    if (ms == null || ms < 0 || ms > 7_258_118_400_000L) return null;
    return Instant.ofEpochMilli(ms);
  }

  /**
   * The JSON document in {@code b} as a tree, as {@code MAPPER.readTree(b)} gives it (a missing
   * node for empty input; what follows the first value is not read), built by {@link
   * Json#readTree} like every tree of the parsers: the one tree builder is compiled once, not
   * databind's deserializers as well (a fresh process's JIT spent ~3 s of C2 time on them).
   *
   * @throws IOException when {@code b} is not JSON
   */
  public static JsonNode tree(byte[] b) throws IOException {
    try (JsonParser p = FACTORY.createParser(b)) {
      if (p.nextToken() == null) return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
      return Json.readTree(p, java.util.Set.of());
    }
  }

  /** {@link #tree(byte[])} of a string. */
  public static JsonNode tree(String s) throws IOException {
    try (JsonParser p = FACTORY.createParser(s)) {
      if (p.nextToken() == null) return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
      return Json.readTree(p, java.util.Set.of());
    }
  }

  /** Text of a node: a string node's value, null for null/missing, else its JSON. */
  public static String text(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) return null;
    return n.isTextual() ? n.textValue() : n.toString();
  }

  /** A long field of an object node, null when absent or not a number. */
  public static Long longOrNull(JsonNode obj, String field) {
    if (obj == null) return null;
    JsonNode n = obj.get(field);
    return n != null && n.isNumber() ? n.longValue() : null;
  }

  /** A string field of an object node, null when absent or not textual. */
  public static String str(JsonNode obj, String field) {
    if (obj == null) return null;
    JsonNode n = obj.get(field);
    return n != null && n.isTextual() ? n.textValue() : null;
  }
}
