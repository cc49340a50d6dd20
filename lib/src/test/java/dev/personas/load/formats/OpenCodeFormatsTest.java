package dev.personas.load.formats;

import static dev.personas.load.formats.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.personas.load.Turn;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenCodeFormatsTest {
  // Hand-written export document (epoch-ms times); keys of a message's info in varying order.
  static final String EXPORT = """
      {
        "info": {
          "id": "ses_test1",
          "slug": "calm-river",
          "directory": "/home/dev/app",
          "title": "Add a health endpoint",
          "model": {"id": "test-model-1", "providerID": "acme"},
          "tokens": {"input": 900, "output": 60, "reasoning": 40, "cache": {"read": 5000, "write": 0}},
          "time": {"created": 1767261600000, "updated": 1767261660000}
        },
        "messages": [
          {
            "info": {"role": "user", "time": {"created": 1767261600100}, "id": "msg_u1", "sessionID": "ses_test1"},
            "parts": [
              {"type": "text", "text": "add a /health endpoint"},
              {"type": "text", "synthetic": true, "text": "Called the Read tool with the following input"},
              {"type": "file", "filename": "server.ts", "mime": "text/plain", "url": "file:///home/dev/app/server.ts"}
            ]
          },
          {
            "info": {"parentID": "msg_u1", "role": "assistant", "modelID": "test-model-1",
                     "tokens": {"input": 500, "output": 30, "reasoning": 20, "cache": {"read": 2500, "write": 0}},
                     "time": {"created": 1767261601000, "completed": 1767261610000},
                     "id": "msg_a1", "sessionID": "ses_test1"},
            "parts": [
              {"type": "step-start"},
              {"type": "reasoning", "text": "Need to see the router", "time": {"start": 1767261601500}},
              {"type": "tool", "tool": "read", "callID": "c1",
               "state": {"status": "completed", "input": {"filePath": "/home/dev/app/server.ts"},
                         "output": "1: import x", "time": {"start": 1767261602000, "end": 1767261602100}}},
              {"type": "tool", "tool": "bash", "callID": "c2",
               "state": {"status": "error", "input": {"command": "npm test", "description": "run tests"},
                         "error": "exit 1", "time": {"start": 1767261603000, "end": 1767261605000}}},
              {"type": "text", "text": "Added the endpoint.", "time": {"start": 1767261609000}},
              {"type": "patch", "files": ["server.ts"], "hash": "abc"},
              {"type": "step-finish", "tokens": {"input": 500}}
            ]
          },
          {
            "info": {"role": "assistant", "modelID": "test-model-1", "id": "msg_a2", "sessionID": "ses_test1",
                     "tokens": {"input": 400, "output": 30, "reasoning": 20, "cache": {"read": 2500, "write": 0}},
                     "time": {"created": 1767261620000, "completed": 1767261625000},
                     "error": {"name": "MessageAbortedError", "data": {"message": "Aborted"}}},
            "parts": [
              {"type": "tool", "tool": "grep", "callID": "c3",
               "state": {"status": "running", "input": {"pattern": "health", "path": "src"}, "time": {"start": 1767261621000}}}
            ]
          },
          {
            "info": {"role": "user", "time": {"created": 1767261630000}, "id": "msg_u2", "sessionID": "ses_test1"},
            "parts": [ {"type": "text", "text": "stop, use express instead"
      """;

  @Test
  void detectsExportVersusLines() {
    OpenCodeExportFormat export = new OpenCodeExportFormat();
    OpenCodeJsonlFormat lines = new OpenCodeJsonlFormat();
    assertThat(export.detect(EXPORT.substring(0, 200))).isTrue();
    assertThat(lines.detect(EXPORT)).isFalse();
    assertThat(lines.detect(LINES)).isTrue();
    assertThat(export.detect(LINES)).isFalse();
    assertThat(export.detect("{\"sessionId\":\"x\",\"messages\":[]}")).isFalse();
  }

  @Test
  void exportMapsPartsToolsTokensAndAbort() {
    RecordingSink s = Fixtures.parse(new OpenCodeExportFormat(), EXPORT);

    assertThat(s.ofType("user_prompt")).extracting(t -> t.content)
        .containsExactly("add a /health endpoint");
    assertThat(s.ofType("user_prompt").get(0).timestamp).isEqualTo(at("2026-01-01T10:00:00.100Z"));
    assertThat(s.ofType("system_injected")).extracting(t -> t.content)
        .containsExactly("Called the Read tool with the following input", "server.ts");

    List<Turn> thinking = s.ofType("assistant_thinking");
    assertThat(thinking).hasSize(1);
    // the message's tokens sit on its first row only: input, output + reasoning, cache read
    assertThat(thinking.get(0).inputTokens).isEqualTo(500);
    assertThat(thinking.get(0).outputTokens).isEqualTo(50);
    assertThat(thinking.get(0).cacheReadInputTokens).isEqualTo(2500);
    assertThat(thinking.get(0).messageId).isEqualTo("msg_a1");
    assertThat(s.ofType("assistant_response")).extracting(t -> t.content)
        .containsExactly("Added the endpoint.");
    assertThat(s.ofType("assistant_response").get(0).inputTokens).isNull();

    List<Turn> tools = s.ofType("tool_use");
    assertThat(tools).extracting(t -> t.toolName).containsExactly("read", "bash", "grep");
    assertThat(tools).extracting(Fixtures::category).containsExactly("read", "bash:build", "grep");
    assertThat(tools.get(0).filePath).isEqualTo("/home/dev/app/server.ts");
    assertThat(tools.get(1).command).isEqualTo("npm test");
    assertThat(tools.get(2).pattern).isEqualTo("health");
    assertThat(tools.get(2).inputTokens).isEqualTo(400); // first row of msg_a2
    assertThat(tools.get(0).timestamp).isEqualTo(at("2026-01-01T10:00:02Z"));

    List<Turn> results = s.ofType("tool_result");
    assertThat(results).extracting(t -> t.toolCallId).containsExactly("c1", "c2");
    assertThat(results).extracting(t -> t.isError).containsExactly(false, true);
    assertThat(results.get(1).content).isEqualTo("exit 1");
    assertThat(results.get(1).timestamp).isEqualTo(at("2026-01-01T10:00:05Z"));

    List<Turn> interrupts = s.turns.stream().filter(t -> t.isInterrupt).toList();
    assertThat(interrupts).hasSize(1);
    assertThat(interrupts.get(0).timestamp).isEqualTo(at("2026-01-01T10:00:25Z"));

    // the document breaks off inside the last message: one problem, everything before kept
    assertThat(s.problems).hasSize(1);
    assertThat(s.problems.get(0)).contains("truncated");

    assertThat(s.info.sessionId).isEqualTo("ses_test1");
    assertThat(s.info.cwd).isEqualTo("/home/dev/app");
    assertThat(s.info.model).isEqualTo("test-model-1");
    assertThat(s.info.inputTokens).isEqualTo(900);
    assertThat(s.info.outputTokens).isEqualTo(100);
    assertThat(s.info.cacheReadTokens).isEqualTo(5000);
    assertThat(s.info.startedAt).isEqualTo(at("2026-01-01T10:00:00Z"));
    assertThat(s.info.endedAt).isEqualTo(at("2026-01-01T10:01:00Z"));
  }

  static final String LINES = """
      {"info":{"id":"m1","sessionID":"ses_l","role":"user","time":{"created":1767261600000}},"parts":[{"type":"text","text":"write a haiku file"}]}
      {"info":{"id":"m2","sessionID":"ses_l","role":"assistant","modelID":"mx","tokens":{"input":10,"output":5,"reasoning":0,"cache":{"read":1}},"time":{"created":1767261601000,"completed":1767261602000}},"parts":[{"type":"tool","tool":"file_write","filePath":"haiku.md","state":{"status":"completed","input":"{\\"path\\":\\"haiku.md\\",\\"content\\":\\"x\\"}","output":"File written"}},{"type":"text","text":"Done."}]}
      {"info":{"id":"m3","sessionID":"ses_l","role":"assistant",
      {"info":{"id":"m4","sessionID":"ses_l","role":"assistant","modelID":"mx","tokens":{"input":7,"output":3,"reasoning":1,"cache":{"read":2}},"time":{"created":1767261603000}},"parts":[{"type":"text","text":"Anything else?"}]}
      """;

  @Test
  void linesVariantReadsMessagesAndSumsTokens() {
    RecordingSink s = Fixtures.parse(new OpenCodeJsonlFormat(), LINES);
    assertThat(s.ofType("user_prompt")).extracting(t -> t.content)
        .containsExactly("write a haiku file");
    List<Turn> tools = s.ofType("tool_use");
    assertThat(tools).hasSize(1);
    assertThat(tools.get(0).filePath).isEqualTo("haiku.md");
    assertThat(Fixtures.category(tools.get(0))).isEqualTo("write");
    assertThat(tools.get(0).toolInputJson).startsWith("{\"path\"");
    assertThat(s.ofType("assistant_response")).extracting(t -> t.content)
        .containsExactly("Done.", "Anything else?");
    assertThat(s.problems).hasSize(1);
    assertThat(s.problems.get(0)).startsWith("3: malformed JSON");
    assertThat(s.info.sessionId).isEqualTo("ses_l");
    assertThat(s.info.inputTokens).isEqualTo(17);
    assertThat(s.info.outputTokens).isEqualTo(9);
    assertThat(s.info.cacheReadTokens).isEqualTo(3);
  }
}
