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

class ClaudeCodeFormatTest {
  static final String SESSION = dev.personas.load.ClaudeCodeFormatFixture.SESSION;

  static Table parse(String text, int cap) throws Exception {
    ConversationSink sink = new ConversationSink(cap, cap);
    new ClaudeCodeFormat().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), sink);
    Table t = Schema.emptyConversations();
    sink.appendTo(t, "s", "o/r", "u", "Claude Code", 0);
    lastSink = sink;
    return t;
  }

  static ConversationSink lastSink;

  @Test
  void detectedByContentOnly() {
    assertThat(TranscriptFormats.detect(SESSION).map(f -> f.id())).contains("claude-code-jsonl");
    assertThat(new ClaudeCodeFormat().detect("{\n  \"info\": {\"type\": \"user\"}\n}")).isFalse();
    assertThat(new ClaudeCodeFormat().detect("{\"v\":1,\"agent\":\"claude-code\",\"type\":\"user\"}")).isFalse();
    assertThat(new ClaudeCodeFormat().detect("hello world")).isFalse();
  }

  @Test
  void rowsRolesAndTurnTypes() throws Exception {
    Table t = parse(SESSION, 10_000);
    assertThat(t.rowCount()).isEqualTo(20);
    assertThat(t.stringColumn("turn_type").asList()).containsExactly(
        "file_snapshot", "system_injected", "queue_operation", "user_prompt", "system_injected",
        "assistant_thinking", "tool_use", "tool_result", "tool_use", "tool_use", "tool_result",
        "system_injected", "tool_use", "system_injected", "system_injected", "system_injected",
        "system_event", "assistant_response", "progress", "system_event");
    // the queued prompt counts once: one user_prompt with that text
    assertThat(t.where(t.stringColumn("turn_type").isEqualTo("user_prompt")).rowCount()).isEqualTo(1);
    assertThat(t.stringColumn("content").get(3)).isEqualTo("fix the failing test");
    assertThat(t.booleanColumn("is_conversational").get(3)).isTrue();
    assertThat(t.booleanColumn("is_conversational").get(2)).isFalse();
    assertThat(t.stringColumn("event").get(2)).isEqualTo("queue_operation");
    assertThat(t.booleanColumn("is_interrupt").get(11)).isTrue();
    assertThat(t.booleanColumn("is_sidechain").get(12)).isTrue();
    assertThat(t.booleanColumn("is_sidechain").get(11)).isFalse();
    assertThat(t.stringColumn("event").get(13)).isEqualTo("compaction");
    assertThat(t.stringColumn("event").get(16)).isEqualTo("pr_link");
    assertThat(t.stringColumn("content").get(16)).isEqualTo("https://github.com/o/r/pull/7");
    assertThat(t.stringColumn("event").get(19)).isEqualTo("compaction");
    assertThat(t.stringColumn("turn_id").get(0)).isEqualTo("s:000000");
    assertThat(t.stringColumn("turn_id").get(19)).isEqualTo("s:000019");
  }

  @Test
  void toolCallsAndCategories() throws Exception {
    Table t = parse(SESSION, 10_000);
    assertThat(t.stringColumn("tool_name").get(6)).isEqualTo("Bash");
    assertThat(t.stringColumn("command").get(6)).isEqualTo("# run it\ngit status");
    assertThat(t.stringColumn("tool_category").get(6)).isEqualTo("git/gh");
    assertThat(t.stringColumn("tool_call_id").get(6)).isEqualTo("t1");
    assertThat(t.stringColumn("tool_input_json").get(6)).contains("\"description\":\"status\"");
    assertThat(t.stringColumn("tool_call_id").get(7)).isEqualTo("t1");
    assertThat(t.stringColumn("role").get(7)).isEqualTo("tool_result");
    assertThat(t.booleanColumn("is_error").get(7)).isFalse();
    assertThat(t.stringColumn("file_path").get(8)).isEqualTo("/p/a.java");
    assertThat(t.stringColumn("tool_category").get(8)).isEqualTo("read");
    assertThat(t.stringColumn("pattern").get(9)).isEqualTo("TODO");
    assertThat(t.stringColumn("tool_category").get(9)).isEqualTo("grep");
    assertThat(t.booleanColumn("is_error").get(10)).isTrue();
    assertThat(t.stringColumn("content").get(10)).isEqualTo("File does not exist.");
    assertThat(t.stringColumn("tool_category").get(12)).isEqualTo("mcp");
    // categories only on tool_use rows
    assertThat(t.stringColumn("tool_category").get(7)).isEmpty();
  }

  @Test
  void tokensOnFirstLineOfAResponseOnly() throws Exception {
    Table t = parse(SESSION, 10_000);
    assertThat(t.longColumn("input_tokens").get(5)).isEqualTo(10L);
    assertThat(t.longColumn("cache_read_input_tokens").get(5)).isEqualTo(100L);
    assertThat(t.longColumn("output_tokens").get(5)).isEqualTo(7L);
    assertThat(t.longColumn("input_tokens").isMissing(6)).isTrue();
    assertThat(t.stringColumn("message_id").get(6)).isEqualTo("msg_1");
    // msg_2 has two blocks on one line: usage on the first only
    assertThat(t.longColumn("output_tokens").get(8)).isEqualTo(4L);
    assertThat(t.longColumn("output_tokens").isMissing(9)).isTrue();
    assertThat(t.longColumn("output_tokens").sum()).isEqualTo(7 + 4 + 1 + 5);
    var info = lastSink.session();
    assertThat(info.sessionId).isEqualTo("sess-1");
    assertThat(info.model).isEqualTo("claude-test-1");
    assertThat(info.outputTokens).isEqualTo(17L);
    assertThat(info.inputTokens).isEqualTo(16L);
    assertThat(info.cacheReadTokens).isEqualTo(100L);
    assertThat(info.cwd).isEqualTo("/home/dev/proj");
  }

  @Test
  void timestampsAreUtcInstantsAndBadOnesAreKeptAsMissing() throws Exception {
    Table t = parse(SESSION, 10_000);
    assertThat(t.instantColumn("timestamp").get(1)).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
    assertThat(t.instantColumn("timestamp").isMissing(17)).isTrue();
    assertThat(t.stringColumn("content").get(17)).isEqualTo("Done: tests  pass now.");
    assertThat(lastSink.warnings()).singleElement()
        .satisfies(w -> assertThat(w.reason()).contains("unparsable timestamp 'yesterday'"));
    assertThat(lastSink.session().startedAt).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
    assertThat(lastSink.session().endedAt).isEqualTo(Instant.parse("2026-03-01T10:00:14Z"));
  }

  @Test
  void badLinesAreSkippedWithLineAndReason() throws Exception {
    parse(SESSION, 10_000);
    assertThat(lastSink.problems()).extracting(ConversationSink.Problem::line).containsExactly(16L, 17L, 22L);
    assertThat(lastSink.problems().get(0).reason()).startsWith("malformed JSON");
    assertThat(lastSink.problems().get(1).reason()).isEqualTo("unknown record type 'mystery-record'");
    assertThat(lastSink.problems().get(2).reason()).startsWith("file ends mid-line");
  }

  @Test
  void countsAreOfFullContentAndContentIsCapped() throws Exception {
    Table t = parse(SESSION, 5);
    assertThat(t.stringColumn("content").get(3)).isEqualTo("fix t");
    assertThat(t.intColumn("char_count").get(3)).isEqualTo("fix the failing test".length());
    assertThat(t.intColumn("word_count").get(3)).isEqualTo(4);
    assertThat(t.stringColumn("tool_input_json").get(6)).hasSize(5);
    assertThat(t.intColumn("word_count").get(17)).isEqualTo(4);
  }

  @Test
  void recordsGluedOnOneLineAreEachRead() throws Exception {
    String a = "{\"type\":\"user\",\"uuid\":\"x\",\"sessionId\":\"s\",\"message\":{\"content\":\"one\"}}";
    String b = "{\"type\":\"user\",\"uuid\":\"y\",\"sessionId\":\"s\",\"message\":{\"content\":\"two\"}}";
    Table t = parse(a + b + "\n" + a + " 42\n", 100);
    assertThat(t.stringColumn("content").asList()).containsExactly("one", "two", "one");
    assertThat(lastSink.problems()).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(2);
      assertThat(p.reason()).isEqualTo("trailing data after the JSON record");
    });
  }

  @Test
  void nonUtf8BytesSkipOnlyThatLine() throws Exception {
    byte[] good = "{\"type\":\"user\",\"uuid\":\"x\",\"sessionId\":\"s\",\"message\":{\"content\":\"hello\"}}\n".getBytes(StandardCharsets.UTF_8);
    byte[] bad = "{\"type\":\"user\",\"uuid\":\"y\",\"sessionId\":\"s\",\"message\":{\"content\":\"caf\u00e9\"}}\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = new byte[good.length * 2 + bad.length];
    System.arraycopy(good, 0, all, 0, good.length);
    System.arraycopy(bad, 0, all, good.length, bad.length);
    System.arraycopy(good, 0, all, good.length + bad.length, good.length);
    ConversationSink sink = new ConversationSink(100, 100);
    new ClaudeCodeFormat().parse(new ByteArrayInputStream(all), sink);
    assertThat(sink.size()).isEqualTo(2);
    assertThat(sink.problems()).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(2);
      assertThat(p.reason()).containsIgnoringCase("UTF-8");
    });
  }

  /** Long texts: counted whole, stored capped, whichever way the parser reads them. */
  @Test
  void longToolResultsAndAnswersAreCountedWholeAndStoredCapped() throws Exception {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 3000; i++) b.append("word").append(i).append(i % 7 == 0 ? "\n" : " ").append("\u00e9\uD83D\uDE00 ");
    String big = b.toString(); // ~45,000 chars with escapes, multi-byte UTF-8 and surrogate pairs
    String json = dev.personas.load.formats.JsonLines.MAPPER.writeValueAsString(big);
    String head = "{\"type\":\"user\",\"sessionId\":\"s1\",\"uuid\":\"u0\",\"timestamp\":\"2026-02-01T10:00:00Z\",";
    String text = head + "\"message\":{\"role\":\"user\",\"content\":\"look\"}}\n"
        // assistant answer and thinking, type before message (read capped)
        + "{\"type\":\"assistant\",\"sessionId\":\"s1\",\"uuid\":\"u1\",\"timestamp\":\"2026-02-01T10:00:01Z\","
        + "\"message\":{\"id\":\"m1\",\"role\":\"assistant\",\"content\":[{\"type\":\"thinking\",\"thinking\":" + json
        + "},{\"type\":\"text\",\"text\":" + json + "}]}}\n"
        // tool result as a string and as a list of text blocks (joined by newlines)
        + head.replace("u0", "u2") + "\"message\":{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"t1\",\"content\":" + json + "}]}}\n"
        + head.replace("u0", "u3") + "\"message\":{\"role\":\"user\",\"content\":[{\"tool_use_id\":\"t2\",\"content\":[{\"type\":\"text\",\"text\":" + json
        + "},{\"type\":\"image\",\"source\":{}},{\"type\":\"text\",\"text\":\"tail\"}],\"type\":\"tool_result\"}]}}\n"
        // the assistant's type after its message: read whole, same result
        + "{\"sessionId\":\"s1\",\"uuid\":\"u4\",\"message\":{\"id\":\"m2\",\"role\":\"assistant\",\"content\":" + json + "},\"type\":\"assistant\"}\n"
        // a long pasted prompt is classified and stored from the whole text
        + head.replace("u0", "u5") + "\"message\":{\"role\":\"user\",\"content\":" + json + "}}\n";
    Table t = parse(text, 10_000);
    assertThat(lastSink.problems()).isEmpty();
    assertThat(t.stringColumn("turn_type").asList()).containsExactly("user_prompt", "assistant_thinking",
        "assistant_response", "tool_result", "tool_result", "assistant_response", "user_prompt");
    String joined = big + "\n[image]\ntail";
    for (int r : new int[] {1, 2, 3, 5, 6}) {
      assertThat(t.intColumn("char_count").get(r)).as("row %d", r).isEqualTo(big.length());
      assertThat(t.intColumn("word_count").get(r)).as("row %d", r).isEqualTo(ConversationSink.wordCount(big));
      assertThat(t.stringColumn("content").get(r)).as("row %d", r).isEqualTo(ConversationSink.cap(big, 10_000));
    }
    assertThat(t.intColumn("char_count").get(4)).isEqualTo(joined.length());
    assertThat(t.intColumn("word_count").get(4)).isEqualTo(ConversationSink.wordCount(joined));
    assertThat(t.stringColumn("content").get(4)).isEqualTo(ConversationSink.cap(joined, 10_000));
    assertThat(t.stringColumn("content").get(4)).hasSize(10_000);
  }
}
