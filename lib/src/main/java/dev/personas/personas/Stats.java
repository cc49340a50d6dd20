package dev.personas.personas;

import java.util.Arrays;

/** Small numeric helpers shared by the personas stage. Empty input gives NaN; NaNs are skipped. */
final class Stats {
  private Stats() {}

  /** Median (mean of the two middle values for even counts); NaN when no finite value. */
  static double median(double[] values) {
    double[] v = Arrays.stream(values).filter(d -> !Double.isNaN(d)).sorted().toArray();
    if (v.length == 0) return Double.NaN;
    int m = v.length / 2;
    return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2.0;
  }

  static double mean(double[] values) {
    double s = 0;
    int n = 0;
    for (double d : values) if (!Double.isNaN(d)) { s += d; n++; }
    return n == 0 ? Double.NaN : s / n;
  }

  /** Population standard deviation (divide by n); NaN when empty. */
  static double sd(double[] values) {
    double m = mean(values);
    if (Double.isNaN(m)) return Double.NaN;
    double s = 0;
    int n = 0;
    for (double d : values) if (!Double.isNaN(d)) { s += (d - m) * (d - m); n++; }
    return Math.sqrt(s / n);
  }

  /**
   * Percentile rank of {@code x} in {@code population}, 0..100: share of values below plus half
   * the share equal (the "mid-rank" definition). NaN when x is NaN or the population is empty.
   */
  static double percentileRank(double x, double[] population) {
    if (Double.isNaN(x)) return Double.NaN;
    int below = 0, equal = 0, n = 0;
    for (double d : population) {
      if (Double.isNaN(d)) continue;
      n++;
      if (d < x) below++;
      else if (d == x) equal++;
    }
    return n == 0 ? Double.NaN : 100.0 * (below + 0.5 * equal) / n;
  }

  /** As {@link #percentileRank} on an ascending array without NaN, by binary search. */
  static double percentileRankSorted(double x, double[] sorted) {
    if (Double.isNaN(x) || sorted.length == 0) return Double.NaN;
    int below = lowerBound(sorted, x);
    int upTo = lowerBound(sorted, Math.nextUp(x));
    return 100.0 * (below + 0.5 * (upTo - below)) / sorted.length;
  }

  /** First index with value >= x. */
  private static int lowerBound(double[] a, double x) {
    int lo = 0, hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Normalised Shannon entropy of a share vector: H(p) / ln(k) with k the vector length, in 0..1
   * (1 = uniform). 0 when k < 2. Shares are renormalised to sum 1; all-zero gives 0.
   */
  static double normalisedEntropy(double[] shares) {
    if (shares.length < 2) return 0.0;
    double sum = 0;
    for (double s : shares) sum += Math.max(0, s);
    if (sum <= 0) return 0.0;
    double h = 0;
    for (double s : shares) {
      double p = Math.max(0, s) / sum;
      if (p > 0) h -= p * Math.log(p);
    }
    return h / Math.log(shares.length);
  }

  static double sqDist(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      double d = a[i] - b[i];
      s += d * d;
    }
    return s;
  }
}
