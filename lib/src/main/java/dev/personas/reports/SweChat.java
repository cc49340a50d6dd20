package dev.personas.reports;

import dev.personas.figures.Charts;
import dev.personas.figures.HistogramOptions;
import dev.personas.figures.RollingShares;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.HorizontalBarChart;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.Table;

/**
 * SWE-chat's figures (Baumann et al., arXiv 2604.20779, and the repository's notebook; definitions
 * in {@code shared/reference/published.md}) recomputed on any feature table.
 */
public final class SweChat {
  private SweChat() {}

  /** Coding modes in SWE-chat's order. */
  public static final List<String> MODES = List.of("Human-only", "Collaborative", "Vibe coding");

  /**
   * Figure 5: histogram of {@code agent_percentage} with 51 bins over 0 &lt; pct &lt; 99, separate bars
   * at 0 and at &gt;= 99, and a mean line. Sessions without attribution are left out.
   */
  public static XYChart agentPercentageHistogram(Table features) {
    return Charts.histogram("Share of committed lines written by the agent (SWE-chat Fig. 5)", features,
        "agent_percentage", "agent_percentage (%)", "sessions",
        HistogramOptions.bins(51).range(0, 99).separateLow(0).separateHigh(99).withMean());
  }

  /**
   * Figure 19e next to the published shares: grouped bars (this dataset, SWE-chat v1) of the three
   * coding modes, in percent of sessions with a known {@code agent_percentage}.
   */
  public static HorizontalBarChart codingModeShares(Table features) {
    Table cmp = Compare.of(features, "SWE-chat");
    double[] ours = new double[MODES.size()], pub = new double[MODES.size()];
    for (int m = 0; m < MODES.size(); m++) {
      for (int i = 0; i < cmp.rowCount(); i++) {
        if (cmp.stringColumn("feature").get(i).equals("coding_mode")
            && cmp.stringColumn("level").get(i).equals(MODES.get(m))) {
          ours[m] = 100 * cmp.doubleColumn("computed").getDouble(i);
          pub[m] = 100 * cmp.doubleColumn("published").getDouble(i);
        }
      }
    }
    Map<String, double[]> series = new LinkedHashMap<>();
    series.put("this dataset", ours);
    series.put("SWE-chat v1", pub);
    return Charts.groupedBars("Coding modes (SWE-chat Fig. 19e)", "coding mode", "share of sessions (%)",
        MODES, series, "0.0");
  }

  /** Figure 25: 14-day rolling shares of the coding modes over {@code started_at}, from day 14. */
  public static RollingShares codingModesOverTime(Table features) {
    Table known = features.where(features.stringColumn("coding_mode").isNotMissing());
    return RollingShares.of(known, "started_at", "coding_mode", 14);
  }

  /** Figure 25 as a chart (percent), or null when the data span fewer than 14 days. */
  public static XYChart codingModesOverTimeChart(Table features) {
    return TypesOverTime.percentChart(codingModesOverTime(features),
        "Coding modes over time, 14-day rolling share (SWE-chat Fig. 25)");
  }

  /**
   * Figure 19b and Table 5: pooled tool-category shares of this dataset next to SWE-chat v2's, as
   * grouped bars in percent, categories in Table 5's order.
   */
  public static HorizontalBarChart toolCategoryShares(Table features) {
    Table t = toolCategoryTable(features);
    List<String> cats = new ArrayList<>(t.stringColumn("category").asList());
    Map<String, double[]> series = new LinkedHashMap<>();
    series.put("this dataset", t.doubleColumn("share").asDoubleArray());
    series.put("SWE-chat v2 (Table 5)", t.doubleColumn("published_share").asDoubleArray());
    for (double[] v : series.values()) for (int i = 0; i < v.length; i++) v[i] *= 100;
    return Charts.groupedBars("Tool calls by category (SWE-chat Fig. 19b)", "tool category",
        "share of tool calls (%)", cats, series, "0.0");
  }

  /**
   * Table 5 on this dataset: 20 rows (SWE-chat's categories in order) x 4 columns
   * {@code category, count, share, published_share}; count = sum of {@code tool_<c>_count}, share =
   * count / all tool calls.
   */
  public static Table toolCategoryTable(Table features) {
    var category = tech.tablesaw.api.StringColumn.create("category");
    var count = tech.tablesaw.api.LongColumn.create("count");
    var share = tech.tablesaw.api.DoubleColumn.create("share");
    var published = tech.tablesaw.api.DoubleColumn.create("published_share");
    Table cmp = Compare.of(features, "SWE-chat");
    long total = 0;
    List<String> cats = dev.personas.load.ToolTaxonomy.CATEGORIES;
    long[] counts = new long[cats.size()];
    for (int c = 0; c < cats.size(); c++) {
      String col = dev.personas.features.Features.toolCountColumn(cats.get(c));
      if (features.containsColumn(col)) {
        var nc = features.numberColumn(col);
        for (int i = 0; i < nc.size(); i++) if (!nc.isMissing(i)) counts[c] += (long) nc.getDouble(i);
      }
      total += counts[c];
    }
    for (int c = 0; c < cats.size(); c++) {
      category.append(cats.get(c));
      count.append(counts[c]);
      share.append(total == 0 ? Double.NaN : counts[c] / (double) total);
      String shareCol = dev.personas.features.Features.toolShareColumn(cats.get(c));
      double p = Double.NaN;
      for (int i = 0; i < cmp.rowCount(); i++) {
        if (cmp.stringColumn("feature").get(i).equals(shareCol)) p = cmp.doubleColumn("published").getDouble(i);
      }
      published.append(p);
    }
    return Table.create("tool categories (SWE-chat Table 5)", category, count, share, published);
  }
}
