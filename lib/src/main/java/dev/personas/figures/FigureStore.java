package dev.personas.figures;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Writes figures under one root folder and keeps its {@link Manifest}: {@code
 * <root>/<notebook>/<name>.png} and {@code .svg} for XChart charts, {@code .html} for interactive
 * tablesaw-jsplot figures. Immutable; {@link Figures} holds the notebooks' default store.
 *
 * <p>Bytes: PNG via XChart's {@link BitmapEncoder} (ImageIO, no time or text chunks; size from the
 * chart, {@value Theme#WIDTH} x {@value Theme#HEIGHT} for {@link Charts}), SVG via XChart's {@link
 * VectorGraphicsEncoder} with VectorGraphics2D 0.13, HTML from {@link Interactive#page}. All three
 * depend only on the chart (and the installed DejaVu fonts for PNG), so re-running gives the same
 * bytes.
 *
 * @param root the figures root, e.g. {@code <project>/figures}
 * @param fingerprint data fingerprint written to the manifest ({@code -} when unknown)
 * @param seed seed written to the manifest ({@code -} when none)
 * @param plotlyJs the plotly.js file to inline in HTML figures, or null for {@link Interactive#plotlyJs()}
 */
public record FigureStore(Path root, String fingerprint, String seed, Path plotlyJs) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  public FigureStore {
    if (root == null) throw new IllegalArgumentException("root must not be null");
    root = root.toAbsolutePath().normalize();
    fingerprint = field("fingerprint", fingerprint);
    seed = field("seed", seed);
  }

  /** A store at {@code root} with no fingerprint and no seed. */
  public static FigureStore at(Path root) {
    return new FigureStore(root, "-", "-", null);
  }

  /** The same store with this data fingerprint and seed (null or blank: {@code -}). */
  public FigureStore withContext(String fingerprint, Object seed) {
    return new FigureStore(root, fingerprint, seed == null ? "-" : String.valueOf(seed), plotlyJs);
  }

  /** The same store inlining this plotly.js file. */
  public FigureStore withPlotlyJs(Path plotlyJs) {
    return new FigureStore(root, fingerprint, seed, plotlyJs);
  }

  private static String field(String what, String v) {
    if (v == null || v.isBlank()) return "-";
    if (v.contains("\t") || v.contains("\n") || v.contains("\r")) {
      throw new IllegalArgumentException(what + " must not contain tabs or newlines: " + v);
    }
    return v.strip();
  }

  /**
   * Writes {@code chart} as {@code <root>/<notebook>/<name>.png} and {@code .svg} (replacing
   * existing files), adds both to the manifest and returns the figure.
   *
   * @throws IllegalArgumentException when notebook or name is not {@code [A-Za-z0-9][A-Za-z0-9._-]*}
   * @throws UncheckedIOException when the files cannot be written
   */
  public Figure save(Chart<?, ?> chart, String notebook, String name) {
    if (chart == null) throw new IllegalArgumentException("chart must not be null");
    checkName("notebook", notebook);
    checkName("name", name);
    byte[] png = png(chart);
    byte[] svg = svg(chart);
    return write(notebook, name, chart.getTitle(), List.of(".png", ".svg"), List.of(png, svg), png);
  }

  /**
   * Writes an interactive tablesaw-jsplot figure as the self-contained {@code
   * <root>/<notebook>/<name>.html} (plotly.js inlined, div id {@code <notebook>-<name>}) and adds it to
   * the manifest.
   *
   * @throws IllegalStateException when plotly.js is not found (the message names where it looked)
   */
  public Figure saveHtml(tech.tablesaw.plotly.components.Figure figure, String notebook, String name) {
    if (figure == null) throw new IllegalArgumentException("figure must not be null");
    checkName("notebook", notebook);
    checkName("name", name);
    Path js = plotlyJs != null ? plotlyJs : Interactive.plotlyJs();
    String title = Interactive.title(figure);
    String html = Interactive.page(figure, notebook + "-" + name, title, js);
    return write(notebook, name, title, List.of(".html"), List.of(html.getBytes(StandardCharsets.UTF_8)), null);
  }

  private Figure write(String notebook, String name, String title, List<String> exts, List<byte[]> contents,
      byte[] png) {
    Path dir = root.resolve(notebook);
    List<Path> files = new ArrayList<>();
    List<String> rel = new ArrayList<>();
    List<String> sha = new ArrayList<>();
    List<Manifest.Row> rows = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      for (int i = 0; i < exts.size(); i++) {
        Path f = dir.resolve(name + exts.get(i));
        Path tmp = dir.resolve("." + name + exts.get(i) + ".tmp");
        Files.write(tmp, contents.get(i));
        Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        String r = notebook + "/" + name + exts.get(i);
        String h = sha256(contents.get(i));
        files.add(f);
        rel.add(r);
        sha.add(h);
        rows.add(new Manifest.Row(r, notebook, fingerprint, seed, h));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write figure " + notebook + "/" + name + " under " + root, e);
    }
    Manifest.merge(root, rows);
    return new Figure(notebook, name, title == null ? "" : title, files, rel, sha, png);
  }

  /** The chart as PNG bytes (XChart BitmapEncoder). */
  public static byte[] png(Chart<?, ?> chart) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode PNG", e);
    }
  }

  /**
   * The chart as SVG bytes (XChart VectorGraphicsEncoder, VectorGraphics2D 0.13). The stream variant
   * is deprecated in XChart 4.0.3 without a stream replacement; it is the one that avoids a
   * temporary file.
   */
  @SuppressWarnings("deprecation")
  public static byte[] svg(Chart<?, ?> chart) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode SVG", e);
    }
    return out.toByteArray();
  }

  /** Lower-case hex sha256. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static void checkName(String what, String v) {
    if (v == null || !NAME.matcher(v).matches()) {
      throw new IllegalArgumentException(what + " must match [A-Za-z0-9][A-Za-z0-9._-]*: " + v);
    }
  }
}
