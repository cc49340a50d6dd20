package dev.personas.load.formats;

import static dev.personas.load.formats.Fixtures.at;
import static dev.personas.load.formats.Fixtures.category;
import static org.assertj.core.api.Assertions.assertThat;

import dev.personas.load.Turn;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodexRolloutFormatTest {
  // Hand-written; field shapes follow shared/reference/formats.md. The last line is cut mid-record.
  static final String ROLLOUT = """
      {"timestamp":"2026-03-01T10:00:00.000Z","type":"session_meta","payload":{"id":"sess-codex-1","timestamp":"2026-03-01T09:59:59.000Z","cwd":"/home/dev/proj","originator":"codex_cli_rs","git":{"commit_hash":"abc","branch":"main","repository_url":"https://github.com/example/proj.git"}}}
      {"timestamp":"2026-03-01T10:00:00.100Z","type":"turn_context","payload":{"turn_id":"t1","cwd":"/home/dev/proj","model":"gpt-5-codex"}}
      {"timestamp":"2026-03-01T10:00:00.200Z","type":"response_item","payload":{"type":"message","role":"developer","content":[{"type":"input_text","text":"<permissions instructions>sandbox</permissions instructions>"}]}}
      {"timestamp":"2026-03-01T10:00:00.300Z","type":"response_item","payload":{"type":"message","role":"user","content":[{"type":"input_text","text":"<environment_context>\\n  <cwd>/home/dev/proj</cwd>\\n</environment_context>"}]}}

      {"timestamp":"2026-03-01T10:00:01.000Z","type":"response_item","payload":{"type":"message","role":"user","content":[{"type":"input_text","text":"fix the failing parser test"}]}}
      {"timestamp":"2026-03-01T10:00:01.001Z","type":"event_msg","payload":{"type":"user_message","message":"fix the failing parser test","images":[]}}
      {"timestamp":"2026-03-01T10:00:02.000Z","type":"response_item","payload":{"type":"reasoning","summary":[{"type":"summary_text","text":"Looking at tests"}],"content":null}}
      {"timestamp":"2026-03-01T10:00:03.000Z","type":"event_msg","payload":{"type":"agent_message","message":"Running the tests first."}}
      {"timestamp":"2026-03-01T10:00:03.000Z","type":"response_item","payload":{"type":"message","role":"assistant","id":"msg_a1","content":[{"type":"output_text","text":"Running the tests first."}]}}
      {"timestamp":"2026-03-01T10:00:03.100Z","type":"response_item","payload":{"type":"function_call","name":"exec_command","arguments":"{\\"cmd\\":\\"mvn -q test\\",\\"workdir\\":\\"/home/dev/proj\\"}","call_id":"call_1"}}
      {"timestamp":"2026-03-01T10:00:09.000Z","type":"response_item","payload":{"type":"function_call_output","call_id":"call_1","output":"Process exited with code 1\\nOutput:\\nFAIL"}}
      {"timestamp":"2026-03-01T10:00:09.100Z","type":"response_item","payload":{"type":"function_call","name":"shell","arguments":"{\\"command\\":[\\"bash\\",\\"-lc\\",\\"git status --short\\"]}","call_id":"call_2"}}
      {"timestamp":"2026-03-01T10:00:09.500Z","type":"response_item","payload":{"type":"function_call_output","call_id":"call_2","output":"Exit code: 0\\nOutput:\\n M src/Parser.java"}}
      {"timestamp":"2026-03-01T10:00:10.000Z","type":"response_item","payload":{"type":"custom_tool_call","status":"completed","call_id":"call_3","name":"apply_patch","input":"*** Begin Patch\\n*** Update File: src/Parser.java\\n@@\\n-old\\n+new\\n*** End Patch"}}
      {"timestamp":"2026-03-01T10:00:10.200Z","type":"response_item","payload":{"type":"custom_tool_call_output","call_id":"call_3","output":"{\\"output\\":\\"Success. Updated the following files:\\\\nM src/Parser.java\\\\n\\",\\"metadata\\":{\\"exit_code\\":0}}"}}
      {"timestamp":"2026-03-01T10:00:10.300Z","type":"event_msg","payload":{"type":"token_count","info":{"total_token_usage":{"input_tokens":5000,"cached_input_tokens":3000,"output_tokens":400,"reasoning_output_tokens":100,"total_tokens":5400},"last_token_usage":{"input_tokens":2500,"cached_input_tokens":2000,"output_tokens":150,"reasoning_output_tokens":50,"total_tokens":2650}}}}
      {"timestamp":"2026-03-01T10:00:11.000Z","type":"event_msg","payload":{"type":"turn_aborted","turn_id":"t1","reason":"interrupted"}}
      {"timestamp":"2026-03-01T10:00:11.100Z","type":"response_item","payload":{"type":"message","role":"user","content":[{"type":"input_text","text":"<turn_aborted>\\nThe user interrupted the previous turn.\\n</turn_aborted>"}]}}
      {"timestamp":"2026-03-01T10:00:12.000Z","type":"event_msg","payload":{"type":"user_message","message":"<codex_delegation>\\nsub task from parent\\n</codex_delegation>"}}
      {"timestamp":"2026-03-01T10:00:12.500Z","type":"mystery_record","payload":{}}
      {"timestamp":"not a time","type":"event_msg","payload":{"type":"user_message","message":"now run the linter"}}
      {"timestamp":"2026-03-01T10:00:13.000Z","type":"response_item","payload":{"type":"function_call","namespace":"mcp__docs","name":"search","arguments":"{\\"pattern\\":\\"Parser\\"}","call_id":"call_4"}}
      {"timestamp":"2026-03-01T10:00:14.000Z","type":"response_item","payload":{"type":"function_call","name":"exec_comm""";

  @Test
  void detectsRolloutAndNotOthers() {
    CodexRolloutFormat f = new CodexRolloutFormat();
    assertThat(f.detect(ROLLOUT.substring(0, 120))).isTrue();
    assertThat(f.detect("{\"type\":\"session_meta\"}\n")).isTrue();
    assertThat(f.detect("{\"parentUuid\":null,\"isSidechain\":false,\"type\":\"user\"}")).isFalse();
    assertThat(f.detect("{\"type\":\"session.start\",\"data\":{}}")).isFalse();
    assertThat(f.detect("not json")).isFalse();
    assertThat(f.detect("")).isFalse();
  }

  @Test
  void mapsPromptsInjectedTextToolsTokensAndInterruptions() {
    RecordingSink s = Fixtures.parse(new CodexRolloutFormat(), ROLLOUT);

    List<Turn> prompts = s.ofType("user_prompt");
    assertThat(prompts).extracting(t -> t.content)
        .containsExactly("fix the failing parser test", "now run the linter");
    assertThat(prompts.get(0).timestamp).isEqualTo(at("2026-03-01T10:00:01.001Z"));
    assertThat(prompts.get(0).isConversational).isTrue();
    assertThat(prompts.get(1).timestamp).isNull(); // unparsable timestamp, record kept

    assertThat(s.ofType("system_injected")).extracting(t -> t.content.substring(0, 12))
        .containsExactly("<permissions", "<environment", "<turn_aborte", "<codex_deleg");

    assertThat(s.ofType("assistant_thinking")).extracting(t -> t.content)
        .containsExactly("Looking at tests");
    List<Turn> answers = s.ofType("assistant_response");
    assertThat(answers).hasSize(1); // agent_message duplicate dropped
    // one synthesized id per model response: reasoning + text + call, then each call after output
    assertThat(s.ofType("assistant_thinking").get(0).messageId).isEqualTo("response-1");
    assertThat(answers.get(0).messageId).isEqualTo("response-1");
    assertThat(answers.get(0).model).isEqualTo("gpt-5-codex");

    List<Turn> tools = s.ofType("tool_use");
    assertThat(tools).extracting(t -> t.toolName)
        .containsExactly("exec_command", "shell", "apply_patch", "mcp__docs__search");
    assertThat(tools).extracting(Fixtures::category)
        .containsExactly("bash:build", "git/gh", "edit", "mcp");
    assertThat(tools.get(0).command).isEqualTo("mvn -q test");
    assertThat(tools.get(0).toolInputJson).contains("\"workdir\"");
    assertThat(tools.get(1).command).isEqualTo("git status --short");
    assertThat(tools.get(2).filePath).isEqualTo("src/Parser.java");
    assertThat(tools.get(3).pattern).isEqualTo("Parser");
    assertThat(tools).extracting(t -> t.toolCallId)
        .containsExactly("call_1", "call_2", "call_3", "call_4");
    assertThat(tools).extracting(t -> t.messageId)
        .containsExactly("response-1", "response-2", "response-3", "response-4");

    List<Turn> results = s.ofType("tool_result");
    assertThat(results).extracting(t -> t.toolCallId).containsExactly("call_1", "call_2", "call_3");
    assertThat(results).extracting(t -> t.isError).containsExactly(true, false, false);

    // the token_count closes the apply_patch response: its usage lands on that response's first row
    Turn usage = tools.get(2);
    assertThat(usage.inputTokens).isEqualTo(500);
    assertThat(usage.outputTokens).isEqualTo(150);
    assertThat(usage.cacheReadInputTokens).isEqualTo(2000);
    assertThat(s.turns.stream().filter(t -> t.inputTokens != null)).hasSize(1);
    assertThat(s.turns).noneMatch(t -> "metadata".equals(t.role) && !t.isInterrupt);
    // rows stay in file order although a response is held until its usage is known
    assertThat(s.turns).extracting(t -> t.turnType).containsSubsequence("tool_use", "tool_result",
        "tool_use", "tool_result", "tool_use", "tool_result", "system_event", "system_injected");

    List<Turn> interrupts = s.turns.stream().filter(t -> t.isInterrupt).toList();
    assertThat(interrupts).hasSize(1);
    assertThat(interrupts.get(0).event).isEqualTo("turn_aborted");
    assertThat(interrupts.get(0).timestamp).isEqualTo(at("2026-03-01T10:00:11Z"));

    assertThat(s.warnings).containsExactly("22: unparsable timestamp 'not a time'");
    assertThat(s.problems).hasSize(2);
    assertThat(s.problems.get(0)).startsWith("21: unknown record type 'mystery_record'");
    assertThat(s.problems.get(1)).startsWith("24: malformed JSON");

    assertThat(s.info.sessionId).isEqualTo("sess-codex-1");
    assertThat(s.info.agent).isEqualTo("Codex");
    assertThat(s.info.cwd).isEqualTo("/home/dev/proj");
    assertThat(s.info.repoUrl).isEqualTo("https://github.com/example/proj.git");
    assertThat(s.info.model).isEqualTo("gpt-5-codex");
    assertThat(s.info.inputTokens).isEqualTo(2000);
    assertThat(s.info.outputTokens).isEqualTo(400);
    assertThat(s.info.cacheReadTokens).isEqualTo(3000);
    assertThat(s.info.startedAt).isEqualTo(at("2026-03-01T09:59:59Z"));
    assertThat(s.info.endedAt).isEqualTo(at("2026-03-01T10:00:13Z"));
  }

  @Test
  void keepsUserMessageWithoutEventCopyOnce() {
    String old = """
        {"timestamp":"2026-03-01T10:00:01Z","type":"response_item","payload":{"type":"message","role":"user","content":[{"type":"input_text","text":"hello there"}]}}
        {"timestamp":"2026-03-01T10:00:02Z","type":"response_item","payload":{"type":"message","role":"assistant","content":[{"type":"output_text","text":"hi"}]}}
        {"timestamp":"2026-03-01T10:00:03Z","type":"response_item","payload":{"type":"message","role":"user","content":[{"type":"input_text","text":"<image name=[Image #1]>"},{"type":"input_image","image_url":"data:"},{"type":"input_text","text":"what is this"}]}}
        """;
    RecordingSink s = Fixtures.parse(new CodexRolloutFormat(), old);
    assertThat(s.ofType("user_prompt")).extracting(t -> t.content)
        .containsExactly("hello there", "<image name=[Image #1]>\nwhat is this");
    assertThat(s.problems).isEmpty();
  }

  @Test
  void readsTheEarlyUnwrappedLayout() {
    String early = """
        {"id":"early-1","timestamp":"2025-05-01T08:00:00.000Z","instructions":null,"git":{"repository_url":"git@example.org:a/b.git"}}
        {"record_type":"state"}
        {"type":"message","role":"user","content":[{"type":"input_text","text":"<user_instructions>be careful</user_instructions>"}]}
        {"type":"message","role":"user","content":[{"type":"input_text","text":"count the lines"}]}
        {"record_type":"state"}
        {"type":"local_shell_call","call_id":"c1","status":"completed","action":{"type":"exec","command":["bash","-lc","wc -l *.txt"]}}
        {"type":"function_call_output","call_id":"c1","output":"{\\"output\\":\\"3 a.txt\\",\\"metadata\\":{\\"exit_code\\":0}}"}
        {"type":"message","role":"assistant","content":[{"type":"output_text","text":"3 lines."}]}
        """;
    CodexRolloutFormat f = new CodexRolloutFormat();
    assertThat(f.detect(early)).isTrue();
    RecordingSink s = Fixtures.parse(f, early);
    assertThat(s.ofType("user_prompt")).extracting(t -> t.content)
        .containsExactly("count the lines");
    assertThat(s.ofType("system_injected")).hasSize(1);
    Turn tool = s.ofType("tool_use").get(0);
    assertThat(tool.toolName).isEqualTo("local_shell");
    assertThat(tool.command).isEqualTo("wc -l *.txt");
    assertThat(category(tool)).isEqualTo("bash:file");
    assertThat(s.ofType("tool_result").get(0).isError).isFalse();
    assertThat(s.ofType("assistant_response")).hasSize(1);
    assertThat(s.info.sessionId).isEqualTo("early-1");
    assertThat(s.info.repoUrl).isEqualTo("git@example.org:a/b.git");
    assertThat(s.problems).isEmpty();
  }

  @Test
  void subAgentThreadsHaveNoHumanPrompts() {
    String sub = """
        {"timestamp":"2026-03-02T10:00:00Z","type":"session_meta","payload":{"id":"child-1","source":{"subagent":"review"},"thread_source":"subagent","parent_thread_id":"parent-1","cwd":"/w"}}
        {"timestamp":"2026-03-02T10:00:01Z","type":"event_msg","payload":{"type":"user_message","message":"Review the changes against main"}}
        {"timestamp":"2026-03-02T10:00:02Z","type":"response_item","payload":{"type":"function_call","name":"exec_command","arguments":"{\\"cmd\\":\\"git diff main\\"}","call_id":"k1"}}
        """;
    RecordingSink s = Fixtures.parse(new CodexRolloutFormat(), sub);
    assertThat(s.ofType("user_prompt")).isEmpty();
    assertThat(s.ofType("system_injected")).hasSize(1);
    assertThat(s.turns).hasSize(2).allMatch(t -> t.isSidechain);
    assertThat(s.ofType("tool_use").get(0).command).isEqualTo("git diff main");
    RecordingSink main = Fixtures.parse(new CodexRolloutFormat(), ROLLOUT);
    assertThat(main.turns).noneMatch(t -> t.isSidechain);
  }

  @Test
  void ideContextIsNotPartOfThePrompt() {
    assertThat(CodexRolloutFormat.request(
        "# Context from my IDE setup:\n\n## Active file: a.py\n\n## My request for Codex:\nrename x\n"))
        .isEqualTo("rename x");
    assertThat(CodexRolloutFormat.request("plain ask ## My request for Codex: no"))
        .isEqualTo("plain ask ## My request for Codex: no");
    assertThat(CodexRolloutFormat.request("# Title only")).isEqualTo("# Title only");
  }

  @Test
  void errorOutputsAreRecognised() {
    assertThat(CodexRolloutFormat.isErrorOutput("Exit code: 2\nWall time: 1 seconds")).isTrue();
    assertThat(CodexRolloutFormat.isErrorOutput("Chunk ID: a\nProcess exited with code 0\n")).isFalse();
    assertThat(CodexRolloutFormat.isErrorOutput("apply_patch verification failed: x")).isTrue();
    assertThat(CodexRolloutFormat.isErrorOutput("{\"output\":\"\",\"metadata\":{\"exit_code\":127}}"))
        .isTrue();
    assertThat(CodexRolloutFormat.isErrorOutput("plain output")).isFalse();
  }

  /** A long tool output is read capped: counted whole, stored as its head, error flag from its start. */
  @Test
  void longToolOutputIsCountedWholeAndStoredCapped() throws Exception {
    StringBuilder b = new StringBuilder("Process exited with code 2\nOutput:\n");
    for (int i = 0; i < 4000; i++) b.append("line ").append(i).append(" \u00e9\uD83D\uDE00\n");
    String big = b.toString();
    String text = "{\"timestamp\":\"2026-03-01T10:00:00.000Z\",\"type\":\"session_meta\",\"payload\":{\"id\":\"s-long\",\"cwd\":\"/w\"}}\n"
        + "{\"timestamp\":\"2026-03-01T10:00:01.000Z\",\"type\":\"response_item\",\"payload\":{\"type\":\"function_call\",\"name\":\"exec_command\",\"call_id\":\"c1\",\"arguments\":\"{\\\"cmd\\\":\\\"make\\\"}\"}}\n"
        + "{\"timestamp\":\"2026-03-01T10:00:02.000Z\",\"type\":\"response_item\",\"payload\":{\"type\":\"function_call_output\",\"call_id\":\"c1\",\"output\":"
        + JsonLines.MAPPER.writeValueAsString(big) + "}}\n";
    dev.personas.load.ConversationSink sink = new dev.personas.load.ConversationSink(10_000, 10_000);
    new CodexRolloutFormat().parse(new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)), sink);
    tech.tablesaw.api.Table t = dev.personas.schema.Schema.emptyConversations();
    sink.appendTo(t, "s", "o/r", "u", "Codex", 0);
    assertThat(sink.problems()).isEmpty();
    int r = t.stringColumn("turn_type").asList().indexOf("tool_result");
    assertThat(t.intColumn("char_count").get(r)).isEqualTo(big.length());
    assertThat(t.intColumn("word_count").get(r)).isEqualTo(dev.personas.load.ConversationSink.wordCount(big));
    assertThat(t.stringColumn("content").get(r)).isEqualTo(dev.personas.load.ConversationSink.cap(big, 10_000));
    assertThat(t.booleanColumn("is_error").get(r)).isTrue();
  }
}
