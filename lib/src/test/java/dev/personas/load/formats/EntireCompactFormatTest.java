package dev.personas.load.formats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.personas.load.ConversationSink;
import dev.personas.load.TranscriptFormats;
import dev.personas.schema.Schema;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class EntireCompactFormatTest {
  static final String COMPACT = String.join("\n",
      "{\"v\":1,\"agent\":\"codex\",\"cli_version\":\"0.9.0\",\"type\":\"user\",\"ts\":\"2026-05-02T08:00:00Z\",\"content\":[{\"id\":\"u1\",\"text\":\"add a retry to the client\"}]}",
      "{\"v\":1,\"agent\":\"codex\",\"cli_version\":\"0.9.0\",\"type\":\"assistant\",\"ts\":\"2026-05-02T08:00:05Z\",\"id\":\"r1\",\"input_tokens\":120,\"output_tokens\":30,\"content\":[{\"type\":\"text\",\"text\":\"Looking.\"},{\"type\":\"tool_use\",\"id\":\"c1\",\"name\":\"exec_command\",\"input\":{\"cmd\":\"npm test\"},\"result\":{\"output\":\"1 failing\",\"status\":\"error\"}}]}",
      "{\"v\":1,\"agent\":\"codex\",\"cli_version\":\"0.9.0\",\"type\":\"user\",\"ts\":\"2026-05-02T08:01:00Z\",\"content\":[{\"text\":\"[Request interrupted by user]\"},{\"type\":\"image\",\"source\":{}}]}",
      "{\"v\":1,\"agent\":\"codex\",\"cli_version\":\"0.9.0\",\"type\":\"assistant\",\"ts\":\"2026-05-02T08:01:30Z\",\"id\":\"r2\",\"output_tokens\":9,\"content\":[{\"type\":\"tool_use\",\"id\":\"c2\",\"name\":\"apply_patch\",\"input\":{\"path\":\"src/client.ts\"},\"result\":{\"output\":\"ok\",\"status\":\"success\"}}]}",
      "{\"v\":1,\"agent\":\"codex\",\"type\":\"note\",\"ts\":\"2026-05-02T08:02:00Z\",\"content\":[]}",
      "{\"v\":1,\"agent\":\"codex\",\"type\":\"assistant\",\"ts\":\"2026-05-");

  @Test
  void parsesCompactTranscript() throws Exception {
    assertThat(TranscriptFormats.detect(COMPACT).map(f -> f.id())).contains("entire-compact-v1");
    ConversationSink sink = new ConversationSink(10_000, 10_000);
    new EntireCompactFormat().parse(new ByteArrayInputStream(COMPACT.getBytes(StandardCharsets.UTF_8)), sink);
    Table t = Schema.emptyConversations();
    sink.appendTo(t, "s", "o/r", "u", "Codex", 0);
    assertThat(t.stringColumn("turn_type").asList()).containsExactly("user_prompt",
        "assistant_response", "tool_use", "tool_result", "system_injected", "system_injected",
        "tool_use", "tool_result");
    assertThat(t.stringColumn("tool_category").get(2)).isEqualTo("bash:build");
    assertThat(t.stringColumn("command").get(2)).isEqualTo("npm test");
    assertThat(t.booleanColumn("is_error").get(3)).isTrue();
    assertThat(t.stringColumn("tool_call_id").get(3)).isEqualTo("c1");
    assertThat(t.booleanColumn("is_interrupt").get(4)).isTrue();
    assertThat(t.stringColumn("tool_category").get(6)).isEqualTo("edit");
    assertThat(t.stringColumn("file_path").get(6)).isEqualTo("src/client.ts");
    assertThat(t.booleanColumn("is_error").get(7)).isFalse();
    assertThat(t.longColumn("input_tokens").get(1)).isEqualTo(120L);
    assertThat(t.longColumn("input_tokens").isMissing(2)).isTrue();
    assertThat(t.longColumn("output_tokens").sum()).isEqualTo(39.0);
    assertThat(t.instantColumn("timestamp").get(0)).isEqualTo(Instant.parse("2026-05-02T08:00:00Z"));
    assertThat(sink.session().agent).isEqualTo("Codex");
    assertThat(sink.session().outputTokens).isEqualTo(39L);
    assertThat(sink.problems()).extracting(ConversationSink.Problem::line).containsExactly(5L, 6L);
    assertThat(sink.problems().get(0).reason()).isEqualTo("unknown record type 'note'");
    assertThat(sink.problems().get(1).reason()).startsWith("file ends mid-line");
  }
}
