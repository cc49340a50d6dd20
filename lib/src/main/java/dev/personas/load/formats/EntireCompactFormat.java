package dev.personas.load.formats;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.personas.load.AgentNames;
import dev.personas.load.SessionInfo;
import dev.personas.load.TranscriptFormat;
import dev.personas.load.TranscriptSink;
import dev.personas.load.Turn;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Entire's agent-neutral compact transcript ({@code transcript.jsonl}, every line {@code "v":1}),
 * field notes in {@code shared/reference/formats.md}: one line per user or assistant message with
 * {@code agent, cli_version, type (user|assistant), ts}; assistant lines add {@code id,
 * input_tokens, output_tokens}. {@code content[]}: user {@code {id?, text}} or an image block;
 * assistant {@code {type:text}}, {@code {type:thinking}}, {@code {type:tool_use, id, name, input,
 * result:{output, status}}}.
 *
 * <p>Rows: user text as in {@link ClaudeCodeFormat} (prompt, injected, interruption); an image
 * block {@code user/system_injected}; assistant text {@code assistant_response}; thinking
 * {@code assistant_thinking}; a tool_use block gives a {@code tool_use} row and, when its result is
 * inlined, a {@code tool_result} row ({@code is_error} when the status is {@code error}). Tokens sit
 * on the first row of an assistant line. The session agent is the line's {@code agent}
 * ({@link AgentNames}).
 */
public final class EntireCompactFormat implements TranscriptFormat {
  private static final Pattern DETECT = Pattern.compile("^\\{\\s*\"v\"\\s*:\\s*1\\s*,");

  @Override
  public String id() {
    return "entire-compact-v1";
  }

  @Override
  public String agent() {
    return "Claude Code";
  }

  @Override
  public boolean detect(String head) {
    String s = head.stripLeading();
    return DETECT.matcher(s).find() && s.contains("\"type\"");
  }

