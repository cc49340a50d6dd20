package dev.personas.types;

import java.util.List;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * What {@link ClusterEngine#run} returns: the model-selection sweep, the chosen k, the partition of
 * the rows (clusters numbered 0..k-1 by decreasing size), the fitted {@link Clusterer}, per-row
 * scores, and per-cluster stability.
 *
 * @param options the options it ran with
 * @param rule the rule that chose k ({@link SelectionRule#AUTO} resolved)
 * @param k the chosen k
 * @param sweep one row per k of the sweep, increasing k
 * @param labels cluster of each input row, 0..k-1
 * @param clusterer the fitted partition, in the numbering of {@code labels}
 * @param distance Euclidean distance of each row to its cluster's centroid (mixtures: mean)
 * @param probability mixtures: posterior probability of the row's cluster; NaN otherwise
 * @param silhouette silhouette of each row; NaN for rows outside the silhouette sample
 * @param stability per cluster, in cluster order
 * @param bootstrapAri adjusted Rand index of each bootstrap refit against the partition
 */
public record EngineResult(EngineOptions options, SelectionRule rule, int k, List<SweepRow> sweep,
    int[] labels, Clusterer clusterer, double[] distance, double[] probability, double[] silhouette,
    List<ClusterStability> stability, double[] bootstrapAri) {

  /**
   * Scores of one k.
   *
   * @param k number of clusters
   * @param wcss within-cluster sum of squares
   * @param silhouette mean silhouette (exact or on the sample)
   * @param calinskiHarabasz Calinski-Harabasz index
   * @param daviesBouldin Davies-Bouldin index
   * @param logLikelihood mixtures: log-likelihood of all rows; NaN otherwise
   * @param bic mixtures: -2 log L + p ln n; NaN otherwise
   * @param gap gap statistic (k-means on the gap sample); NaN when skipped
   * @param gapSe its standard error s_k = sd * sqrt(1 + 1/B)
   */
  public record SweepRow(int k, double wcss, double silhouette, double calinskiHarabasz,
      double daviesBouldin, double logLikelihood, double bic, double gap, double gapSe) {}

  /**
   * Bootstrap stability of one cluster (Hennig 2007).
   *
   * @param cluster cluster number
   * @param size rows in it
   * @param meanJaccard mean over resamples of the best Jaccard with a refit cluster; NaN without
   *     bootstraps
   * @param dissolvedShare share of resamples with Jaccard &lt;= 0.5 ("dissolved")
   * @param recoveredShare share of resamples with Jaccard &gt;= 0.75 ("recovered")
   * @param stable false when meanJaccard is below {@link EngineOptions#unstableJaccard()}
   */
  public record ClusterStability(int cluster, int size, double meanJaccard, double dissolvedShare,
      double recoveredShare, boolean stable) {}

  /** Mean adjusted Rand index over bootstrap refits; NaN without bootstraps. */
  public double meanAri() {
    return ClusterIndices.mean(bootstrapAri);
  }

  /** The k the given rule picks from the sweep (ties to the smaller k); -1 if no k has a score. */
  public int chosenBy(SelectionRule r) {
    return choose(sweep, r.resolve(options.algorithm()));
  }

  static int choose(List<SweepRow> sweep, SelectionRule r) {
    if (r == SelectionRule.GAP) {
      for (int i = 0; i + 1 < sweep.size(); i++) {
        SweepRow a = sweep.get(i), b = sweep.get(i + 1);
        if (Double.isNaN(a.gap()) || Double.isNaN(b.gap())) continue;
        if (a.gap() >= b.gap() - b.gapSe()) return a.k();
      }
    }
    int best = -1;
    double bv = Double.NaN;
    for (SweepRow s : sweep) {
      double v;
      boolean higher;
      switch (r) {
        case SILHOUETTE -> { v = s.silhouette(); higher = true; }
        case CALINSKI_HARABASZ -> { v = s.calinskiHarabasz(); higher = true; }
        case DAVIES_BOULDIN -> { v = s.daviesBouldin(); higher = false; }
        case GAP -> { v = s.gap(); higher = true; }
        case BIC -> { v = s.bic(); higher = false; }
        default -> throw new IllegalArgumentException("rule = " + r);
      }
      if (Double.isNaN(v)) continue;
      if (best < 0 || (higher ? v > bv : v < bv)) { best = s.k(); bv = v; }
    }
    if (best < 0 && !sweep.isEmpty() && sweep.size() == 1) return sweep.get(0).k();
    return best;
  }

  /**
   * The model-selection table: one row per k (increasing), columns {@code k, wcss, silhouette,
   * calinski_harabasz, davies_bouldin, log_likelihood, bic, gap, gap_se, chosen} (chosen: the k
   * picked by the rule). Missing values where a score does not apply.
   */
  public Table selectionTable() {
    IntColumn kc = IntColumn.create("k");
    DoubleColumn w = DoubleColumn.create("wcss"), s = DoubleColumn.create("silhouette"),
        ch = DoubleColumn.create("calinski_harabasz"), db = DoubleColumn.create("davies_bouldin"),
        ll = DoubleColumn.create("log_likelihood"), bic = DoubleColumn.create("bic"),
        g = DoubleColumn.create("gap"), gs = DoubleColumn.create("gap_se");
    BooleanColumn chosen = BooleanColumn.create("chosen");
    for (SweepRow r : sweep) {
      kc.append(r.k());
      w.append(r.wcss());
      s.append(r.silhouette());
      ch.append(r.calinskiHarabasz());
      db.append(r.daviesBouldin());
      ll.append(r.logLikelihood());
      bic.append(r.bic());
      g.append(r.gap());
      gs.append(r.gapSe());
      chosen.append(r.k() == k);
    }
    return Table.create("model_selection", kc, w, s, ch, db, ll, bic, g, gs, chosen);
  }
}
