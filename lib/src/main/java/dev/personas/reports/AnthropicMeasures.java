package dev.personas.reports;

import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.api.NumericColumn;

/**
 * The session-shape measures of Anthropic's study of ~400k Claude Code sessions ("Agentic coding and
 * persistent returns to expertise", June 2026; numbers in {@code shared/reference/published.md}):
 * prompts per session, actions (tool calls) per prompt and words of output per prompt.
 */
public final class AnthropicMeasures {
  private AnthropicMeasures() {}

  /**
   * Summary: 8 rows x 3 columns {@code measure, this_dataset, published}. Geometric means are over
   * sessions with a positive value (a session without tool calls has no log); shares are over
   * sessions with a value. Published values are "~" figures from the study (NaN where it gives none).
   */
  public static Table summary(Table features) {
    NumericColumn<?> prompts = features.numberColumn("iteration_count");
    NumericColumn<?> actions = features.numberColumn("actions_per_prompt");
    NumericColumn<?> words = features.numberColumn("words_per_prompt");
    StringColumn m = StringColumn.create("measure");
    DoubleColumn ours = DoubleColumn.create("this_dataset");
    DoubleColumn pub = DoubleColumn.create("published");
    add(m, ours, pub, "sessions", features.rowCount(), 398_198);
    add(m, ours, pub, "median prompts per session", median(prompts), 4);
    add(m, ours, pub, "mean actions per prompt", mean(actions), 10);
    add(m, ours, pub, "geometric mean actions per prompt", geomean(actions), Double.NaN);
    add(m, ours, pub, "geometric mean words per prompt", geomean(words), Double.NaN);
    add(m, ours, pub, "share of sessions above 100 actions per prompt", shareAbove(actions, 100), 0.02);
    add(m, ours, pub, "share of sessions above 200 actions per prompt", shareAbove(actions, 200), 1.0 / 270);
    add(m, ours, pub, "share of sessions above 500 actions per prompt", shareAbove(actions, 500), 1.0 / 2300);
    return Table.create("Anthropic session-shape measures", m, ours, pub);
  }

  private static void add(StringColumn m, DoubleColumn o, DoubleColumn p, String name, double ours, double pub) {
    m.append(name);
    o.append(ours);
    p.append(pub);
  }

  static double[] values(NumericColumn<?> c) {
    return java.util.stream.IntStream.range(0, c.size()).filter(i -> !c.isMissing(i))
        .mapToDouble(c::getDouble).filter(Double::isFinite).toArray();
  }

  static double median(NumericColumn<?> c) {
    double[] v = values(c);
    return v.length == 0 ? Double.NaN : new org.apache.commons.math3.stat.descriptive.rank.Median().evaluate(v);
  }

  static double mean(NumericColumn<?> c) {
    double[] v = values(c);
    return v.length == 0 ? Double.NaN : org.apache.commons.math3.stat.StatUtils.mean(v);
  }

  /** Geometric mean of the positive values (NaN when there are none). */
  static double geomean(NumericColumn<?> c) {
    double[] v = java.util.Arrays.stream(values(c)).filter(x -> x > 0).toArray();
    return v.length == 0 ? Double.NaN : org.apache.commons.math3.stat.StatUtils.geometricMean(v);
  }

  static double shareAbove(NumericColumn<?> c, double level) {
    double[] v = values(c);
    if (v.length == 0) return Double.NaN;
    return java.util.Arrays.stream(v).filter(x -> x > level).count() / (double) v.length;
  }

  /** The summary as Markdown lines with fixed precision (for a notebook cell). */
  public static String markdown(Table summary) {
    StringBuilder md = new StringBuilder("| measure | this dataset | published |\n|---|---:|---:|\n");
    for (int i = 0; i < summary.rowCount(); i++) {
      md.append("| ").append(summary.stringColumn("measure").get(i)).append(" | ")
          .append(Compare.num(summary.doubleColumn("this_dataset").getDouble(i))).append(" | ")
          .append(Compare.num(summary.doubleColumn("published").getDouble(i))).append(" |\n");
    }
    return md.toString();
  }

}
