package dev.personas.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SynthOptionsTest {
  @Test
  void badParametersNameTheValue() {
    SynthOptions d = SynthOptions.defaults();
    assertThatThrownBy(() -> d.withUsers(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0");
    assertThatThrownBy(() -> d.withSessions(10)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10");
    assertThatThrownBy(() -> d.withNoise(1.5)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.5");
    assertThatThrownBy(() -> d.withCodexShare(-0.1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-0.1");
    assertThatThrownBy(() -> d.withFormats(Set.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> d.withBaseDate("March")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("March");
    assertThatThrownBy(() -> SynthOptions.parseFormats("csv")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("csv");
    assertThatThrownBy(() -> SynthOptions.parseCompression("zip")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zip");
  }

  @Test
  void roundTripsThroughProperties() {
    SynthOptions o = SynthOptions.defaults().withUsers(7).withSessions(30).withSeed(-5)
        .withFormats(SynthOptions.parseFormats("both")).withNoise(0.25).withCodexShare(0.5)
        .withCompression(SynthOptions.Compression.XZ).withBaseDate("2026-05-01").withDays(30);
    assertThat(SynthOptions.fromProperties(o.toProperties())).isEqualTo(o);
    assertThat(o.formatsString()).isEqualTo("entire,parquet");
  }

  @Test
  void populationApportionsPersonasAndSessions() {
    SynthOptions o = SynthOptions.defaults().withUsers(50).withSessions(400);
    var users = Population.users(o);
    assertThat(users).hasSize(50);
    assertThat(users.stream().map(SynthUser::persona).distinct()).hasSize(Persona.values().length);
    assertThat(users.stream().filter(SynthUser::codex).count()).isEqualTo(Math.round(0.25 * 50));
    int[] per = Population.sessionsPerUser(o);
    assertThat(java.util.Arrays.stream(per).sum()).isEqualTo(400);
    assertThat(java.util.Arrays.stream(per).min().orElseThrow()).isGreaterThanOrEqualTo(3);
    for (Persona p : Persona.values()) {
      double sum = 0;
      for (SessionType t : SessionType.values()) sum += p.weight(t);
      assertThat(sum).as(p.name()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
    }
  }
}
