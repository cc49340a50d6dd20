package dev.personas.personas;

/**
 * Internal validity indices for a partition, on Euclidean distance.
 *
 * <ul>
 *   <li>Silhouette (Rousseeuw 1987): per point s = (b - a) / max(a, b), a = mean distance to the
 *       other members of its cluster, b = least mean distance to another cluster; s = 0 for a
 *       point alone in its cluster. The mean over all points is returned. Exact, O(n^2).
 *   <li>Calinski-Harabasz (1974): (B / (k - 1)) / (W / (n - k)) with B, W the between- and
 *       within-cluster sums of squares; NaN when W = 0 or n = k.
 * </ul>
 */
public final class Quality {
  private Quality() {}

  /** Per-point silhouettes; throws IllegalArgumentException when sizes differ. */
  public static double[] silhouettes(double[][] x, int[] labels) {
    if (x.length != labels.length) {
      throw new IllegalArgumentException("points " + x.length + " vs labels " + labels.length);
    }
    int n = x.length;
    int k = 0;
    for (int l : labels) k = Math.max(k, l + 1);
    int[] size = new int[k];
    for (int l : labels) size[l]++;
    double[] s = new double[n];
    double[] sum = new double[k];
    for (int i = 0; i < n; i++) {
      java.util.Arrays.fill(sum, 0);
      for (int j = 0; j < n; j++) {
        if (j != i) sum[labels[j]] += Math.sqrt(Stats.sqDist(x[i], x[j]));
      }
      int own = labels[i];
      if (size[own] <= 1) {
        s[i] = 0;
        continue;
      }
      double a = sum[own] / (size[own] - 1);
      double b = Double.POSITIVE_INFINITY;
      for (int c = 0; c < k; c++) if (c != own && size[c] > 0) b = Math.min(b, sum[c] / size[c]);
      double m = Math.max(a, b);
      s[i] = m == 0 || Double.isInfinite(b) ? 0 : (b - a) / m;
    }
    return s;
  }

  /** Mean silhouette. */
  public static double silhouette(double[][] x, int[] labels) {
    return Stats.mean(silhouettes(x, labels));
  }

  /** Calinski-Harabasz index. */
  public static double calinskiHarabasz(double[][] x, int[] labels) {
    int n = x.length, d = x[0].length, k = 0;
    for (int l : labels) k = Math.max(k, l + 1);
    double[] grand = new double[d];
    for (double[] p : x) for (int j = 0; j < d; j++) grand[j] += p[j] / n;
    double[][] c = new double[k][d];
    int[] size = new int[k];
    for (int i = 0; i < n; i++) {
      size[labels[i]]++;
      for (int j = 0; j < d; j++) c[labels[i]][j] += x[i][j];
    }
    for (int q = 0; q < k; q++) for (int j = 0; j < d; j++) if (size[q] > 0) c[q][j] /= size[q];
    double w = 0, b = 0;
    for (int i = 0; i < n; i++) w += Stats.sqDist(x[i], c[labels[i]]);
    for (int q = 0; q < k; q++) b += size[q] * Stats.sqDist(c[q], grand);
    if (w == 0 || n == k || k < 2) return Double.NaN;
    return (b / (k - 1)) / (w / (n - k));
  }
}
