package dev.personas.personas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.personas.personas.BigspinFingerprints.Result;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class BigspinFingerprintsTest {

  private static Map<String, Double> rates(Object... kv) {
    Map<String, Double> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], ((Number) kv[i + 1]).doubleValue());
    return m;
  }

  private static final Map<String, Double> SHORT = rates("iteration_count", 3, "edit_iteration_count", 1);
  private static final Map<String, Double> LONG = rates("iteration_count", 20, "edit_iteration_count", 6);

  @Test
  void ruleTableHasSixRulesAnd35Signals() {
    assertThat(BigspinFingerprints.RULES).hasSize(6);
    assertThat(BigspinFingerprints.SIGNALS).hasSize(35).doesNotHaveDuplicates();
    for (var r : BigspinFingerprints.RULES) {
      for (var t : r.canonical()) assertThat(BigspinFingerprints.SIGNALS).contains(t.signal());
      for (var t : r.bonus()) assertThat(BigspinFingerprints.SIGNALS).contains(t.signal());
      for (var t : r.excluded()) assertThat(BigspinFingerprints.SIGNALS).contains(t.signal());
    }
  }

  @Test
  void canonicalHitsAtOrAboveMinRateScoreOneEach() {
    // Showrunner: decomposition .50 and context_loading_directive .25 exactly at threshold
    Result r = BigspinFingerprints.classify(
        rates("decomposition", 0.50, "context_loading_directive", 0.25), SHORT);
    assertThat(r.primary()).isEqualTo("The Showrunner");
    assertThat(r.primaryScore()).isEqualTo(2.0);
    // just below one threshold: only 1 canonical hit < min_canonical 2 -> zero
    Result below = BigspinFingerprints.classify(
        rates("decomposition", 0.50, "context_loading_directive", 0.249), LONG);
    assertThat(score(below, "The Showrunner")).isZero();
    assertThat(below.scores().stream().filter(s -> s.persona().equals("The Showrunner"))
        .findFirst().orElseThrow().zeroReason()).isEqualTo("min_canonical");
  }

  @Test
  void bonusSignalsAddHalf() {
    Result r = BigspinFingerprints.classify(rates("decomposition", 0.6,
        "context_loading_directive", 0.3, "cited_team_convention", 0.10, "plan_approved", 0.2), LONG);
    assertThat(r.primary()).isEqualTo("The Showrunner");
    assertThat(r.primaryScore()).isEqualTo(3.0);
    // a bonus alone scores nothing
    Result alone = BigspinFingerprints.classify(rates("cited_team_convention", 0.9), LONG);
    assertThat(alone.primary()).isEqualTo(BigspinFingerprints.FALLBACK);
  }

  @Test
  void exclusionStrictlyAboveMaximumZeroesTheScore() {
    Map<String, Double> base = rates("fix_request_without_specifics", 0.3,
        "pointed_to_specific_issue", 0.45);
    assertThat(BigspinFingerprints.classify(base, SHORT).primary())
        .isEqualTo("The Quick-Turn Sprinter"); // at the maximum: still allowed
    base.put("pointed_to_specific_issue", 0.46);
    Result r = BigspinFingerprints.classify(base, SHORT);
    assertThat(score(r, "The Quick-Turn Sprinter")).isZero();
    assertThat(r.scores().stream().filter(s -> s.persona().equals("The Quick-Turn Sprinter"))
        .findFirst().orElseThrow().zeroReason()).isEqualTo("excluded: pointed_to_specific_issue");
  }

  @Test
  void metadataPredicatesOnMedians() {
    Map<String, Double> pair = rates("meta_behavioral_steering", 0.3, "intent_reframe", 0.4);
    assertThat(BigspinFingerprints.classify(pair, LONG).primary()).isEqualTo("The Pair Programmer");
    assertThat(BigspinFingerprints.classify(pair, SHORT).primary())
        .isEqualTo(BigspinFingerprints.FALLBACK);
    // the OR clause: edit iterations >= 4 alone suffices
    assertThat(BigspinFingerprints.classify(pair,
        rates("iteration_count", 5, "edit_iteration_count", 4)).primary())
        .isEqualTo("The Pair Programmer");
    // Spec-First needs median iteration_count <= 5; a missing median counts as 0
    Map<String, Double> spec = rates("test_or_spec_provided", 0.1);
    assertThat(BigspinFingerprints.classify(spec, rates("iteration_count", 5)).primary())
        .isEqualTo("The Spec-First Architect");
    assertThat(BigspinFingerprints.classify(spec, rates("iteration_count", 5.5)).primary())
        .isEqualTo(BigspinFingerprints.FALLBACK);
    assertThat(BigspinFingerprints.classify(spec, Map.of()).primary())
        .isEqualTo("The Spec-First Architect");
  }

  @Test
  void tiesGoToHigherPriorityThenTableOrder() {
    // Sprinter (prio 8) 1 canonical = 1.0; Spec-First (prio 2) 1 canonical = 1.0
    Result r = BigspinFingerprints.classify(
        rates("error_repaste", 0.02, "existing_code_shared", 0.05), SHORT);
    assertThat(r.primary()).isEqualTo("The Quick-Turn Sprinter");
    assertThat(r.secondary()).isEqualTo("The Spec-First Architect");
    assertThat(r.secondaryScore()).isEqualTo(1.0);
    // equal priority 2: Spec-First precedes Prompt Minimalist (table order)
    Result eq = BigspinFingerprints.classify(
        rates("existing_code_shared", 0.05, "workflow_step_delegation", 0.6), SHORT);
    assertThat(eq.primary()).isEqualTo("The Spec-First Architect");
    assertThat(eq.secondary()).isEqualTo("The Prompt Minimalist");
    // a higher score beats priority
    Result hi = BigspinFingerprints.classify(rates("existing_code_shared", 0.05,
        "test_or_spec_provided", 0.1, "error_repaste", 0.03), SHORT);
    assertThat(hi.primary()).isEqualTo("The Spec-First Architect");
    assertThat(hi.primaryScore()).isEqualTo(2.0);
    assertThat(hi.secondary()).isEqualTo("The Quick-Turn Sprinter");
  }

  @Test
  void allZeroFallsBackToJourneymanWithNoSecondary() {
    Result r = BigspinFingerprints.classify(rates("taste_override", 1.0), LONG);
    assertThat(r.primary()).isEqualTo("The Multi-Mode Journeyman");
    assertThat(r.primaryScore()).isZero();
    assertThat(r.secondary()).isEmpty();
    assertThat(r.scores()).hasSize(6).allMatch(s -> s.score() == 0.0);
  }

  @Test
  void runtimeMechanicNeedsThreeCanonicalAndPromptMinimalistExclusions() {
    Map<String, Double> rm = rates("pointed_to_specific_issue", 0.32,
        "post_implementation_correction", 0.38, "ran_and_reported", 0.10, "asked_why_choice", 0.2);
    Result r = BigspinFingerprints.classify(rm, SHORT);
    assertThat(r.primary()).isEqualTo("The Runtime Mechanic");
    assertThat(r.primaryScore()).isEqualTo(3.5);
    Map<String, Double> pm = rates("workflow_step_delegation", 0.6, "ran_and_reported", 0.19);
    assertThat(score(BigspinFingerprints.classify(pm, SHORT), "The Prompt Minimalist")).isZero();
  }

  @Test
  void fireRatesPerUserSkipSubagentsAndApplyMinSessions() {
    StringColumn user = StringColumn.create("user_id", "u1", "u1", "u1", "u1", "u2", "u2");
    BooleanColumn sub = BooleanColumn.create("is_subagent",
        new boolean[] {false, false, false, true, false, false});
    IntColumn dec = IntColumn.create("decomposition", 1, 1, 0, 1, 1, 1);
    DoubleColumn ctx = DoubleColumn.create("context_loading_directive", 1, 0, 0, 1, 0, 0);
    IntColumn it = IntColumn.create("iteration_count", 2, 4, 9, 100, 1, 1);
    Table t = Table.create("s", user, sub, dec, ctx, it);
    Table rates = BigspinFingerprints.fireRates(t, 3);
    assertThat(rates.rowCount()).isEqualTo(1);
    assertThat(rates.stringColumn("user_id").get(0)).isEqualTo("u1");
    assertThat(rates.intColumn("n_sessions").get(0)).isEqualTo(3);
    assertThat(rates.doubleColumn("rate_decomposition").get(0)).isCloseTo(2 / 3.0, within(1e-12));
    assertThat(rates.doubleColumn("rate_context_loading_directive").get(0))
        .isCloseTo(1 / 3.0, within(1e-12));
    assertThat(rates.doubleColumn("iteration_count").get(0)).isEqualTo(4.0);
    Table cls = BigspinFingerprints.classifyUsers(rates);
    assertThat(cls.stringColumn("bigspin_persona").get(0)).isEqualTo("The Showrunner");
    assertThat(cls.doubleColumn("score_showrunner").get(0)).isEqualTo(2.0);
    assertThatThrownBy(() -> BigspinFingerprints.fireRates(t, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0");
  }

  private static double score(Result r, String persona) {
    return r.scores().stream().filter(s -> s.persona().equals(persona)).findFirst().orElseThrow()
        .score();
  }
}