  @Override
  public void parse(InputStream in, TranscriptSink sink) throws IOException {
    SessionInfo info = sink.session();
    Turn t = new Turn();
    JsonLines lines = new JsonLines(in);
    long inTok = 0, outTok = 0;
    boolean anyTok = false;
    while (lines.next()) {
      if (lines.blank()) continue;
      long no = lines.lineNumber();
      String type = null, ts = null, agent = null, id = null;
      Long input = null, output = null;
      JsonNode content = null;
      try (JsonParser p = lines.parser()) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
          sink.problem(no, "not a JSON object");
          continue;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String f = p.currentName();
          JsonToken v = p.nextToken();
          switch (f) {
            case "type" -> type = v == JsonToken.VALUE_STRING ? p.getText() : null;
            case "ts" -> ts = v == JsonToken.VALUE_STRING ? p.getText() : null;
            case "agent" -> agent = v == JsonToken.VALUE_STRING ? p.getText() : null;
            case "id" -> id = v == JsonToken.VALUE_STRING ? p.getText() : null;
            case "input_tokens" -> input = v.isNumeric() ? p.getLongValue() : null;
            case "output_tokens" -> output = v.isNumeric() ? p.getLongValue() : null;
            case "content" -> {
              if (v == JsonToken.START_ARRAY) content = Json.readTree(p, java.util.Set.of());
              else p.skipChildren();
            }
            default -> p.skipChildren();
          }
        }
      } catch (JsonProcessingException e) {
        sink.problem(no, (lines.terminated() ? "malformed JSON: " : "file ends mid-line: ")
            + ClaudeCodeFormat.firstLine(e.getOriginalMessage()));
        continue;
      }
      if (info.agent == null && agent != null) info.agent = AgentNames.canonical(agent);
      Instant when = JsonLines.instant(ts);
      if (when == null && ts != null) {
        sink.warning(no, "unparsable timestamp '" + ClaudeCodeFormat.abbreviate(ts) + "' (record kept without timestamp)");
      }
      if (when != null) {
        if (info.startedAt == null || when.isBefore(info.startedAt)) info.startedAt = when;
        if (info.endedAt == null || when.isAfter(info.endedAt)) info.endedAt = when;
      }
      if (content == null) {
        sink.problem(no, "record without a content list");
        continue;
      }
      if ("user".equals(type)) {
        int n = 0;
        for (JsonNode b : content) {
          t.clear();
          t.role = "user";
          t.timestamp = when;
          String text = JsonLines.str(b, "text");
          if (text != null) {
            t.content = text;
            switch (InjectedText.classify(text)) {
              case PROMPT -> {
                t.turnType = "user_prompt";
                t.isConversational = true;
                t.content = InjectedText.promptText(text);
              }
              case INTERRUPT -> {
                t.turnType = "system_injected";
                t.isInterrupt = true;
              }
              case COMPACTION_SUMMARY -> {
                t.turnType = "system_injected";
                t.event = "compaction";
              }
              default -> t.turnType = "system_injected";
            }
          } else {
            String bt = JsonLines.str(b, "type");
            t.turnType = "system_injected";
            t.content = "[" + (bt == null ? "block" : bt) + "]";
          }
          sink.turn(t);
          n++;
        }
        if (n == 0) sink.problem(no, "user record with an empty content list");
      } else if ("assistant".equals(type)) {
        boolean tokensPending = input != null || output != null;
        if (tokensPending) {
          anyTok = true;
          if (input != null) inTok += input;
          if (output != null) outTok += output;
        }
        int n = 0;
        for (JsonNode b : content) {
          String bt = JsonLines.str(b, "type");
          t.clear();
          t.timestamp = when;
          t.messageId = id;
          if ("text".equals(bt)) {
            t.role = "assistant";
            t.turnType = "assistant_response";
            t.isConversational = true;
            t.content = JsonLines.str(b, "text");
          } else if ("thinking".equals(bt)) {
            t.role = "assistant";
            t.turnType = "assistant_thinking";
            t.content = JsonLines.str(b, "thinking");
          } else if ("tool_use".equals(bt)) {
            t.role = "tool_use";
            t.turnType = "tool_use";
            t.toolName = JsonLines.str(b, "name");
            t.toolCallId = JsonLines.str(b, "id");
            JsonNode inp = b.get("input");
            if (inp != null && !inp.isNull()) {
              t.toolInputJson = inp.toString();
              if (inp.isObject()) {
                String fp = JsonLines.str(inp, "file_path");
                if (fp == null) fp = JsonLines.str(inp, "path");
                if (fp == null) fp = JsonLines.str(inp, "filePath");
                t.filePath = fp;
                t.command = JsonLines.str(inp, "command");
                if (t.command == null) t.command = JsonLines.str(inp, "cmd");
                t.pattern = JsonLines.str(inp, "pattern");
              }
            }
          } else {
            continue;
          }
          if (tokensPending) {
            t.inputTokens = input;
            t.outputTokens = output;
            tokensPending = false;
          }
          sink.turn(t);
          n++;
          JsonNode result = "tool_use".equals(bt) ? b.get("result") : null;
          if (result != null && result.isObject()) {
            String callId = t.toolCallId;
            t.clear();
            t.role = "tool_result";
            t.turnType = "tool_result";
            t.timestamp = when;
            t.toolCallId = callId;
            t.content = JsonLines.text(result.get("output"));
            t.isError = "error".equals(JsonLines.str(result, "status"));
            sink.turn(t);
            n++;
          }
        }
        if (n == 0) sink.problem(no, "assistant record with no readable content block");
      } else {
        sink.problem(no, type == null ? "record without a type" : "unknown record type '" + ClaudeCodeFormat.abbreviate(type) + "'");
      }
    }
    if (anyTok) {
      info.inputTokens = inTok;
      info.outputTokens = outTok;
    }
    if (info.agent == null) info.agent = agent();
  }
}
