package dev.personas.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.TimeZone;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.HeatMapStyler;
import org.knowm.xchart.style.HorizontalBarStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The one figure theme of the workbench: fonts, colours and sizes for every XChart 4.0.3 chart.
 *
 * <ul>
 *   <li>Font: DejaVu Sans (Debian package {@code fonts-dejavu-core}); PNG bytes depend on the font
 *       files, so keep that package pinned. When the family is not known to the JVM, the TTF files
 *       under {@value #DEJAVU_DIR} are registered; failing that the logical font {@code SansSerif} is
 *       used and {@link #fontWarning()} says so.
 *   <li>Categorical palette: Okabe and Ito (2008), "Color Universal Design", the eight colours
 *       safe for the common colour-vision deficiencies, ordered for contrast on white (yellow and
 *       black last).
 *   <li>Diverging palette (z-scores, heatmaps): Okabe-Ito blue {@code #0072B2} through white to
 *       Okabe-Ito vermillion {@code #D55E00}.
 *   <li>Size: {@value #WIDTH} x {@value #HEIGHT} pixels (PNG at 1 pixel per unit, SVG in the same
 *       units), locale {@link Locale#ROOT} for numbers, time zone UTC for dates.
 * </ul>
 *
 * <p>{@link #apply(Chart)} sets all of this on a chart; every factory in {@link Charts} calls it.
 */
public final class Theme {
  private Theme() {}

  /** Figure width in pixels. */
  public static final int WIDTH = 800;
  /** Figure height in pixels. */
  public static final int HEIGHT = 500;
  /** Where Debian's fonts-dejavu-core installs the TTF files. */
  public static final String DEJAVU_DIR = "/usr/share/fonts/truetype/dejavu";
  /** The font family every figure uses. */
  public static final String FONT_FAMILY = "DejaVu Sans";

  /** Okabe-Ito orange {@code #E69F00}. */
  public static final Color ORANGE = new Color(0xE6, 0x9F, 0x00);
  /** Okabe-Ito sky blue {@code #56B4E9}. */
  public static final Color SKY_BLUE = new Color(0x56, 0xB4, 0xE9);
  /** Okabe-Ito bluish green {@code #009E73}. */
  public static final Color BLUISH_GREEN = new Color(0x00, 0x9E, 0x73);
  /** Okabe-Ito yellow {@code #F0E442}. */
  public static final Color YELLOW = new Color(0xF0, 0xE4, 0x42);
  /** Okabe-Ito blue {@code #0072B2}. */
  public static final Color BLUE = new Color(0x00, 0x72, 0xB2);
  /** Okabe-Ito vermillion {@code #D55E00}. */
  public static final Color VERMILLION = new Color(0xD5, 0x5E, 0x00);
  /** Okabe-Ito reddish purple {@code #CC79A7}. */
  public static final Color REDDISH_PURPLE = new Color(0xCC, 0x79, 0xA7);
  /** Okabe-Ito black {@code #000000}. */
  public static final Color BLACK = new Color(0x00, 0x00, 0x00);
  /** Text and axis colour (dark grey). */
  public static final Color TEXT = new Color(0x22, 0x22, 0x22);
  /** Grid line colour (light grey). */
  public static final Color GRID = new Color(0xDD, 0xDD, 0xDD);

  private static final Color[] PALETTE = {
      BLUE, ORANGE, BLUISH_GREEN, VERMILLION, REDDISH_PURPLE, SKY_BLUE, YELLOW, BLACK};

  private static final Color[] DIVERGING = {BLUE, Color.WHITE, VERMILLION};

  private static final Marker[] MARKERS = {
      SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND, SeriesMarkers.TRIANGLE_UP,
      SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS, SeriesMarkers.PLUS, SeriesMarkers.OVAL};

  private static final String FAMILY;
  private static final String FONT_WARNING;

  static {
    if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    String[] found = resolveFamily();
    FAMILY = found[0];
    FONT_WARNING = found[1];
  }

  private static String[] resolveFamily() {
    GraphicsEnvironment ge = GraphicsEnvironment.getLocalGraphicsEnvironment();
    if (Arrays.asList(ge.getAvailableFontFamilyNames(Locale.ROOT)).contains(FONT_FAMILY)) {
      return new String[] {FONT_FAMILY, null};
    }
    try {
      for (String f : new String[] {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"}) {
        Path p = Path.of(DEJAVU_DIR, f);
        if (Files.isRegularFile(p)) ge.registerFont(Font.createFont(Font.TRUETYPE_FONT, p.toFile()));
      }
    } catch (Exception e) {
      return new String[] {Font.SANS_SERIF, "cannot load " + FONT_FAMILY + " from " + DEJAVU_DIR + ": " + e};
    }
    if (Arrays.asList(ge.getAvailableFontFamilyNames(Locale.ROOT)).contains(FONT_FAMILY)) {
      return new String[] {FONT_FAMILY, null};
    }
    return new String[] {Font.SANS_SERIF,
        FONT_FAMILY + " not installed (apt-get install fonts-dejavu-core); using SansSerif, PNG bytes will differ"};
  }

  /** The font family actually in use: {@value #FONT_FAMILY}, or {@code SansSerif} when it is missing. */
  public static String fontFamily() {
    return FAMILY;
  }

  /** Null when {@value #FONT_FAMILY} is in use, else why not (figures are then not reproducible). */
  public static String fontWarning() {
    return FONT_WARNING;
  }

  /** A theme font: {@code style} is {@link Font#PLAIN} or {@link Font#BOLD}; size in points (= pixels). */
  public static Font font(int style, int size) {
    return new Font(FAMILY, style, size);
  }

  /** The categorical palette (8 Okabe-Ito colours, a fresh copy). */
  public static Color[] palette() {
    return PALETTE.clone();
  }

  /** Colour of the {@code i}-th group (i >= 0), cycling through the 8 palette colours. */
  public static Color color(int i) {
    if (i < 0) throw new IllegalArgumentException("colour index must be >= 0: " + i);
    return PALETTE[i % PALETTE.length];
  }

  /** Marker of the {@code i}-th group: changes every 8 groups so that colours that repeat still differ. */
  public static Marker marker(int i) {
    if (i < 0) throw new IllegalArgumentException("marker index must be >= 0: " + i);
    return MARKERS[(i / PALETTE.length) % MARKERS.length];
  }

  /** The diverging colours (low, middle, high) for signed values such as z-scores. */
  public static Color[] diverging() {
    return DIVERGING.clone();
  }

  /** The colour as {@code #RRGGBB} (for HTML figures). */
  public static String hex(Color c) {
    return String.format(Locale.ROOT, "#%02X%02X%02X", c.getRed(), c.getGreen(), c.getBlue());
  }

  /**
   * Applies the theme to any XChart chart: fonts, colours, white background, grid, locale
   * {@link Locale#ROOT}, time zone UTC, legend outside on the right for axes charts.
   *
   * @return the same chart
   */
  public static <C extends Chart<?, ?>> C apply(C chart) {
    Styler s = chart.getStyler();
    s.setBaseFont(font(Font.PLAIN, 12));
    s.setChartTitleFont(font(Font.BOLD, 16));
    s.setLegendFont(font(Font.PLAIN, 11));
    s.setAnnotationTextFont(font(Font.PLAIN, 11));
    s.setAnnotationTextPanelFont(font(Font.PLAIN, 11));
    s.setToolTipFont(font(Font.PLAIN, 11));
    s.setChartFontColor(TEXT);
    s.setChartTitleFontColor(TEXT);
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setPlotBorderColor(TEXT);
    s.setPlotBorderVisible(false);
    s.setChartTitleBoxVisible(false);
    s.setChartTitleVisible(true);
    s.setLegendBackgroundColor(Color.WHITE);
    s.setLegendBorderColor(Color.WHITE);
    s.setSeriesColors(palette());
    s.setChartPadding(12);
    s.setLocale(Locale.ROOT);
    s.setAntiAlias(true);
    s.setTextAntiAlias(true);
    s.setAnnotationLineColor(TEXT);
    s.setAnnotationLineStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
        new float[] {6f, 4f}, 0f));
    s.setAnnotationTextFontColor(TEXT);
    if (s instanceof AxesChartStyler a) {
      a.setAxisTitleFont(font(Font.PLAIN, 13));
      a.setAxisTickLabelsFont(font(Font.PLAIN, 11));
      a.setAxisTickLabelsColor(TEXT);
      a.setAxisTickMarksColor(TEXT);
      a.setXAxisTitleColor(TEXT);
      a.setYAxisTitleColor(TEXT);
      a.setPlotGridLinesVisible(true);
      a.setPlotGridVerticalLinesVisible(false);
      a.setPlotGridLinesColor(GRID);
      a.setPlotGridLinesStroke(new BasicStroke(1f));
      a.setAxisTicksLineVisible(true);
      a.setTimezone(TimeZone.getTimeZone("UTC"));
      a.setDatePattern("yyyy-MM-dd");
      a.setLegendPosition(Styler.LegendPosition.OutsideE);
      a.setMarkerSize(6);
    }
    if (s instanceof CategoryStyler c) {
      c.setLabelsFont(font(Font.PLAIN, 10));
      c.setLabelsFontColor(TEXT);
      c.setLabelsFontColorAutomaticEnabled(false);
      c.setAvailableSpaceFill(0.8);
    }
    if (s instanceof HorizontalBarStyler hb) {
      hb.setLabelsFont(font(Font.PLAIN, 10));
      hb.setLabelsFontColor(TEXT);
      hb.setLabelsFontColorAutomaticEnabled(true);
      hb.setLabelsFontColorAutomaticLight(Color.WHITE);
      hb.setLabelsFontColorAutomaticDark(TEXT);
      hb.setLabelsPosition(0.5);
      hb.setAvailableSpaceFill(0.8);
    }
    if (s instanceof XYStyler x) {
      x.setCursorFont(font(Font.PLAIN, 11));
    }
    if (s instanceof HeatMapStyler h) {
      h.setRangeColors(diverging());
      h.setValueFont(font(Font.PLAIN, 10));
      h.setValueFontColor(TEXT);
      h.setPlotGridLinesVisible(false);
      h.setLegendPosition(Styler.LegendPosition.OutsideE);
    }
    return chart;
  }
}
