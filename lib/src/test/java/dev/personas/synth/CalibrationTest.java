package dev.personas.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Population medians of the deterministic signals of the default persona mix land near the
 * published SWE-chat values (session-features issue; Bigspin on 4,846 SWE-chat sessions). The
 * tolerances are the ones documented in {@code data/README.md}: counts within +-1 of the published
 * median, continuous medians within 25% (pauses: 1 s), rates within 6 percentage points.
 */
class CalibrationTest {
  static List<Map<String, Double>> signals(SynthOptions o) {
    List<Map<String, Double>> out = new ArrayList<>();
    Population.each(o, s -> out.add(ModelSignals.of(s)));
    return out;
  }

  static double median(List<Map<String, Double>> ms, String k) {
    return ModelSignals.median(ms.stream().mapToDouble(m -> m.get(k)).toArray());
  }

  static double mean(List<Map<String, Double>> ms, String k) {
    return ms.stream().mapToDouble(m -> m.get(k)).average().orElseThrow();
  }

  static double share(List<Map<String, Double>> ms, double lo, double hi) {
    return ms.stream().filter(m -> m.get("iteration_count") >= lo && m.get("iteration_count") <= hi).count()
        / (double) ms.size();
  }

  @Test
  void populationMediansNearPublishedSweChatValues() {
    List<Map<String, Double>> ms = signals(SynthOptions.defaults().withUsers(200).withSessions(4000));
    assertThat(median(ms, "iteration_count")).isCloseTo(4, within(1.0));
    assertThat(median(ms, "tool_call_density")).isCloseTo(9.0, within(9.0 * 0.25));
    assertThat(median(ms, "edit_iteration_count")).isCloseTo(2, within(1.0));
    assertThat(median(ms, "research_iteration_count")).isCloseTo(2, within(1.0));
    assertThat(median(ms, "tool_diversity")).isCloseTo(0.14, within(0.14 * 0.25));
    assertThat(median(ms, "edit_focus")).isCloseTo(0.44, within(0.44 * 0.35));
    assertThat(median(ms, "course_correction_count")).isCloseTo(1, within(1.0));
    assertThat(median(ms, "late_pause_count")).isCloseTo(0, within(1.0));
    assertThat(median(ms, "median_pause_seconds")).isCloseTo(4, within(1.0));
    assertThat(median(ms, "prompt_length_ratio")).isCloseTo(1.0, within(0.25));
    assertThat(mean(ms, "tests_attempted")).isCloseTo(0.287, within(0.06));
    assertThat(mean(ms, "diff_reviewed")).isCloseTo(0.343, within(0.06));
    assertThat(share(ms, 0, 3)).isCloseTo(0.450, within(0.06));
    assertThat(share(ms, 4, 15)).isCloseTo(0.406, within(0.06));
    assertThat(share(ms, 16, 50)).isCloseTo(0.123, within(0.06));
    assertThat(share(ms, 51, Double.MAX_VALUE)).isCloseTo(0.021, within(0.02));
  }

  @Test
  void typesDifferWhereTheRecipesSayTheyDo() {
    List<SynthSession> ss = new ArrayList<>();
    Population.each(SynthOptions.defaults().withUsers(100).withSessions(1500), ss::add);
    java.util.Map<SessionType, List<Map<String, Double>>> by = new java.util.EnumMap<>(SessionType.class);
    for (SynthSession s : ss) by.computeIfAbsent(s.type, k -> new ArrayList<>()).add(ModelSignals.of(s));
    assertThat(by).hasSize(SessionType.values().length);
    assertThat(median(by.get(SessionType.ASK), "iteration_count")).isLessThanOrEqualTo(2);
    assertThat(median(by.get(SessionType.ASK), "edit_share")).isZero();
    assertThat(median(by.get(SessionType.EXPLORE), "research_share")).isGreaterThan(0.7);
    assertThat(median(by.get(SessionType.EXPLORE), "edit_share")).isZero();
    assertThat(median(by.get(SessionType.WORKSHOP), "iteration_count")).isGreaterThanOrEqualTo(15);
    assertThat(mean(by.get(SessionType.WORKSHOP), "tests_attempted")).isGreaterThan(0.8);
    assertThat(median(by.get(SessionType.DELEGATE), "agent_share")).isGreaterThan(0.1);
    assertThat(median(by.get(SessionType.DELEGATE), "prompt_length_ratio")).isLessThan(0.5);
    assertThat(median(by.get(SessionType.THRASH), "interrupt_rate")).isGreaterThanOrEqualTo(0.3);
    assertThat(median(by.get(SessionType.OPS), "shell_share")).isGreaterThan(0.7);
    assertThat(median(by.get(SessionType.QUICK_FIX), "edit_share")).isGreaterThan(0.25);
    assertThat(median(by.get(SessionType.QUICK_FIX), "interrupt_rate")).isZero();
  }
}
