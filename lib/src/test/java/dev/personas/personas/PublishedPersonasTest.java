package dev.personas.personas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PublishedPersonasTest {
  @Test
  void sevenPersonasSumTo120Users() {
    assertThat(PublishedPersonas.ALL).hasSize(7);
    assertThat(PublishedPersonas.ALL.stream().mapToInt(PublishedPersonas.Archetype::users).sum())
        .isEqualTo(120);
    assertThat(PublishedPersonas.byName("The Showrunner").share()).isCloseTo(0.367, within(5e-4));
  }

  @Test
  void tablesForNotebooks() {
    var t = PublishedPersonas.table();
    assertThat(t.rowCount()).isEqualTo(7);
    assertThat(t.intColumn("users").sum()).isEqualTo(120);
    assertThat(t.doubleColumn("iteration_count").get(0)).isEqualTo(22.5);
    var rules = BigspinFingerprints.rulesTable();
    assertThat(rules.rowCount()).isEqualTo(6);
    assertThat(rules.stringColumn("predicate").get(0))
        .isEqualTo("median iteration_count >= 12.00 or median edit_iteration_count >= 4.00");
    assertThat(rules.stringColumn("excluded").get(2)).isEqualTo("error_repaste > 0.04");
  }

  @Test
  void eachPublishedVectorIsNearestToItself() {
    for (var a : PublishedPersonas.ALL) {
      var m = PublishedPersonas.nearest(a.medians());
      assertThat(m.name()).isEqualTo(a.name());
      assertThat(m.distance()).isZero();
    }
  }

  @Test
  void distanceIsScaledEuclidean() {
    double[] q = {22.5 + PublishedPersonas.SCALE[0], 8.8, 0.38, 0.44};
    var ranked = PublishedPersonas.ranked(q);
    assertThat(ranked.get(0).name()).isEqualTo("The Pair Programmer");
    assertThat(ranked.get(0).distance()).isCloseTo(1.0, within(1e-12));
    assertThat(PublishedPersonas.SCALE[0]).isCloseTo(6.376, within(0.01));
    // long sessions with tests and diff review: nearest is the Pair Programmer
    assertThat(PublishedPersonas.nearest(new double[] {30, 12, 0.5, 0.5}).name())
        .isEqualTo("The Pair Programmer");
    // each scaled difference is clipped to 3 spreads: a huge test count cannot decide alone
    double[] far = {2.5, 1.2, 50.0, 0.0};
    var r = PublishedPersonas.ranked(far);
    assertThat(r.get(0).name()).isEqualTo("The Spec-First Architect");
    assertThat(r.get(0).distance()).isCloseTo(PublishedPersonas.CLIP, within(1e-12));
    // NaN coordinates are left out
    assertThat(PublishedPersonas.nearest(new double[] {2.5, 1.2, Double.NaN, 0.0}).name())
        .isEqualTo("The Spec-First Architect");
    assertThatThrownBy(() -> PublishedPersonas.ranked(new double[3]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 3");
  }
}
