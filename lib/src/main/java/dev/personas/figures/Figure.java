package dev.personas.figures;

import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A written figure: the files (PNG + SVG, or HTML), their sha256 and what the notebook shows.
 * Returned by {@link Figures#save} and {@link FigureStore#save}; the Jupyter kernel displays any
 * object with a public {@code mimeBundle()} method, so a notebook cell ending in
 * {@code Figures.save(chart, "03-session-types", "k-sweep")} shows the PNG inline.
 *
 * @param notebook the notebook folder, e.g. {@code 03-session-types}
 * @param name the figure name within it, e.g. {@code k-sweep}
 * @param title the chart title (may be empty)
 * @param files the written files (absolute), in the order PNG, SVG or just HTML
 * @param relativePaths the same files relative to the figures root, with {@code /}
 * @param sha256 hex sha256 per file, same order
 * @param png the PNG bytes, or null for an HTML-only figure
 */
public record Figure(String notebook, String name, String title, List<Path> files, List<String> relativePaths,
    List<String> sha256, byte[] png) {

  public Figure {
    files = List.copyOf(files);
    relativePaths = List.copyOf(relativePaths);
    sha256 = List.copyOf(sha256);
  }

  /** The PNG file, or null for an HTML-only figure. */
  public Path pngPath() {
    return find(".png");
  }

  /** The SVG file, or null. */
  public Path svgPath() {
    return find(".svg");
  }

  /** The HTML file, or null. */
  public Path htmlPath() {
    return find(".html");
  }

  private Path find(String ext) {
    for (Path p : files) if (p.getFileName().toString().endsWith(ext)) return p;
    return null;
  }

  /**
   * What Jupyter shows: {@code image/png} (base64 of the PNG) when there is one, {@code text/html}
   * (a one-line pointer to the file) for an HTML-only figure, and always {@code text/plain}: one line
   * with the title, the files relative to the figures root and the first 12 hex digits of the first
   * file's sha256. No absolute paths, so the output does not depend on where figures are written.
   */
  public Map<String, String> mimeBundle() {
    Map<String, String> m = new LinkedHashMap<>();
    if (png != null) {
      m.put("image/png", Base64.getEncoder().encodeToString(png));
    } else {
      m.put("text/html", "<p>Interactive figure <code>" + Show.escape(String.join(", ", relativePaths))
          + "</code>: open it in a browser (plotly.js inlined, works offline).</p>");
    }
    m.put("text/plain", description());
    return m;
  }

  /** The one-line description used as {@code text/plain}. */
  public String description() {
    String t = title == null || title.isBlank() ? notebook + "/" + name : title;
    return "Figure: " + t + " [" + String.join(", ", relativePaths) + "] sha256 "
        + (sha256.isEmpty() ? "-" : sha256.get(0).substring(0, 12));
  }

  @Override
  public String toString() {
    return description();
  }
}
