package dev.personas.personas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StatsTest {
  @Test
  void medianPercentileAndEntropy() {
    assertThat(Stats.median(new double[] {3, 1, Double.NaN, 2, 10})).isEqualTo(2.5);
    assertThat(Stats.median(new double[0])).isNaN();
    double[] pop = {1, 2, 2, 3};
    assertThat(Stats.percentileRank(2, pop)).isEqualTo(50.0); // 1 below + half of 2 equal
    assertThat(Stats.percentileRankSorted(2, pop)).isEqualTo(50.0);
    assertThat(Stats.percentileRankSorted(0, pop)).isZero();
    assertThat(Stats.percentileRankSorted(5, pop)).isEqualTo(100.0);
    assertThat(Stats.percentileRankSorted(Double.NaN, pop)).isNaN();
    assertThat(Stats.normalisedEntropy(new double[] {0.25, 0.25, 0.25, 0.25})).isCloseTo(1.0, within(1e-12));
    assertThat(Stats.normalisedEntropy(new double[] {1, 0, 0})).isZero();
    assertThat(Stats.normalisedEntropy(new double[] {0.5, 0.5, 0})).isCloseTo(Math.log(2) / Math.log(3), within(1e-12));
    assertThat(Personas.quantile(new double[] {0, 1, 2, 3, 4}, 0.25)).isEqualTo(1.0);
    assertThat(Personas.quantile(new double[] {0, 10}, 0.975)).isCloseTo(9.75, within(1e-12));
    assertThat(Naming.repeats("Few prompts, few editing rounds", "few prompts per session")).isTrue();
    assertThat(Naming.repeats("Few prompts, few editing rounds", "rarely runs tests")).isFalse();
  }
}
