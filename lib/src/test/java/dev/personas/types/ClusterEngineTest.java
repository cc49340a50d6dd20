package dev.personas.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import smile.validation.metric.AdjustedRandIndex;

class ClusterEngineTest {
  static EngineOptions fast() {
    return EngineOptions.defaults().withK(2, 6).withRestarts(4).withBootstraps(20, 0.8, 2)
        .withGap(5, 300);
  }

  @Test
  void recoversPlantedBlobsAndChoosesK() {
    Blobs b = new Blobs(80, 4, 6, 7, 3);
    EngineResult r = ClusterEngine.run(b.x, fast());
    assertThat(r.k()).isEqualTo(4);
    assertThat(AdjustedRandIndex.of(b.truth, r.labels())).isGreaterThanOrEqualTo(0.9);
    assertThat(r.chosenBy(SelectionRule.GAP)).isEqualTo(4);
    assertThat(r.chosenBy(SelectionRule.CALINSKI_HARABASZ)).isEqualTo(4);
    assertThat(r.chosenBy(SelectionRule.DAVIES_BOULDIN)).isEqualTo(4);
    assertThat(r.stability()).allSatisfy(s -> {
      assertThat(s.stable()).isTrue();
      assertThat(s.meanJaccard()).isGreaterThan(0.95);
    });
    assertThat(r.meanAri()).isGreaterThan(0.95);
    assertThat(r.selectionTable().rowCount()).isEqualTo(5);
    // clusters numbered by decreasing size
    for (int q = 1; q < r.k(); q++) {
      assertThat(r.stability().get(q).size()).isLessThanOrEqualTo(r.stability().get(q - 1).size());
    }
  }

  @Test
  void sameSeedSameResultWhateverTheThreads() {
    Blobs b = new Blobs(60, 3, 5, 3, 4); // overlapping blobs: restarts matter
    EngineResult a = ClusterEngine.run(b.x, fast().withThreads(1));
    EngineResult c = ClusterEngine.run(b.x, fast().withThreads(3));
    assertThat(c.labels()).containsExactly(a.labels());
    assertThat(c.clusterer()).isEqualTo(a.clusterer());
    assertThat(c.sweep()).isEqualTo(a.sweep());
    assertThat(c.stability()).isEqualTo(a.stability());
    assertThat(c.bootstrapAri()).containsExactly(a.bootstrapAri());
  }

  @Test
  void differentSeedsSamePartitionOnSeparatedData() {
    Blobs b = new Blobs(70, 3, 5, 9, 5);
    EngineResult a = ClusterEngine.run(b.x, fast().withSeed(1));
    EngineResult c = ClusterEngine.run(b.x, fast().withSeed(987654321L));
    assertThat(c.labels()).containsExactly(a.labels());
  }

  @Test
  void stabilityFlagsAForcedSplit() {
    // two round blobs in 6 dimensions: any split of a blob into pieces is arbitrary
    Blobs b = new Blobs(100, 2, 6, 10, 6);
    EngineResult r = ClusterEngine.run(b.x, fast().withK(6, 6).withBootstraps(30, 0.8, 1));
    assertThat(r.k()).isEqualTo(6);
    assertThat(r.stability()).anySatisfy(s -> assertThat(s.stable()).isFalse());
    assertThat(r.meanAri()).isLessThan(0.8);
    EngineResult ok = ClusterEngine.run(b.x, fast().withK(2, 2));
    assertThat(ok.stability()).allSatisfy(s -> assertThat(s.stable()).isTrue());
  }

  @Test
  void mixturesAndWardRecoverBlobs() {
    Blobs b = new Blobs(60, 3, 3, 8, 7);
    for (Algorithm alg : new Algorithm[] {Algorithm.GMM_FULL, Algorithm.GMM_DIAGONAL, Algorithm.WARD}) {
      EngineResult r = ClusterEngine.run(b.x, fast().withAlgorithm(alg).withBootstraps(5, 0.8, 1));
      assertThat(r.k()).as(alg.name()).isEqualTo(3);
      assertThat(AdjustedRandIndex.of(b.truth, r.labels())).as(alg.name()).isGreaterThanOrEqualTo(0.9);
      Clusterer.Placement p = r.clusterer().place(b.x);
      assertThat(AdjustedRandIndex.of(r.labels(), p.labels())).as(alg.name()).isGreaterThan(0.95);
      if (alg.isMixture()) {
        assertThat(r.sweep()).allSatisfy(s -> assertThat(s.bic()).isFinite());
        for (double v : r.probability()) assertThat(v).isBetween(0.0, 1.0);
      }
    }
  }

  @Test
  void mixtureIsDeterministic() {
    Blobs b = new Blobs(50, 3, 3, 3, 8);
    EngineOptions o = fast().withAlgorithm(Algorithm.GMM_FULL).withBootstraps(4, 0.8, 1);
    EngineResult a = ClusterEngine.run(b.x, o);
    EngineResult c = ClusterEngine.run(b.x, o.withThreads(1));
    assertThat(c.labels()).containsExactly(a.labels());
    assertThat(c.sweep()).isEqualTo(a.sweep());
  }

  @Test
  void badParametersNameTheValue() {
    assertThatThrownBy(() -> EngineOptions.defaults().withK(1, 4))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kMin = 1");
    assertThatThrownBy(() -> EngineOptions.defaults().withBootstraps(10, 1.5, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.5");
    assertThatThrownBy(() -> ClusterEngine.run(new double[][] {{1}, {2}, {Double.NaN}, {4}},
        fast().withK(2, 2))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
  }
}
