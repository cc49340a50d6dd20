package dev.personas.load.formats;

import static dev.personas.load.formats.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.personas.load.Turn;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cursor, Kiro, Factory Droid and Pi, each with a small hand-written transcript. */
class RareFormatsTest {
  static final String CURSOR = """
      {"role":"user","message":{"content":[{"type":"text","text":"<attached_files>\\nx.go\\n</attached_files>\\n<user_query>\\nrename foo to bar\\n</user_query>"}]}}
      {"role":"assistant","message":{"content":[{"type":"text","text":"Renaming."},{"type":"tool_use","name":"Shell","input":{"command":"go build ./..."}}]}}
      {"role":"assistant","message":{"content":[{"type":"text","text":"**Planning the rename**"}]}}
      {"role":"user","message":{"content":[{"type":"text","text":"<external_links>\\nhttps://example.org\\n</external_links>"}]}}
      {"role":"assistant","message":{"content":[{"type":"te
      """;

  @Test
  void cursor() {
    CursorJsonlFormat f = new CursorJsonlFormat();
    assertThat(f.detect(CURSOR)).isTrue();
    RecordingSink s = Fixtures.parse(f, CURSOR);
    assertThat(s.ofType("user_prompt")).extracting(t -> t.content)
        .containsExactly("rename foo to bar");
    assertThat(s.ofType("system_injected")).hasSize(1);
    List<Turn> tools = s.ofType("tool_use");
    assertThat(tools).hasSize(1);
    assertThat(tools.get(0).command).isEqualTo("go build ./...");
    assertThat(Fixtures.category(tools.get(0))).isEqualTo("bash:build");
    assertThat(s.ofType("assistant_response")).extracting(t -> t.content)
        .containsExactly("Renaming.");
    assertThat(s.turns).allMatch(t -> t.timestamp == null);
    assertThat(s.ofType("assistant_thinking")).extracting(t -> t.content)
        .containsExactly("**Planning the rename**");
    assertThat(s.problems).hasSize(1).first().asString().startsWith("5: malformed JSON");
  }

  static final String KIRO = """
      {"conversation_id":"kiro-1","history":[
        {"user":{"content":{"Prompt":{"prompt":"make a docs folder"}}},
         "assistant":{"ToolUse":{"message_id":"k1","content":"Creating it.","tool_uses":[{"id":"tu1","name":"fs_write","args":{"path":"docs/README.md","command":"create"}}]}}},
        {"user":{"content":{"ToolUseResults":{"tool_use_results":[{"tool_use_id":"tu1","content":[{"Text":"ok"}],"status":"Error"}]}}},
         "assistant":{"Response":{"message_id":"k2","content":"Done."}}},
        {"user":{"content":null},"assistant":{"ToolUse":{"message_id":"","tool_uses":[{"id":"","name":"execute_bash","args":{"command":"git add docs"}}]}}},
        {"user":{"content":{"Prompt":{"prompt":"thanks"}}},"assistant":{"Resp
      """;

  @Test
  void kiro() {
    KiroJsonFormat f = new KiroJsonFormat();
    assertThat(f.detect(KIRO)).isTrue();
    RecordingSink s = Fixtures.parse(f, KIRO);
    assertThat(s.ofType("user_prompt")).extracting(t -> t.content)
        .containsExactly("make a docs folder");
    List<Turn> tools = s.ofType("tool_use");
    assertThat(tools).extracting(t -> t.toolName).containsExactly("fs_write", "execute_bash");
    assertThat(tools).extracting(Fixtures::category).containsExactly("write", "git/gh");
    assertThat(tools.get(0).filePath).isEqualTo("docs/README.md");
    assertThat(tools.get(1).command).isEqualTo("git add docs");
    assertThat(s.ofType("tool_result")).hasSize(1);
    assertThat(s.ofType("tool_result").get(0).isError).isTrue();
    assertThat(s.ofType("tool_result").get(0).content).isEqualTo("ok");
    assertThat(s.ofType("assistant_response")).extracting(t -> t.content)
        .containsExactly("Creating it.", "Done.");
    assertThat(s.ofType("assistant_response").get(1).messageId).isEqualTo("k2");
    assertThat(s.info.sessionId).isEqualTo("kiro-1");
    assertThat(s.info.agent).isEqualTo("Kiro");
    assertThat(s.problems).hasSize(1).first().asString().contains("truncated");
  }

  static final String DROID = """
      {"type":"session_start","id":"droid-1","title":"t","owner":"dev","version":2,"cwd":"/w/d"}
      {"type":"message","id":"a","timestamp":"2026-03-05T08:00:00.000Z","message":{"role":"user","content":[{"type":"text","text":"<system-reminder>\\nenv info\\n</system-reminder>"},{"type":"text","text":"echo hi"}]}}
      {"type":"message","id":"b","timestamp":"2026-03-05T08:00:02.000Z","message":{"role":"assistant","model":"test-opus","usage":{"input_tokens":12,"output_tokens":4,"cache_read_input_tokens":100},"content":[{"type":"tool_use","id":"x1","name":"Execute","input":{"command":"echo hi"}}]},"parentId":"a"}
      {"type":"message","id":"c","timestamp":"2026-03-05T08:00:03.000Z","message":{"role":"user","content":[{"type":"tool_result","tool_use_id":"x1","content":"hi","is_error":false}]},"parentId":"b"}
      {"type":"message","id":"d","timestamp":"2026-03-05T08:00:04.000Z","message":{"role":"user","content":[{"type":"text","text":"Token limit reached."}],"visibility":"user_only"},"parentId":"c"}
      {"type":"message","id":"e","timestamp":
      """;

