package dev.personas.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.personas.load.Dataset;
import dev.personas.load.Ingest;
import dev.personas.load.IngestOptions;
import dev.personas.load.ToolTaxonomy;
import dev.personas.testing.Corpus;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Invariants of the feature table on every session of the real development corpus, loaded by the
 * ingest stage ({@link Ingest#load}) exactly as a user would load it.
 */
class CorpusFeaturesTest {
  static Dataset dataset;
  static Table f;

  @BeforeAll
  static void load() throws Exception {
    Path corpus = Corpus.unpacked();
    dataset = Ingest.load(List.of(corpus.resolve("entire")),
        IngestOptions.defaults().withUserMapping(corpus.resolve("sessions.csv"))).dataset();
    f = Features.of(dataset, FeatureOptions.defaults());
  }

  private static int i(String col, int r) {
    return f.intColumn(col).getInt(r);
  }

  private static double d(String col, int r) {
    return f.doubleColumn(col).getDouble(r);
  }

  @Test
  void oneSortedRowPerSession() {
    assertThat(f.rowCount()).isEqualTo(dataset.sessions().rowCount()).isGreaterThan(900);
    List<String> ids = f.stringColumn("session_id").asList();
    assertThat(ids).isSorted().doesNotHaveDuplicates();
    assertThat(f.columnNames()).containsExactlyElementsOf(Features.columnNames());
  }

  @Test
  void sharesAreWithinZeroAndOneAndSumUp() {
    for (int r = 0; r < f.rowCount(); r++) {
      int calls = i("n_tool_calls", r);
      int countSum = 0;
      double shareSum = 0;
      double shell = 0;
      for (String c : ToolTaxonomy.CATEGORIES) {
        countSum += i(Features.toolCountColumn(c), r);
        double s = d(Features.toolShareColumn(c), r);
        if (calls == 0) {
          assertThat(s).isNaN();
        } else {
          assertThat(s).isBetween(0.0, 1.0);
          shareSum += s;
          if (ToolTaxonomy.isShell(c)) shell += s;
        }
      }
      assertThat(countSum).isEqualTo(calls);
      if (calls > 0) {
        assertThat(shareSum).isCloseTo(1.0, within(1e-9));
        assertThat(d("shell_share", r)).isCloseTo(shell, within(1e-9));
      }
      for (String c : List.of("edit_focus", "pushback_rate")) {
        double v = d(c, r);
        if (!Double.isNaN(v)) assertThat(v).as(c).isBetween(0.0, 1.0);
      }
      double div = d("tool_diversity", r);
      if (!Double.isNaN(div)) assertThat(div).isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
    }
  }

  @Test
  void countsAreConsistent() {
    for (int r = 0; r < f.rowCount(); r++) {
      int prompts = i("iteration_count", r);
      assertThat(i("edit_iteration_count", r)).isBetween(0, prompts);
      assertThat(i("research_iteration_count", r)).isBetween(0, prompts);
      assertThat(i("course_correction_count", r)).isBetween(0, prompts);
      assertThat(i("tests_attempted", r)).isEqualTo(i("tests_run_count", r) > 0 ? 1 : 0);
      assertThat(i("tests_run_count", r)).isBetween(0, i("n_tool_calls", r));
      assertThat(i("has_pr", r)).isEqualTo(i("pr_count", r) > 0 ? 1 : 0);
      assertThat(i("diff_reviewed", r)).isIn(0, 1);
      assertThat(i("is_subagent", r)).isIn(0, 1);
      assertThat(f.stringColumn("task_size").get(r)).isEqualTo(Features.taskSize(prompts));
      assertThat(f.longColumn("total_user_chars").get(r)).isNotNegative();
      if (prompts == 0) {
        assertThat(d("tool_call_density", r)).isNaN();
        assertThat(d("actions_per_prompt", r)).isNaN();
        assertThat(d("interrupt_rate", r)).isNaN();
      } else {
        assertThat(d("tool_call_density", r)).isEqualTo((double) i("n_tool_calls", r) / prompts);
        assertThat(d("actions_per_prompt", r)).isLessThanOrEqualTo(d("tool_call_density", r));
        assertThat(d("interrupt_rate", r)).isEqualTo((double) i("interrupt_count", r) / prompts);
      }
      assertThat(Double.isNaN(d("pushback_rate", r))).isEqualTo(prompts < 2);
      if (prompts < 4) assertThat(d("prompt_length_ratio", r)).isEqualTo(1.0);
      else if (!Double.isNaN(d("prompt_length_ratio", r))) {
        assertThat(d("prompt_length_ratio", r)).isNotNegative();
      }
    }
  }

  @Test
  void timeFeaturesAreMissingTogetherAndBounded() {
    IntColumn late = f.intColumn("late_pause_count");
    DoubleColumn med = f.doubleColumn("median_pause_seconds");
    for (int r = 0; r < f.rowCount(); r++) {
      assertThat(late.isMissing(r)).isEqualTo(Double.isNaN(med.getDouble(r)));
      if (!late.isMissing(r)) {
        assertThat(med.getDouble(r)).isBetween(0.0, Features.PAUSE_CAP_S);
        assertThat(late.getInt(r)).isNotNegative();
      }
      double dur = d("duration_s", r);
      if (!Double.isNaN(dur)) assertThat(dur).isNotNegative();
    }
  }

  @Test
  void codingModeFollowsAgentPercentage() {
    StringColumn mode = f.stringColumn("coding_mode");
    int known = 0;
    for (int r = 0; r < f.rowCount(); r++) {
      double p = d("agent_percentage", r);
      assertThat(mode.get(r)).isEqualTo(Features.codingMode(Double.isNaN(p) ? null : p));
      if (!Double.isNaN(p)) {
        known++;
        assertThat(p).isBetween(0.0, 100.0);
      }
    }
    assertThat(known).isPositive();
  }
}
