package dev.personas.load.formats;

import static dev.personas.load.formats.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.personas.load.Turn;
import java.util.List;
import org.junit.jupiter.api.Test;

class CopilotEventsFormatTest {
  // Hand-written Copilot CLI events; the last line is cut.
  static final String EVENTS = """
      {"type":"session.start","data":{"sessionId":"cop-1","version":1,"producer":"copilot-agent","startTime":"2026-04-01T12:00:00.000Z","selectedModel":"test-sonnet","context":{"cwd":"/src/app","gitRoot":"/src/app","branch":"main","repository":"example/app","repositoryHost":"github.com"}},"id":"e1","timestamp":"2026-04-01T12:00:00.500Z","parentId":null}
      {"type":"system.message","data":{"role":"system","content":"You are a terminal assistant."},"id":"e2","timestamp":"2026-04-01T12:00:01.000Z","parentId":"e1"}
      {"type":"user.message","data":{"content":"why does the build fail?","transformedContent":"<current_datetime>x</current_datetime> why does the build fail?","attachments":[]},"id":"e3","timestamp":"2026-04-01T12:00:02.000Z","parentId":"e2"}
      {"type":"user.message","data":{"content":"<system_reminder>be brief</system_reminder>","source":"system"},"id":"e4","timestamp":"2026-04-01T12:00:02.100Z","parentId":"e3"}
      {"type":"assistant.turn_start","data":{"turnId":"0"},"id":"e5","timestamp":"2026-04-01T12:00:02.200Z","parentId":"e4"}
      {"type":"assistant.message","data":{"messageId":"m1","model":"test-sonnet","content":"","toolRequests":[{"toolCallId":"t1","name":"bash","arguments":{"command":"npm run build"}}],"reasoningText":"Check the build output","outputTokens":80,"apiCallId":"msg_api_1"},"id":"e6","timestamp":"2026-04-01T12:00:03.000Z","parentId":"e5"}
      {"type":"tool.execution_start","data":{"toolCallId":"t1","toolName":"bash","arguments":{"command":"npm run build","description":"build"},"model":"test-sonnet"},"id":"e7","timestamp":"2026-04-01T12:00:03.100Z","parentId":"e6"}
      {"type":"tool.execution_complete","data":{"toolCallId":"t1","success":false,"result":{"content":"error TS2304"}},"id":"e8","timestamp":"2026-04-01T12:00:09.000Z","parentId":"e7"}
      {"type":"tool.execution_start","data":{"toolCallId":"t2","toolName":"view","arguments":{"path":"/src/app/tsconfig.json"}},"id":"e9","timestamp":"2026-04-01T12:00:10.000Z","parentId":"e8"}
      {"type":"tool.execution_complete","data":{"toolCallId":"t2","success":true,"result":{"content":"{}"}},"id":"e10","timestamp":"2026-04-01T12:00:10.200Z","parentId":"e9"}
      {"type":"tool.execution_start","data":{"toolCallId":"t3","toolName":"str_replace_editor","arguments":{"path":"/src/app/a.ts","old_str":"x","new_str":"y"}},"id":"e11","timestamp":"2026-04-01T12:00:11.000Z","parentId":"e10"}
      {"type":"permission.requested","data":{"requestId":"r1","permissionRequest":{"kind":"write","toolCallId":"t3"}},"id":"e12","timestamp":"2026-04-01T12:00:11.100Z","parentId":"e11"}
      {"type":"permission.completed","data":{"requestId":"r1","toolCallId":"t3","result":{"kind":"denied-interactively-by-user"}},"id":"e13","timestamp":"2026-04-01T12:00:15.000Z","parentId":"e12"}
      {"type":"tool.execution_complete","data":{"toolCallId":"t3","success":false,"error":{"message":"denied"}},"id":"e14","timestamp":"2026-04-01T12:00:15.100Z","parentId":"e13"}
      {"type":"tool.execution_start","agentId":"sub-1","data":{"toolCallId":"t4","toolName":"rg","arguments":{"pattern":"TODO","paths":["src"]}},"id":"e15","timestamp":"2026-04-01T12:00:16.000Z","parentId":"e14"}
      {"type":"abort","data":{"reason":"user_initiated"},"id":"e16","timestamp":"2026-04-01T12:00:17.000Z","parentId":"e15"}
      {"type":"assistant.message","data":{"messageId":"m2","model":"test-sonnet","content":"The build fails on a missing type.","toolRequests":[],"outputTokens":20},"id":"e17","timestamp":"2026-04-01T12:00:20.000Z","parentId":"e16"}
      {"type":"weird.event","data":{},"id":"e18","timestamp":"2026-04-01T12:00:21.000Z"}
      {"type":"session.shutdown","data":{"shutdownType":"routine","modelMetrics":{"test-sonnet":{"usage":{"inputTokens":3000,"outputTokens":100,"cacheReadTokens":2000}}},"currentModel":"test-sonnet"},"id":"e19","timestamp":"2026-04-01T12:01:00.000Z"}
      {"type":"user.message","data":{"content":"and now
      """;

