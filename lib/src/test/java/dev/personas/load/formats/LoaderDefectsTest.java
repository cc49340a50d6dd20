package dev.personas.load.formats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.personas.load.ToolTaxonomy;
import dev.personas.load.Turn;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * Hand-written transcripts for three loader defects: injected user text counted as prompts
 * (Claude Code teammate messages, IDE context, CI events, Conductor instructions), Codex calls on a
 * running shell session categorised {@code other}, and Claude sub-agent transcripts taken for their
 * parent session.
 */
class LoaderDefectsTest {
  static String rec(String text, boolean sidechain, String agentId) {
    String q = new String(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(text));
    return "{\"parentUuid\":null,\"isSidechain\":" + sidechain
        + (agentId == null ? "" : ",\"agentId\":\"" + agentId + "\"")
        + ",\"type\":\"user\",\"sessionId\":\"parent-1\",\"uuid\":\"x\","
        + "\"timestamp\":\"2026-03-25T21:43:16.000Z\",\"message\":{\"role\":\"user\",\"content\":\"" + q + "\"}}";
  }

  static String answer(boolean sidechain, String agentId) {
    return "{\"parentUuid\":\"x\",\"isSidechain\":" + sidechain
        + (agentId == null ? "" : ",\"agentId\":\"" + agentId + "\"")
        + ",\"type\":\"assistant\",\"sessionId\":\"parent-1\",\"uuid\":\"y\","
        + "\"timestamp\":\"2026-03-25T21:43:17.000Z\",\"message\":{\"id\":\"msg_1\",\"model\":\"claude-x\","
        + "\"content\":[{\"type\":\"text\",\"text\":\"done\"}]}}";
  }

  static Table parse(String text) throws Exception {
    return ClaudeCodeFormatTest.parse(text, 10_000);
  }

  @Test
  void teammateIdeAndCiTextsAreInjectedNotPrompts() throws Exception {
    String teammate = "<teammate-message teammate_id=\"reviewer-1\" color=\"purple\">\n"
        + "{\"type\":\"idle_notification\",\"from\":\"reviewer-1\"}\n</teammate-message>";
    String ide = "<ide_opened_file>The user opened the file /a/b.json in the IDE.</ide_opened_file>";
    String ci = "<ci-monitor-event>CI check \"test\" failed on o/r PR #7.</ci-monitor-event>";
    String typed = "please review the parser";
    Table t = parse(String.join("\n", rec(teammate, false, null), rec(ide, false, null),
        rec(ci, false, null), rec(typed, false, null)) + "\n");
    assertThat(t.stringColumn("turn_type").asList())
        .containsExactly("system_injected", "system_injected", "system_injected", "user_prompt");
    assertThat(t.booleanColumn("is_conversational").asList()).containsExactly(false, false, false, true);
    assertThat(ClaudeCodeFormatTest.lastSink.promptCount()).isEqualTo(1);
    assertThat(t.stringColumn("content").get(0)).isEqualTo(teammate); // injected text kept whole
  }

  @Test
  void conductorInstructionIsCutFromThePromptAndAloneIsInjected() throws Exception {
    String wrapped = "<system_instruction>\nYou are working inside Conductor.\n</system_instruction>\n\nadd a url to the artifact section";
    String alone = "<system_instruction>\nYou are working inside Conductor.\n</system_instruction>\n\n";
    assertThat(InjectedText.classify(wrapped)).isEqualTo(InjectedText.Kind.PROMPT);
    assertThat(InjectedText.classify(alone)).isEqualTo(InjectedText.Kind.INJECTED);
    Table t = parse(rec(wrapped, false, null) + "\n" + rec(alone, false, null) + "\n");
    assertThat(t.stringColumn("turn_type").asList()).containsExactly("user_prompt", "system_injected");
    assertThat(t.stringColumn("content").get(0)).isEqualTo("add a url to the artifact section");
    assertThat(t.intColumn("char_count").get(0)).isEqualTo("add a url to the artifact section".length());
    assertThat(InjectedText.promptText("plain text")).isEqualTo("plain text");
  }

  @Test
  void subAgentTranscriptIsItsOwnSidechainSession() throws Exception {
    String sub = rec("Explore the repository layout and report", true, "a1d5997") + "\n" + answer(true, "a1d5997") + "\n";
    Table t = parse(sub);
    assertThat(ClaudeCodeFormatTest.lastSink.session().sessionId).isEqualTo("agent-a1d5997");
    assertThat(t.booleanColumn("is_sidechain").asList()).containsOnly(true);
    // the parent agent's task is not a person's prompt
    assertThat(t.stringColumn("turn_type").asList()).containsExactly("system_injected", "assistant_response");
    assertThat(ClaudeCodeFormatTest.lastSink.promptCount()).isZero();

    // a main transcript with inline sidechain records keeps its own id and its prompts
    String mixed = rec("fix the bug", false, null) + "\n" + rec("sub task", true, "a1d5997") + "\n" + answer(false, null) + "\n";
    Table m = parse(mixed);
    assertThat(ClaudeCodeFormatTest.lastSink.session().sessionId).isEqualTo("parent-1");
    assertThat(m.stringColumn("turn_type").asList()).containsExactly("user_prompt", "system_injected", "assistant_response");
    assertThat(m.booleanColumn("is_sidechain").asList()).containsExactly(false, true, false);
  }

  @Test
  void callsOnARunningShellSessionAreBash() {
    String rollout = """
        {"timestamp":"2026-03-01T10:00:00.000Z","type":"session_meta","payload":{"id":"sess-codex-9","cwd":"/p"}}
        {"timestamp":"2026-03-01T10:00:01.000Z","type":"event_msg","payload":{"type":"user_message","message":"run the dev server"}}
        {"timestamp":"2026-03-01T10:00:02.000Z","type":"response_item","payload":{"type":"function_call","name":"exec_command","arguments":"{\\"cmd\\":\\"npm run dev\\"}","call_id":"c1"}}
        {"timestamp":"2026-03-01T10:00:03.000Z","type":"response_item","payload":{"type":"function_call_output","call_id":"c1","output":"Process running with session ID 3447"}}
        {"timestamp":"2026-03-01T10:00:04.000Z","type":"response_item","payload":{"type":"function_call","name":"write_stdin","arguments":"{\\"session_id\\":3447,\\"chars\\":\\"q\\",\\"yield_time_ms\\":1000}","call_id":"c2"}}
        {"timestamp":"2026-03-01T10:00:05.000Z","type":"response_item","payload":{"type":"function_call","name":"wait","arguments":"{\\"cell_id\\":\\"20\\",\\"yield_time_ms\\":10000}","call_id":"c3"}}
        {"timestamp":"2026-03-01T10:00:06.000Z","type":"response_item","payload":{"type":"function_call","name":"list_mcp_resources","arguments":"{\\"server\\":\\"docs\\"}","call_id":"c4"}}
        """;
    RecordingSink sink = Fixtures.parse(new CodexRolloutFormat(), rollout);
    List<Turn> tools = sink.turns.stream().filter(x -> "tool_use".equals(x.role)).toList();
    assertThat(tools).extracting(x -> x.toolName).containsExactly("exec_command", "write_stdin", "wait", "list_mcp_resources");
    assertThat(tools).extracting(Fixtures::category).containsExactly("bash:build", "bash", "bash", "mcp");
    assertThat(ToolTaxonomy.isShell(ToolTaxonomy.category("write_stdin", null))).isTrue();
    assertThat(ToolTaxonomy.category("read_bash", null)).isEqualTo("bash");
    assertThat(ToolTaxonomy.category("report_intent", null)).isEqualTo("other");
  }
}
