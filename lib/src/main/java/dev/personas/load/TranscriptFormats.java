package dev.personas.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The registry of {@link TranscriptFormat}s, discovered with {@link ServiceLoader} from
 * {@code META-INF/services/dev.personas.load.TranscriptFormat} (one implementation class per line)
 * and kept in a deterministic order: by {@link TranscriptFormat#id()}. Detection is by content only:
 * the first {@link #HEAD_BYTES} bytes of the decompressed file, decoded as UTF-8 (malformed bytes
 * replaced), are offered to each format in id order; the first that accepts wins. A file no format
 * accepts is "not a transcript / unsupported format".
 */
public final class TranscriptFormats {
  /** How much of a file detection looks at: 64 KiB. */
  public static final int HEAD_BYTES = 64 * 1024;

  /** Reason recorded for a file no format accepts. */
  public static final String UNSUPPORTED = "not a transcript / unsupported format";

  private static final List<TranscriptFormat> ALL = load();

  private TranscriptFormats() {}

  private static List<TranscriptFormat> load() {
    List<TranscriptFormat> list = new ArrayList<>();
    for (TranscriptFormat f : ServiceLoader.load(TranscriptFormat.class, TranscriptFormats.class.getClassLoader())) {
      list.add(f);
    }
    list.sort(Comparator.comparing(TranscriptFormat::id));
    return List.copyOf(list);
  }

  /** Every registered format, sorted by id. */
  public static List<TranscriptFormat> all() {
    return ALL;
  }

  /**
   * The format with this id.
   *
   * @throws IllegalArgumentException if no registered format has the id
   */
  public static TranscriptFormat byId(String id) {
    for (TranscriptFormat f : ALL) if (f.id().equals(id)) return f;
    throw new IllegalArgumentException("unknown transcript format id '" + id + "'; known: "
        + ALL.stream().map(TranscriptFormat::id).toList());
  }

  /** The first format (in id order) that accepts this head, if any. */
  public static Optional<TranscriptFormat> detect(String head) {
    if (head == null) return Optional.empty();
    if (head.startsWith("\uFEFF")) head = head.substring(1); // a UTF-8 byte order mark
    if (head.isBlank()) return Optional.empty();
    for (TranscriptFormat f : ALL) {
      try {
        if (f.detect(head)) return Optional.of(f);
      } catch (RuntimeException e) {
        // a misbehaving detector must not stop detection by the others
      }
    }
    return Optional.empty();
  }

  /**
   * Reads up to {@link #HEAD_BYTES} from a stream that supports mark/reset, then resets it.
   *
   * @throws IllegalArgumentException if the stream does not support mark
   */
  public static String head(InputStream in) throws IOException {
    if (!in.markSupported()) throw new IllegalArgumentException("stream without mark support: " + in);
    in.mark(HEAD_BYTES + 1);
    byte[] buf = in.readNBytes(HEAD_BYTES);
    in.reset();
    return new String(buf, StandardCharsets.UTF_8);
  }
}
