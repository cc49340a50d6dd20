package dev.personas.personas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import smile.validation.metric.AdjustedRandIndex;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class PersonasTest {
  static PlantedPersonas data;
  static PersonaOptions opts;
  static PersonaModel model;

  @BeforeAll
  static void fit() {
    data = new PlantedPersonas(25, 7L);
    opts = PersonaOptions.defaults().withBootstrap(30);
    model = Personas.fit(data.features, data.types, opts);
  }

  @Test
  void recoversPlantedPersonasWithAriAtLeast08() {
    Table users = model.users();
    assertThat(users.stringColumn("user_id").asList()).isEqualTo(data.users);
    int[] got = users.intColumn("cluster").asObjectArray().length == 0 ? new int[0]
        : users.intColumn("cluster").asList().stream().mapToInt(Integer::intValue).toArray();
    double ari = AdjustedRandIndex.of(data.truthArray(), got);
    System.out.printf("planted personas: k=%d ARI=%.3f bootstrapARI=%.3f%n", model.k(), ari,
        model.bootstrapAri());
    System.out.println(model.personas().print());
    System.out.println(model.selection().print());
    assertThat(model.k()).isEqualTo(4);
    assertThat(ari).isGreaterThanOrEqualTo(0.8);
    Table personas = model.personas();
    assertThat(personas.rowCount()).isEqualTo(4);
    assertThat(personas.intColumn("size").sum()).isEqualTo(100);
    for (int i = 0; i < 4; i++) {
      assertThat(personas.doubleColumn("stability").get(i)).isBetween(0.6, 1.0);
      assertThat(personas.doubleColumn("share_ci_low").get(i))
          .isLessThanOrEqualTo(personas.doubleColumn("share").get(i));
      assertThat(personas.doubleColumn("share_ci_high").get(i))
          .isGreaterThanOrEqualTo(personas.doubleColumn("share").get(i));
    }
    assertThat(personas.stringColumn("persona_name").asSet()).hasSize(4);
    // the heavy edit-test persona is named after its type and maps to the Pair Programmer
    int row = -1;
    for (int i = 0; i < 4; i++) {
      if (personas.stringColumn("persona_name").get(i).startsWith("Edit-test loops")) row = i;
    }
    assertThat(row).isNotNegative();
    assertThat(personas.stringColumn("nearest_published").get(row)).isEqualTo("The Pair Programmer");
    assertThat(personas.stringColumn("description").get(row)).contains("'Edit-test loops' sessions");
    assertThat(model.notes()).noneMatch(n -> n.contains("Small user count"));
    PersonaModel small = Personas.fit(new PlantedPersonas(8, 3L).features,
        new PlantedPersonas(8, 3L).types, opts.withK(4).withBootstrap(0));
    assertThat(small.notes()).anyMatch(n -> n.contains("Small user count (32 < 100)"));
    assertThat(small.personas().doubleColumn("stability").isMissing().size()).isEqualTo(4);
    // NaN stability and intervals survive the JSON round trip
    PersonaModel smallBack = PersonaModel.fromJson(small.toJson());
    assertThat(smallBack.toJson()).isEqualTo(small.toJson());
    assertThat(smallBack.personas().doubleColumn("share_ci_low").isMissing().size()).isEqualTo(4);
  }

  @Test
  void comparisonWithThePublishedSeven() {
    Table c = model.publishedComparison();
    assertThat(c.rowCount()).isEqualTo(model.k() + 7);
    assertThat(c.stringColumn("source").countOccurrences("Bigspin 2026")).isEqualTo(7);
    assertThat(c.intColumn("users").sum()).isEqualTo(100 + 120);
    assertThat(c.stringColumn("published_note").get(0)).isEqualTo(PublishedPersonas.CAVEAT);
  }

  @Test
  void eligibilityExcludesSubagentsAndShortUsers() {
    UserVectors v = UserVectors.build(data.features, data.types, opts);
    assertThat(v.size()).isEqualTo(100);
    assertThat(v.userIds()).noneMatch(u -> u.endsWith("-25"));
    // sub-agent sessions had iteration_count >= 500; medians must not see them
    for (double[] m : v.medians()) assertThat(m[0]).isLessThan(100);
    for (double[] s : v.shares()) assertThat(java.util.Arrays.stream(s).sum()).isCloseTo(1.0, within(1e-9));
    assertThat(v.shareColumns()).containsExactly("share_quick_fixes", "share_edit_test_loops",
        "share_exploration", "share_planning", "share_reviews");
    assertThat(v.problems()).anyMatch(p -> p.contains("course_correction_count"));
  }

  @Test
  void sameSeedSameJsonAndRoundTrip() {
    PersonaModel again = Personas.fit(data.features, data.types, opts);
    assertThat(again.toJson()).isEqualTo(model.toJson());
    PersonaModel back = PersonaModel.fromJson(model.toJson());
    assertThat(back.toJson()).isEqualTo(model.toJson());
    assertThat(back.users().toString()).isEqualTo(model.users().toString());
    assertThat(back.card(data.users.get(0))).isEqualTo(model.card(data.users.get(0)));
  }

  @Test
  void placingTheTrainingDataGivesTheSamePersonas() {
    Table placed = model.place(data.features, data.types);
    assertThat(placed.stringColumn("persona_id").asList())
        .isEqualTo(model.users().stringColumn("persona_id").asList());
    // a model read back from JSON places new users the same way
    PlantedPersonas fresh = new PlantedPersonas(5, 99L);
    PersonaModel back = PersonaModel.fromJson(model.toJson());
    Table a = model.place(fresh.features, fresh.types);
    Table b = back.place(fresh.features, fresh.types);
    assertThat(b.toString()).isEqualTo(a.toString());
    assertThat(a.rowCount()).isEqualTo(20);
    int[] truth = fresh.truthArray();
    int[] got = a.intColumn("cluster").asList().stream().mapToInt(Integer::intValue).toArray();
    assertThat(AdjustedRandIndex.of(truth, got)).isGreaterThanOrEqualTo(0.8);
  }

  @Test
  void uniformMixIsMultiMode() {
    StringColumn sid = StringColumn.create("session_id");
    StringColumn uid = StringColumn.create("user_id");
    IntColumn it = IntColumn.create("iteration_count");
    IntColumn tid = IntColumn.create("type_id");
    for (int t = 0; t < 5; t++) {
      sid.append("new-" + t);
      uid.append("newcomer");
      it.append(6);
      tid.append(t);
    }
    Table f = Table.create("f", sid, uid, it);
    Table ty = Table.create("t", sid.copy(), tid);
    List<PersonaModel.Placement> ps = model.placements(f, ty);
    assertThat(ps).hasSize(1);
    assertThat(ps.get(0).personaName()).isEqualTo("Multi-mode");
    assertThat(ps.get(0).personaId()).isEqualTo("MM");
    assertThat(ps.get(0).multiModeReason()).startsWith("type entropy = 1.00");
    assertThat(ps.get(0).nearestPersona()).isNotEmpty();
  }

  @Test
  void kWithTooSmallPersonasIsNotChosen() {
    PersonaModel m = Personas.fit(data.features, data.types,
        opts.withBootstrap(0).withMinPersonaSize(30));
    assertThat(m.k()).isLessThan(4);
    assertThat(m.personas().intColumn("size").min()).isGreaterThanOrEqualTo(30);
    assertThat(m.notes()).anyMatch(n -> n.contains("not chosen, a persona would have fewer than 30"));
    assertThat(m.selection().rowCount()).isEqualTo(7); // the sweep still shows k = 2..8
  }

  @Test
  void multiModeThresholdsAreApplied() {
    PersonaOptions fast = opts.withK(4).withBootstrap(0);
    PersonaModel strict = Personas.fit(data.features, data.types, fast.withMultiMode(0.01, 1.0));
    assertThat(strict.placements()).allMatch(p -> !p.decisive()
        && p.multiModeReason().startsWith("ratio d1/d2 = ") && p.personaId().equals("MM"));
    PersonaModel never = Personas.fit(data.features, data.types, fast.withMultiMode(1.0, 1.0));
    assertThat(never.placements()).allMatch(PersonaModel.Placement::decisive);
    // confidence = 1 - d1/d2 lies in [0, 1]; the default model has some decisive users
    assertThat(model.placements()).allMatch(p -> p.confidence() >= 0 && p.confidence() <= 1);
    assertThat(model.users().booleanColumn("decisive").countTrue()).isGreaterThan(50);
    assertThat(model.personas().intColumn("decisive_users").sum())
        .isEqualTo(model.users().booleanColumn("decisive").countTrue());
  }

  @Test
  void entropyRuleNeedsThreeTypes() {
    // two session types only: an even 50/50 mix is not called Multi-mode by entropy
    PlantedPersonas d = new PlantedPersonas(6, 21L);
    Table types = d.types.copy();
    IntColumn tid = types.intColumn("type_id");
    for (int i = 0; i < tid.size(); i++) tid.set(i, tid.get(i) % 2);
    types.removeColumns("type_name");
    PersonaModel two = Personas.fit(d.features, types, opts.withK(2).withBootstrap(0)
        .withMultiMode(1.0, 0.5));
    assertThat(two.typeIds()).hasSize(2);
    assertThat(two.placements()).noneMatch(p -> p.multiModeReason().startsWith("type entropy"));
    assertThat(model.placements().stream().filter(p -> !p.decisive()).count())
        .isLessThan(model.placements().size() / 2);
  }

  @Test
  void cardsShowPersonaPercentilesTypesPublishedAndThreeSuggestions() {
    String u = data.users.get(30); // persona 1 (edit-test loops)
    String md = model.card(u);
    assertThat(md).contains("# Persona card: " + u).contains("confidence ")
        .contains("## Against the population (100 users)").contains("| tests_run_count |")
        .contains("Edit-test loops").contains(PublishedPersonas.CAVEAT)
        .contains("## Three things to try");
    assertThat(md.lines().filter(l -> l.matches("^[123]\\. .*"))).hasSize(3);
    String html = model.cardHtml(u);
    assertThat(html).startsWith("<!DOCTYPE html>").doesNotContain("<script").doesNotContain("http")
        .contains(PublishedPersonas.CAVEAT);
    assertThat(html.split("<li>").length - 1).isGreaterThanOrEqualTo(4);
    // a low-tests user (persona 0) is told to run tests, with the reason
    String low = model.card(data.users.get(0));
    assertThat(low).contains("run the tests after each edit")
        .containsPattern("low tests_run_count: you are at percentile \\d+");
    // suggestions on the user's own low side come first
    PersonaModel.Placement p0 = model.placement(data.users.get(0));
    var picks = PersonaCard.suggestions(model, p0);
    assertThat(picks).hasSize(3);
    var st = PersonaCard.standings(model, p0);
    var first = picks.get(0).suggestion();
    double pct = st.get(model.features().indexOf(first.feature())).percentile();
    assertThat(first.whenLow() ? pct : 100 - pct).isLessThanOrEqualTo(50);
  }

  @Test
  void badParametersNameTheValue() {
    assertThatThrownBy(() -> PersonaOptions.defaults().withMinSessions(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(": 0");
    assertThatThrownBy(() -> Personas.fit(data.features, data.types,
        opts.withMinSessions(1000))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got 0");
    assertThatThrownBy(() -> PersonaModel.fromJson("{nope"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
