package dev.personas.types;

import java.util.Arrays;
import java.util.List;

/**
 * Internal cluster validity indices over row-major flat data ({@code x[i * d + j]}) and labels
 * 0..k-1. All distances are Euclidean.
 *
 * <ul>
 *   <li>Silhouette: Rousseeuw, "Silhouettes: a graphical aid to the interpretation and validation
 *       of cluster analysis", J. Comput. Appl. Math. 20 (1987). s(i) = (b - a) / max(a, b), where a
 *       is the mean distance from i to the other members of its cluster and b the smallest mean
 *       distance to the members of another cluster; s(i) = 0 for a singleton cluster (the
 *       scikit-learn convention). Smile has no silhouette, hence this implementation.
 *   <li>Calinski-Harabasz: Calinski and Harabasz, Commun. Stat. 3 (1974): (B / (k - 1)) / (W / (n -
 *       k)), B between- and W within-cluster sum of squares. Higher is better; NaN for k &lt; 2 or
 *       k &gt;= n.
 *   <li>Davies-Bouldin: Davies and Bouldin, IEEE TPAMI 1 (1979): mean over clusters of max over
 *       other clusters of (S_i + S_j) / M_ij, S the mean distance of members to their centroid and M
 *       the distance between centroids. Lower is better; NaN for k &lt; 2.
 * </ul>
 */
public final class ClusterIndices {
  private ClusterIndices() {}

  /**
   * Silhouette of every row among {@code rows} (indices into x), comparing each row only with the
   * other listed rows: O(m^2 d) for m rows. Parallel over rows on {@code threads} threads; each
   * value is computed alone, so results do not depend on the thread count.
   *
   * @return m silhouette values in the order of {@code rows}
   */
  public static double[] silhouette(double[] x, int d, int[] labels, int k, int[] rows,
      int threads) {
    int m = rows.length;
    int[] size = new int[k];
    for (int r : rows) size[labels[r]]++;
    double[] out = new double[m];
    int chunks = Math.max(1, Math.min(threads * 8, m));
    List<double[]> parts = Parallel.map(chunks, threads, ch -> {
      int from = (int) ((long) m * ch / chunks), to = (int) ((long) m * (ch + 1) / chunks);
      double[] res = new double[to - from];
      double[] sum = new double[k];
      for (int a = from; a < to; a++) {
        Arrays.fill(sum, 0);
        int i = rows[a];
        int io = i * d;
        for (int b = 0; b < m; b++) {
          int j = rows[b];
          if (j == i) continue;
          sum[labels[j]] += Math.sqrt(KMeans.sq(x, io, x, j * d, d));
        }
        res[a - from] = value(sum, size, labels[i], k);
      }
      return res;
    });
    int pos = 0;
    for (double[] p : parts) { System.arraycopy(p, 0, out, pos, p.length); pos += p.length; }
    return out;
  }

  /** Largest m for which {@link #distances} keeps the full m x m matrix (float, 256 MB). */
  public static final int MAX_CACHED_ROWS = 8_000;

  /**
   * Pairwise Euclidean distances among {@code rows} (m x m floats), computed once so that the
   * silhouette of many partitions of the same rows costs O(m^2) each instead of O(m^2 d).
   */
  public record Distances(int[] rows, float[] dist) {}

  /**
   * @throws IllegalArgumentException when more than {@link #MAX_CACHED_ROWS} rows are given
   */
  public static Distances distances(double[] x, int d, int[] rows, int threads) {
    int m = rows.length;
    if (m > MAX_CACHED_ROWS) throw new IllegalArgumentException("rows = " + m + " > " + MAX_CACHED_ROWS);
    float[] dist = new float[m * m];
    int chunks = Math.max(1, Math.min(threads * 8, m));
    // each pair once (d(a, b) = d(b, a) bit for bit): row a computes b > a and fills both cells;
    // chunk bounds split the triangle into parts of equal area
    Parallel.map(chunks, threads, ch -> {
      int from = triangleRow(m, ch, chunks), to = triangleRow(m, ch + 1, chunks);
      for (int a = from; a < to; a++) {
        int io = rows[a] * d;
        for (int b = a + 1; b < m; b++) {
          float v = (float) Math.sqrt(KMeans.sq(x, io, x, rows[b] * d, d));
          dist[a * m + b] = v;
          dist[b * m + a] = v;
        }
      }
      return null;
    });
    return new Distances(rows.clone(), dist);
  }

  /** First row of part {@code part} of {@code parts} when rows 0..m-1 carry m-1..0 pairs. */
  private static int triangleRow(int m, int part, int parts) {
    if (part >= parts) return m;
    return (int) Math.min(m, Math.round(m * (1 - Math.sqrt(1 - (double) part / parts))));
  }

