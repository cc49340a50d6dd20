package dev.personas.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.BoxChart;
import org.knowm.xchart.BoxChartBuilder;
import org.knowm.xchart.HorizontalBarChart;
import org.knowm.xchart.HorizontalBarChartBuilder;
import org.knowm.xchart.HorizontalBarSeries;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.BoxStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Chart factories for the notebooks: each returns a themed ({@link Theme}) XChart 4.0.3 chart of
 * {@value Theme#WIDTH} x {@value Theme#HEIGHT} pixels, ready for {@link Figures#save}. Titles and axis
 * titles are the caller's; put units in axis titles ("prompts per session", "share of sessions (%)").
 *
 * <p>Errors: null or mismatched inputs (arrays of different lengths, empty category lists, a
 * missing Tablesaw column) throw {@link IllegalArgumentException} naming the argument. NaN values
 * are skipped by histograms, scatters and box plots, drawn as gaps in lines, as 0-length bars in bar
 * charts (see {@link #groupedBars}) and as blank cells in heatmaps.
 *
 * <p>Series order, colours and category order are deterministic: groups are sorted by name
 * ({@link String#compareTo}), bars by value (descending) then by name unless the caller asks for
 * the given order.
 */
public final class Charts {
  private Charts() {}

  private static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT,
      BasicStroke.JOIN_MITER, 10f, new float[] {7f, 5f}, 0f);
  private static final BasicStroke DOTTED = new BasicStroke(2f, BasicStroke.CAP_BUTT,
      BasicStroke.JOIN_MITER, 10f, new float[] {2f, 4f}, 0f);

  // ---------------------------------------------------------------- histogram

  /**
   * Histogram of {@code values} (see {@link Histogram} for the binning rules), drawn as filled bars;
   * optional separate bars for the low/high ends in their own colours and dashed mean / dotted median
   * lines, each with its value in the legend.
   *
   * <p>Example, SWE-chat Figure 5: {@code histogram("Agent share of committed lines", "agent_percentage
   * (%)", "sessions", pct, HistogramOptions.bins(51).range(0, 99).separateLow(0).separateHigh(99).withMean())}.
   */
  public static XYChart histogram(String title, String xTitle, String yTitle, double[] values,
      HistogramOptions options) {
    Histogram h = Histogram.of(values, options);
    XYChart c = Theme.apply(new XYChartBuilder().width(Theme.WIDTH).height(Theme.HEIGHT)
        .title(text("title", title)).xAxisTitle(text("xTitle", xTitle)).yAxisTitle(text("yTitle", yTitle)).build());
    c.getStyler().setYAxisMin(0.0);
    c.getStyler().setYAxisDecimalPattern("#,##0");
    double w = h.binWidth();
    double lo = h.edges()[0];
    double hi = h.edges()[h.bins()];
    int d = decimals(w);
    long maxCount = Math.max(Math.max(h.lowCount(), h.highCount()),
        Arrays.stream(h.counts()).max().orElse(0));
    // the binned range as an interval: strict where a separate bar takes the edge value
    String lowOp = options.separateLow() != null && options.separateLow() >= lo ? " < " : " <= ";
    String highOp = options.separateHigh() != null && options.separateHigh() <= hi ? " < " : " <= ";
    String binLabel = options.separateLow() == null && options.separateHigh() == null
        ? "n = " + String.format(Locale.ROOT, "%,d", h.binned())
        : String.format(Locale.ROOT, "%s%sx%s%s (n = %,d)", fmt(d, lo), lowOp, highOp, fmt(d, hi), h.binned());
    bars(c, binLabel, h.edges(), h.counts(), Theme.BLUE);
    if (options.separateLow() != null) {
      double x0 = lo - 1.5 * w;
      bars(c, String.format(Locale.ROOT, "<= %s (n = %,d)", fmt(d, options.separateLow()), h.lowCount()),
          new double[] {x0, x0 + w}, new long[] {h.lowCount()}, Theme.ORANGE);
    }
    if (options.separateHigh() != null) {
      double x0 = hi + 0.5 * w;
      bars(c, String.format(Locale.ROOT, ">= %s (n = %,d)", fmt(d, options.separateHigh()), h.highCount()),
          new double[] {x0, x0 + w}, new long[] {h.highCount()}, Theme.BLUISH_GREEN);
    }
    double top = maxCount == 0 ? 1 : maxCount * 1.05;
    if (options.meanLine() && Double.isFinite(h.mean())) {
      vline(c, "mean = " + fmt(d + 1, h.mean()), h.mean(), top, Theme.VERMILLION, DASHED);
    }
    if (options.medianLine() && Double.isFinite(h.median())) {
      vline(c, "median = " + fmt(d + 1, h.median()), h.median(), top, Theme.BLACK, DOTTED);
    }
    return c;
  }

  /** Histogram of a numeric Tablesaw column (missing values skipped); x title is the column name. */
  public static XYChart histogram(String title, Table table, String column, String yTitle,
      HistogramOptions options) {
    return histogram(title, column, yTitle, doubles(table, column), options);
  }

  /** Histogram of a numeric Tablesaw column (missing values skipped) with an x title (and units). */
  public static XYChart histogram(String title, Table table, String column, String xTitle, String yTitle,
      HistogramOptions options) {
    return histogram(title, xTitle, yTitle, doubles(table, column), options);
  }

  private static void bars(XYChart c, String name, double[] edges, long[] counts, Color color) {
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    xs.add(edges[0]);
    ys.add(0.0);
    for (int i = 0; i < counts.length; i++) {
      xs.add(edges[i]);
      ys.add((double) counts[i]);
      xs.add(edges[i + 1]);
      ys.add((double) counts[i]);
      xs.add(edges[i + 1]);
      ys.add(0.0);
    }
    XYSeries s = c.addSeries(name, xs, ys);
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
    s.setMarker(SeriesMarkers.NONE);
    s.setLineColor(color.darker());
    s.setLineWidth(0.8f);
    s.setFillColor(color);
  }

  private static void vline(XYChart c, String name, double x, double top, Color color, BasicStroke stroke) {
    XYSeries s = c.addSeries(name, new double[] {x, x}, new double[] {0, top});
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    s.setMarker(SeriesMarkers.NONE);
    s.setLineColor(color);
    s.setLineStyle(stroke);
  }

  // ---------------------------------------------------------------- bars

  /** Order of the categories in a bar chart. */
  public enum Order {
    /** By value, largest first; ties by category name. */
    DESCENDING,
    /** As given. */
    GIVEN
  }

  /**
   * Bar chart of one value per category, each bar labelled with its value. Bars are horizontal
   * (categories on the vertical axis, first category at the top) so that long category names stay
   * readable without rotated text; rotated text is also the one thing whose bytes differ between JDK
   * 17 and 25.
   *
   * @param categories category names (no duplicates), same length as {@code values}
   * @param valueTitle title of the value axis (horizontal), with units
   * @param labelPattern {@link java.text.DecimalFormat} pattern of the bar labels and the value axis,
   *     e.g. {@code "#,##0"} for counts, {@code "0.0"} for percentages
   */
  public static HorizontalBarChart bars(String title, String categoryTitle, String valueTitle,
      List<String> categories, double[] values, String labelPattern, Order order) {
    sameLength("categories", categories, "values", values);
    distinct(categories);
    Integer[] ix = order(values, categories, order);
    List<String> cats = new ArrayList<>();
    List<Double> xs = new ArrayList<>();
    for (int i : ix) {
      cats.add(categories.get(i));
      xs.add(Double.isFinite(values[i]) ? values[i] : 0.0);
    }
    HorizontalBarChart c = barChart(title, categoryTitle, valueTitle, labelPattern, cats);
    c.getStyler().setLegendVisible(false);
    c.getStyler().setLabelsVisible(true);
    HorizontalBarSeries s = c.addSeries(valueTitle, reversed(xs), reversed(cats));
    s.setFillColor(Theme.BLUE);
    return c;
  }

  /**
   * Shares (0..1) by category as a bar chart in percent, largest first, labels like {@code 12.3}.
   *
   * @param valueTitle e.g. {@code "share of tool calls (%)"}
   */
  public static HorizontalBarChart shares(String title, String categoryTitle, String valueTitle,
      List<String> categories, double[] shares) {
    if (shares == null) throw new IllegalArgumentException("shares must not be null");
    return bars(title, categoryTitle, valueTitle, categories, Arrays.stream(shares).map(v -> 100 * v).toArray(),
        "0.0", Order.DESCENDING);
  }

  /**
   * Bar chart from two Tablesaw columns: {@code categoryColumn} (any type, as strings) and the
   * numeric {@code valueColumn}; largest first; axis titles are the column names.
   */
  public static HorizontalBarChart bars(String title, Table table, String categoryColumn, String valueColumn,
      String labelPattern) {
    return bars(title, categoryColumn, valueColumn, strings(table, categoryColumn),
        doubles(table, valueColumn), labelPattern, Order.DESCENDING);
  }

  /**
   * Grouped bars: for each category one bar per series (e.g. "ours" and "published"), categories in
   * the order given (first at the top), series in the map's order (first on top within a category)
   * with palette colours. NaN values (e.g. a published value that does not exist) draw a 0-length
   * bar, are listed in the legend as {@code <series> (n/a: <categories>)}, and turn the value labels
   * off (XChart would print them as 0).
   *
   * @param series series name to values, in legend order; every array as long as {@code categories}
   */
  public static HorizontalBarChart groupedBars(String title, String categoryTitle, String valueTitle,
      List<String> categories, Map<String, double[]> series, String labelPattern) {
    if (series == null || series.isEmpty()) throw new IllegalArgumentException("series must not be empty");
    distinct(categories);
    HorizontalBarChart c = barChart(title, categoryTitle, valueTitle, labelPattern, categories);
    c.getStyler().setLabelsVisible(series.size() * categories.size() <= 40);
    List<String> cats = reversed(categories);
    int k = 0;
    boolean anyMissing = false;
    for (Map.Entry<String, double[]> e : series.entrySet()) {
      sameLength("categories", categories, "series " + e.getKey(), e.getValue());
      List<Double> xs = new ArrayList<>();
      List<String> missing = new ArrayList<>();
      for (int i = 0; i < categories.size(); i++) {
        double v = e.getValue()[i];
        xs.add(Double.isFinite(v) ? v : 0.0);
        if (!Double.isFinite(v)) missing.add(categories.get(i));
      }
      HorizontalBarSeries s = c.addSeries(e.getKey(), reversed(xs), cats);
      s.setFillColor(Theme.color(k++));
      if (!missing.isEmpty()) {
        s.setLabel(e.getKey() + " (n/a: " + String.join(", ", missing) + ")");
        anyMissing = true;
      }
    }
    if (anyMissing) c.getStyler().setLabelsVisible(false);
    return c;
  }

  private static HorizontalBarChart barChart(String title, String categoryTitle, String valueTitle,
      String labelPattern, List<String> categories) {
    if (categories.isEmpty()) throw new IllegalArgumentException("categories must not be empty");
    pattern("labelPattern", labelPattern);
    HorizontalBarChart c = Theme.apply(new HorizontalBarChartBuilder().width(Theme.WIDTH).height(Theme.HEIGHT)
        .title(text("title", title)).xAxisTitle(text("valueTitle", valueTitle))
        .yAxisTitle(text("categoryTitle", categoryTitle)).build());
    c.getStyler().setXAxisDecimalPattern(labelPattern);
    c.getStyler().setDecimalPattern(labelPattern);
    c.getStyler().setXAxisMin(0.0);
    // XChart 4.0.3 skips category labels closer than the X spacing hint, on either axis, and spaces the
    // value axis by the same hint: pick the largest hint that still keeps every category label
    c.getStyler().setXAxisTickMarkSpacingHint(categoryHint(categories.size(), 380));
    c.getStyler().setPlotGridHorizontalLinesVisible(false);
    c.getStyler().setPlotGridVerticalLinesVisible(true);
    return c;
  }

  private static final int HEATMAP_X_PIXELS = 480;

  /** {@code s} in at most {@code keep} characters: head, an ellipsis, tail. */
  static String shorten(String s, int keep) {
    if (s.length() <= keep) return s;
    int head = keep / 2;
    int tail = keep - 1 - head;
    return s.substring(0, head) + "\u2026" + s.substring(s.length() - tail);
  }

  /** Pixels that {@code labels} need side by side at the tick font (about 7 px a character + gaps). */
  private static int labelsWidth(List<String> labels) {
    int longest = labels.stream().mapToInt(String::length).max().orElse(0);
    return labels.size() * (7 * longest + 10);
  }

  /** A tick spacing hint (pixels) below the spacing of {@code n} categories over {@code pixels}. */
  private static int categoryHint(int n, int pixels) {
    return Math.max(8, Math.min(74, pixels / Math.max(1, n) - 2));
  }

  private static <T> List<T> reversed(List<T> list) {
    List<T> r = new ArrayList<>(list);
    java.util.Collections.reverse(r);
    return r;
  }

  // ---------------------------------------------------------------- lines over numbers

  /**
   * Lines with point markers over a numeric x, one per series, e.g. a k sweep (k on x; BIC,
   * silhouette or stability per series). NaN values leave gaps. Series keep the map's order and take
   * palette colours in that order.
   *
   * @param x ascending x values
   * @param series series name to y values (legend order), each as long as {@code x}
   * @param yPattern {@link java.text.DecimalFormat} pattern of the y axis
   */
  public static XYChart lines(String title, String xTitle, String yTitle, double[] x, Map<String, double[]> series,
      String yPattern) {
    if (x == null || x.length == 0) throw new IllegalArgumentException("x must not be empty");
    if (series == null || series.isEmpty()) throw new IllegalArgumentException("series must not be empty");
    pattern("yPattern", yPattern);
    for (int i = 1; i < x.length; i++) {
      if (!(x[i] > x[i - 1])) throw new IllegalArgumentException("x must be strictly ascending: " + x[i - 1] + ", " + x[i]);
    }
    XYChart c = Theme.apply(new XYChartBuilder().width(Theme.WIDTH).height(Theme.HEIGHT)
        .title(text("title", title)).xAxisTitle(text("xTitle", xTitle)).yAxisTitle(text("yTitle", yTitle)).build());
    c.getStyler().setYAxisDecimalPattern(yPattern);
    c.getStyler().setLegendVisible(series.size() > 1);
    List<Double> xs = new ArrayList<>();
    for (double v : x) xs.add(v);
    int i = 0;
    for (Map.Entry<String, double[]> e : series.entrySet()) {
      if (e.getValue() == null || e.getValue().length != x.length) {
        throw new IllegalArgumentException("series " + e.getKey() + " must have " + x.length + " values");
      }
      List<Double> ys = new ArrayList<>();
      for (double v : e.getValue()) ys.add(Double.isFinite(v) ? v : null);
      XYSeries s = c.addSeries(e.getKey(), xs, ys);
      s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
      s.setMarker(Theme.marker(0));
      s.setMarkerColor(Theme.color(i));
      s.setLineColor(Theme.color(i++));
      s.setLineWidth(2f);
    }
    return c;
  }

  // ---------------------------------------------------------------- lines over time

  /**
   * Lines over calendar days (UTC), one per series, e.g. 14-day rolling shares of coding modes
   * (SWE-chat Figure 25). x tick labels are {@code yyyy-MM-dd}. NaN values leave gaps.
   *
   * @param dates ascending days
   * @param series series name to values (legend order), each as long as {@code dates}
   * @param yPattern {@link java.text.DecimalFormat} pattern of the y axis
   */
  public static XYChart timeLines(String title, String yTitle, List<LocalDate> dates, Map<String, double[]> series,
      String yPattern) {
    if (dates == null || dates.isEmpty()) throw new IllegalArgumentException("dates must not be empty");
    if (series == null || series.isEmpty()) throw new IllegalArgumentException("series must not be empty");
    pattern("yPattern", yPattern);
    for (int i = 1; i < dates.size(); i++) {
      if (!dates.get(i).isAfter(dates.get(i - 1))) {
        throw new IllegalArgumentException("dates must be strictly ascending: " + dates.get(i - 1) + ", " + dates.get(i));
      }
    }
    XYChart c = Theme.apply(new XYChartBuilder().width(Theme.WIDTH).height(Theme.HEIGHT)
        .title(text("title", title)).xAxisTitle("date (UTC)").yAxisTitle(text("yTitle", yTitle)).build());
    c.getStyler().setYAxisDecimalPattern(yPattern);
    List<Date> xs = new ArrayList<>();
    for (LocalDate d : dates) xs.add(Date.from(d.atStartOfDay().toInstant(ZoneOffset.UTC)));
    int i = 0;
    for (Map.Entry<String, double[]> e : series.entrySet()) {
      if (e.getValue() == null || e.getValue().length != dates.size()) {
        throw new IllegalArgumentException("series " + e.getKey() + " must have " + dates.size() + " values");
      }
      List<Double> ys = new ArrayList<>();
      for (double v : e.getValue()) ys.add(Double.isFinite(v) ? v : null);
      XYSeries s = c.addSeries(e.getKey(), xs, ys);
      s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
      s.setMarker(SeriesMarkers.NONE);
      s.setLineColor(Theme.color(i++));
      s.setLineWidth(2f);
    }
    return c;
  }

  /**
   * Lines over time from a Tablesaw table: {@code dateColumn} (a LocalDate column) and one line per
   * numeric {@code valueColumns} entry, named after the column. Rows are sorted by date first.
   */
  public static XYChart timeLines(String title, String yTitle, Table table, String dateColumn, String yPattern,
      String... valueColumns) {
    column(table, dateColumn);
    if (valueColumns.length == 0) throw new IllegalArgumentException("valueColumns must not be empty");
    Table t = table.sortAscendingOn(dateColumn);
    List<LocalDate> dates = new ArrayList<>();
    for (int r = 0; r < t.rowCount(); r++) dates.add(t.dateColumn(dateColumn).get(r));
    Map<String, double[]> series = new LinkedHashMap<>();
    for (String v : valueColumns) series.put(v, doubles(t, v));
    return timeLines(title, yTitle, dates, series, yPattern);
  }

  // ---------------------------------------------------------------- scatter

  /**
   * Scatter of points coloured by group (e.g. a 2-D embedding coloured by session type): one series
   * per distinct group, sorted by name; colours cycle through the palette and markers change every 8
   * groups. Points with a non-finite coordinate are skipped.
   */
  public static XYChart scatter(String title, String xTitle, String yTitle, double[] x, double[] y,
      List<String> groups) {
    if (x == null || y == null || x.length != y.length) {
      throw new IllegalArgumentException("x and y must have the same length: "
          + (x == null ? "null" : x.length) + ", " + (y == null ? "null" : y.length));
    }
    if (groups != null && groups.size() != x.length) {
      throw new IllegalArgumentException("groups must have " + x.length + " entries, has " + groups.size());
    }
    TreeMap<String, List<Integer>> byGroup = new TreeMap<>();
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) continue;
      String g = groups == null ? "points" : String.valueOf(groups.get(i));
      byGroup.computeIfAbsent(g, k -> new ArrayList<>()).add(i);
    }
    XYChart c = Theme.apply(new XYChartBuilder().width(Theme.WIDTH).height(Theme.HEIGHT)
        .title(text("title", title)).xAxisTitle(text("xTitle", xTitle)).yAxisTitle(text("yTitle", yTitle)).build());
    c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    c.getStyler().setMarkerSize(5);
    c.getStyler().setPlotGridVerticalLinesVisible(true);
    c.getStyler().setLegendVisible(groups != null);
    int gi = 0;
    for (Map.Entry<String, List<Integer>> e : byGroup.entrySet()) {
      double[] xs = e.getValue().stream().mapToDouble(i -> x[i]).toArray();
      double[] ys = e.getValue().stream().mapToDouble(i -> y[i]).toArray();
      XYSeries s = c.addSeries(e.getKey() + " (" + xs.length + ")", xs, ys);
      s.setMarker(Theme.marker(gi));
      s.setMarkerColor(alpha(Theme.color(gi), 170));
      gi++;
    }
    if (byGroup.isEmpty()) {
      XYSeries s = c.addSeries("no finite points", new double[] {0}, new double[] {0});
      s.setMarker(SeriesMarkers.NONE);
    }
    return c;
  }

  /** Scatter from Tablesaw columns; {@code groupColumn} may be null (one colour). */
  public static XYChart scatter(String title, Table table, String xColumn, String yColumn, String groupColumn) {
    return scatter(title, xColumn, yColumn, doubles(table, xColumn), doubles(table, yColumn),
        groupColumn == null ? null : strings(table, groupColumn));
  }

  // ---------------------------------------------------------------- heatmap

  /**
   * Heatmap of a matrix with a diverging colour scale centred on 0, e.g. type profiles: session
   * types (rows) x features (columns), cells the z-score of the feature's mean in the type. Values
   * beyond {@code +-limit} take the end colours; cell values are printed with one decimal when the
   * grid is small enough to read (at most 300 cells).
   *
   * <p>Layout: rows on the vertical axis, first row at the top, columns along the horizontal axis.
   * When the column labels do not fit side by side (about 7 pixels a character over 480 pixels) and
   * the row labels need less room, the chart is drawn transposed (columns down the vertical axis,
   * titles swapped accordingly), so that no label needs rotating: long feature names stay readable
   * and the bytes stay the same on JDK 17 and 25. When neither fits, the horizontal labels are
   * shortened in the middle with an ellipsis. NaN cells are left blank.
   *
   * @param rowTitle title for the rows (e.g. {@code "session type"})
   * @param columnTitle title for the columns (e.g. {@code "feature"})
   * @param z {@code rows.size()} x {@code columns.size()} values; NaN cells are left blank
   * @param limit colour scale half-range, > 0 (e.g. 2 for z-scores)
   */
  public static HeatMapChart heatmap(String title, String rowTitle, String columnTitle, List<String> rows,
      List<String> columns, double[][] z, double limit) {
    if (!(limit > 0) || !Double.isFinite(limit)) throw new IllegalArgumentException("limit must be > 0: " + limit);
    if (rows == null || rows.isEmpty()) throw new IllegalArgumentException("rows must not be empty");
    if (columns == null || columns.isEmpty()) throw new IllegalArgumentException("columns must not be empty");
    if (z == null || z.length != rows.size()) {
      throw new IllegalArgumentException("z must have " + rows.size() + " rows");
    }
    for (int r = 0; r < rows.size(); r++) {
      if (z[r] == null || z[r].length != columns.size()) {
        throw new IllegalArgumentException("z row " + r + " must have " + columns.size() + " values");
      }
    }
    // horizontal labels must fit side by side: columns on the x axis when they fit, else the rows
    // when they do, else whichever overflows less
    int needCols = labelsWidth(columns);
    int needRows = labelsWidth(rows);
    boolean transpose = needCols > HEATMAP_X_PIXELS && needRows < needCols;
    List<String> ys = transpose ? columns : rows;
    List<String> xs = transpose ? rows : columns;
    if (labelsWidth(xs) > HEATMAP_X_PIXELS) {
      // still too wide: shorten the x labels in the middle (start and end kept, so that names with a
      // common prefix stay distinct) rather than overlap or skip them
      int keep = Math.max(3, (HEATMAP_X_PIXELS / xs.size() - 10) / 7);
      xs = xs.stream().map(l -> shorten(l, keep)).toList();
    }
    List<Number[]> cells = new ArrayList<>();
    for (int yi = 0; yi < ys.size(); yi++) {
      for (int xi = 0; xi < xs.size(); xi++) {
        double raw = transpose ? z[xi][yi] : z[yi][xi];
        if (!Double.isFinite(raw)) continue; // no cell: drawn blank
        double v = Math.max(-limit, Math.min(limit, raw));
        if (Math.abs(v) < 0.05) v = 0.0; // print 0.0, never -0.0
        // XChart puts y index 0 at the bottom: flip so that the first entry is at the top
        cells.add(new Number[] {xi, ys.size() - 1 - yi, v});
      }
    }
    snapToExtremes(cells, limit);
    HeatMapChart c = Theme.apply(new HeatMapChartBuilder().width(Theme.WIDTH).height(Theme.HEIGHT)
        .title(text("title", title))
        .xAxisTitle(text("columnTitle/rowTitle", transpose ? rowTitle : columnTitle))
        .yAxisTitle(text("rowTitle/columnTitle", transpose ? columnTitle : rowTitle)).build());
    c.getStyler().setMin(-limit);
    c.getStyler().setMax(limit);
    c.getStyler().setShowValue(cells.size() <= 300);
    c.getStyler().setHeatMapValueDecimalPattern("0.0");
    c.getStyler().setDecimalPattern("0.0");
    c.getStyler().setPlotContentSize(1.0);
    // every label on both axes (XChart skips category labels closer than the hint, on either axis)
    c.getStyler().setXAxisTickMarkSpacingHint(
        Math.min(categoryHint(ys.size(), 380), categoryHint(xs.size(), HEATMAP_X_PIXELS)));
    c.addSeries("z (clipped at +-" + fmt(1, limit) + ")", new ArrayList<>(xs), reversed(ys), cells);
    return c;
  }

  /**
   * Sets cell values within 1e-9 x limit of the scale's end (+-limit) or of the largest (smallest)
   * value to exactly that value.
   * XChart 4.0.3 colours a cell by (v - min) / (max - min) and reads the colour after the one that
   * fraction points at; a value just below the maximum whose difference rounds to 1.0 (e.g.
   * 99.99999999999999 next to 100) reads past the end of the colour array and the chart cannot be
   * drawn. A cell equal to the maximum takes the last colour directly.
   */
  static void snapToExtremes(List<Number[]> cells, double limit) {
    double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
    for (Number[] c : cells) {
      lo = Math.min(lo, c[2].doubleValue());
      hi = Math.max(hi, c[2].doubleValue());
    }
    double eps = 1e-9 * limit;
    for (Number[] c : cells) {
      double v = c[2].doubleValue();
      if (limit - Math.abs(v) < eps) c[2] = Math.copySign(limit, v); // the scale ends at +-limit
      else if (v != hi && hi - v < eps) c[2] = hi;
      else if (v != lo && v - lo < eps) c[2] = lo;
    }
  }

  // ---------------------------------------------------------------- box

  /**
   * Box plots, one per group (in the map's order): box from the first to the third quartile, median
   * line, whiskers to the most extreme values within 1.5 IQR, outliers as points in the group's palette
   * colour (XChart 4.0.3 draws boxes blue and medians red, hard-coded). Non-finite values are skipped;
   * a group with no finite value is left out.
   */
  public static BoxChart box(String title, String xTitle, String yTitle, Map<String, double[]> groups) {
    if (groups == null || groups.isEmpty()) throw new IllegalArgumentException("groups must not be empty");
    BoxChart c = Theme.apply(new BoxChartBuilder().width(Theme.WIDTH).height(Theme.HEIGHT)
        .title(text("title", title)).xAxisTitle(text("xTitle", xTitle)).yAxisTitle(text("yTitle", yTitle)).build());
    c.getStyler().setBoxplotCalCulationMethod(BoxStyler.BoxplotCalCulationMethod.N_LESS_1_PLUS_1);
    c.getStyler().setLegendVisible(false);
    int i = 0;
    for (Map.Entry<String, double[]> e : groups.entrySet()) {
      double[] v = e.getValue() == null ? new double[0] : Arrays.stream(e.getValue()).filter(Double::isFinite).toArray();
      if (v.length == 0) continue;
      c.addSeries(e.getKey(), v).setMarkerColor(Theme.color(i++));
    }
    if (i == 0) throw new IllegalArgumentException("every group is empty: " + groups.keySet());
    return c;
  }

  // ---------------------------------------------------------------- helpers

  static double[] doubles(Table table, String column) {
    Column<?> c = column(table, column);
    if (!(c instanceof NumericColumn<?> n)) {
      throw new IllegalArgumentException("column " + column + " is not numeric: " + c.type());
    }
    double[] out = new double[n.size()];
    for (int i = 0; i < out.length; i++) out[i] = n.isMissing(i) ? Double.NaN : n.getDouble(i);
    return out;
  }

  static List<String> strings(Table table, String column) {
    Column<?> c = column(table, column);
    List<String> out = new ArrayList<>(c.size());
    for (int i = 0; i < c.size(); i++) out.add(c.isMissing(i) ? "(missing)" : c.getString(i));
    return out;
  }

  static Column<?> column(Table table, String column) {
    if (table == null) throw new IllegalArgumentException("table must not be null");
    if (column == null || !table.containsColumn(column)) {
      throw new IllegalArgumentException("no column " + column + " in table " + table.name() + " "
          + table.columnNames());
    }
    return table.column(column);
  }

  private static Integer[] order(double[] values, List<String> categories, Order order) {
    Integer[] ix = new Integer[values.length];
    for (int i = 0; i < ix.length; i++) ix[i] = i;
    if (order == Order.DESCENDING) {
      Arrays.sort(ix, Comparator.<Integer>comparingDouble(i -> Double.isNaN(values[i]) ? Double.NEGATIVE_INFINITY : -values[i])
          .thenComparing(categories::get));
    } else if (order != Order.GIVEN) {
      throw new IllegalArgumentException("order must not be null");
    }
    return ix;
  }

  private static void sameLength(String a, List<String> cats, String b, double[] values) {
    if (cats == null || values == null || cats.size() != values.length) {
      throw new IllegalArgumentException(a + " and " + b + " must have the same length: "
          + (cats == null ? "null" : cats.size()) + ", " + (values == null ? "null" : values.length));
    }
  }

  private static void distinct(List<String> categories) {
    if (categories == null || categories.isEmpty()) throw new IllegalArgumentException("categories must not be empty");
    if (categories.stream().distinct().count() != categories.size()) {
      throw new IllegalArgumentException("categories must be distinct: " + categories);
    }
  }

  private static String text(String what, String s) {
    if (s == null) throw new IllegalArgumentException(what + " must not be null");
    return s;
  }

  private static void pattern(String what, String p) {
    try {
      new java.text.DecimalFormat(p);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(what + " is not a DecimalFormat pattern: " + p);
    }
  }

  private static int decimals(double binWidth) {
    return binWidth >= 1 ? 0 : binWidth >= 0.1 ? 1 : binWidth >= 0.01 ? 2 : 3;
  }

  /** {@code v} with {@code d} decimals, locale-independent. */
  static String fmt(int d, double v) {
    return String.format(Locale.ROOT, "%." + d + "f", v);
  }

  private static Color alpha(Color c, int a) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), a);
  }
}
