package dev.personas.figures;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;

/**
 * {@code MANIFEST.tsv} in the figures root: one row per written file, tab-separated, with header
 * {@value #HEADER}, rows sorted by {@code figure} (the path relative to the root, {@code /}-separated,
 * compared as Java strings), UTF-8, {@code \n} line ends. Updates merge rows by figure path (a
 * newer row replaces the old one; other rows stay), under a file lock, so notebooks can add their
 * figures one at a time and the file is the same whatever order they ran in.
 *
 * <p>Bad rows in an existing manifest (wrong number of fields) are dropped on the next update; the
 * header is always rewritten.
 */
public final class Manifest {
  private Manifest() {}

  /** The header line. */
  public static final String HEADER = "figure\tnotebook\tfingerprint\tseed\tsha256";
  /** The file name in the figures root. */
  public static final String FILE = "MANIFEST.tsv";

  /**
   * One manifest row.
   *
   * @param figure path relative to the figures root, e.g. {@code 03-session-types/k-sweep.png}
   * @param notebook notebook folder
   * @param fingerprint data fingerprint ({@code -} when unknown)
   * @param seed seed of the computation behind the figure ({@code -} when none)
   * @param sha256 hex sha256 of the file
   */
  public record Row(String figure, String notebook, String fingerprint, String seed, String sha256) {
    public Row {
      for (String f : new String[] {figure, notebook, fingerprint, seed, sha256}) {
        if (f == null || f.isEmpty() || f.contains("\t") || f.contains("\n") || f.contains("\r")) {
          throw new IllegalArgumentException("manifest field must be non-empty without tabs or newlines: " + f);
        }
      }
    }

    String line() {
      return String.join("\t", figure, notebook, fingerprint, seed, sha256);
    }
  }

  /** Reads the manifest under {@code root} (empty list when there is none), sorted by figure. */
  public static List<Row> read(Path root) {
    Path file = root.resolve(FILE);
    if (!Files.exists(file)) return List.of();
    try {
      return List.copyOf(parse(Files.readString(file, StandardCharsets.UTF_8)).values());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Merges {@code rows} into {@code root/MANIFEST.tsv} (creating it) and returns all rows, sorted. */
  @SuppressWarnings("try") // the lock is held for the block, never referenced
  public static List<Row> merge(Path root, Collection<Row> rows) {
    Path file = root.resolve(FILE);
    try {
      Files.createDirectories(root);
      synchronized (Manifest.class) {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw");
            FileChannel ch = raf.getChannel();
            FileLock lock = ch.lock()) {
          byte[] old = new byte[(int) ch.size()];
          ch.read(ByteBuffer.wrap(old), 0);
          TreeMap<String, Row> all = parse(new String(old, StandardCharsets.UTF_8));
          for (Row r : rows) all.put(r.figure(), r);
          StringBuilder b = new StringBuilder(HEADER).append('\n');
          for (Row r : all.values()) b.append(r.line()).append('\n');
          byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
          ch.truncate(0);
          ch.write(ByteBuffer.wrap(bytes), 0);
          ch.force(true);
          return List.copyOf(all.values());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot update " + file, e);
    }
  }

  private static TreeMap<String, Row> parse(String text) {
    TreeMap<String, Row> rows = new TreeMap<>();
    List<String> lines = new ArrayList<>(text.lines().toList());
    for (String line : lines) {
      if (line.isBlank() || line.equals(HEADER)) continue;
      String[] f = line.split("\t", -1);
      if (f.length != 5) continue;
      try {
        Row r = new Row(f[0], f[1], f[2], f[3], f[4]);
        rows.put(r.figure(), r);
      } catch (IllegalArgumentException e) {
        // a damaged row: dropped on rewrite
      }
    }
    return rows;
  }
}
