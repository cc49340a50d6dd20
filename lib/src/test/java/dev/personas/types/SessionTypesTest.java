package dev.personas.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.personas.features.FeatureSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smile.validation.metric.AdjustedRandIndex;
import tech.tablesaw.api.Table;

class SessionTypesTest {
  static TypeOptions fast() {
    return TypeOptions.defaults().withEngine(EngineOptions.defaults().withK(2, 6).withRestarts(4)
        .withBootstraps(20, 0.8, 2).withGap(5, 300));
  }

  /** Truth in the row order of the (id-sorted) assignments. */
  static int[] truthByAssignmentOrder(PlantedSessions p, Table a) {
    Map<String, Integer> byId = new HashMap<>();
    for (int i = 0; i < p.table.rowCount(); i++) byId.put(p.table.stringColumn("session_id").get(i), p.truth[i]);
    int[] t = new int[a.rowCount()];
    for (int i = 0; i < t.length; i++) t[i] = byId.get(a.stringColumn("session_id").get(i));
    return t;
  }

  @Test
  void recoversPlantedTypesNamesThemAndReportsShapes() {
    PlantedSessions p = new PlantedSessions(120, 11);
    SessionTypeModel m = SessionTypes.fit(p.table, fast());
    assertThat(m.k()).isEqualTo(3);
    Table a = m.assignments();
    assertThat(a.columnNames()).containsExactly("session_id", "type_id", "type_name", "type_stable",
        "probability", "distance", "silhouette");
    assertThat(a.rowCount()).isEqualTo(360);
    assertThat(AdjustedRandIndex.of(truthByAssignmentOrder(p, a), a.intColumn("type_id").asIntArray()))
        .isGreaterThanOrEqualTo(0.9);
    // names: unique, from the vocabulary, deterministic
    Set<String> names = m.types().stream().map(SessionTypeModel.TypeInfo::name).collect(Collectors.toSet());
    assertThat(names).hasSize(3);
    Set<String> words = new java.util.HashSet<>();
    for (String f : m.doc().features()) {
      words.add(Vocabulary.spec(f, Map.of()).highWords());
      words.add(Vocabulary.spec(f, Map.of()).lowWords());
    }
    assertThat(m.types()).allSatisfy(t -> assertThat(words).anyMatch(w -> t.name().toLowerCase().startsWith(w.toLowerCase())));
    // the long-loop type is named after its edits, tests or corrections
    assertThat(String.join("|", names)).containsAnyOf("test runs", "corrections", "editing rounds", "edit use", "many prompts");
    assertThat(m.types()).allSatisfy(t -> assertThat(t.stable()).isTrue());
    // default features present in the table were used; others are listed as missing
    assertThat(m.doc().features()).contains("iteration_count", "tool_edit_share").doesNotContain("shell_share");
    assertThat(m.doc().missingDefaultFeatures()).contains("shell_share");
    // shapes: every one-shot session lies in one type, every marathon in another
    Table s = m.shapes();
    assertThat(s.rowCount()).isEqualTo(6);
    for (String shape : List.of("one_shot", "marathon")) {
      Table rows = s.where(s.stringColumn("shape").isEqualTo(shape));
      assertThat(rows.doubleColumn("share_of_shape").max()).as(shape).isEqualTo(1.0);
      assertThat(rows.intColumn("sessions_with_shape").sum()).as(shape).isEqualTo(120.0);
    }
    Table prof = m.profiles();
    assertThat(prof.rowCount()).isEqualTo(3);
    assertThat(prof.columnNames()).contains("iteration_count_median", "iteration_count_z", "stable");
    assertThat(prof.intColumn("size").sum()).isEqualTo(360.0);
    assertThat(m.selection().rowCount()).isEqualTo(5);
    assertThat(m.configuration().stringColumn("key").asList()).contains("k_by_gap", "k_by_silhouette");
  }