  /**
   * Silhouette of the cached rows under {@code labels} (indexed like x, not like the rows), same
   * definition as {@link #silhouette(double[], int, int[], int, int[], int)}.
   */
  public static double[] silhouette(Distances dm, int[] labels, int k, int threads) {
    int[] rows = dm.rows();
    int m = rows.length;
    float[] dist = dm.dist();
    int[] size = new int[k];
    int[] lab = new int[m];
    for (int a = 0; a < m; a++) { lab[a] = labels[rows[a]]; size[lab[a]]++; }
    int chunks = Math.max(1, Math.min(threads * 8, m));
    List<double[]> parts = Parallel.map(chunks, threads, ch -> {
      int from = (int) ((long) m * ch / chunks), to = (int) ((long) m * (ch + 1) / chunks);
      double[] res = new double[to - from];
      double[] sum = new double[k];
      for (int a = from; a < to; a++) {
        Arrays.fill(sum, 0);
        int base = a * m;
        for (int b = 0; b < m; b++) sum[lab[b]] += dist[base + b];
        res[a - from] = value(sum, size, lab[a], k);
      }
      return res;
    });
    double[] out = new double[m];
    int pos = 0;
    for (double[] p : parts) { System.arraycopy(p, 0, out, pos, p.length); pos += p.length; }
    return out;
  }

  /** s(i) from the sums of distances to each cluster (its own distance, if any, is 0). */
  private static double value(double[] sum, int[] size, int li, int k) {
    if (size[li] <= 1) return 0;
    double ai = sum[li] / (size[li] - 1);
    double bi = Double.POSITIVE_INFINITY;
    for (int q = 0; q < k; q++) {
      if (q == li || size[q] == 0) continue;
      bi = Math.min(bi, sum[q] / size[q]);
    }
    if (bi == Double.POSITIVE_INFINITY) return 0;
    double den = Math.max(ai, bi);
    return den == 0 ? 0 : (bi - ai) / den;
  }

  /** Mean of the values (NaN when empty). */
  public static double mean(double[] v) {
    if (v.length == 0) return Double.NaN;
    double s = 0;
    for (double a : v) s += a;
    return s / v.length;
  }

  /** Cluster means: k x d, row-major flat (zeros for an empty cluster). */
  public static double[] centroids(double[] x, int n, int d, int[] labels, int k) {
    double[] c = new double[k * d];
    int[] cnt = new int[k];
    for (int i = 0; i < n; i++) {
      int q = labels[i];
      cnt[q]++;
      for (int j = 0; j < d; j++) c[q * d + j] += x[i * d + j];
    }
    for (int q = 0; q < k; q++) {
      if (cnt[q] == 0) continue;
      for (int j = 0; j < d; j++) c[q * d + j] /= cnt[q];
    }
    return c;
  }

  /** Within-cluster sum of squared distances to the cluster means. */
  public static double wcss(double[] x, int n, int d, int[] labels, int k) {
    double[] c = centroids(x, n, d, labels, k);
    double w = 0;
    for (int i = 0; i < n; i++) w += KMeans.sq(x, i * d, c, labels[i] * d, d);
    return w;
  }

  /** Calinski-Harabasz index (higher is better). */
  public static double calinskiHarabasz(double[] x, int n, int d, int[] labels, int k) {
    if (k < 2 || k >= n) return Double.NaN;
    double[] c = centroids(x, n, d, labels, k);
    int[] cnt = new int[k];
    for (int l : labels) cnt[l]++;
    double[] mu = new double[d];
    for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) mu[j] += x[i * d + j];
    for (int j = 0; j < d; j++) mu[j] /= n;
    double w = 0;
    for (int i = 0; i < n; i++) w += KMeans.sq(x, i * d, c, labels[i] * d, d);
    double b = 0;
    for (int q = 0; q < k; q++) b += cnt[q] * KMeans.sq(c, q * d, mu, 0, d);
    if (w == 0) return Double.POSITIVE_INFINITY;
    return (b / (k - 1)) / (w / (n - k));
  }

  /** Davies-Bouldin index (lower is better); empty clusters are ignored. */
  public static double daviesBouldin(double[] x, int n, int d, int[] labels, int k) {
    if (k < 2) return Double.NaN;
    double[] c = centroids(x, n, d, labels, k);
    int[] cnt = new int[k];
    double[] s = new double[k];
    for (int i = 0; i < n; i++) {
      cnt[labels[i]]++;
      s[labels[i]] += Math.sqrt(KMeans.sq(x, i * d, c, labels[i] * d, d));
    }
    double total = 0;
    int used = 0;
    for (int q = 0; q < k; q++) {
      if (cnt[q] == 0) continue;
      s[q] /= cnt[q];
    }
    for (int q = 0; q < k; q++) {
      if (cnt[q] == 0) continue;
      double worst = 0;
      for (int r = 0; r < k; r++) {
        if (r == q || cnt[r] == 0) continue;
        double m = Math.sqrt(KMeans.sq(c, q * d, c, r * d, d));
        double v = m == 0 ? Double.POSITIVE_INFINITY : (s[q] + s[r]) / m;
        worst = Math.max(worst, v);
      }
      total += worst;
      used++;
    }
    return used < 2 ? Double.NaN : total / used;
  }
}