  @Test
  void detects() {
    CopilotEventsFormat f = new CopilotEventsFormat();
    assertThat(f.detect(EVENTS)).isTrue();
    assertThat(f.detect("{\"type\":\"user\",\"message\":{},\"uuid\":\"u\"}")).isFalse();
    assertThat(f.detect("{\"timestamp\":\"x\",\"type\":\"event_msg\",\"payload\":{}}")).isFalse();
  }

  @Test
  void mapsEventsToRows() {
    RecordingSink s = Fixtures.parse(new CopilotEventsFormat(), EVENTS);
    assertThat(s.ofType("user_prompt")).extracting(t -> t.content)
        .containsExactly("why does the build fail?");
    assertThat(s.ofType("system_injected")).extracting(t -> t.content)
        .containsExactly("You are a terminal assistant.", "<system_reminder>be brief</system_reminder>");

    List<Turn> thinking = s.ofType("assistant_thinking");
    assertThat(thinking).hasSize(1);
    assertThat(thinking.get(0).outputTokens).isEqualTo(80);
    assertThat(thinking.get(0).messageId).isEqualTo("msg_api_1");
    List<Turn> answers = s.ofType("assistant_response");
    assertThat(answers).extracting(t -> t.content)
        .containsExactly("The build fails on a missing type.");
    assertThat(answers.get(0).outputTokens).isEqualTo(20);
    assertThat(answers.get(0).messageId).isEqualTo("m2");

    List<Turn> tools = s.ofType("tool_use");
    assertThat(tools).extracting(t -> t.toolName)
        .containsExactly("bash", "view", "str_replace_editor", "rg");
    assertThat(tools).extracting(Fixtures::category)
        .containsExactly("bash:build", "read", "edit", "grep");
    assertThat(tools.get(0).command).isEqualTo("npm run build");
    assertThat(tools.get(0).messageId).isEqualTo("msg_api_1"); // from the requesting message
    assertThat(tools.get(1).messageId).isNull();
    assertThat(tools.get(1).filePath).isEqualTo("/src/app/tsconfig.json");
    assertThat(tools.get(3).pattern).isEqualTo("TODO");
    assertThat(tools.get(3).isSidechain).isTrue();
    assertThat(tools.get(0).isSidechain).isFalse();

    List<Turn> results = s.ofType("tool_result");
    assertThat(results).extracting(t -> t.toolCallId).containsExactly("t1", "t2", "t3");
    assertThat(results).extracting(t -> t.isError).containsExactly(true, false, true);
    assertThat(results.get(2).content).contains("denied");

    List<Turn> interrupts = s.turns.stream().filter(t -> t.isInterrupt).toList();
    assertThat(interrupts).hasSize(1);
    assertThat(interrupts.get(0).timestamp).isEqualTo(at("2026-04-01T12:00:17Z"));

    assertThat(s.problems).hasSize(2);
    assertThat(s.problems.get(0)).startsWith("18: unknown event type 'weird.event'");
    assertThat(s.problems.get(1)).startsWith("20: malformed JSON");

    assertThat(s.info.sessionId).isEqualTo("cop-1");
    assertThat(s.info.cwd).isEqualTo("/src/app");
    assertThat(s.info.repoUrl).isEqualTo("https://github.com/example/app");
    assertThat(s.info.model).isEqualTo("test-sonnet");
    assertThat(s.info.inputTokens).isEqualTo(3000);
    assertThat(s.info.outputTokens).isEqualTo(100);
    assertThat(s.info.cacheReadTokens).isEqualTo(2000);
    assertThat(s.info.startedAt).isEqualTo(at("2026-04-01T12:00:00Z"));
    assertThat(s.info.endedAt).isEqualTo(at("2026-04-01T12:01:00Z"));
  }
}
