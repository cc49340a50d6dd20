package dev.personas.types;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import smile.feature.extraction.PCA;

/**
 * The fitted feature transform, part of every model so that new rows are placed the same way.
 * Steps, per feature j, with every statistic taken from the training rows:
 *
 * <ol>
 *   <li>impute: a missing value (NaN) becomes the training median of the raw feature (0 when the
 *       feature is missing in every training row);
 *   <li>log: when {@code log[j]}, x becomes sign(x) * log1p(|x|) ({@link StrictMath}, so the same
 *       bits on every JVM);
 *   <li>winsorise: clip to [{@code low[j]}, {@code high[j]}], the training quantiles (R type 7,
 *       commons-math3 {@code Percentile}) at the options' winsorLow and winsorHigh;
 *   <li>scale: (x - {@code center[j]}) / {@code scale[j]}; robust: median and IQR / 1.349; z-score:
 *       mean and population sd. A zero scale falls back to the sd, then to 1 (a constant feature
 *       then contributes 0);
 *   <li>optional PCA (Smile {@code PCA.fit}, covariance): y = (x - pcaCenter) . pcaLoadings, keeping
 *       the fewest components whose cumulative variance share reaches {@code pcaVariance}.
 * </ol>
 *
 * @param features feature names, in column order
 * @param options the options it was fitted with
 * @param median training medians used for imputation
 * @param log whether each feature is logged
 * @param low lower winsorising bound (after log)
 * @param high upper winsorising bound (after log)
 * @param center centre subtracted
 * @param scale divisor
 * @param pcaCenter PCA centre (d values) or null without PCA
 * @param pcaLoadings d x p loadings or null without PCA
 */
