package dev.personas.types;

/**
 * How raw feature values become clustering coordinates (see {@link FeatureTransform}).
 *
 * @param log1p apply log(1 + x) to count and duration features (kind {@code count} or {@code
 *     duration} in the dictionary, else names ending {@code _count}, {@code _seconds}, {@code _s},
 *     {@code _ms}, {@code _chars}, {@code _tokens})
 * @param winsorLow lower winsorising quantile in [0, 0.5) (0 disables)
 * @param winsorHigh upper winsorising quantile in (0.5, 1] (1 disables)
 * @param scaling centring and scaling of each feature
 * @param pcaVariance 0 for no PCA; else keep the fewest principal components whose cumulative
 *     share of variance reaches this value, in (0, 1]
 */
public record TransformOptions(boolean log1p, double winsorLow, double winsorHigh, Scaling scaling,
    double pcaVariance) {

  /** Centring and scaling of each feature after log and winsorising. */
  public enum Scaling {
    /**
     * (x - median) / (IQR / 1.349): robust z, equal to the z-score for normal data. Unsuited to
     * zero-inflated features (median 0, tiny IQR).
     */
    ROBUST,
    /** (x - mean) / standard deviation (population). */
    ZSCORE,
    /** No centring or scaling. */
    NONE
  }

  public TransformOptions {
    if (scaling == null) throw new IllegalArgumentException("scaling = null");
    if (!(winsorLow >= 0 && winsorLow < 0.5)) {
      throw new IllegalArgumentException("winsorLow = " + winsorLow + " must be in [0, 0.5)");
    }
    if (!(winsorHigh > 0.5 && winsorHigh <= 1)) {
      throw new IllegalArgumentException("winsorHigh = " + winsorHigh + " must be in (0.5, 1]");
    }
    if (!(pcaVariance >= 0 && pcaVariance <= 1)) {
      throw new IllegalArgumentException("pcaVariance = " + pcaVariance + " must be 0 or in (0, 1]");
    }
  }

  /**
   * log1p on counts and durations, winsorise at the 1st and 99th percentiles, z-score, no PCA.
   *
   * <p>Why z-score rather than robust z by default: many session features are zero-inflated (tool
   * shares, counts of rare events). Their median is 0 and their IQR tiny, so robust z blows the
   * few non-zero sessions up (z above 30 on the development corpus, where it split off a 4% type
   * on one share). After log1p and winsorising, the mean and sd are no longer driven by outliers.
   */
  public static TransformOptions defaults() {
    return new TransformOptions(true, 0.01, 0.99, Scaling.ZSCORE, 0);
  }

  public TransformOptions withScaling(Scaling s) {
    return new TransformOptions(log1p, winsorLow, winsorHigh, s, pcaVariance);
  }

  public TransformOptions withPca(double variance) {
    return new TransformOptions(log1p, winsorLow, winsorHigh, scaling, variance);
  }
}
