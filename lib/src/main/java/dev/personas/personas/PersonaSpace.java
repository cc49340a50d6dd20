package dev.personas.personas;

import java.util.Arrays;

/**
 * The numeric space personas are clustered in: a fitted, persisted transform of {@link UserVectors}.
 *
 * <p>Two blocks, concatenated:
 * <ol>
 *   <li><b>Type mix</b>: the session-type shares as they are ({@code EUCLIDEAN}) or their square
 *       roots ({@code HELLINGER}; Euclidean distance on square roots is sqrt(2) x the Hellinger
 *       distance between two mixes), divided by {@code shareScale} = sqrt(sum of the block's
 *       column variances over the eligible users), so that the expected squared distance between
 *       two users on this block is 2 (distances stay proportional to Euclidean / Hellinger).
 *   <li><b>Behaviour</b>: per-user medians of the features and label rates. A column whose values
 *       are all >= 0 and exceed 1 somewhere (counts, densities) is first taken as log1p, as the
 *       session-types stage does for counts; then every column is z-scored with the population
 *       mean and standard deviation of the eligible users (a constant column becomes 0) and clipped
 *       to +-{@link #Z_CLIP}; a missing value becomes 0 (the mean). The block is divided by sqrt(number of columns), so its
 *       expected squared distance between two users is 2, like the type-mix block's: both blocks
 *       weigh the same on average, whatever the number of types and features.
 * </ol>
 *
 * @param hellinger whether shares are square-rooted
 * @param types number of share columns
 * @param shareScale divisor of the type-mix block (1 when the block is constant)
 * @param log per behaviour column: log1p applied
 * @param mean per behaviour column, after log1p
 * @param sd per behaviour column, after log1p (0 for constant columns)
 */
public record PersonaSpace(boolean hellinger, int types, double shareScale, boolean[] log,
    double[] mean, double[] sd) {

  /** Behaviour z-scores are clipped to +-Z_CLIP so that one extreme user cannot own a persona. */
  public static final double Z_CLIP = 3.0;

  /** Fits the transform to the eligible users. */
  static PersonaSpace fit(UserVectors v, PersonaOptions.ShareDistance d) {
    double[][] b = behaviour(v);
    int m = b.length == 0 ? 0 : b[0].length;
    boolean[] log = new boolean[m];
    double[] mean = new double[m], sd = new double[m];
    for (int j = 0; j < m; j++) {
      double[] c = UserVectors.col(b, j);
      boolean nonneg = Arrays.stream(c).filter(x -> !Double.isNaN(x)).allMatch(x -> x >= 0);
      boolean big = Arrays.stream(c).filter(x -> !Double.isNaN(x)).anyMatch(x -> x > 1);
      log[j] = nonneg && big;
      if (log[j]) for (int i = 0; i < c.length; i++) c[i] = Math.log1p(c[i]);
      double mu = Stats.mean(c);
      mean[j] = Double.isNaN(mu) ? 0 : mu;
      double s = Stats.sd(c);
      sd[j] = Double.isNaN(s) ? 0 : s;
    }
    boolean hel = d == PersonaOptions.ShareDistance.HELLINGER;
    double var = 0;
    for (int t = 0; t < v.typeIds().size(); t++) {
      double[] c = UserVectors.col(v.shares(), t);
      if (hel) for (int i = 0; i < c.length; i++) c[i] = Math.sqrt(Math.max(0, c[i]));
      double s = Stats.sd(c);
      if (!Double.isNaN(s)) var += s * s;
    }
    double scale = var > 0 ? Math.sqrt(var) : 1.0;
    return new PersonaSpace(hel, v.typeIds().size(), scale, log, mean, sd);
  }

  /** Behaviour block raw values: medians then label rates. */
  static double[][] behaviour(UserVectors v) {
    double[][] out = new double[v.size()][];
    for (int i = 0; i < v.size(); i++) {
      double[] a = v.medians()[i], b = v.labelRates()[i];
      double[] r = Arrays.copyOf(a, a.length + b.length);
      System.arraycopy(b, 0, r, a.length, b.length);
      out[i] = r;
    }
    return out;
  }

  /** Transforms one user: shares (types long) and raw behaviour values (medians + rates). */
  double[] transform(double[] shares, double[] behaviour) {
    if (shares.length != types || behaviour.length != log.length) {
      throw new IllegalArgumentException("vector shape " + shares.length + "+" + behaviour.length
          + " does not match the model's " + types + "+" + log.length);
    }
    double[] x = new double[types + log.length];
    for (int j = 0; j < types; j++) {
      x[j] = (hellinger ? Math.sqrt(Math.max(0, shares[j])) : shares[j]) / shareScale;
    }
    double w = log.length == 0 ? 0 : 1.0 / Math.sqrt(log.length);
    for (int j = 0; j < log.length; j++) {
      double v = behaviour[j];
      if (Double.isNaN(v) || sd[j] == 0) {
        x[types + j] = 0;
        continue;
      }
      if (log[j]) v = Math.log1p(Math.max(v, -0.999999));
      double z = (v - mean[j]) / sd[j];
      x[types + j] = w * Math.max(-Z_CLIP, Math.min(Z_CLIP, z));
    }
    return x;
  }

  /** Transforms every user of {@code v}. */
  double[][] transform(UserVectors v) {
    double[][] b = behaviour(v);
    double[][] x = new double[v.size()][];
    for (int i = 0; i < x.length; i++) x[i] = transform(v.shares()[i], b[i]);
    return x;
  }

  /** z-score of a raw behaviour value in column j (after log1p), unweighted; NaN stays NaN. */
  double z(int j, double raw) {
    if (Double.isNaN(raw) || sd[j] == 0) return Double.isNaN(raw) ? Double.NaN : 0;
    double v = log[j] ? Math.log1p(Math.max(raw, -0.999999)) : raw;
    return (v - mean[j]) / sd[j];
  }
}
