package dev.personas.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.personas.schema.Schema;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ConversationSinkTest {
  @Test
  void identityCountsCategoriesAndCaps() {
    ConversationSink s = new ConversationSink(4, 6);
    Turn t = new Turn();
    t.role = "tool_use";
    t.turnType = "tool_use";
    t.toolName = "run_shell_command";
    t.command = "curl -s example.org";
    t.toolInputJson = "{\"command\":\"curl -s example.org\"}";
    t.content = " two  words\n";
    s.turn(t);
    t.clear();
    t.role = "user";
    t.turnType = "user_prompt";
    t.content = "ab\uD83D\uDE00cd"; // an emoji (surrogate pair) straddling the cap
    s.turn(t);
    Table out = Schema.emptyConversations();
    s.appendTo(out, "sid", "o/r", "u1", "Gemini CLI", 7);
    Schema.requireColumns(out, Schema.CONVERSATIONS);
    assertThat(out.stringColumn("turn_id").asList()).containsExactly("sid:000007", "sid:000008");
    assertThat(out.intColumn("turn_number").asList()).containsExactly(7, 8);
    assertThat(out.stringColumn("tool_category").get(0)).isEqualTo("bash:net");
    assertThat(out.stringColumn("tool_input_json").get(0)).isEqualTo("{\"comm");
    assertThat(out.intColumn("word_count").get(0)).isEqualTo(2);
    assertThat(out.intColumn("char_count").get(0)).isEqualTo(12);
    assertThat(out.stringColumn("content").get(0)).isEqualTo(" two");
    assertThat(out.stringColumn("content").get(1)).isEqualTo("ab\uD83D\uDE00");
    assertThat(out.stringColumn("content").get(1)).hasSize(4);
    assertThat(ConversationSink.cap("ab\uD83D\uDE00cd", 3)).isEqualTo("ab");
    assertThat(out.stringColumn("agent").get(1)).isEqualTo("Gemini CLI");
    assertThat(out.stringColumn("user_id").get(1)).isEqualTo("u1");
    assertThat(out.stringColumn("tool_category").get(1)).isEmpty();
  }

  @Test
  void rejectsBadCaps() {
    assertThatThrownBy(() -> new ConversationSink(0, 5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0");
  }

  @Test
  void columnFillOfManyDistinctValuesEqualsPlainAppends() throws Exception {
    // more distinct texts than a Tablesaw short dictionary holds: appendAll builds the int
    // dictionary directly where Tablesaw would promote to one, else appends; either way the column
    // must equal appending row by row. Mostly repeated values (int dictionary):
    Table[] r = fillBothWays(i -> i % 3 == 0 ? "text " + i : i % 2 == 0 ? "same text" : i % 5 == 0 ? "" : null);
    tech.tablesaw.api.StringColumn x = r[0].stringColumn("content"), y = r[1].stringColumn("content");
    assertThat(x.asList()).isEqualTo(y.asList());
    assertThat(x.countUnique()).isEqualTo(y.countUnique()).isGreaterThan(65_535);
    assertThat(x.countMissing()).isEqualTo(y.countMissing()).isGreaterThan(10_000);
    assertThat(x.isEqualTo("same text").size()).isEqualTo(y.isEqualTo("same text").size()).isGreaterThan(10_000);
    for (String c : java.util.List.of("turn_id", "tool_call_id", "message_id", "role")) {
      assertThat(r[0].stringColumn(c).asList()).as(c).isEqualTo(r[1].stringColumn(c).asList());
    }
    // mostly distinct values (Tablesaw turns the column into a plain text store)
    Table[] d = fillBothWays(i -> i % 7 == 0 ? null : "text " + i);
    assertThat(d[0].stringColumn("content").asList()).isEqualTo(d[1].stringColumn("content").asList());
    assertThat(d[0].stringColumn("turn_id").asList()).isEqualTo(d[1].stringColumn("turn_id").asList());
  }

  /** Two sessions' rows filled by appendAll and by appendTo: {fast, plain}. */
  private static Table[] fillBothWays(java.util.function.IntFunction<String> content) throws Exception {
    ConversationSink a = new ConversationSink(10_000, 10_000);
    ConversationSink b = new ConversationSink(10_000, 10_000);
    int n = 250_000;
    for (int i = 0; i < n; i++) {
      Turn t = new Turn();
      t.role = i % 3 == 0 ? "tool_use" : "assistant";
      t.turnType = t.role;
      t.content = content.apply(i);
      t.toolCallId = i % 2 == 0 ? "call_" + i : null;
      (i < n / 2 ? a : b).turn(t);
    }
    Table plain = Schema.emptyConversations();
    a.appendTo(plain, "s1", "o/r", "u", "Codex", 0);
    b.appendTo(plain, "s2", "o/r", "u", "Codex", 0);
    Table fast = Schema.emptyConversations();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      ConversationSink.appendAll(fast, java.util.List.of(new ConversationSink.Part(a, "s1", "o/r", "u", "Codex", 0),
          new ConversationSink.Part(b, "s2", "o/r", "u", "Codex", 0)), pool);
    } finally {
      pool.shutdownNow();
    }
    assertThat(fast.columnNames()).isEqualTo(plain.columnNames());
    assertThat(fast.rowCount()).isEqualTo(n);
    return new Table[] {fast, plain};
  }
}
