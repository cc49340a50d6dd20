package dev.personas.load;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * Transparent decompression by magic bytes (never by file name): gzip ({@code 1f 8b}) and xz
 * ({@code fd 37 7a 58 5a 00}, via org.tukaani xz); anything else passes through unchanged.
 * Concatenated gzip members are read as one stream.
 */
public final class Decompress {
  private Decompress() {}

  private static final int BUF = 1 << 16;

  /** The compression of a stream head: "gzip", "xz" or "none". */
  public static String kind(byte[] head, int len) {
    if (len >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) return "gzip";
    if (len >= 6 && (head[0] & 0xff) == 0xfd && head[1] == '7' && head[2] == 'z' && head[3] == 'X'
        && head[4] == 'Z' && head[5] == 0) {
      return "xz";
    }
    return "none";
  }

  /**
   * Wraps {@code raw} so that reading it yields decompressed bytes. The returned stream is buffered
   * and owns {@code raw} (closing it closes {@code raw}).
   */
  public static InputStream wrap(InputStream raw) throws IOException {
    BufferedInputStream in = raw instanceof BufferedInputStream b ? b : new BufferedInputStream(raw, BUF);
    in.mark(8);
    byte[] head = new byte[6];
    int n = 0;
    while (n < 6) {
      int r = in.read(head, n, 6 - n);
      if (r < 0) break;
      n += r;
    }
    in.reset();
    return switch (kind(head, n)) {
      case "gzip" -> new BufferedInputStream(new GZIPInputStream(in, BUF), BUF);
      case "xz" -> new BufferedInputStream(new XZInputStream(in), BUF);
      default -> in;
    };
  }

  /** The decompressed content of stored bytes (the bytes themselves when not compressed). */
  public static byte[] bytes(byte[] stored) throws IOException {
    if (kind(stored, stored.length).equals("none")) return stored;
    try (InputStream in = wrap(new java.io.ByteArrayInputStream(stored))) {
      return in.readAllBytes();
    }
  }

  /** Opens a file, decompressing gzip or xz content transparently. */
  public static InputStream open(Path file) throws IOException {
    return wrap(Files.newInputStream(file));
  }
}
