package dev.personas.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class FeatureDictionaryTest {
  @Test
  void resourceIsUpToDate() {
    // regenerate with: java ... dev.personas.features.FeatureDictionary
    assertThat(FeatureDictionary.storedJson()).isEqualTo(FeatureDictionary.toJson());
    assertThat(FeatureDictionary.toJson()).isEqualTo(FeatureDictionary.toJson());
  }

  @Test
  void everyEntryIsComplete() {
    Set<String> kinds = Set.of("count", "duration", "share", "ratio", "binary", "category", "id",
        "time");
    for (FeatureSpec s : FeatureDictionary.all()) {
      assertThat(s.kind()).as(s.name()).isIn(kinds);
      assertThat(s.unit()).as(s.name()).isNotBlank();
      assertThat(s.definition()).as(s.name()).isNotBlank();
      assertThat(s.source()).as(s.name()).isNotBlank();
      if (!Set.of("id", "time", "category").contains(s.kind())) {
        assertThat(s.highWords()).as(s.name()).isNotBlank();
      }
    }
    assertThat(FeatureDictionary.get("iteration_count").highWords()).isEqualTo("many prompts");
    assertThat(FeatureDictionary.get("iteration_count").lowWords()).isEqualTo("few prompts");
    assertThat(FeatureDictionary.get("pushback_rate").definition()).startsWith("HEURISTIC");
    assertThatThrownBy(() -> FeatureDictionary.get("nope"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
  }

  @Test
  void tableView() {
    Table t = FeatureDictionary.table();
    assertThat(t.rowCount()).isEqualTo(FeatureDictionary.all().size());
    assertThat(t.columnNames()).containsExactly("name", "unit", "kind", "definition", "source",
        "high_words", "low_words");
    assertThat(t.stringColumn("name").get(0)).isEqualTo("session_id");
  }

  @Test
  void defaultClusteringSetIsNumericDictionaryFeatures() {
    assertThat(FeatureDictionary.DEFAULT_CLUSTERING_SET).doesNotHaveDuplicates();
    for (String f : FeatureDictionary.DEFAULT_CLUSTERING_SET) {
      assertThat(FeatureDictionary.get(f).kind()).as(f).isIn("count", "share", "ratio", "duration",
          "binary");
    }
  }

  @Test
  void publishedValuesReferToFeatures() {
    for (PublishedValues.Value v : PublishedValues.all()) {
      assertThat(FeatureDictionary.contains(v.feature())).as(v.feature()).isTrue();
      assertThat(v.source()).isIn("Bigspin", "SWE-chat", "Anthropic");
    }
    assertThat(PublishedValues.of("iteration_count")).extracting(PublishedValues.Value::value)
        .contains(4.0, 1.0, 20.0);
    double taskShares = PublishedValues.of("task_size").stream()
        .mapToDouble(PublishedValues.Value::value).sum();
    assertThat(taskShares).isBetween(0.99, 1.01);
    double tools = PublishedValues.all().stream()
        .filter(v -> v.feature().startsWith("tool_") && v.statistic().equals("pooled_share"))
        .mapToDouble(PublishedValues.Value::value).sum();
    assertThat(tools).isBetween(0.98, 1.02);
    assertThat(PublishedValues.table().rowCount()).isEqualTo(PublishedValues.all().size());
  }
}
