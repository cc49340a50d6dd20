package dev.personas.load.formats;

import static dev.personas.load.formats.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.personas.load.Turn;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeminiFormatsTest {
  // Hand-written Gemini chat document; keys sorted as some exports write them.
  static final String DOC = """
      {
        "kind": "main",
        "lastUpdated": "2026-02-02T09:05:00.000Z",
        "messages": [
          {"id": "u1", "timestamp": "2026-02-02T09:00:00.000Z", "type": "user",
           "content": [{"text": "list the files and fix the typo in README"}]},
          {"id": "g1", "timestamp": "2026-02-02T09:00:05.000Z", "type": "gemini", "content": "Let me look.",
           "thoughts": [{"subject": "Planning", "description": "List first", "timestamp": "2026-02-02T09:00:03.000Z"}],
           "tokens": {"input": 1000, "output": 20, "cached": 600, "thoughts": 30, "tool": 0, "total": 1050},
           "model": "gemini-test-pro",
           "toolCalls": [
             {"id": "run_1", "name": "run_shell_command", "args": {"command": "ls -la", "description": "list"},
              "result": [{"functionResponse": {"id": "run_1", "name": "run_shell_command", "response": {"output": "README.md"}}}],
              "status": "success", "timestamp": "2026-02-02T09:00:06.000Z"},
             {"id": "rep_1", "name": "replace", "args": {"file_path": "/w/README.md", "old_string": "teh", "new_string": "the"},
              "result": [{"functionResponse": {"id": "rep_1", "name": "replace", "response": {"error": "old_string not found"}}}],
              "status": "error", "timestamp": "2026-02-02T09:00:07.000Z"},
             {"id": "grep_1", "name": "grep_search", "args": {"pattern": "teh"},
              "status": "cancelled", "timestamp": "2026-02-02T09:00:08.000Z"}
           ]},
          {"id": "i1", "timestamp": "2026-02-02T09:00:09.000Z", "type": "info", "content": "Request cancelled."},
          {"id": "u2", "timestamp": "2026-02-02T09:01:00.000Z", "type": "user", "content": "System: Please continue."},
          {"id": "w1", "timestamp": "bad", "type": "warning", "content": "hook failed"},
          42,
          {"id": "u3", "timestamp": "2026-02-02T09:02:00.000Z", "type": "user", "content": "use sed", "displayContent": "use sed"}
        ],
        "projectHash": "abc123",
        "sessionId": "gem-session-1",
        "startTime": "2026-02-02T08:59:59.000Z"
      }
      """;

  @Test
  void documentMapsThoughtsToolsCancellationAndTokens() {
    RecordingSink s = Fixtures.parse(new GeminiJsonFormat(), DOC);
    assertThat(s.ofType("user_prompt")).extracting(t -> t.content)
        .containsExactly("list the files and fix the typo in README", "use sed");
    assertThat(s.ofType("system_injected")).extracting(t -> t.content)
        .containsExactly("System: Please continue.");

    List<Turn> thinking = s.ofType("assistant_thinking");
    assertThat(thinking).extracting(t -> t.content).containsExactly("Planning: List first");
    assertThat(thinking.get(0).timestamp).isEqualTo(at("2026-02-02T09:00:03Z"));
    assertThat(thinking.get(0).inputTokens).isEqualTo(400); // 1000 input - 600 cached
    assertThat(thinking.get(0).outputTokens).isEqualTo(50); // output + thoughts
    assertThat(thinking.get(0).cacheReadInputTokens).isEqualTo(600);
    Turn answer = s.ofType("assistant_response").get(0);
    assertThat(answer.content).isEqualTo("Let me look.");
    assertThat(answer.inputTokens).isNull();
    assertThat(answer.model).isEqualTo("gemini-test-pro");
    assertThat(answer.messageId).isEqualTo("g1");

    List<Turn> tools = s.ofType("tool_use");
    assertThat(tools).extracting(t -> t.toolName)
        .containsExactly("run_shell_command", "replace", "grep_search");
    assertThat(tools).extracting(Fixtures::category).containsExactly("bash:file", "edit", "grep");
    assertThat(tools.get(0).command).isEqualTo("ls -la");
    assertThat(tools.get(1).filePath).isEqualTo("/w/README.md");
    assertThat(tools.get(2).pattern).isEqualTo("teh");
    List<Turn> results = s.ofType("tool_result");
    assertThat(results).extracting(t -> t.content)
        .containsExactly("README.md", "old_string not found", null);
    assertThat(results).extracting(t -> t.isError).containsExactly(false, true, true);
    assertThat(results).extracting(t -> t.isInterrupt).containsExactly(false, false, true);
    assertThat(results).allMatch(t -> t.messageId == null); // results are messages of their own

    assertThat(s.turns.stream().filter(t -> t.isInterrupt && "turn_aborted".equals(t.event)))
        .hasSize(1);
    Turn warning = s.turns.stream().filter(t -> "hook failed".equals(t.content)).findFirst()
        .orElseThrow();
    assertThat(warning.timestamp).isNull();
    assertThat(s.warnings).hasSize(1).first().asString().contains("unparsable timestamp 'bad'");
    assertThat(s.problems).hasSize(1).first().asString().contains("not an object");

    assertThat(s.info.sessionId).isEqualTo("gem-session-1");
    assertThat(s.info.agent).isEqualTo("Gemini CLI");
    assertThat(s.info.model).isEqualTo("gemini-test-pro");
    assertThat(s.info.inputTokens).isEqualTo(400);
    assertThat(s.info.startedAt).isEqualTo(at("2026-02-02T08:59:59Z"));
    assertThat(s.info.endedAt).isEqualTo(at("2026-02-02T09:05:00Z"));
  }

  // Hand-written JSONL log: header, $set with the injected context, a message rewritten as it
  // streams (same id twice), a user functionResponse echo, and a cut last line.
  static final String LOG = """
      {"sessionId":"gem-log-1","projectHash":"p1","startTime":"2026-02-03T10:00:00.000Z","lastUpdated":"2026-02-03T10:00:00.000Z","kind":"main"}
      {"$set":{"messages":[{"id":"ctx","timestamp":"2026-02-03T10:00:00.100Z","type":"user","content":[{"text":"<session_context>\\nThis is the Gemini CLI.\\n</session_context>"}]}],"lastUpdated":"2026-02-03T10:00:00.100Z"}}
      {"id":"u1","timestamp":"2026-02-03T10:00:10.000Z","type":"user","content":[{"text":"read main.py"}]}
      {"$set":{"lastUpdated":"2026-02-03T10:00:10.000Z"}}
      {"id":"g1","timestamp":"2026-02-03T10:00:12.000Z","type":"gemini","content":"","thoughts":[],"tokens":{"input":50,"output":5,"cached":0,"thoughts":0,"tool":0,"total":55},"model":"gemini-test-flash"}
      {"id":"g1","timestamp":"2026-02-03T10:00:12.000Z","type":"gemini","content":"","thoughts":[],"tokens":{"input":50,"output":5,"cached":0,"thoughts":0,"tool":0,"total":55},"model":"gemini-test-flash","toolCalls":[{"id":"rf_1","name":"read_file","args":{"file_path":"main.py"},"result":[{"functionResponse":{"id":"rf_1","name":"read_file","response":{"output":"print(1)"}}}],"status":"success","timestamp":"2026-02-03T10:00:13.000Z"}]}
      {"id":"u2","timestamp":"2026-02-03T10:00:13.500Z","type":"user","content":[{"functionResponse":{"id":"rf_1","name":"read_file","response":{"output":"print(1)"}}}]}
      {"id":"g2","timestamp":"2026-02-03T10:00:15.000Z","type":"gemini","content":"It prints 1.","tokens":{"input":70,"output":6,"cached":20,"thoughts":2,"tool":0,"total":78},"model":"gemini-test-flash"}
      {"$set":{"lastUpdated":"2026-02-03T10:00:16.000Z"}}
      {"id":"u3","timestamp":"2026-02-03T10:00:20.000Z","type":"user","content":[{"te
      """;

  @Test
  void logDedupesUpdatesAndEchoes() {
    GeminiJsonlFormat f = new GeminiJsonlFormat();
    assertThat(f.detect(LOG)).isTrue();
    assertThat(new GeminiJsonFormat().detect(LOG)).isFalse();
    assertThat(f.detect(DOC)).isFalse();
    assertThat(new GeminiJsonFormat().detect(DOC.substring(0, 100))).isTrue();

    RecordingSink s = Fixtures.parse(f, LOG);
    assertThat(s.ofType("system_injected")).hasSize(1);
    assertThat(s.ofType("system_injected").get(0).content).startsWith("<session_context>");
    assertThat(s.ofType("user_prompt")).extracting(t -> t.content).containsExactly("read main.py");
    assertThat(s.ofType("tool_use")).hasSize(1);
    assertThat(s.ofType("tool_use").get(0).filePath).isEqualTo("main.py");
    assertThat(Fixtures.category(s.ofType("tool_use").get(0))).isEqualTo("read");
    assertThat(s.ofType("tool_result")).hasSize(1); // the user functionResponse echo gives no row
    assertThat(s.ofType("assistant_response")).extracting(t -> t.content)
        .containsExactly("It prints 1.");
    assertThat(s.problems).hasSize(1).first().asString().startsWith("10: malformed JSON");
    assertThat(s.info.sessionId).isEqualTo("gem-log-1");
    assertThat(s.info.inputTokens).isEqualTo(100);
    assertThat(s.info.outputTokens).isEqualTo(13);
    assertThat(s.info.cacheReadTokens).isEqualTo(20);
    assertThat(s.info.endedAt).isEqualTo(at("2026-02-03T10:00:16Z"));
  }
}
