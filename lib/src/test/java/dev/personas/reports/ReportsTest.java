package dev.personas.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.personas.features.Features;
import dev.personas.load.IngestReport;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class ReportsTest {

  @Test
  void verdictSaysHowFarFromThePaper() {
    assertThat(Compare.verdict(3, 4)).isEqualTo("3.00 here vs 4.00 published: lower by 25%.");
    assertThat(Compare.verdict(4.2, 4)).isEqualTo("4.20 here vs 4.00 published: about the same.");
    assertThat(Compare.verdict(Double.NaN, 0.5)).startsWith("not computable");
    assertThat(Compare.verdict(0, 0)).endsWith("the same.");
  }

  @Test
  void anthropicSummaryUsesGeometricMeansOfPositiveValues() {
    Table f = Table.create("f", IntColumn.create("iteration_count", 1, 4, 9),
        DoubleColumn.create("actions_per_prompt", 1, 100, 10000),
        DoubleColumn.create("words_per_prompt", 10, 0, 1000));
    Table s = AnthropicMeasures.summary(f);
    assertThat(s.rowCount()).isEqualTo(8);
    assertThat(s.doubleColumn("this_dataset").getDouble(1)).isEqualTo(4);               // median prompts
    assertThat(s.doubleColumn("this_dataset").getDouble(3)).isCloseTo(100, within(1e-9)); // geomean 1,100,10000
    assertThat(s.doubleColumn("this_dataset").getDouble(4)).isCloseTo(100, within(1e-9)); // 10, 1000 (0 left out)
    assertThat(s.doubleColumn("this_dataset").getDouble(5)).isCloseTo(1 / 3.0, within(1e-12)); // > 100: only 10000
    assertThat(AnthropicMeasures.markdown(s)).contains("| median prompts per session | 4.00 | 4.00 |");
  }

  @Test
  void sessionsByMonthCountsUtcMonthsAndUnknownLast() {
    InstantColumn c = InstantColumn.create("created_at");
    c.append(Instant.parse("2026-02-28T23:59:00Z"));
    c.append(Instant.parse("2026-03-01T00:00:00Z"));
    c.append(Instant.parse("2026-03-15T00:00:00Z"));
    c.appendMissing();
    Table t = Explore.sessionsByMonth(Table.create("s", c));
    assertThat(t.stringColumn("month").asList()).containsExactly("2026-02", "2026-03", "(unknown)");
    assertThat(t.intColumn("sessions").asList()).containsExactly(1, 2, 1);
  }

  @Test
  void reportByFormatAndProblems() {
    var p = new IngestReport.LineProblem(7, "malformed JSON");
    var a = new IngestReport.FileEntry("/home/x/a/b/c.jsonl", "claude-code-jsonl", 100, 10, 1, 1, List.of(p), List.of(), null);
    var b = new IngestReport.FileEntry("/d/e.jsonl", "claude-code-jsonl", 50, 5, 0, 1, List.of(), List.of(), null);
    var r = new IngestReport(List.of(a, b), List.of(), List.of(), null, "f", "o");
    Table t = Explore.reportByFormat(r);
    assertThat(t.rowCount()).isEqualTo(1);
    assertThat(t.longColumn("files").get(0)).isEqualTo(2);
    assertThat(t.longColumn("records").get(0)).isEqualTo(15);
    Table pr = Explore.problems(r, 10);
    assertThat(pr.stringColumn("file").get(0)).isEqualTo("a/b/c.jsonl");
    assertThat(pr.longColumn("line").get(0)).isEqualTo(7);
    assertThatThrownBy(() -> Explore.problems(r, -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void embeddingSeparatesTwoGroupsOnTheFirstComponentDeterministically() {
    double[][] x = {{0, 0, 0}, {0.1, 0, 0.1}, {0, 0.1, 0}, {5, 5, 5}, {5.1, 5, 5}, {5, 5.1, 5.1}};
    List<String> ids = List.of("a", "b", "c", "d", "e", "f");
    List<String> g = List.of("low", "low", "low", "high", "high", "high");
    Table e1 = Embedding.pca(x, ids, g);
    Table e2 = Embedding.pca(x, ids, g);
    assertThat(e1.shape()).isEqualTo(e2.shape());
    assertThat(e1.doubleColumn("pc1").asDoubleArray()).containsExactly(e2.doubleColumn("pc1").asDoubleArray());
    double[] pc1 = e1.doubleColumn("pc1").asDoubleArray();
    for (int i = 0; i < 3; i++) for (int j = 3; j < 6; j++) assertThat(Math.signum(pc1[i])).isNotEqualTo(Math.signum(pc1[j]));
    assertThatThrownBy(() -> Embedding.pca(x, List.of("a"), g)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toolCategoryTableSumsCountsInTable5Order() {
    Table f = Table.create("f", StringColumn.create("session_id", "s1", "s2"),
        IntColumn.create(Features.toolCountColumn("read"), 3, 1),
        IntColumn.create(Features.toolCountColumn("git/gh"), 0, 4));
    Table t = SweChat.toolCategoryTable(f);
    assertThat(t.rowCount()).isEqualTo(20);
    assertThat(t.stringColumn("category").get(0)).isEqualTo("read");
    assertThat(t.longColumn("count").get(0)).isEqualTo(4);
    assertThat(t.doubleColumn("share").getDouble(0)).isEqualTo(0.5);
    assertThat(t.doubleColumn("published_share").getDouble(0)).isEqualTo(0.147);
  }

  @Test
  void shuffleKeepsEachColumnsValuesAndIsSeeded() {
    Table t = Table.create("t", StringColumn.create("id", "a", "b", "c", "d", "e"),
        DoubleColumn.create("x", 1, 2, 3, 4, 5), DoubleColumn.create("y", 10, 20, 30, 40, 50));
    Table s1 = Shuffle.columns(t, List.of("x", "y"), 7);
    Table s2 = Shuffle.columns(t, List.of("x", "y"), 7);
    assertThat(s1.stringColumn("id").asList()).containsExactly("a", "b", "c", "d", "e");
    assertThat(s1.doubleColumn("x").asList()).containsExactlyInAnyOrder(1.0, 2.0, 3.0, 4.0, 5.0);
    assertThat(s1.doubleColumn("x").asList()).isEqualTo(s2.doubleColumn("x").asList());
    assertThat(t.doubleColumn("x").asList()).containsExactly(1.0, 2.0, 3.0, 4.0, 5.0);
    assertThatThrownBy(() -> Shuffle.columns(t, List.of("z"), 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tsneIsSeededAndKeepsTwoBlobsApart() {
    java.util.Random r = new java.util.Random(3);
    int n = 40;
    double[][] x = new double[n][3];
    List<String> ids = new java.util.ArrayList<>(), g = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      double c = i < n / 2 ? 0 : 10;
      for (int j = 0; j < 3; j++) x[i][j] = c + r.nextGaussian() * 0.5;
      ids.add("s" + i);
      g.add(i < n / 2 ? "a" : "b");
    }
    Table t1 = Embedding.tsne(x, ids, g, 11);
    Table t2 = Embedding.tsne(x, ids, g, 11);
    assertThat(t1.doubleColumn("x").asDoubleArray()).containsExactly(t2.doubleColumn("x").asDoubleArray());
    double[] cx = new double[2], cy = new double[2];
    for (int i = 0; i < n; i++) {
      cx[i < n / 2 ? 0 : 1] += t1.doubleColumn("x").getDouble(i) / (n / 2.0);
      cy[i < n / 2 ? 0 : 1] += t1.doubleColumn("y").getDouble(i) / (n / 2.0);
    }
    double between = Math.hypot(cx[0] - cx[1], cy[0] - cy[1]);
    double within = 0;
    for (int i = 0; i < n; i++) {
      int k = i < n / 2 ? 0 : 1;
      within += Math.hypot(t1.doubleColumn("x").getDouble(i) - cx[k], t1.doubleColumn("y").getDouble(i) - cy[k]) / n;
    }
    assertThat(between).isGreaterThan(2 * within);
    assertThatThrownBy(() -> Embedding.tsne(new double[3][2], List.of("a", "b", "c"), List.of("a", "b", "c"), 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
