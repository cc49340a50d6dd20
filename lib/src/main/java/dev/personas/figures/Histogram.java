package dev.personas.figures;

import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * Binned counts of a numeric sample, the data behind {@link Charts#histogram}.
 *
 * <p>Definitions: finite values {@code v} with {@code v <= separateLow} are counted in
 * {@link #lowCount} (SWE-chat's bar "at 0" for {@code agent_percentage}, their Figure 5), values with
 * {@code v >= separateHigh} in {@link #highCount} (their bar "at >= 99"); the remaining values in
 * {@code [lo, hi]} fall into {@code bins} equal-width bins, left-closed, the last bin closed on both
 * sides (as numpy.histogram); remaining values outside {@code [lo, hi]} are counted in
 * {@link #outOfRange}. NaN and infinities are counted in {@link #nonFinite} and otherwise ignored.
 * {@link #mean} and {@link #median} are over all finite values (NaN when there are none).
 *
 * @param edges bin edges, {@code bins + 1} ascending values from {@code lo} to {@code hi}
 * @param counts count per bin ({@code bins} values)
 * @param lowCount values at or below {@code separateLow} (0 when there is no separate low bar)
 * @param highCount values at or above {@code separateHigh} (0 when there is no separate high bar)
 */
public record Histogram(double[] edges, long[] counts, long lowCount, long highCount, long outOfRange,
    long nonFinite, double mean, double median, HistogramOptions options) {

  /** Bins {@code values} as {@code options} say. */
  public static Histogram of(double[] values, HistogramOptions options) {
    if (values == null) throw new IllegalArgumentException("values must not be null");
    if (options == null) throw new IllegalArgumentException("options must not be null");
    double[] finite = Arrays.stream(values).filter(Double::isFinite).toArray();
    long nonFinite = values.length - finite.length;
    Double sLow = options.separateLow();
    Double sHigh = options.separateHigh();
    long low = 0;
    long high = 0;
    double[] rest = new double[finite.length];
    int n = 0;
    for (double v : finite) {
      if (sLow != null && v <= sLow) low++;
      else if (sHigh != null && v >= sHigh) high++;
      else rest[n++] = v;
    }
    rest = Arrays.copyOf(rest, n);
    double lo = options.lo() != null ? options.lo() : n == 0 ? 0 : Arrays.stream(rest).min().getAsDouble();
    double hi = options.hi() != null ? options.hi() : n == 0 ? 1 : Arrays.stream(rest).max().getAsDouble();
    if (hi <= lo) hi = lo + 1;
    int bins = options.bins();
    double[] edges = new double[bins + 1];
    for (int i = 0; i <= bins; i++) edges[i] = lo + (hi - lo) * i / bins;
    long[] counts = new long[bins];
    long out = 0;
    for (double v : rest) {
      if (v < lo || v > hi) {
        out++;
        continue;
      }
      int b = (int) Math.floor((v - lo) / (hi - lo) * bins);
      if (b >= bins) b = bins - 1;
      counts[b]++;
    }
    double mean = finite.length == 0 ? Double.NaN : Arrays.stream(finite).sum() / finite.length;
    double median = finite.length == 0 ? Double.NaN : new Median().evaluate(finite);
    return new Histogram(edges, counts, low, high, out, nonFinite, mean, median, options);
  }

  /** Number of bins. */
  public int bins() {
    return counts.length;
  }

  /** Bin width. */
  public double binWidth() {
    return (edges[edges.length - 1] - edges[0]) / counts.length;
  }

  /** Values counted in the bins (not the separate bars). */
  public long binned() {
    return Arrays.stream(counts).sum();
  }
}
