package dev.personas.figures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * Interactive figures with tablesaw-jsplot 0.44.4, written as self-contained HTML with plotly.js
 * 2.35.3 (basic bundle, npm {@code plotly.js-basic-dist-min@2.35.3}) inlined: no CDN, works offline.
 * plotly.js 3 is not usable: it drops the titles tablesaw emits.
 *
 * <p>plotly.js is read from the file named by {@code WORKBENCH_PLOTLY_JS}, else {@code <project
 * root>/.cache/plotly/plotly-basic-2.35.3.min.js} (put there by {@code bin/fetch-plotly}).
 *
 * <p>Determinism: the div id is the caller's (FigureStore uses {@code <notebook>-<name>}), traces
 * are in sorted group order, and the page template is fixed, so the HTML bytes depend only on the
 * data and the plotly.js file.
 */
public final class Interactive {
  private Interactive() {}

  /** Environment variable naming the plotly.js file. */
  public static final String ENV_PLOTLY = "WORKBENCH_PLOTLY_JS";
  /** The default location relative to the project root. */
  public static final String DEFAULT_PLOTLY = ".cache/plotly/plotly-basic-2.35.3.min.js";

  private static final Pattern SCRIPT_END = Pattern.compile("(?i)</script");
  private static final Pattern DIV_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

  /**
   * The plotly.js file to inline.
   *
   * @throws IllegalStateException when neither {@code WORKBENCH_PLOTLY_JS} nor the default path
   *     names an existing file; the message names both and how to fetch it
   */
  public static Path plotlyJs() {
    String env = System.getenv(ENV_PLOTLY);
    Path dflt = Figures.projectRoot().resolve(DEFAULT_PLOTLY);
    if (env != null && !env.isBlank()) {
      Path p = Path.of(env);
      if (Files.isRegularFile(p)) return p;
      throw new IllegalStateException(ENV_PLOTLY + "=" + env + " is not a file (default location "
          + dflt + "); run bin/fetch-plotly or unset " + ENV_PLOTLY);
    }
    if (Files.isRegularFile(dflt)) return dflt;
    throw new IllegalStateException("plotly.js not found: set " + ENV_PLOTLY
        + " to plotly-basic-2.35.3.min.js or run bin/fetch-plotly to create " + dflt);
  }

  /**
   * A scatter of points coloured by group: one trace per distinct group (sorted by name, Okabe-Ito
   * colours in that order), hover text per point when {@code hover} is given. Non-finite points are
   * skipped.
   *
   * @param groups group per point, or null for one trace
   * @param hover hover text per point (e.g. session id), or null
   */
  public static Figure scatter(String title, String xTitle, String yTitle, double[] x, double[] y,
      List<String> groups, List<String> hover) {
    if (x == null || y == null || x.length != y.length) {
      throw new IllegalArgumentException("x and y must have the same length");
    }
    if (groups != null && groups.size() != x.length) {
      throw new IllegalArgumentException("groups must have " + x.length + " entries, has " + groups.size());
    }
    if (hover != null && hover.size() != x.length) {
      throw new IllegalArgumentException("hover must have " + x.length + " entries, has " + hover.size());
    }
    TreeMap<String, List<Integer>> byGroup = new TreeMap<>();
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) continue;
      byGroup.computeIfAbsent(groups == null ? "points" : String.valueOf(groups.get(i)), k -> new ArrayList<>()).add(i);
    }
    List<Trace> traces = new ArrayList<>();
    int gi = 0;
    for (Map.Entry<String, List<Integer>> e : byGroup.entrySet()) {
      List<Integer> ix = e.getValue();
      double[] xs = ix.stream().mapToDouble(i -> x[i]).toArray();
      double[] ys = ix.stream().mapToDouble(i -> y[i]).toArray();
      ScatterTrace.ScatterBuilder b = ScatterTrace.builder(xs, ys)
          .mode(ScatterTrace.Mode.MARKERS)
          .marker(Marker.builder().color(Theme.hex(Theme.color(gi))).size(6).opacity(0.75).build())
          .name(jsText(e.getKey() + " (" + xs.length + ")"));
      if (hover != null) b.text(ix.stream().map(i -> jsText(String.valueOf(hover.get(i)))).toArray(String[]::new));
      traces.add(b.build());
      gi++;
    }
    Layout layout = Layout.builder(jsText(title == null ? "" : title))
        .width(Theme.WIDTH).height(Theme.HEIGHT)
        .xAxis(Axis.builder().title(jsText(xTitle == null ? "" : xTitle)).build())
        .yAxis(Axis.builder().title(jsText(yTitle == null ? "" : yTitle)).build())
        .showLegend(groups != null)
        .build();
    return new Figure(layout, traces.toArray(new Trace[0]));
  }

  /**
   * Makes text safe for tablesaw's templates, which paste strings into JavaScript literals unescaped:
   * quotes become typographic quotes, backslashes slashes, line breaks spaces, {@code </} {@code <\/}.
   */
  static String jsText(String s) {
    return s.replace('\\', '/').replace('\'', '\u2019').replace('"', '\u201D').replace('\n', ' ')
        .replace('\r', ' ').replace("</", "<\\/");
  }

  /** Scatter from Tablesaw columns; {@code groupColumn} and {@code hoverColumn} may be null. */
  public static Figure scatter(String title, Table table, String xColumn, String yColumn, String groupColumn,
      String hoverColumn) {
    return scatter(title, xColumn, yColumn, Charts.doubles(table, xColumn), Charts.doubles(table, yColumn),
        groupColumn == null ? null : Charts.strings(table, groupColumn),
        hoverColumn == null ? null : Charts.strings(table, hoverColumn));
  }

  /** The figure's layout title, or empty. */
  public static String title(Figure figure) {
    Layout l = figure.getLayout();
    return l == null || l.getTitle() == null ? "" : l.getTitle();
  }

  /**
   * A self-contained HTML page: {@code <title>}, the plotly.js file inlined in a {@code <script>}
   * (any {@code </script} in it escaped), a div with id {@code divId} and tablesaw's plotting script.
   *
   * @param divId HTML id, {@code [A-Za-z0-9][A-Za-z0-9_-]*}
   * @throws UncheckedIOException when the plotly.js file cannot be read
   */
  public static String page(Figure figure, String divId, String title, Path plotlyJs) {
    if (divId == null || !DIV_ID.matcher(divId).matches()) {
      throw new IllegalArgumentException("divId must match [A-Za-z0-9][A-Za-z0-9_-]*: " + divId);
    }
    String js;
    try {
      js = Files.readString(plotlyJs, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read plotly.js at " + plotlyJs, e);
    }
    js = SCRIPT_END.matcher(js).replaceAll("<\\\\/script");
    // tablesaw's figure script looks the div up by id and names its variable after it.
    String script = figure.asJavascript(divId.replace('-', '_')).replace(
        "document.getElementById('" + divId.replace('-', '_') + "')", "document.getElementById('" + divId + "')");
    StringBuilder b = new StringBuilder(js.length() + script.length() + 512);
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"UTF-8\">\n<title>")
        .append(Show.escape(title == null ? "" : title)).append("</title>\n<script>\n").append(js)
        .append("\n</script>\n</head>\n<body>\n<div id=\"").append(divId).append("\"></div>\n")
        .append(script).append("\n</body>\n</html>\n");
    return b.toString();
  }
}
