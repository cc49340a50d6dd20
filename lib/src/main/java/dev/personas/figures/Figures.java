package dev.personas.figures;

import java.nio.file.Files;
import java.nio.file.Path;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * The notebooks' entry point for writing figures: {@code Figures.save(chart, "03-session-types",
 * "k-sweep")} writes {@code figures/03-session-types/k-sweep.png} and {@code .svg}, updates {@code
 * figures/MANIFEST.tsv} and returns a {@link Figure} that the kernel shows inline.
 *
 * <p>Where: the root is, in order, what {@link #setRoot} set (the CLI's {@code --out DIR}), the
 * environment variable {@code WORKBENCH_FIGURES}, or {@code <project root>/figures} where the project
 * root is the nearest folder at or above the working directory holding {@code pom.xml} and {@code
 * lib/} (the working directory itself when there is none). A notebook sets the manifest context once
 * with {@link #setContext} (data fingerprint, seed).
 *
 * <p>State: one process-wide default {@link FigureStore}; tests and library code should use a
 * {@link FigureStore} of their own instead.
 */
public final class Figures {
  private Figures() {}

  /** Environment variable naming the figures root. */
  public static final String ENV_ROOT = "WORKBENCH_FIGURES";

  private static volatile FigureStore store;

  /** The current default store (created on first use from the environment). */
  public static FigureStore store() {
    FigureStore s = store;
    if (s == null) {
      synchronized (Figures.class) {
        if (store == null) store = FigureStore.at(defaultRoot());
        s = store;
      }
    }
    return s;
  }

  /** Replaces the default store (e.g. in the CLI). */
  public static synchronized void setStore(FigureStore s) {
    if (s == null) throw new IllegalArgumentException("store must not be null");
    store = s;
  }

  /** Writes figures under {@code root} from now on (keeps fingerprint and seed). */
  public static synchronized void setRoot(Path root) {
    FigureStore s = store();
    store = new FigureStore(root, s.fingerprint(), s.seed(), s.plotlyJs());
  }

  /** Records {@code fingerprint} and {@code seed} in the manifest rows of the next figures. */
  public static synchronized void setContext(String fingerprint, Object seed) {
    store = store().withContext(fingerprint, seed);
  }

  /** The root of the default store. */
  public static Path root() {
    return store().root();
  }

  /** {@link FigureStore#save} on the default store. */
  public static Figure save(Chart<?, ?> chart, String notebook, String name) {
    return store().save(chart, notebook, name);
  }

  /** {@link FigureStore#saveHtml} on the default store. */
  public static Figure saveHtml(tech.tablesaw.plotly.components.Figure figure, String notebook, String name) {
    return store().saveHtml(figure, notebook, name);
  }

  /** {@code WORKBENCH_FIGURES}, else {@code <project root>/figures}. */
  public static Path defaultRoot() {
    String env = System.getenv(ENV_ROOT);
    if (env != null && !env.isBlank()) return Path.of(env).toAbsolutePath().normalize();
    return projectRoot().resolve("figures");
  }

  /** The nearest folder at or above the working directory with {@code pom.xml} and {@code lib/}, else the working directory. */
  public static Path projectRoot() {
    Path cwd = Path.of("").toAbsolutePath().normalize();
    for (Path p = cwd; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("lib"))) return p;
    }
    return cwd;
  }
}