  @Test
  void droid() {
    DroidJsonlFormat f = new DroidJsonlFormat();
    assertThat(f.detect(DROID)).isTrue();
    RecordingSink s = Fixtures.parse(f, DROID);
    assertThat(s.ofType("system_injected")).hasSize(1);
    assertThat(s.ofType("user_prompt")).extracting(t -> t.content).containsExactly("echo hi");
    assertThat(s.ofType("user_prompt").get(0).timestamp).isEqualTo(at("2026-03-05T08:00:00Z"));
    Turn tool = s.ofType("tool_use").get(0);
    assertThat(tool.command).isEqualTo("echo hi");
    assertThat(Fixtures.category(tool)).isEqualTo("bash:file");
    assertThat(tool.inputTokens).isEqualTo(12);
    assertThat(tool.cacheReadInputTokens).isEqualTo(100);
    assertThat(s.ofType("tool_result")).extracting(t -> t.content).containsExactly("hi");
    assertThat(s.ofType("system_event")).extracting(t -> t.content)
        .containsExactly("Token limit reached.");
    assertThat(s.info.sessionId).isEqualTo("droid-1");
    assertThat(s.info.cwd).isEqualTo("/w/d");
    assertThat(s.info.outputTokens).isEqualTo(4);
    assertThat(s.problems).hasSize(1).first().asString().startsWith("6: malformed JSON");
  }

  static final String PI = """
      {"type":"session","version":3,"id":"pi-1","timestamp":"2026-04-04T20:00:00.000Z","cwd":"/w/pi"}
      {"type":"model_change","id":"m","parentId":null,"timestamp":"2026-04-04T20:00:01.000Z","provider":"p","modelId":"test-model"}
      {"type":"message","id":"1","timestamp":"2026-04-04T20:00:02.000Z","message":{"role":"user","content":[{"type":"text","text":"add a readme"}],"timestamp":1775332802000}}
      {"type":"message","id":"2","timestamp":"2026-04-04T20:00:04.000Z","message":{"role":"assistant","content":[{"type":"thinking","thinking":"check dir"},{"type":"toolCall","id":"tc1","name":"bash","arguments":{"command":"ls -la"}}],"model":"test-model","usage":{"input":6,"output":100,"cacheRead":0,"cacheWrite":50},"responseId":"resp_1"}}
      {"type":"message","id":"3","timestamp":"2026-04-04T20:00:05.000Z","message":{"role":"toolResult","toolCallId":"tc1","toolName":"bash","content":[{"type":"text","text":"total 0"}],"isError":true}}
      {"type":"message","id":"4","timestamp":"2026-04-04T20:00:06.000Z","message":{"role":"assistant","content":[{"type":"toolCall","id":"tc2","name":"write","arguments":{"path":"README.md","content":"# x"}},{"type":"text","text":"Created."}],"model":"test-model","usage":{"input":1,"output":20,"cacheRead":40},"responseId":"resp_2"}}
      {"type":"message",
      """;

  @Test
  void pi() {
    PiJsonlFormat f = new PiJsonlFormat();
    assertThat(f.detect(PI)).isTrue();
    RecordingSink s = Fixtures.parse(f, PI);
    assertThat(s.ofType("user_prompt")).extracting(t -> t.content).containsExactly("add a readme");
    assertThat(s.ofType("assistant_thinking")).hasSize(1);
    assertThat(s.ofType("assistant_thinking").get(0).outputTokens).isEqualTo(100);
    assertThat(s.ofType("assistant_thinking").get(0).messageId).isEqualTo("resp_1");
    List<Turn> tools = s.ofType("tool_use");
    assertThat(tools).extracting(Fixtures::category).containsExactly("bash:file", "write");
    assertThat(tools.get(1).filePath).isEqualTo("README.md");
    assertThat(tools.get(1).inputTokens).isEqualTo(1);
    assertThat(s.ofType("tool_result").get(0).isError).isTrue();
    assertThat(s.ofType("assistant_response")).extracting(t -> t.content).containsExactly("Created.");
    assertThat(s.info.sessionId).isEqualTo("pi-1");
    assertThat(s.info.model).isEqualTo("test-model");
    assertThat(s.info.inputTokens).isEqualTo(7);
    assertThat(s.info.outputTokens).isEqualTo(120);
    assertThat(s.info.cacheReadTokens).isEqualTo(40);
    assertThat(s.info.endedAt).isEqualTo(at("2026-04-04T20:00:06Z"));
    assertThat(s.problems).hasSize(1).first().asString().startsWith("7: malformed JSON");
  }

  @Test
  void noTwoFormatsClaimTheseHeads() {
    String claude = "{\"parentUuid\":null,\"isSidechain\":false,\"type\":\"user\",\"message\":"
        + "{\"role\":\"user\",\"content\":\"hi\"},\"uuid\":\"u1\",\"sessionId\":\"s\"}\n";
    String compact = "{\"v\":1,\"agent\":\"claude-code\",\"cli_version\":\"1\",\"type\":\"user\","
        + "\"ts\":\"2026-01-01T00:00:00Z\",\"content\":[{\"text\":\"hi\"}]}\n";
    String[] heads = {CURSOR, KIRO, DROID, PI, CodexRolloutFormatTest.ROLLOUT,
        OpenCodeFormatsTest.EXPORT, OpenCodeFormatsTest.LINES, GeminiFormatsTest.DOC,
        GeminiFormatsTest.LOG, CopilotEventsFormatTest.EVENTS};
    for (String h : heads) {
      assertThat(Formats.all().stream().filter(f -> f.detect(h)).count()).as(h.substring(0, 40))
          .isEqualTo(1);
    }
    for (String h : new String[] {claude, compact, "", "[]", "# aider chat started"}) {
      assertThat(Formats.all().stream().filter(f -> f.detect(h)).toList()).as(h).isEmpty();
    }
  }
}
