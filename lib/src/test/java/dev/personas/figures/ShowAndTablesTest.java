package dev.personas.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class ShowAndTablesTest {

  @Test
  void markdownAndHtmlBundles() {
    assertThat(Show.markdown("## Data\n`fp`").mimeBundle())
        .containsExactly(Map.entry("text/markdown", "## Data\n`fp`"), Map.entry("text/plain", "## Data\n`fp`"));
    Map<String, String> html = Show.html("<p>a &amp; <b>b</b></p>").mimeBundle();
    assertThat(html.get("text/html")).isEqualTo("<p>a &amp; <b>b</b></p>");
    assertThat(html.get("text/plain")).isEqualTo("a & b");
    assertThat(Show.escape("<a href=\"x\">'&'</a>")).isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    assertThatThrownBy(() -> Show.markdown(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sharesCountsAndSortsByCountThenValue() {
    Table t = Table.create("s", StringColumn.create("agent", "claude", "codex", "aider", "codex", "aider", "gemini"));
    Table s = Tables.shares(t, "agent");
    assertThat(s.columnNames()).containsExactly("agent", "count", "share");
    assertThat(s.stringColumn("agent").asList()).containsExactly("aider", "codex", "claude", "gemini");
    assertThat(s.longColumn("count").asList()).containsExactly(2L, 2L, 1L, 1L);
    assertThat(s.doubleColumn("share").get(0)).isEqualTo(2.0 / 6);

    StringColumn cat = StringColumn.create("tool_category", "read", "edit", "read");
    cat.appendMissing();
    Table calls = Table.create("c", cat);
    assertThat(Tables.shares(calls, "tool_category").stringColumn("tool_category").asList()).contains("(missing)");
    Table noMissing = Tables.shares(calls, "tool_category", false);
    assertThat(noMissing.stringColumn("tool_category").asList()).containsExactly("read", "edit");
    assertThat(noMissing.doubleColumn("share").asList()).containsExactly(2.0 / 3, 1.0 / 3);
  }

  @Test
  void fixedPrecisionAndMarkdown() {
    DoubleColumn share = DoubleColumn.create("share", 0.123456, 1.0 / 3);
    share.appendMissing();
    Table t = Table.create("t", StringColumn.create("mode", "vibe", "a|b", "none"), IntColumn.create("n", 3, 4, 5), share);
    Table f = Tables.fixed(t, 3);
    assertThat(f.stringColumn("share").asList()).containsExactly("0.123", "0.333", "");
    assertThat(f.intColumn("n").asList()).containsExactly(3, 4, 5);
    assertThat(Tables.markdown(t, 2)).isEqualTo(
        "| mode | n | share |\n| --- | ---: | ---: |\n| vibe | 3 | 0.12 |\n| a\\|b | 4 | 0.33 |\n| none | 5 |  |\n");
    assertThat(Tables.show(t, 1).mimeBundle()).containsKey("text/markdown");
    assertThatThrownBy(() -> Tables.fixed(t, -1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
  }

  @Test
  void countsTableKeepsOrder() {
    Map<String, Integer> m = new LinkedHashMap<>();
    m.put("z", 1);
    m.put("a", 2);
    Table t = Tables.counts(m, "agent", "sessions");
    assertThat(t.stringColumn("agent").asList()).containsExactly("z", "a");
    assertThat(t.longColumn("sessions").asList()).containsExactly(1L, 2L);
  }
}
