package dev.personas.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the real development corpus for tests: {@code ../shared/corpus} beside the project root,
 * unpacked (idempotently, by its own {@code unpack.sh}) into {@code WORKBENCH_CORPUS_DIR} or
 * {@code <root>/.cache/corpus}. Never copy anything from it into the project.
 */
public final class Corpus {
  private Corpus() {}

  /** The project root (the folder holding the parent pom.xml and lib/). */
  public static Path projectRoot() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !(Files.isDirectory(p.resolve("lib")) && Files.exists(p.resolve("pom.xml")))) {
      p = p.getParent();
    }
    if (p == null) throw new IllegalStateException("project root not found above " + Path.of("").toAbsolutePath());
    return p;
  }

  /** {@code ../shared/corpus} (the packed corpus, read-only). */
  public static Path packed() {
    return projectRoot().resolve("../shared/corpus").normalize();
  }

  /** The unpacked corpus folder (with entire/, aider/, specstory/, sessions.csv), unpacking if needed. */
  public static synchronized Path unpacked() {
    String env = System.getenv("WORKBENCH_CORPUS_DIR");
    Path dest = env != null && !env.isBlank() ? Path.of(env) : projectRoot().resolve(".cache/corpus");
    try {
      Process p = new ProcessBuilder("bash", packed().resolve("unpack.sh").toString(), dest.toString())
          .inheritIO().start();
      if (p.waitFor() != 0) throw new IllegalStateException("unpack.sh failed for " + dest);
    } catch (IOException e) {
      throw new IllegalStateException("cannot run unpack.sh: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return dest;
  }
}
