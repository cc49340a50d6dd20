package dev.personas.personas;

import java.util.Arrays;
import java.util.Comparator;
import smile.clustering.KMeans;
import smile.math.MathEx;

/**
 * k-means (Smile {@code KMeans.fit}: k-means++ seeding, Lloyd iterations accelerated by a BBD tree;
 * Arthur and Vassilvitskii 2007, Kanungo et al. 2002) with {@code restarts} runs seeded
 * {@code seed, seed+1, ...}, keeping the run of least distortion (earliest on ties). Clusters are
 * then renumbered canonically: by size descending, then by first member index, so that equal
 * partitions get equal labels.
 *
 * @param restarts runs per fit (>= 1)
 * @param maxIter Lloyd iteration cap per run (>= 1)
 */
public record KMeansClusterer(int restarts, int maxIter) implements PersonaClusterer {
  public KMeansClusterer {
    if (restarts < 1) throw new IllegalArgumentException("restarts must be >= 1: " + restarts);
    if (maxIter < 1) throw new IllegalArgumentException("maxIter must be >= 1: " + maxIter);
  }

  @Override
  public Partition fit(double[][] x, int k, long seed) {
    if (k < 2 || k >= x.length) {
      throw new IllegalArgumentException("k must be in 2.." + (x.length - 1) + ": " + k);
    }
    KMeans best = null;
    for (int r = 0; r < restarts; r++) {
      MathEx.setSeed(seed + r);
      KMeans km = KMeans.fit(x, k, maxIter, 1e-6);
      if (best == null || km.distortion < best.distortion) best = km;
    }
    return canonical(x, best.y, k);
  }

  /** Renumbers labels (size desc, then first index) and recomputes centroids and distortion. */
  static Partition canonical(double[][] x, int[] y, int k) {
    int[] size = new int[k];
    int[] first = new int[k];
    Arrays.fill(first, Integer.MAX_VALUE);
    for (int i = 0; i < y.length; i++) {
      size[y[i]]++;
      first[y[i]] = Math.min(first[y[i]], i);
    }
    Integer[] order = new Integer[k];
    for (int c = 0; c < k; c++) order[c] = c;
    Arrays.sort(order, Comparator.<Integer>comparingInt(c -> -size[c]).thenComparingInt(c -> first[c]));
    int[] map = new int[k];
    int used = 0;
    for (int c : order) if (size[c] > 0) map[c] = used++;
    int[] labels = new int[y.length];
    for (int i = 0; i < y.length; i++) labels[i] = map[y[i]];
    int d = x[0].length;
    double[][] cent = new double[used][d];
    int[] cnt = new int[used];
    for (int i = 0; i < x.length; i++) {
      cnt[labels[i]]++;
      for (int j = 0; j < d; j++) cent[labels[i]][j] += x[i][j];
    }
    for (int c = 0; c < used; c++) for (int j = 0; j < d; j++) cent[c][j] /= cnt[c];
    double dist = 0;
    for (int i = 0; i < x.length; i++) dist += Stats.sqDist(x[i], cent[labels[i]]);
    return new Partition(labels, cent, dist);
  }
}