  @Test
  void sameSeedSameBytesAndJsonRoundTripAssignsIdentically(@TempDir Path tmp) throws Exception {
    PlantedSessions p = new PlantedSessions(60, 12);
    SessionTypeModel a = SessionTypes.fit(p.table, fast());
    SessionTypeModel b = SessionTypes.fit(p.table, fast());
    a.write(tmp.resolve("a"));
    b.write(tmp.resolve("b"));
    // one thread: the same tables (model.json differs only in the recorded thread count)
    SessionTypeModel c = SessionTypes.fit(p.table, fast().withEngine(fast().engine().withThreads(1)));
    c.write(tmp.resolve("c"));
    for (String f : List.of("assignments.csv", "profiles.csv", "model_selection.csv", "shapes.csv")) {
      assertThat(Files.readAllBytes(tmp.resolve("c").resolve(f))).as(f)
          .isEqualTo(Files.readAllBytes(tmp.resolve("a").resolve(f)));
    }
    for (String f : List.of("assignments.csv", "profiles.csv", "model_selection.csv", "shapes.csv",
        "configuration.csv", "model.json")) {
      assertThat(Files.readAllBytes(tmp.resolve("a").resolve(f))).as(f)
          .isEqualTo(Files.readAllBytes(tmp.resolve("b").resolve(f)));
    }
    String json = a.toJson();
    SessionTypeModel loaded = SessionTypeModel.fromJson(json);
    assertThat(loaded.toJson()).isEqualTo(json);
    Table fresh = a.assign(p.table);
    Table again = loaded.assign(p.table);
    assertThat(again.intColumn("type_id").asIntArray()).containsExactly(fresh.intColumn("type_id").asIntArray());
    assertThat(fresh.intColumn("type_id").asIntArray()).containsExactly(a.assignments().intColumn("type_id").asIntArray());
    assertThat(again.doubleColumn("distance").asDoubleArray()).containsExactly(fresh.doubleColumn("distance").asDoubleArray());
    assertThat(loaded.profiles().toString()).isEqualTo(a.profiles().toString());
    assertThatThrownBy(loaded::assignments).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> SessionTypeModel.fromJson("{\"format\":\"other\"}"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void mixtureModelRoundTripsThroughJson() {
    PlantedSessions p = new PlantedSessions(50, 13);
    TypeOptions o = fast().withEngine(fast().engine().withAlgorithm(Algorithm.GMM_DIAGONAL).withBootstraps(3, 0.8, 1));
    SessionTypeModel m = SessionTypes.fit(p.table, o);
    SessionTypeModel loaded = SessionTypeModel.fromJson(m.toJson());
    Table x = m.assign(p.table), y = loaded.assign(p.table);
    assertThat(y.intColumn("type_id").asIntArray()).containsExactly(x.intColumn("type_id").asIntArray());
    assertThat(y.doubleColumn("probability").asDoubleArray()).containsExactly(x.doubleColumn("probability").asDoubleArray());
    assertThat(m.selection().doubleColumn("bic").isMissing().size()).isZero();
  }

  @Test
  void differentSeedsSamePartition() {
    PlantedSessions p = new PlantedSessions(60, 14);
    SessionTypeModel a = SessionTypes.fit(p.table, fast());
    SessionTypeModel b = SessionTypes.fit(p.table, fast().withEngine(fast().engine().withSeed(2024)));
    assertThat(b.assignments().intColumn("type_id").asIntArray())
        .containsExactly(a.assignments().intColumn("type_id").asIntArray());
    assertThat(b.types().stream().map(SessionTypeModel.TypeInfo::name).toList())
        .isEqualTo(a.types().stream().map(SessionTypeModel.TypeInfo::name).toList());
  }

  @Test
  void dictionaryWordsAndPcaAreUsed() {
    PlantedSessions p = new PlantedSessions(60, 15);
    Map<String, FeatureSpec> dict = new HashMap<>();
    for (String c : p.table.columnNames()) {
      if (c.equals("session_id")) continue;
      dict.put(c, new FeatureSpec(c, "u", c.endsWith("_count") ? "count" : "ratio", "d", "test",
          "HIGH-" + c, "LOW-" + c));
    }
    dict.put("course_correction_count", new FeatureSpec("course_correction_count", "prompts", "count",
        "short corrections", "test", "marathon talk", "no steering"));
    TypeOptions o = fast().withDictionary(dict)
        .withTransform(TransformOptions.defaults().withPca(0.9));
    SessionTypeModel m = SessionTypes.fit(p.table, o);
    assertThat(m.k()).isEqualTo(3);
    assertThat(m.types().stream().map(SessionTypeModel.TypeInfo::description).collect(Collectors.joining("|")))
        .contains("marathon talk");
    assertThat(m.types()).allSatisfy(t -> assertThat(t.name()).matches("(HIGH-|LOW-|Marathon talk|No steering).*"));
    assertThat(m.doc().transform().outputDimension()).isLessThan(m.doc().features().size());
    assertThat(SessionTypeModel.fromJson(m.toJson()).assign(p.table).intColumn("type_id").asIntArray())
        .containsExactly(m.assign(p.table).intColumn("type_id").asIntArray());
  }

  @Test
  void badValuesAreImputedAndDoNotAbort() {
    PlantedSessions p = new PlantedSessions(40, 17);
    Table t = p.table.copy();
    t.doubleColumn("tool_call_density").set(0, Double.POSITIVE_INFINITY);
    t.doubleColumn("tool_call_density").set(1, Double.NaN);
    tech.tablesaw.api.DoubleColumn empty = tech.tablesaw.api.DoubleColumn.create("words_per_prompt", t.rowCount());
    for (int i = 0; i < t.rowCount(); i++) empty.setMissing(i);
    t.addColumns(empty);
    SessionTypeModel m = SessionTypes.fit(t, fast());
    assertThat(m.doc().features()).contains("words_per_prompt");
    assertThat(m.doc().imputedCells()).isGreaterThanOrEqualTo(2 + t.rowCount());
    assertThat(m.assignments().rowCount()).isEqualTo(t.rowCount());
    assertThat(m.k()).isEqualTo(3);
  }

  @Test
  void badFeatureNamesAreNamed() {
    PlantedSessions p = new PlantedSessions(10, 16);
    assertThatThrownBy(() -> SessionTypes.fit(p.table, fast().withFeatures(List.of("nope"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'nope'");
    assertThatThrownBy(() -> SessionTypes.fit(p.table, fast().withFeatures(List.of("session_id"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("session_id");
  }
}
