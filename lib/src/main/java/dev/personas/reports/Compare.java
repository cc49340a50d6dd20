package dev.personas.reports;

import dev.personas.features.PublishedComparison;
import java.util.Locale;
import tech.tablesaw.api.Table;

/**
 * Published values next to the same statistics on a dataset ({@link PublishedComparison}), filtered
 * by source, and told in words: one sentence per row saying how far the dataset is from the paper.
 */
public final class Compare {
  private Compare() {}

  /** Sources of {@link dev.personas.features.PublishedValues}. */
  public static final java.util.List<String> SOURCES = java.util.List.of("Bigspin", "SWE-chat", "Anthropic");

  /**
   * The comparison rows of one source: columns {@code feature, statistic, level, published,
   * computed, n, note} of {@link PublishedComparison#compare}.
   *
   * @throws IllegalArgumentException for a source not in {@link #SOURCES}
   */
  public static Table of(Table features, String source) {
    if (!SOURCES.contains(source)) throw new IllegalArgumentException("source '" + source + "' not in " + SOURCES);
    Table all = PublishedComparison.compare(features);
    Table t = all.where(all.stringColumn("source").isEqualTo(source))
        .selectColumns("feature", "statistic", "level", "published", "computed", "n", "note");
    t.setName(source + " vs this dataset");
    return t;
  }

  /**
   * Grouped bars of the rows of one statistic (e.g. {@code median}) of a comparison table: this
   * dataset next to the published value, one category per feature, in table order.
   */
  public static org.knowm.xchart.HorizontalBarChart chart(Table comparison, String statistic, String title) {
    java.util.List<String> cats = new java.util.ArrayList<>();
    java.util.List<Double> ours = new java.util.ArrayList<>(), pub = new java.util.ArrayList<>();
    for (int i = 0; i < comparison.rowCount(); i++) {
      if (!comparison.stringColumn("statistic").get(i).equals(statistic)) continue;
      String level = comparison.stringColumn("level").get(i);
      cats.add(comparison.stringColumn("feature").get(i) + (level.isEmpty() ? "" : " " + level));
      ours.add(comparison.doubleColumn("computed").getDouble(i));
      pub.add(comparison.doubleColumn("published").getDouble(i));
    }
    if (cats.isEmpty()) throw new IllegalArgumentException("no rows with statistic '" + statistic + "'");
    java.util.Map<String, double[]> series = new java.util.LinkedHashMap<>();
    series.put("this dataset", ours.stream().mapToDouble(Double::doubleValue).toArray());
    series.put("published", pub.stream().mapToDouble(Double::doubleValue).toArray());
    return dev.personas.figures.Charts.groupedBars(title, "feature", statistic, cats, series, "0.##");
  }

  /**
   * One Markdown bullet per row of a comparison table: value here, value published, relative
   * difference in words ("about the same" within 10%), and the row's note.
   */
  public static String sentences(Table comparison) {
    StringBuilder md = new StringBuilder();
    for (int i = 0; i < comparison.rowCount(); i++) {
      String feature = comparison.stringColumn("feature").get(i);
      String stat = comparison.stringColumn("statistic").get(i);
      String level = comparison.stringColumn("level").get(i);
      double pub = comparison.doubleColumn("published").getDouble(i);
      double ours = comparison.doubleColumn("computed").getDouble(i);
      String note = comparison.stringColumn("note").get(i);
      md.append("- `").append(feature).append("` ").append(stat)
          .append(level.isEmpty() ? "" : " (" + level + ")").append(": ")
          .append(verdict(ours, pub));
      if (!note.isEmpty()) md.append(" ").append(note).append('.');
      md.append('\n');
    }
    return md.toString();
  }

  /** "3.00 here vs 4.00 published: lower by 25%." (NaN here: "not computable on this data"). */
  static String verdict(double ours, double pub) {
    if (Double.isNaN(ours)) return String.format(Locale.ROOT, "not computable on this data (published %s).", num(pub));
    String base = String.format(Locale.ROOT, "%s here vs %s published", num(ours), num(pub));
    if (pub == 0) return base + (ours == 0 ? ": the same." : ": published is zero.");
    double rel = (ours - pub) / Math.abs(pub);
    if (Math.abs(rel) <= 0.10) return base + ": about the same.";
    return base + String.format(Locale.ROOT, ": %s by %.0f%%.", rel > 0 ? "higher" : "lower", Math.abs(rel) * 100);
  }

  static String num(double v) {
    if (Double.isNaN(v)) return "n/a";
    double a = Math.abs(v);
    if (a != 0 && a < 0.01) return String.format(Locale.ROOT, "%.4f", v);
    if (a < 10) return String.format(Locale.ROOT, "%.2f", v);
    return String.format(Locale.ROOT, "%,.0f", v);
  }
}
