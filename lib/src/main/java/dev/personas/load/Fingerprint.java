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
 * Dataset fingerprints: hex SHA-256 of the bytes of every input file (keyed by its path relative to
 * its source) and of the options that change the output ({@link IngestOptions#canonical()}).
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
