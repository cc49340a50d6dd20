package dev.personas.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureTransformTest {
  @Test
  void imputesLogsWinsorisesAndScales() {
    // feature a: counts 0..99 plus a missing value; feature b: constant
    double[][] raw = new double[101][2];
    for (int i = 0; i < 100; i++) { raw[i][0] = i; raw[i][1] = 5; }
    raw[100][0] = Double.NaN;
    raw[100][1] = 5;
    FeatureTransform t = FeatureTransform.fit(raw, List.of("a_count", "b"), new boolean[] {true, false},
        TransformOptions.defaults());
    // median of 0..99 (R7) = 49.5
    assertThat(t.median()[0]).isCloseTo(49.5, within(1e-12));
    // winsor bounds are quantiles of log1p values
    assertThat(t.low()[0]).isGreaterThan(0).isLessThan(Math.log1p(2));
    assertThat(t.high()[0]).isLessThan(Math.log1p(99)).isGreaterThan(Math.log1p(97));
    // constant feature: scale falls back to 1, value 0 after centring
    assertThat(t.scale()[1]).isEqualTo(1.0);
    double[][] z = t.scaled(new double[][] {{Double.NaN, 5}, {1e9, 7}});
    assertThat(z[0][0]).isCloseTo((Math.log1p(49.5) - t.center()[0]) / t.scale()[0], within(1e-12));
    assertThat(z[0][1]).isZero();
    // a huge value is clipped at the upper bound
    assertThat(z[1][0]).isCloseTo((t.high()[0] - t.center()[0]) / t.scale()[0], within(1e-12));
    // a new value outside the training range of a constant feature is clipped to it as well
    assertThat(z[1][1]).isZero();
  }

  @Test
  void robustScaleIsIqrOverNormalConstant() {
    double[][] raw = new double[5][1];
    for (int i = 0; i < 5; i++) raw[i][0] = i; // 0..4: median 2, Q1 1, Q3 3
    FeatureTransform t = FeatureTransform.fit(raw, List.of("x"), new boolean[] {false},
        new TransformOptions(false, 0, 1, TransformOptions.Scaling.ROBUST, 0));
    assertThat(t.center()[0]).isEqualTo(2.0);
    assertThat(t.scale()[0]).isCloseTo(2 / 1.349, within(1e-12));
    FeatureTransform zs = FeatureTransform.fit(raw, List.of("x"), new boolean[] {false},
        new TransformOptions(false, 0, 1, TransformOptions.Scaling.ZSCORE, 0));
    assertThat(zs.scale()[0]).isCloseTo(Math.sqrt(2), within(1e-12));
  }

  @Test
  void badOptionsNameTheValue() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> new TransformOptions(true, 0.7, 0.99, TransformOptions.Scaling.ROBUST, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0.7");
  }
}
