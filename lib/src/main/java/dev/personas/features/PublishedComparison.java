package dev.personas.features;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The published population values ({@link PublishedValues}) next to the same statistics computed on
 * a feature table, for notebooks that compare a dataset with Bigspin, SWE-chat and Anthropic.
 *
 * <p>How each statistic is computed on {@code features} (rows with a missing value are left out):
 * {@code median}, {@code p10}, {@code p90}, {@code typical} (= median): percentiles with linear
 * interpolation (R-7, as numpy's default); {@code share}: for a 0/1 column the share of rows equal
 * to {@code level}, for a text column the share of non-empty rows equal to {@code level};
 * {@code pooled_share} of a {@code tool_<c>_share} column: sum of {@code tool_<c>_count} / sum of
 * {@code n_tool_calls}; of {@code pushback_rate}: sum of pushback prompts (rate x (prompts - 1)) /
 * sum of (prompts - 1); of {@code interrupt_rate}: sum of {@code interrupt_count} / sum of
 * {@code iteration_count} (SWE-chat divides by all turns, so expect a higher value here);
 * {@code share_above}: share of rows whose value exceeds {@code level}.
 */
public final class PublishedComparison {
  private PublishedComparison() {}

  /**
   * One row per published value: {@code feature, statistic, level, source, population} (STRING),
   * {@code published, computed} (DOUBLE; computed is missing when the column is absent or has no
   * values), {@code n} (INTEGER, rows used), {@code note} (STRING).
   *
   * @throws IllegalArgumentException when {@code features} is null
   */
  public static Table compare(Table features) {
    if (features == null) throw new IllegalArgumentException("features is null");
    StringColumn f = StringColumn.create("feature");
    StringColumn s = StringColumn.create("statistic");
    StringColumn lv = StringColumn.create("level");
    StringColumn src = StringColumn.create("source");
    StringColumn pop = StringColumn.create("population");
    DoubleColumn pub = DoubleColumn.create("published");
    DoubleColumn comp = DoubleColumn.create("computed");
    IntColumn n = IntColumn.create("n");
    StringColumn note = StringColumn.create("note");
    for (PublishedValues.Value v : PublishedValues.all()) {
      double[] r = compute(features, v);
      f.append(v.feature()); s.append(v.statistic()); lv.append(v.level()); src.append(v.source());
      pop.append(v.population()); pub.append(v.value()); comp.append(r[0]); n.append((int) r[1]);
      note.append(v.note());
    }
    return Table.create("published_comparison", f, s, lv, src, pop, pub, comp, n, note);
  }

  /** {computed value (NaN if none), rows used}. */
  static double[] compute(Table t, PublishedValues.Value v) {
    String col = v.feature();
    if (!t.containsColumn(col)) return new double[] {Double.NaN, 0};
    Column<?> c = t.column(col);
    switch (v.statistic()) {
      case "median", "typical" -> { return percentile(c, 50); }
      case "p10" -> { return percentile(c, 10); }
      case "p90" -> { return percentile(c, 90); }
      case "share" -> { return share(c, v.level()); }
      case "share_above" -> {
        double[] x = values(c);
        double lim = Double.parseDouble(v.level());
        long above = java.util.Arrays.stream(x).filter(d -> d > lim).count();
        return new double[] {x.length == 0 ? Double.NaN : (double) above / x.length, x.length};
      }
      case "pooled_share" -> { return pooled(t, col); }
      default -> { return new double[] {Double.NaN, 0}; }
    }
  }

  private static double[] values(Column<?> c) {
    if (!(c instanceof NumericColumn<?> nc)) return new double[0];
    List<Double> l = new ArrayList<>();
    for (int i = 0; i < nc.size(); i++) {
      if (nc.isMissing(i)) continue;
      double d = nc.getDouble(i);
      if (!Double.isNaN(d)) l.add(d);
    }
    return l.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static double[] percentile(Column<?> c, double p) {
    double[] x = values(c);
    if (x.length == 0) return new double[] {Double.NaN, 0};
    return new double[] {new Percentile().withEstimationType(EstimationType.R_7).evaluate(x, p),
        x.length};
  }

  private static double[] share(Column<?> c, String level) {
    if (c instanceof StringColumn sc) {
      int used = 0;
      int hit = 0;
      for (int i = 0; i < sc.size(); i++) {
        String v = sc.get(i);
        if (v.isEmpty()) continue;
        used++;
        if (v.equals(level)) hit++;
      }
      return new double[] {used == 0 ? Double.NaN : (double) hit / used, used};
    }
    double[] x = values(c);
    double lv = Double.parseDouble(level);
    long hit = java.util.Arrays.stream(x).filter(d -> d == lv).count();
    return new double[] {x.length == 0 ? Double.NaN : (double) hit / x.length, x.length};
  }

  private static double sum(Table t, String col) {
    double s = 0;
    for (double d : values(t.column(col))) s += d;
    return s;
  }

  private static double[] pooled(Table t, String col) {
    int rows = t.rowCount();
    if (col.startsWith("tool_") && col.endsWith("_share")) {
      String count = col.substring(0, col.length() - "_share".length()) + "_count";
      if (!t.containsColumn(count) || !t.containsColumn("n_tool_calls")) return new double[] {Double.NaN, 0};
      double all = sum(t, "n_tool_calls");
      return new double[] {all == 0 ? Double.NaN : sum(t, count) / all, rows};
    }
    if (col.equals("pushback_rate") && t.containsColumn("iteration_count")) {
      NumericColumn<?> rate = t.numberColumn(col);
      NumericColumn<?> p = t.numberColumn("iteration_count");
      double num = 0;
      double den = 0;
      for (int i = 0; i < rows; i++) {
        if (rate.isMissing(i) || Double.isNaN(rate.getDouble(i))) continue;
        num += rate.getDouble(i) * (p.getDouble(i) - 1);
        den += p.getDouble(i) - 1;
      }
      return new double[] {den == 0 ? Double.NaN : num / den, rows};
    }
    if (col.equals("interrupt_rate") && t.containsColumn("interrupt_count")
        && t.containsColumn("iteration_count")) {
      double den = sum(t, "iteration_count");
      return new double[] {den == 0 ? Double.NaN : sum(t, "interrupt_count") / den, rows};
    }
    return new double[] {Double.NaN, 0};
  }
}
