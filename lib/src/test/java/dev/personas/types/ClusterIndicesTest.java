package dev.personas.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ClusterIndicesTest {
  // 1-D points 0, 1 (cluster 0) and 4, 6 (cluster 1)
  static final double[] X = {0, 1, 4, 6};
  static final int[] L = {0, 0, 1, 1};

  @Test
  void silhouetteMatchesHandComputation() {
    double[] s = ClusterIndices.silhouette(X, 1, L, 2, new int[] {0, 1, 2, 3}, 2);
    // point 0: a = 1, b = (4 + 6) / 2 = 5 -> 4/5
    // point 1: a = 1, b = (3 + 5) / 2 = 4 -> 3/4
    // point 4: a = 2, b = (4 + 3) / 2 = 3.5 -> 1.5/3.5
    // point 6: a = 2, b = (6 + 5) / 2 = 5.5 -> 3.5/5.5
    assertThat(s).containsExactly(new double[] {0.8, 0.75, 1.5 / 3.5, 3.5 / 5.5}, within(1e-12));
    double[] cached = ClusterIndices.silhouette(ClusterIndices.distances(X, 1, new int[] {0, 1, 2, 3}, 2), L, 2, 2);
    assertThat(cached).containsExactly(new double[] {0.8, 0.75, 1.5 / 3.5, 3.5 / 5.5}, within(1e-6));
    assertThat(ClusterIndices.mean(s)).isCloseTo((0.8 + 0.75 + 1.5 / 3.5 + 3.5 / 5.5) / 4, within(1e-12));
  }

  @Test
  void silhouetteOfSingletonIsZeroAndThreadCountDoesNotMatter() {
    double[] x = {0, 1, 10};
    int[] l = {0, 0, 1};
    double[] s1 = ClusterIndices.silhouette(x, 1, l, 2, new int[] {0, 1, 2}, 1);
    double[] s2 = ClusterIndices.silhouette(x, 1, l, 2, new int[] {0, 1, 2}, 3);
    assertThat(s1[2]).isZero();
    assertThat(s1).containsExactly(s2);
  }

  @Test
  void cachedDistancesEqualDirectOnesForAnySubsetAndThreadCount() {
    int n = 53, d = 3;
    double[] x = new double[n * d];
    java.util.SplittableRandom r = new java.util.SplittableRandom(5);
    for (int i = 0; i < x.length; i++) x[i] = r.nextGaussian();
    int[] rows = java.util.stream.IntStream.range(0, n).filter(i -> i % 4 != 1).toArray();
    int m = rows.length;
    for (int threads : new int[] {1, 2, 3, 7}) {
      float[] dist = ClusterIndices.distances(x, d, rows, threads).dist();
      for (int a = 0; a < m; a++) {
        for (int b = 0; b < m; b++) {
          float want = (float) Math.sqrt(KMeans.sq(x, rows[a] * d, x, rows[b] * d, d));
          assertThat(dist[a * m + b]).as("threads %d, cell (%d, %d)", threads, a, b).isEqualTo(want);
        }
      }
    }
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) labels[i] = i % 3;
    assertThat(ClusterIndices.silhouette(ClusterIndices.distances(x, d, rows, 2), labels, 3, 2))
        .containsExactly(ClusterIndices.silhouette(x, d, labels, 3, rows, 2), within(1e-6));
  }

  @Test
  void calinskiHarabaszAndDaviesBouldinOnKnownLayout() {
    // centroids 0.5 and 5, grand mean 2.75; W = 0.25*2 + 1*2 = 2.5; B = 2*2.25^2*2 = 20.25
    double ch = ClusterIndices.calinskiHarabasz(X, 4, 1, L, 2);
    assertThat(ch).isCloseTo((20.25 / 1) / (2.5 / 2), within(1e-12));
    // S0 = 0.5, S1 = 1, M = 4.5 -> DB = (1.5/4.5 + 1.5/4.5) / 2
    double db = ClusterIndices.daviesBouldin(X, 4, 1, L, 2);
    assertThat(db).isCloseTo(1.5 / 4.5, within(1e-12));
    assertThat(ClusterIndices.wcss(X, 4, 1, L, 2)).isCloseTo(2.5, within(1e-12));
  }

  @Test
  void indicesPreferTheTruePartitionOfBlobs() {
    Blobs b = new Blobs(50, 3, 4, 8, 1);
    double[] flat = Clusterer.flatten(b.x);
    int n = b.x.length;
    int[] wrong = new int[n];
    for (int i = 0; i < n; i++) wrong[i] = i % 3; // unrelated to geometry? truth is also i % 3
    for (int i = 0; i < n; i++) wrong[i] = (i / 3) % 3; // mixes blobs
    assertThat(ClusterIndices.calinskiHarabasz(flat, n, 4, b.truth, 3))
        .isGreaterThan(ClusterIndices.calinskiHarabasz(flat, n, 4, wrong, 3));
    assertThat(ClusterIndices.daviesBouldin(flat, n, 4, b.truth, 3))
        .isLessThan(ClusterIndices.daviesBouldin(flat, n, 4, wrong, 3));
    int[] all = new int[n];
    for (int i = 0; i < n; i++) all[i] = i;
    assertThat(ClusterIndices.mean(ClusterIndices.silhouette(flat, 4, b.truth, 3, all, 2)))
        .isGreaterThan(0.6);
  }
}
