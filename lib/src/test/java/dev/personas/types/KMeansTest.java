package dev.personas.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import smile.validation.metric.AdjustedRandIndex;

class KMeansTest {
  @Test
  void hamerlyLloydReachesAFixedPoint() {
    Blobs b = new Blobs(200, 4, 5, 2.5, 21); // overlapping: many iterations
    double[] x = Clusterer.flatten(b.x);
    int n = b.x.length;
    KMeans.Fit f = KMeans.fit(x, n, 5, 4, 3, 9L, 2);
    // a fixed point of Lloyd: every row is nearest its own centroid, centroids are cluster means
    int[] again = new int[n];
    double w = KMeans.assign(x, n, 5, f.centroids(), 4, again, null);
    assertThat(again).containsExactly(f.labels());
    assertThat(w).isCloseTo(f.wcss(), within(1e-9));
    double[] means = ClusterIndices.centroids(x, n, 5, f.labels(), 4);
    assertThat(f.centroids()).containsExactly(means, within(1e-3));
    // restarts never do worse than their first run
    assertThat(f.wcss()).isLessThanOrEqualTo(KMeans.single(x, n, 5, 4, Seeds.derive(9L, 1, 0), 100).wcss());
  }

  @Test
  void sampledRestartsThenRefinementRecoverBlobsDeterministically() {
    Blobs b = new Blobs(1000, 3, 4, 6, 22);
    double[] x = Clusterer.flatten(b.x);
    KMeans.Fit a = KMeans.fit(x, 3000, 4, 3, 4, 5L, 2, 500);
    KMeans.Fit c = KMeans.fit(x, 3000, 4, 3, 4, 5L, 1, 500);
    assertThat(AdjustedRandIndex.of(b.truth, a.labels())).isGreaterThan(0.99);
    assertThat(c.labels()).containsExactly(a.labels());
    assertThat(c.centroids()).containsExactly(a.centroids());
  }

  @Test
  void rejectsBadK() {
    assertThatThrownBy(() -> KMeans.fit(new double[] {1, 2}, 2, 1, 3, 1, 1L, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k = 3");
  }
}
