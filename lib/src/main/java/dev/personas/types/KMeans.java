package dev.personas.types;

import java.util.SplittableRandom;

/**
 * Lloyd's k-means with greedy k-means++ seeding (Arthur and Vassilvitskii, "k-means++: the
 * advantages of careful seeding", SODA 2007; greedy variant with {@code 2 + ln k} candidates per
 * step as in scikit-learn's {@code _kmeans_plusplus}).
 *
 * <p>Why not {@code smile.clustering.KMeans}: Smile 3.1.1 draws its seeds from a thread-local
 * global RNG and stops on an absolute distortion tolerance, which on 400,000 x 20 rows ran all 100
 * iterations (about 8 s per run here). This implementation takes an explicit seed per run, uses
 * Hamerly's exact acceleration, stops on scikit-learn's relative tolerance, and is single-threaded
 * so that restarts can run in parallel without changing the result.
 *
 * <p>Data are row-major flat arrays ({@code x[i * d + j]}); rows must be finite.
 */
public final class KMeans {
  private KMeans() {}

  /** Default maximum number of Lloyd iterations. */
  public static final int MAX_ITER = 100;

  /**
   * One k-means solution.
   *
   * @param labels cluster of each row, 0..k-1
   * @param centroids k x d centroids, row-major flat
   * @param wcss within-cluster sum of squared Euclidean distances
   * @param iterations Lloyd iterations run
   */
  public record Fit(int[] labels, double[] centroids, double wcss, int iterations) {}

  /**
   * The best of {@code restarts} seeded runs (lowest WCSS; ties go to the lower restart index).
   * Restart {@code r} uses seed {@code Seeds.derive(seed, 1, r)}; restarts run on {@code threads}
   * threads and the result does not depend on their number. Same as {@link #fit(double[], int, int,
   * int, int, long, int, int)} without a sample.
   *
   * @throws IllegalArgumentException if {@code k < 1}, {@code k > n} or {@code restarts < 1}
   */
  public static Fit fit(double[] x, int n, int d, int k, int restarts, long seed, int threads) {
    return fit(x, n, d, k, restarts, seed, threads, Integer.MAX_VALUE);
  }

  /**
   * As {@link #fit(double[], int, int, int, int, long, int)}, but when {@code n > sampleRows} the
   * restarts run on a seeded sample of {@code sampleRows} rows (seed {@code Seeds.derive(seed, 7,
   * 0)}), and the best of them is refined by Lloyd iterations on all rows.
   */
  public static Fit fit(double[] x, int n, int d, int k, int restarts, long seed, int threads,
      int sampleRows) {
    if (k < 1 || k > n) throw new IllegalArgumentException("k = " + k + " must be in 1.." + n);
    if (restarts < 1) throw new IllegalArgumentException("restarts = " + restarts + " must be >= 1");
    if (n > sampleRows && sampleRows >= k) {
      int[] idx = ClusterEngine.sampleRows(n, sampleRows, Seeds.derive(seed, 7, 0));
      double[] sub = new double[idx.length * d];
      for (int r = 0; r < idx.length; r++) System.arraycopy(x, idx[r] * d, sub, r * d, d);
      Fit s = fit(sub, idx.length, d, k, restarts, seed, threads, Integer.MAX_VALUE);
      return lloyd(x, n, d, k, s.centroids().clone(), MAX_ITER);
    }
    var fits = Parallel.map(restarts, threads,
        r -> single(x, n, d, k, Seeds.derive(seed, 1, r), MAX_ITER));
    Fit best = fits.get(0);
    for (Fit f : fits) if (f.wcss < best.wcss) best = f;
    return best;
  }

  /**
   * One seeded run: k-means++ seeding, then Lloyd iterations (at most {@code maxIter}) accelerated
   * with Hamerly's bounds (Hamerly, "Making k-means even faster", SDM 2010), which skip distance
   * computations that cannot change a label and give Lloyd's result. Stops when no label changes
   * or when the summed squared centroid shift is at most {@code 1e-4} times the mean per-feature
   * variance (scikit-learn's default tolerance).
   */
  public static Fit single(double[] x, int n, int d, int k, long seed, int maxIter) {
    return lloyd(x, n, d, k, seed(x, n, d, k, new SplittableRandom(seed)), maxIter);
  }

