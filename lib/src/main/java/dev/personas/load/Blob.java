package dev.personas.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One readable file of a source: a file in a folder or a blob in a git tree. {@link #path} is
 * relative to the source root, '/'-separated; {@link #origin} names it for the ingest report.
 */
public interface Blob {
  /** Path relative to the source root, '/'-separated. */
  String path();

  /** Size in bytes as stored (compressed size for compressed files). */
  long size();

  /** The stored bytes (possibly compressed; see {@link Decompress}). */
  InputStream open() throws IOException;

  /** Where the blob comes from, for the report: a file path or {@code git:<repo>@<ref>:<path>}. */
  String origin();

  /** The file name (last path segment). */
  default String name() {
    String p = path();
    return p.substring(p.lastIndexOf('/') + 1);
  }

  /** The parent folder ('' at the root). */
  default String parent() {
    String p = path();
    int i = p.lastIndexOf('/');
    return i < 0 ? "" : p.substring(0, i);
  }

  /** A file on disk. */
  record FileBlob(String path, Path file, long size) implements Blob {
    @Override
    public InputStream open() throws IOException {
      return Files.newInputStream(file);
    }

    @Override
    public String origin() {
      return file.toString();
    }
  }
}
