package dev.personas.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class PublishedComparisonTest {
  private static double computed(Table c, String feature, String stat, String level) {
    for (int i = 0; i < c.rowCount(); i++) {
      if (c.stringColumn("feature").get(i).equals(feature)
          && c.stringColumn("statistic").get(i).equals(stat)
          && c.stringColumn("level").get(i).equals(level)) {
        return c.doubleColumn("computed").getDouble(i);
      }
    }
    throw new AssertionError(feature + " " + stat + " " + level);
  }

  @Test
  void computesEachStatisticOnTheFeatureTable() {
    Transcripts x = new Transcripts();
    // iteration counts 1, 2, 3, 4, 5 -> median 3, p10 1.4, p90 4.6
    for (int s = 1; s <= 5; s++) {
      x.session("s" + s);
      if (s == 3) x.sessionValue("agent_percentage", 100.0);
      for (int p = 0; p < s; p++) x.prompt(p == 1 ? "that is wrong" : "go");
      if (s <= 2) x.bash("git diff");
      else x.edit("f");
    }
    Table f = x.features();
    Table c = PublishedComparison.compare(f);
    assertThat(c.rowCount()).isEqualTo(PublishedValues.all().size());
    assertThat(computed(c, "iteration_count", "median", "")).isEqualTo(3.0);
    assertThat(computed(c, "iteration_count", "p10", "")).isCloseTo(1.4, within(1e-12));
    assertThat(computed(c, "iteration_count", "p90", "")).isCloseTo(4.6, within(1e-12));
    assertThat(computed(c, "diff_reviewed", "share", "1")).isEqualTo(0.4);
    assertThat(computed(c, "task_size", "share", "small")).isEqualTo(0.6);
    assertThat(computed(c, "task_size", "share", "medium")).isEqualTo(0.4);
    assertThat(computed(c, "tool_edit_share", "pooled_share", "")).isEqualTo(0.6);
    assertThat(computed(c, "tool_git_gh_share", "pooled_share", "")).isEqualTo(0.4);
    // pushback: one hit per session with >= 2 prompts; later prompts 1+2+3+4 = 10
    assertThat(computed(c, "pushback_rate", "pooled_share", "")).isCloseTo(0.4, within(1e-12));
    assertThat(computed(c, "actions_per_prompt", "share_above", "100")).isEqualTo(0.0);
    assertThat(computed(c, "coding_mode", "share", "Vibe coding")).isEqualTo(1.0);
    assertThat(computed(c, "coding_mode", "share", "Human-only")).isEqualTo(0.0);
  }

  @Test
  void absentColumnsGiveMissingValues() {
    Table t = Table.create("empty");
    Table c = PublishedComparison.compare(t);
    assertThat(c.doubleColumn("computed").countMissing()).isEqualTo(c.rowCount());
  }
}
