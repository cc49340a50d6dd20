package dev.personas.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Dataset fingerprints: one hash of the bytes of every input file (keyed by its path relative to
 * its source) and of the options that change the output ({@link IngestOptions#canonical()}),
 * combined with SHA-256.
 *
 * <p>Small files (metadata, mappings, parquet) are hashed with SHA-256. Transcripts, which are
 * nearly all of the bytes, are hashed while they are parsed with a {@link ContentHash} (CRC-32C,
 * CRC-32 and the byte count): both CRCs run on hardware instructions at several GB/s, where
 * SHA-256 cost an eighth of the parser threads' CPU on the development corpus (about 1 GB/s).
 * A fingerprint detects any accidental change of the inputs (two independent 32-bit checks and
 * the length); it is not meant to resist a deliberate collision.
 */
public final class Fingerprint {
  private Fingerprint() {}

  static MessageDigest sha() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Change detector of a stream's bytes: CRC-32C and CRC-32 of everything passed to {@link
   * #update}, and the number of bytes. Not thread-safe; one per file.
   */
  public static final class ContentHash {
    private final java.util.zip.CRC32C c = new java.util.zip.CRC32C();
    private final java.util.zip.CRC32 d = new java.util.zip.CRC32();
    private long n;

    /** Adds {@code len} bytes of {@code b} from {@code off}. */
    public void update(byte[] b, int off, int len) {
      c.update(b, off, len);
      d.update(b, off, len);
      n += len;
    }

    /** {@code crc32c-crc32-length}, as 8, 8 and 1+ lowercase hex digits: e.g. {@code 1a2b3c4d-...-3e8}. */
    public String hex() {
      return String.format(java.util.Locale.ROOT, "%08x-%08x-%x", c.getValue(), d.getValue(), n);
    }
  }

  /** An input stream that feeds every byte read through it to {@code hash}. */
  static InputStream hashing(InputStream in, ContentHash hash) {
    return new java.io.FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) hash.update(new byte[] {(byte) b}, 0, 1);
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int r = super.read(b, off, len);
        if (r > 0) hash.update(b, off, r);
        return r;
      }

      @Override
      public long skip(long n) throws IOException {
        // skipped bytes must be hashed too: read them
        byte[] buf = new byte[(int) Math.min(n, 8192)];
        long s = 0;
        while (s < n) {
          int r = read(buf, 0, (int) Math.min(buf.length, n - s));
          if (r < 0) break;
          s += r;
        }
        return s;
      }

      @Override
      public boolean markSupported() {
        return false;
      }
    };
  }

  /** Hex SHA-256 of bytes. */
  public static String sha256(byte[] b) {
    return HexFormat.of().formatHex(sha().digest(b));
  }

  /** Hex SHA-256 of a file's stored bytes. */
  public static String sha256(Path file) throws IOException {
    MessageDigest md = sha();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[1 << 16];
      for (int r; (r = in.read(buf)) > 0; ) md.update(buf, 0, r);
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /**
   * Combines per-file hashes (sorted by key) and the options line into one hex SHA-256.
   *
   * @param fileHashes key (source index + relative path) -> hex hash
   */
  public static String combine(Map<String, String> fileHashes, String options) {
    MessageDigest md = sha();
    for (Map.Entry<String, String> e : new TreeMap<>(fileHashes).entrySet()) {
      md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
      md.update((byte) 0);
      md.update(e.getValue().getBytes(StandardCharsets.UTF_8));
      md.update((byte) '\n');
    }
    md.update(options.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(md.digest());
  }
}
