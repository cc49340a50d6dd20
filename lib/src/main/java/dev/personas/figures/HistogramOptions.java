package dev.personas.figures;

/**
 * How {@link Charts#histogram} bins and annotates a sample; immutable, built fluently:
 * {@code HistogramOptions.bins(51).range(0, 99).separateLow(0).separateHigh(99).withMean()} is
 * SWE-chat's Figure 5 ({@code agent_percentage}: 51 bins over {@code 0 < pct < 99}, separate bars
 * at 0 and at {@code >= 99}, a mean line).
 *
 * @param bins number of equal-width bins, 1..10,000
 * @param lo lower edge of the binned range, or null for the sample minimum
 * @param hi upper edge, or null for the sample maximum
 * @param separateLow values {@code <=} this get their own bar left of the bins, or null
 * @param separateHigh values {@code >=} this get their own bar right of the bins, or null
 * @param meanLine draw a vertical line at the mean of all finite values
 * @param medianLine draw a vertical line at their median
 */
public record HistogramOptions(int bins, Double lo, Double hi, Double separateLow, Double separateHigh,
    boolean meanLine, boolean medianLine) {

  public HistogramOptions {
    if (bins < 1 || bins > 10_000) throw new IllegalArgumentException("bins must be in 1..10000: " + bins);
    check("lo", lo);
    check("hi", hi);
    check("separateLow", separateLow);
    check("separateHigh", separateHigh);
    if (lo != null && hi != null && !(lo < hi)) {
      throw new IllegalArgumentException("lo must be < hi: lo=" + lo + ", hi=" + hi);
    }
    if (separateLow != null && separateHigh != null && !(separateLow < separateHigh)) {
      throw new IllegalArgumentException(
          "separateLow must be < separateHigh: " + separateLow + ", " + separateHigh);
    }
  }

  private static void check(String name, Double v) {
    if (v != null && !Double.isFinite(v)) throw new IllegalArgumentException(name + " must be finite: " + v);
  }

  /** {@code n} bins over the sample's range, nothing else. */
  public static HistogramOptions bins(int n) {
    return new HistogramOptions(n, null, null, null, null, false, false);
  }

  /** Bins over {@code [lo, hi]}. */
  public HistogramOptions range(double lo, double hi) {
    return new HistogramOptions(bins, lo, hi, separateLow, separateHigh, meanLine, medianLine);
  }

  /** A separate bar for values {@code <= v}. */
  public HistogramOptions separateLow(double v) {
    return new HistogramOptions(bins, lo, hi, v, separateHigh, meanLine, medianLine);
  }

  /** A separate bar for values {@code >= v}. */
  public HistogramOptions separateHigh(double v) {
    return new HistogramOptions(bins, lo, hi, separateLow, v, meanLine, medianLine);
  }

  /** With a vertical mean line. */
  public HistogramOptions withMean() {
    return new HistogramOptions(bins, lo, hi, separateLow, separateHigh, true, medianLine);
  }

  /** With a vertical median line. */
  public HistogramOptions withMedian() {
    return new HistogramOptions(bins, lo, hi, separateLow, separateHigh, meanLine, true);
  }

}
