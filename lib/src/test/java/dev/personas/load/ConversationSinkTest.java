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
}
