package dev.personas.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class LabelImportTest {
  @TempDir Path dir;

  private Transcripts data() {
    Transcripts x = new Transcripts();
    x.session("a").prompt("one").prompt("two");
    x.session("b").prompt("three");
    return x;
  }

  @Test
  void sessionKeyedCsvJoins() throws Exception {
    Path csv = dir.resolve("labels.csv");
    Files.writeString(csv, "session_id,session_success,user_persona,iteration_count\n"
        + "a,80,Expert Nitpicker,99\nzzz,10,Other,1\n");
    Features.Result r = Features.compute(data().dataset(), FeatureOptions.labels(csv));
    Table t = r.table();
    assertThat(t.columnNames()).endsWith("session_success", "user_persona",
        "label_iteration_count");
    assertThat(t.doubleColumn("session_success").get(0)).isEqualTo(80.0);
    assertThat(t.doubleColumn("session_success").isMissing(1)).isTrue();
    assertThat(t.stringColumn("user_persona").get(0)).isEqualTo("Expert Nitpicker");
    assertThat(t.intColumn("iteration_count").get(0)).isEqualTo(2); // features win the name
    assertThat(r.problems()).anyMatch(p -> p.contains("not in the dataset"));
  }

  @Test
  void turnKeyedJsonlAggregatesPerSession() throws Exception {
    Path jl = dir.resolve("labels.jsonl");
    Files.writeString(jl, "{\"turn_id\":\"a:1\",\"prompt_pushback\":true,\"prompt_intent\":\"debug\"}\n"
        + "{\"turn_id\":\"a:2\",\"prompt_pushback\":false,\"prompt_intent\":\"debug\"}\n"
        + "this is not json\n"
        + "{\"prompt_pushback\":true}\n"
        + "{\"turn_id\":\"b:1\",\"prompt_pushback\":1,\"prompt_intent\":\"test\"}\n");
    Features.Result r = Features.compute(data().dataset(), FeatureOptions.labels(jl));
    Table t = r.table();
    assertThat(t.doubleColumn("prompt_pushback").get(0)).isEqualTo(0.5);
    assertThat(t.doubleColumn("prompt_pushback").get(1)).isEqualTo(1.0);
    assertThat(t.stringColumn("prompt_intent").asList()).containsExactly("debug", "test");
    assertThat(r.problems()).anyMatch(p -> p.endsWith(":3: not JSON, skipped"));
    assertThat(r.problems()).anyMatch(p -> p.contains(":4: record without turn_id"));
  }

  @Test
  void jsonArrayAndMissingKey() throws Exception {
    Path js = dir.resolve("labels.json");
    Files.writeString(js, "[{\"session_id\":\"b\",\"decomposition\":1},\n"
        + "{\"session_id\":\"b\",\"decomposition\":0}]");
    Table t = Features.of(data().dataset(), FeatureOptions.labels(js));
    assertThat(t.doubleColumn("decomposition").get(1)).isEqualTo(0.5);
    Path bad = dir.resolve("bad.jsonl");
    Files.writeString(bad, "{\"x\":1}\n");
    assertThatThrownBy(() -> LabelImport.read(bad)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad.jsonl");
  }

  @Test
  void unreadableFileIsAProblemNotAnAbort() {
    Features.Result r = Features.compute(data().dataset(),
        FeatureOptions.labels(dir.resolve("missing.csv")));
    assertThat(r.table().rowCount()).isEqualTo(2);
    assertThat(r.problems()).singleElement().asString().contains("cannot read labels");
  }
}