public record FeatureTransform(List<String> features, TransformOptions options, double[] median,
    boolean[] log, double[] low, double[] high, double[] center, double[] scale, double[] pcaCenter,
    double[][] pcaLoadings) {

  /**
   * Fits the transform on n x d raw rows (NaN = missing).
   *
   * @param log which features to log (length d)
   * @throws IllegalArgumentException when lengths disagree or there are no rows
   */
  public static FeatureTransform fit(double[][] raw, List<String> features, boolean[] log,
      TransformOptions o) {
    int n = raw.length;
    int d = features.size();
    if (n == 0) throw new IllegalArgumentException("no rows to fit the transform on");
    if (log.length != d) throw new IllegalArgumentException("log flags: " + log.length + " for " + d + " features");
    double[] med = new double[d], lo = new double[d], hi = new double[d], c = new double[d],
        s = new double[d];
    double[][] cols = new double[d][n];
    for (int j = 0; j < d; j++) {
      final int jj = j;
      double[] present = Arrays.stream(raw).mapToDouble(r -> r[jj]).filter(v -> !Double.isNaN(v)).toArray();
      med[j] = present.length == 0 ? 0 : quantile(present, 0.5);
      for (int i = 0; i < n; i++) {
        double v = raw[i][j];
        if (Double.isNaN(v)) v = med[j];
        cols[j][i] = log[j] ? log1p(v) : v;
      }
      lo[j] = o.winsorLow() > 0 ? quantile(cols[j], o.winsorLow()) : Double.NEGATIVE_INFINITY;
      hi[j] = o.winsorHigh() < 1 ? quantile(cols[j], o.winsorHigh()) : Double.POSITIVE_INFINITY;
      for (int i = 0; i < n; i++) cols[j][i] = Math.min(hi[j], Math.max(lo[j], cols[j][i]));
      double mean = 0;
      for (double v : cols[j]) mean += v;
      mean /= n;
      double var = 0;
      for (double v : cols[j]) var += (v - mean) * (v - mean);
      double sd = Math.sqrt(var / n);
      switch (o.scaling()) {
        case ROBUST -> {
          c[j] = quantile(cols[j], 0.5);
          s[j] = (quantile(cols[j], 0.75) - quantile(cols[j], 0.25)) / 1.349;
        }
        case ZSCORE -> { c[j] = mean; s[j] = sd; }
        case NONE -> { c[j] = 0; s[j] = 1; }
      }
      if (!(s[j] > 1e-12)) s[j] = sd > 1e-12 ? sd : 1;
    }
    FeatureTransform noPca = new FeatureTransform(List.copyOf(features), o, med, log.clone(), lo, hi,
        c, s, null, null);
    if (o.pcaVariance() == 0) return noPca;
    double[][] z = noPca.scaled(raw);
    PCA pca = PCA.fit(z);
    double[] cum = pca.cumulativeVarianceProportion();
    int p = 1;
    while (p < cum.length && cum[p - 1] < o.pcaVariance() - 1e-12) p++;
    double[][] load = new double[d][p];
    var l = pca.loadings();
    for (int i = 0; i < d; i++) {
      for (int k = 0; k < p; k++) {
        load[i][k] = l.get(i, k);
      }
    }
    // fix each component's sign (largest |loading| positive) so that results do not depend on
    // the eigen solver's arbitrary signs
    for (int k = 0; k < p; k++) {
      int arg = 0;
      for (int i = 1; i < d; i++) if (Math.abs(load[i][k]) > Math.abs(load[arg][k])) arg = i;
      if (load[arg][k] < 0) for (int i = 0; i < d; i++) load[i][k] = -load[i][k];
    }
    return new FeatureTransform(List.copyOf(features), o, med, log.clone(), lo, hi, c, s,
        pca.center().clone(), load);
  }

  /** Number of output coordinates (features, or principal components with PCA). */
  public int outputDimension() {
    return pcaLoadings == null ? features.size() : pcaLoadings[0].length;
  }

  /** Names of the output coordinates: the features, or {@code pc1..pcP}. */
  public List<String> outputNames() {
    if (pcaLoadings == null) return features;
    List<String> out = new ArrayList<>();
    for (int k = 1; k <= pcaLoadings[0].length; k++) out.add("pc" + k);
    return out;
  }

  /** Steps 1-4 (no PCA): n x d scaled values, the space in which profiles' z-scores are read. */
  public double[][] scaled(double[][] raw) {
    int d = features.size();
    double[][] out = new double[raw.length][d];
    for (int i = 0; i < raw.length; i++) {
      if (raw[i].length != d) {
        throw new IllegalArgumentException("row " + i + " has " + raw[i].length + " values, expected " + d);
      }
      for (int j = 0; j < d; j++) {
        double v = raw[i][j];
        if (Double.isNaN(v)) v = median[j];
        if (log[j]) v = log1p(v);
        v = Math.min(high[j], Math.max(low[j], v));
        out[i][j] = (v - center[j]) / scale[j];
      }
    }
    return out;
  }

  /** All steps: n x {@link #outputDimension()} clustering coordinates. */
  public double[][] apply(double[][] raw) {
    double[][] z = scaled(raw);
    if (pcaLoadings == null) return z;
    int d = features.size(), p = pcaLoadings[0].length;
    double[][] out = new double[z.length][p];
    for (int i = 0; i < z.length; i++) {
      for (int k = 0; k < p; k++) {
        double s = 0;
        for (int j = 0; j < d; j++) s += (z[i][j] - pcaCenter[j]) * pcaLoadings[j][k];
        out[i][k] = s;
      }
    }
    return out;
  }

  static double log1p(double v) {
    return v >= 0 ? StrictMath.log1p(v) : -StrictMath.log1p(-v);
  }

  static double quantile(double[] v, double q) {
    Percentile p = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
    return p.evaluate(v, q * 100);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FeatureTransform t && t.features.equals(features) && t.options.equals(options)
        && Arrays.equals(t.median, median) && Arrays.equals(t.log, log) && Arrays.equals(t.low, low)
        && Arrays.equals(t.high, high) && Arrays.equals(t.center, center)
        && Arrays.equals(t.scale, scale) && Arrays.equals(t.pcaCenter, pcaCenter)
        && Arrays.deepEquals(t.pcaLoadings, pcaLoadings);
  }

  @Override
  public int hashCode() {
    return features.hashCode() * 31 + Arrays.hashCode(center);
  }
}
