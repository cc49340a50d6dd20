package dev.personas.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.BoxChart;
import org.knowm.xchart.HorizontalBarChart;
import org.knowm.xchart.HorizontalBarSeries;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class ChartsTest {

  private static List<Object> list(java.util.Collection<?> c) {
    return new ArrayList<>(c);
  }

  private static List<String> names(XYChart c) {
    return c.getSeriesCollection().stream().map(XYSeries::getName).toList();
  }

  @Test
  void histogramHasBinsSeparateBarsAndMeanLineInTheLegend() {
    double[] v = {0, 0, 100, 10, 20, 50};
    XYChart c = Charts.histogram("t", "pct (%)", "sessions", v,
        HistogramOptions.bins(3).range(0, 99).separateLow(0).separateHigh(99).withMean().withMedian());
    assertThat(names(c)).containsExactly("0 < x < 99 (n = 3)", "<= 0 (n = 2)", ">= 99 (n = 1)", "mean = 30.0",
        "median = 15.0");
    XYSeries bins = c.getSeries("0 < x < 99 (n = 3)");
    assertThat(String.valueOf(bins.getXYSeriesRenderStyle())).contains("PolygonArea");
    // each bin is a rectangle: up, across, down
    assertThat(bins.getYData()).containsExactly(0, 2, 2, 0, 1, 1, 0, 0, 0, 0);
    assertThat(c.getSeries("mean = 30.0").getXData()).containsExactly(30.0, 30.0);
    assertThat(c.getStyler().getYAxisMin()).isEqualTo(0.0);
  }

  @Test
  void histogramFromTablesawSkipsMissingValues() {
    DoubleColumn x = DoubleColumn.create("words_per_prompt", new double[] {1, 2, 3});
    x.appendMissing();
    XYChart c = Charts.histogram("Words", Table.create("t", x), "words_per_prompt", "sessions",
        HistogramOptions.bins(2));
    assertThat(names(c)).containsExactly("n = 3");
    assertThat(c.getXAxisTitle()).isEqualTo("words_per_prompt");
    XYChart d = Charts.histogram("Words", Table.create("t", x), "words_per_prompt", "words per prompt (count)",
        "sessions", HistogramOptions.bins(2));
    assertThat(d.getXAxisTitle()).isEqualTo("words per prompt (count)");
  }

  @Test
  void sharesAreSortedDescendingInPercentWithLabelsFirstAtTheTop() {
    HorizontalBarChart c = Charts.shares("Tools", "tool category", "share (%)", List.of("b", "a", "c"),
        new double[] {0.25, 0.25, 0.5});
    HorizontalBarSeries s = c.getSeriesCollection().iterator().next();
    // XChart draws the first y category at the bottom, so the data is reversed
    assertThat(list(s.getYData())).containsExactly("b", "a", "c");
    assertThat(list(s.getXData())).containsExactly(25.0, 25.0, 50.0);
    assertThat(c.getStyler().isLabelsVisible()).isTrue();
    assertThat(c.getStyler().getXAxisDecimalPattern()).isEqualTo("0.0"); // axis and bar labels
    assertThat(c.getStyler().getXAxisLabelRotation()).isZero();
  }

  @Test
  void barsKeepGivenOrderAndReadTablesaw() {
    HorizontalBarChart c = Charts.bars("t", "x", "y", List.of("z", "a"), new double[] {1, 2}, "#,##0",
        Charts.Order.GIVEN);
    assertThat(list(c.getSeriesCollection().iterator().next().getYData())).containsExactly("a", "z");
    Table t = Table.create("t", StringColumn.create("agent", "x", "y", "w"), DoubleColumn.create("sessions", 3, 9, 9));
    HorizontalBarChart d = Charts.bars("Sessions by agent", t, "agent", "sessions", "#,##0");
    assertThat(list(d.getSeriesCollection().iterator().next().getYData())).containsExactly("x", "y", "w");
  }

  @Test
  void groupedBarsOneSeriesPerSourceWithZeroForNaN() {
    Map<String, double[]> m = new LinkedHashMap<>();
    m.put("ours", new double[] {1, 2});
    m.put("published", new double[] {3, Double.NaN});
    HorizontalBarChart c = Charts.groupedBars("t", "mode", "share (%)", List.of("vibe", "human-only"), m, "0.0");
    HorizontalBarSeries ours = c.getSeries("ours");
    HorizontalBarSeries published = c.getSeries("published");
    assertThat(list(published.getXData())).containsExactly(0.0, 3.0);
    assertThat(published.getLabel()).isEqualTo("published (n/a: human-only)");
    assertThat(ours.getLabel()).isEqualTo("ours");
    assertThat(c.getStyler().isLabelsVisible()).isFalse();
    assertThat(list(ours.getYData())).containsExactly("human-only", "vibe");
    assertThat(ours.getFillColor()).isEqualTo(Theme.color(0));
    assertThat(published.getFillColor()).isEqualTo(Theme.color(1));
  }

  @Test
  void linesOverNumbersForAKSweep() {
    Map<String, double[]> m = new LinkedHashMap<>();
    m.put("silhouette", new double[] {0.31, 0.42, Double.NaN});
    m.put("stability (ARI)", new double[] {0.9, 0.8, 0.7});
    XYChart c = Charts.lines("k sweep", "k (clusters)", "score", new double[] {2, 3, 4}, m, "0.00");
    assertThat(names(c)).containsExactly("silhouette", "stability (ARI)");
    assertThat(c.getSeries("silhouette").getYData()[2]).isNaN();
    assertThat(c.getSeries("stability (ARI)").getLineColor()).isEqualTo(Theme.color(1));
    assertThatThrownBy(() -> Charts.lines("t", "x", "y", new double[] {3, 2}, m, "0"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3.0, 2.0");
    assertThatThrownBy(() -> Charts.lines("t", "x", "y", new double[] {1, 2}, m, "0"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("silhouette");
  }

  @Test
  void timeLinesUseUtcDatesAndRejectUnsortedDates() {
    Table t = Table.create("t",
        DateColumn.create("day", List.of(LocalDate.of(2025, 1, 2), LocalDate.of(2025, 1, 1))),
        DoubleColumn.create("vibe", 0.4, 0.6), DoubleColumn.create("collab", 0.6, 0.4));
    XYChart c = Charts.timeLines("Modes", "share", t, "day", "0.00", "vibe", "collab");
    assertThat(names(c)).containsExactly("vibe", "collab");
    assertThat(c.getSeries("vibe").getYData()).containsExactly(0.6, 0.4);
    assertThat(c.getSeries("vibe").getXData()[0]).isEqualTo(1735689600000.0); // 2025-01-01T00:00Z
    Map<String, double[]> m = Map.of("a", new double[] {1, 2});
    assertThatThrownBy(() -> Charts.timeLines("t", "y", List.of(LocalDate.of(2025, 1, 2), LocalDate.of(2025, 1, 1)),
        m, "0")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2025-01-01");
  }

  @Test
  void scatterHasOneSeriesPerSortedGroupAndSkipsNaN() {
    XYChart c = Charts.scatter("t", "PC1", "PC2", new double[] {1, 2, 3, Double.NaN}, new double[] {1, 2, 3, 4},
        List.of("b", "a", "b", "a"));
    assertThat(names(c)).containsExactly("a (1)", "b (2)");
    assertThat(c.getSeries("b (2)").getXData()).containsExactly(1.0, 3.0);
    assertThatThrownBy(() -> Charts.scatter("t", "x", "y", new double[] {1}, new double[] {1, 2}, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1, 2");
  }

  @Test
  void heatmapDrawsValuesAFloatingPointStepBelowTheMaximum() {
    // a persona with all its sessions of one type: 100 x 0.9999999999999999 next to 100 and 0
    double nearly = 100 * (1 - Math.ulp(1.0));
    HeatMapChart c = Charts.heatmap("Mix", "persona", "type", List.of("p1", "p2", "p3"),
        List.of("t1", "t2"), new double[][] {{100, 0}, {nearly, 0}, {50, 50}}, 100);
    assertThat(org.knowm.xchart.BitmapEncoder.getBufferedImage(c)).isNotNull();
    // the same without an exact 100 in the data: the scale's end is the maximum
    HeatMapChart alone = Charts.heatmap("Mix", "persona", "type", List.of("p1", "p2"),
        List.of("t1", "t2"), new double[][] {{nearly, 0}, {50, 50}}, 100);
    assertThat(org.knowm.xchart.BitmapEncoder.getBufferedImage(alone)).isNotNull();
    Number[] snapped = (Number[]) (Object) c.getHeatMapSeries().getHeatData().get(2);
    assertThat(snapped[2].doubleValue()).isEqualTo(100.0);
  }

  @Test
  void heatmapClipsAtTheLimitAndCentresTheScale() {
    HeatMapChart c = Charts.heatmap("Profiles", "type", "feature", List.of("t1", "t2"), List.of("f1", "f2", "f3"),
        new double[][] {{5, -5, 0.5}, {Double.NaN, 1, -1}}, 2);
    assertThat(c.getStyler().getMin()).isEqualTo(-2);
    assertThat(c.getStyler().getMax()).isEqualTo(2);
    var cells = c.getHeatMapSeries().getHeatData();
    assertThat(cells).hasSize(5); // the NaN cell is left out (blank)
    assertThat(cells.get(0)).containsExactly(0, 1, 2.0); // first row drawn at the top
    assertThat(cells.get(1)).containsExactly(1, 1, -2.0);
    assertThat(cells.get(3)).containsExactly(1, 0, 1.0);
    assertThat(c.getXAxisTitle()).isEqualTo("feature");
    assertThat(c.getYAxisTitle()).isEqualTo("type");
    List<String> feats = List.of("feature_one", "feature_two", "feature_three", "feature_four", "feature_five",
        "feature_six", "feature_seven");
    HeatMapChart wide = Charts.heatmap("Profiles", "type", "feature", List.of("t1", "t2"), feats,
        new double[][] {{0, 0, 0, 0, 0, 0, 1}, {0, 0, 0, 0, 0, 0, -0.01}}, 2);
    // 7 long feature names do not fit side by side: features go down the vertical axis
    assertThat(wide.getXAxisTitle()).isEqualTo("type");
    assertThat(wide.getYAxisTitle()).isEqualTo("feature");
    assertThat(list(wide.getHeatMapSeries().getYData())).first().isEqualTo("feature_seven");
    assertThat(wide.getHeatMapSeries().getHeatData()).anySatisfy(cell -> assertThat(cell).containsExactly(1, 0, 0.0));
    assertThat(wide.getHeatMapSeries().getHeatData()).anySatisfy(cell -> assertThat(cell).containsExactly(0, 0, 1.0));
    assertThat(wide.getStyler().getXAxisLabelRotation()).isZero();
    List<String> agents = List.of("Claude Code", "Copilot CLI", "Factory AI Droid", "Gemini CLI", "OpenCode",
        "Roger Roger Agent", "Kiro", "Cursor", "Codex", "Pi", "unknown");
    HeatMapChart both = Charts.heatmap("Agents", "agent", "feature", agents, feats,
        new double[agents.size()][feats.size()], 1);
    // neither fits: the labels needing less room (7 features) go across, shortened with an ellipsis
    assertThat(both.getXAxisTitle()).isEqualTo("feature");
    assertThat(list(both.getHeatMapSeries().getXData())).hasSize(7).contains("feat\u2026one", "feat\u2026ven");
    assertThat(Charts.shorten("abcdefgh", 5)).isEqualTo("ab\u2026gh");
    assertThat(Charts.shorten("abc", 5)).isEqualTo("abc");
    assertThat(list(both.getHeatMapSeries().getYData())).hasSize(11).contains("Roger Roger Agent");
    assertThatThrownBy(() -> Charts.heatmap("t", "x", "y", List.of("a"), List.of("b"), new double[][] {{1}}, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
    assertThatThrownBy(() -> Charts.heatmap("t", "x", "y", List.of("a"), List.of("b", "c"), new double[][] {{1}}, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 values");
  }

  @Test
  void boxSkipsEmptyGroupsAndRejectsAllEmpty() {
    Map<String, double[]> m = new LinkedHashMap<>();
    m.put("a", new double[] {1, 2, 3, 4});
    m.put("empty", new double[] {Double.NaN});
    BoxChart c = Charts.box("t", "type", "calls", m);
    assertThat(c.getSeriesCollection()).hasSize(1);
    assertThatThrownBy(() -> Charts.box("t", "x", "y", Map.of("e", new double[0])))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
  }

  @Test
  void badArgumentsNameTheValue() {
    assertThatThrownBy(() -> Charts.bars("t", "x", "y", List.of("a", "a"), new double[] {1, 2}, "0", Charts.Order.GIVEN))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[a, a]");
    assertThatThrownBy(() -> Charts.bars("t", "x", "y", List.of("a"), new double[] {1, 2}, "0", Charts.Order.GIVEN))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1, 2");
    Table t = Table.create("t", StringColumn.create("s", "a"));
    assertThatThrownBy(() -> Charts.histogram("t", t, "nope", "n", HistogramOptions.bins(2)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
    assertThatThrownBy(() -> Charts.histogram("t", t, "s", "n", HistogramOptions.bins(2)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not numeric");
  }
}