  /** Lloyd iterations (Hamerly-accelerated) from the given k x d centroids, which it overwrites. */
  public static Fit lloyd(double[] x, int n, int d, int k, double[] c, int maxIter) {
    double tol = 1e-4 * meanVariance(x, n, d);
    int[] labels = new int[n];
    double[] upper = new double[n];
    double[] lower = new double[n];
    double[] half = new double[k];
    double[] move = new double[k];
    double[] sums = new double[k * d];
    int[] counts = new int[k];
    double[] old = new double[k * d];
    // initial full assignment
    for (int i = 0; i < n; i++) nearestTwo(x, i, d, c, k, labels, upper, lower);
    int it = 0;
    while (it < maxIter) {
      it++;
      // update step
      java.util.Arrays.fill(sums, 0);
      java.util.Arrays.fill(counts, 0);
      for (int i = 0; i < n; i++) {
        int q = labels[i];
        counts[q]++;
        int co = q * d, off = i * d;
        for (int j = 0; j < d; j++) sums[co + j] += x[off + j];
      }
      System.arraycopy(c, 0, old, 0, k * d);
      boolean reset = false;
      for (int q = 0; q < k; q++) {
        int co = q * d;
        if (counts[q] == 0) {
          // empty cluster: move it to the row farthest from its current centroid
          int far = farthest(x, n, d, c, labels);
          System.arraycopy(x, far * d, c, co, d);
          labels[far] = q;
          reset = true;
          continue;
        }
        for (int j = 0; j < d; j++) c[co + j] = sums[co + j] / counts[q];
      }
      double shift = 0, maxMove = 0, secondMove = 0;
      int argMax = -1;
      for (int q = 0; q < k; q++) {
        double s2 = sq(c, q * d, old, q * d, d);
        shift += s2;
        move[q] = Math.sqrt(s2);
        if (move[q] > maxMove) { secondMove = maxMove; maxMove = move[q]; argMax = q; }
        else if (move[q] > secondMove) secondMove = move[q];
      }
      if (!reset && shift <= tol) break;
      // bounds after the move
      for (int i = 0; i < n; i++) {
        if (reset) { upper[i] = Double.POSITIVE_INFINITY; lower[i] = 0; continue; }
        upper[i] += move[labels[i]];
        lower[i] -= labels[i] == argMax ? secondMove : maxMove;
      }
      // half distance from each centroid to its nearest other centroid
      for (int q = 0; q < k; q++) {
        double m = Double.POSITIVE_INFINITY;
        for (int r = 0; r < k; r++) if (r != q) m = Math.min(m, sq(c, q * d, c, r * d, d));
        half[q] = 0.5 * Math.sqrt(m);
      }
      // assignment step
      int changed = 0;
      for (int i = 0; i < n; i++) {
        int a = labels[i];
        double bound = Math.max(half[a], lower[i]);
        if (upper[i] <= bound) continue;
        upper[i] = Math.sqrt(sq(x, i * d, c, a * d, d));
        if (upper[i] <= bound) continue;
        nearestTwo(x, i, d, c, k, labels, upper, lower);
        if (labels[i] != a) changed++;
      }
      if (changed == 0 && !reset) break;
    }
    // final exact assignment against the final centroids
    double wcss = assign(x, n, d, c, k, labels, null);
    return new Fit(labels, c, wcss, it);
  }

  private static void nearestTwo(double[] x, int i, int d, double[] c, int k, int[] labels,
      double[] upper, double[] lower) {
    int off = i * d;
    double b1 = Double.POSITIVE_INFINITY, b2 = Double.POSITIVE_INFINITY;
    int a = 0;
    for (int q = 0; q < k; q++) {
      double s = sq(x, off, c, q * d, d);
      if (s < b1) { b2 = b1; b1 = s; a = q; }
      else if (s < b2) b2 = s;
    }
    labels[i] = a;
    upper[i] = Math.sqrt(b1);
    lower[i] = Math.sqrt(b2);
  }

  static double meanVariance(double[] x, int n, int d) {
    double total = 0;
    for (int j = 0; j < d; j++) {
      double m = 0;
      for (int i = 0; i < n; i++) m += x[i * d + j];
      m /= n;
      double v = 0;
      for (int i = 0; i < n; i++) { double t = x[i * d + j] - m; v += t * t; }
      total += v / n;
    }
    return total / d;
  }

  private static int farthest(double[] x, int n, int d, double[] c, int[] labels) {
    int far = 0;
    double fd = -1;
    for (int i = 0; i < n; i++) {
      double s = sq(x, i * d, c, labels[i] * d, d);
      if (s > fd) { fd = s; far = i; }
    }
    return far;
  }

  /**
   * Assigns every row to its nearest centroid; fills {@code labels} and, when not null,
   * {@code dist2} (squared distance to the nearest centroid). Returns the WCSS.
   */
  public static double assign(double[] x, int n, int d, double[] c, int k, int[] labels,
      double[] dist2) {
    double w = 0;
    for (int i = 0; i < n; i++) {
      int off = i * d;
      int best = 0;
      double bd = Double.POSITIVE_INFINITY;
      for (int q = 0; q < k; q++) {
        double s = sq(x, off, c, q * d, d);
        if (s < bd) { bd = s; best = q; }
      }
      labels[i] = best;
      if (dist2 != null) dist2[i] = bd;
      w += bd;
    }
    return w;
  }

  static double sq(double[] a, int ao, double[] b, int bo, int d) {
    double s = 0;
    for (int j = 0; j < d; j++) {
      double t = a[ao + j] - b[bo + j];
      s += t * t;
    }
    return s;
  }

  /** Greedy k-means++ seeding: k x d centroids, row-major flat. */
  static double[] seed(double[] x, int n, int d, int k, SplittableRandom rnd) {
    double[] c = new double[k * d];
    int first = rnd.nextInt(n);
    System.arraycopy(x, first * d, c, 0, d);
    double[] closest = new double[n];
    double pot = 0;
    for (int i = 0; i < n; i++) {
      closest[i] = sq(x, i * d, c, 0, d);
      pot += closest[i];
    }
    int trials = 2 + (int) Math.log(k);
    double[] cand = new double[n];
    double[] bestCand = new double[n];
    for (int q = 1; q < k; q++) {
      int bestIdx = -1;
      double bestPot = Double.POSITIVE_INFINITY;
      for (int t = 0; t < trials; t++) {
        int idx;
        if (pot <= 0) {
          idx = rnd.nextInt(n);
        } else {
          double r = rnd.nextDouble() * pot;
          idx = n - 1;
          double acc = 0;
          for (int i = 0; i < n; i++) {
            acc += closest[i];
            if (acc > r) { idx = i; break; }
          }
        }
        double p = 0;
        for (int i = 0; i < n; i++) {
          double s = Math.min(closest[i], sq(x, i * d, x, idx * d, d));
          cand[i] = s;
          p += s;
        }
        if (p < bestPot) {
          bestPot = p;
          bestIdx = idx;
          System.arraycopy(cand, 0, bestCand, 0, n);
        }
      }
      System.arraycopy(x, bestIdx * d, c, q * d, d);
      System.arraycopy(bestCand, 0, closest, 0, n);
      pot = bestPot;
    }
    return c;
  }
}
