package dev.personas.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HistogramTest {

  @Test
  void separateBarsAtZeroAndAtOrAbove99LikeSweChatFigure5() {
    double[] v = {0, 0, 0, 100, 99, 99.5, 1, 1.9, 2.0, 50, 98.9, Double.NaN};
    Histogram h = Histogram.of(v, HistogramOptions.bins(3).range(0, 99).separateLow(0).separateHigh(99).withMean());
    assertThat(h.lowCount()).isEqualTo(3);
    assertThat(h.highCount()).isEqualTo(3);
    assertThat(h.edges()).containsExactly(0, 33, 66, 99);
    assertThat(h.counts()).containsExactly(3, 1, 1);
    assertThat(h.nonFinite()).isEqualTo(1);
    assertThat(h.outOfRange()).isZero();
    assertThat(h.mean()).isCloseTo((0 + 0 + 0 + 100 + 99 + 99.5 + 1 + 1.9 + 2 + 50 + 98.9) / 11, within(1e-12));
    assertThat(h.median()).isCloseTo(2.0, within(1e-12));
    assertThat(h.binWidth()).isEqualTo(33);
  }

  @Test
  void lastBinIsClosedAndValuesOutsideTheRangeAreCounted() {
    Histogram h = Histogram.of(new double[] {0, 5, 10, 11, -1}, HistogramOptions.bins(2).range(0, 10));
    assertThat(h.counts()).containsExactly(1, 2);
    assertThat(h.outOfRange()).isEqualTo(2);
    assertThat(h.binned()).isEqualTo(3);
  }

  @Test
  void rangeDefaultsToTheSample() {
    Histogram h = Histogram.of(new double[] {2, 4, 6, 8}, HistogramOptions.bins(2));
    assertThat(h.edges()).containsExactly(2, 5, 8);
    assertThat(h.counts()).containsExactly(2, 2);
  }

  @Test
  void emptySampleHasNaNMeanAndEmptyBins() {
    Histogram h = Histogram.of(new double[] {Double.NaN}, HistogramOptions.bins(4));
    assertThat(h.mean()).isNaN();
    assertThat(h.median()).isNaN();
    assertThat(h.binned()).isZero();
    assertThat(h.nonFinite()).isEqualTo(1);
  }

  @Test
  void badOptionsNameTheValue() {
    assertThatThrownBy(() -> HistogramOptions.bins(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0");
    assertThatThrownBy(() -> HistogramOptions.bins(5).range(3, 3)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lo=3.0");
    assertThatThrownBy(() -> HistogramOptions.bins(5).separateLow(5).separateHigh(1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5.0");
    assertThatThrownBy(() -> HistogramOptions.bins(5).range(Double.NaN, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
    assertThatThrownBy(() -> Histogram.of(null, HistogramOptions.bins(2))).isInstanceOf(IllegalArgumentException.class);
  }
}
