package dev.personas.synth;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.personas.synth.Ev.Act;
import dev.personas.synth.Ev.Kind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Renders a {@link SynthSession} as a Claude Code JSONL transcript ({@code ~/.claude/projects/...}
 * shape, as copied verbatim into Entire's {@code full.jsonl}): envelope fields {@code parentUuid,
 * isSidechain, userType, cwd, sessionId, version, gitBranch, type, uuid, timestamp}; one line per
 * content block of an assistant response, each repeating {@code message.id} and {@code usage};
 * tool results as {@code user} records with {@code tool_result} blocks and a structured
 * {@code toolUseResult}; {@code file-history-snapshot} before prompts, {@code system/turn_duration}
 * after answers, {@code pr-link} after {@code gh pr create}; interruptions as
 * {@code [Request interrupted by user...]}. Record shapes follow
 * {@code shared/reference/formats.md} ("Claude Code JSONL").
 */
final class ClaudeWriter {
  static final String VERSION = "2.1.49";
  private final JsonFactory factory;

  ClaudeWriter(JsonFactory factory) {
    this.factory = factory;
  }

  void write(SynthSession s, OutputStream out) throws IOException {
    write(s, out, null);
  }

  /**
   * Writes the transcript; {@code atPrompt} (may be null) runs before each prompt's first record,
   * with everything before it flushed to {@code out} (where a cumulative checkpoint may end).
   */
  void write(SynthSession s, OutputStream out, Runnable atPrompt) throws IOException {
    SplittableRandom r = new SplittableRandom(Population.mix(s.index, 11, s.startMs));
    SessionBuilder.Ids ids = new SessionBuilder.Ids();
    JsonGenerator g = factory.createGenerator(out);
    String parent = null;
    String lastAssistantUuid = null;
    String lastPromptUuid = null;
    long segStart = s.startMs;
    Ev lastText = null;
    for (int i = 0; i < s.events.size(); i++) {
      Ev e = s.events.get(i);
      String uuid = ids.uuid(r);
      switch (e.kind) {
        case PROMPT -> {
          if (atPrompt != null) {
            g.flush();
            atPrompt.run();
          }
          snapshot(g, uuid, e.t);
          start(g, parent, false, s);
          g.writeStringField("type", "user");
          g.writeObjectFieldStart("message");
          g.writeStringField("role", "user");
          g.writeStringField("content", e.text);
          g.writeEndObject();
          end(g, uuid, e);
          g.writeStringField("permissionMode", "default");
          close(g);
          lastPromptUuid = uuid;
          segStart = e.t;
        }
        case INJECTED -> {
          start(g, parent, false, s);
          g.writeStringField("type", "user");
          g.writeObjectFieldStart("message");
          g.writeStringField("role", "user");
          g.writeStringField("content", e.text);
          g.writeEndObject();
          if (!"command".equals(e.injected)) g.writeBooleanField("isMeta", true);
          end(g, uuid, e);
          close(g);
        }
        case THINKING, TEXT, TOOL_USE -> {
          start(g, parent, false, s);
          startAssistantBlock(g, s, e);
          if (e.kind == Kind.THINKING) {
            g.writeStringField("type", "thinking");
            g.writeStringField("thinking", e.text);
            g.writeStringField("signature", "Eq" + ids.uuid(r).replace("-", ""));
          } else if (e.kind == Kind.TEXT) {
            g.writeStringField("type", "text");
            g.writeStringField("text", e.text);
            lastText = e;
          } else {
            g.writeStringField("type", "tool_use");
            g.writeStringField("id", e.callId);
            g.writeStringField("name", e.tool);
            g.writeObjectFieldStart("input");
            toolInput(g, e);
            g.writeEndObject();
          }
          g.writeEndObject();
          g.writeEndArray();
          g.writeNullField("stop_reason");
          g.writeNullField("stop_sequence");
          usage(g, e);
          g.writeEndObject();
          g.writeStringField("requestId", "req_011" + e.msgId.substring(Math.min(6, e.msgId.length())));
          g.writeStringField("type", "assistant");
          end(g, uuid, e);
          close(g);
          lastAssistantUuid = uuid;
        }
        case TOOL_RESULT -> {
          start(g, lastAssistantUuid != null ? lastAssistantUuid : parent, false, s);
          g.writeStringField("type", "user");
          g.writeObjectFieldStart("message");
          g.writeStringField("role", "user");
          g.writeArrayFieldStart("content");
          g.writeStartObject();
          g.writeStringField("tool_use_id", e.callId);
          g.writeStringField("type", "tool_result");
          g.writeStringField("content", e.text);
          g.writeBooleanField("is_error", e.error);
          g.writeEndObject();
          g.writeEndArray();
          g.writeEndObject();
          end(g, uuid, e);
          if (e.error && e.text.startsWith("The user doesn't want")) {
            g.writeStringField("toolUseResult", "User rejected tool use");
          } else {
            g.writeObjectFieldStart("toolUseResult");
            toolUseResult(g, e, s);
            g.writeEndObject();
          }
          g.writeStringField("sourceToolAssistantUUID", lastAssistantUuid);
          close(g);
          if (e.act == Act.SHELL && e.command.startsWith("gh pr create") && !e.error) {
            String url = e.text.strip();
            g.writeStartObject();
            g.writeStringField("type", "pr-link");
            g.writeStringField("sessionId", s.sessionId);
            g.writeNumberField("prNumber", Integer.parseInt(url.substring(url.lastIndexOf('/') + 1)));
            g.writeStringField("prUrl", url);
            g.writeStringField("prRepository", s.repoId);
            g.writeStringField("timestamp", ts(e.t + 5));
            close(g);
          }
        }
        case INTERRUPT -> {
          start(g, parent, false, s);
          g.writeStringField("type", "user");
          g.writeObjectFieldStart("message");
          g.writeStringField("role", "user");
          g.writeArrayFieldStart("content");
          g.writeStartObject();
          g.writeStringField("type", "text");
          g.writeStringField("text", e.forToolUse ? "[Request interrupted by user for tool use]"
              : "[Request interrupted by user]");
          g.writeEndObject();
          g.writeEndArray();
          g.writeEndObject();
          end(g, uuid, e);
          close(g);
        }
        case SIDECHAIN -> {
          g.writeStartObject();
          g.writeStringField("parentUuid", null);
          g.writeBooleanField("isSidechain", true);
          envelopeRest(g, s);
          g.writeStringField("agentId", e.callId.substring(e.callId.length() - 8));
          if (e.sideUser) {
            g.writeStringField("type", "user");
            g.writeObjectFieldStart("message");
            g.writeStringField("role", "user");
            g.writeStringField("content", e.text);
            g.writeEndObject();
          } else {
            startAssistantBlock(g, s, e);
            g.writeStringField("type", "text");
            g.writeStringField("text", e.text);
            g.writeEndObject();
            g.writeEndArray();
            g.writeNullField("stop_reason");
            g.writeEndObject();
            g.writeStringField("type", "assistant");
          }
          g.writeStringField("uuid", uuid);
          g.writeStringField("timestamp", ts(e.t));
          close(g);
          continue;
        }
      }
      parent = uuid;
      // after the last record of a segment: a turn_duration system record
      boolean segmentEnds = e.kind == Kind.TEXT
          && (i + 1 == s.events.size() || s.events.get(i + 1).kind == Kind.PROMPT);
      if (segmentEnds) {
        String u2 = ids.uuid(r);
        start(g, parent, false, s);
        g.writeStringField("type", "system");
        g.writeStringField("subtype", "turn_duration");
        g.writeNumberField("durationMs", e.t - segStart + 40);
        g.writeStringField("timestamp", ts(e.t + 40));
        g.writeStringField("uuid", u2);
        g.writeBooleanField("isMeta", false);
        close(g);
        parent = u2;
      }
    }
    if (s.truncateLast && lastText != null) {
      // a record cut mid-line, as in files the snapshot store truncated
      ByteArrayOutputStream tail = new ByteArrayOutputStream();
      JsonGenerator t = factory.createGenerator(tail);
      start(t, parent, false, s);
      t.writeStringField("type", "assistant");
      t.writeObjectFieldStart("message");
      t.writeStringField("id", "msg_01" + SessionBuilder.uuid(r).replace("-", "").substring(0, 22));
      t.writeStringField("role", "assistant");
      t.writeStringField("model", s.model);
      t.writeArrayFieldStart("content");
      t.writeStartObject();
      t.writeStringField("type", "text");
      t.writeStringField("text", lastText.text);
      t.writeEndObject();
      t.writeEndArray();
      t.writeEndObject();
      t.writeEndObject();
      t.flush();
      byte[] b = tail.toByteArray();
      g.flush();
      out.write(b, 0, b.length * 3 / 5);
    }
    g.flush();
  }

  private static void snapshot(JsonGenerator g, String messageId, long t) throws IOException {
    g.writeStartObject();
    g.writeStringField("type", "file-history-snapshot");
    g.writeStringField("messageId", messageId);
    g.writeObjectFieldStart("snapshot");
    g.writeStringField("messageId", messageId);
    g.writeObjectFieldStart("trackedFileBackups");
    g.writeEndObject();
    g.writeStringField("timestamp", ts(t));
    g.writeEndObject();
    g.writeBooleanField("isSnapshotUpdate", false);
    close(g);
  }

  private static void start(JsonGenerator g, String parent, boolean side, SynthSession s) throws IOException {
    g.writeStartObject();
    g.writeStringField("parentUuid", parent);
    g.writeBooleanField("isSidechain", side);
    envelopeRest(g, s);
  }

  private static void envelopeRest(JsonGenerator g, SynthSession s) throws IOException {
    g.writeStringField("userType", "external");
    g.writeStringField("cwd", s.cwd);
    g.writeStringField("sessionId", s.sessionId);
    g.writeStringField("version", VERSION);
    g.writeStringField("gitBranch", s.branch);
  }

  private static void end(JsonGenerator g, String uuid, Ev e) throws IOException {
    g.writeStringField("uuid", uuid);
    if (!e.noTimestamp) g.writeStringField("timestamp", ts(e.t));
  }

  private static void close(JsonGenerator g) throws IOException {
    g.writeEndObject();
    g.writeRaw('\n');
  }

  private static final java.time.format.DateTimeFormatter TS =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

  /** ISO-8601 UTC with milliseconds, as agents write them. */
  static String ts(long ms) {
    return TS.format(Instant.ofEpochMilli(ms));
  }

  private static void usage(JsonGenerator g, Ev e) throws IOException {
    g.writeObjectFieldStart("usage");
    g.writeNumberField("input_tokens", e.inTok);
    g.writeNumberField("cache_creation_input_tokens", e.cacheCreate);
    g.writeNumberField("cache_read_input_tokens", e.cacheRead);
    g.writeObjectFieldStart("cache_creation");
    g.writeNumberField("ephemeral_5m_input_tokens", 0);
    g.writeNumberField("ephemeral_1h_input_tokens", e.cacheCreate);
    g.writeEndObject();
    g.writeNumberField("output_tokens", e.outTok);
    g.writeStringField("service_tier", "standard");
    g.writeEndObject();
  }

  private static void toolInput(JsonGenerator g, Ev e) throws IOException {
    switch (e.act) {
      case READ -> g.writeStringField("file_path", e.file);
      case GREP -> {
        g.writeStringField("pattern", e.pattern);
        g.writeStringField("path", e.file);
        g.writeStringField("output_mode", "content");
      }
      case GLOB -> g.writeStringField("pattern", e.pattern);
      case SHELL -> {
        g.writeStringField("command", e.command);
        g.writeStringField("description", "Run " + e.command.split(" ")[0]);
      }
      case EDIT -> {
        g.writeBooleanField("replace_all", false);
        g.writeStringField("file_path", e.file);
        g.writeStringField("old_string", e.oldText);
        g.writeStringField("new_string", e.newText);
      }
      case WRITE -> {
        g.writeStringField("file_path", e.file);
        g.writeStringField("content", e.newText);
      }
      case TODO -> {
        g.writeArrayFieldStart("todos");
        String[] items = e.newText.split("\n");
        for (int i = 0; i < items.length; i++) {
          g.writeStartObject();
          g.writeStringField("content", items[i]);
          g.writeStringField("status", i == 0 ? "in_progress" : "pending");
          g.writeStringField("activeForm", "Working on " + items[i]);
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      case TASK -> {
        g.writeStringField("description", e.oldText);
        g.writeStringField("subagent_type", "general-purpose");
        g.writeStringField("prompt", e.newText);
      }
      case PLAN_EXIT -> g.writeStringField("plan", e.newText);
      case WEB_SEARCH -> g.writeStringField("query", e.pattern);
      default -> { }
    }
  }

  private static void toolUseResult(JsonGenerator g, Ev e, SynthSession s) throws IOException {
    switch (e.act) {
      case SHELL -> {
        g.writeStringField("stdout", e.error ? "" : e.text);
        g.writeStringField("stderr", e.error ? e.text : "");
        g.writeBooleanField("interrupted", false);
        g.writeBooleanField("isImage", false);
        g.writeBooleanField("noOutputExpected", false);
      }
      case READ -> {
        g.writeStringField("type", "text");
        g.writeObjectFieldStart("file");
        g.writeStringField("filePath", e.file);
        g.writeStringField("content", e.text.replaceAll("(?m)^ *\\d+\\t", ""));
        int lines = e.text.split("\n", -1).length;
        g.writeNumberField("numLines", lines);
        g.writeNumberField("startLine", 1);
        g.writeNumberField("totalLines", lines);
        g.writeEndObject();
      }
      case EDIT -> {
        g.writeStringField("filePath", e.file);
        Ev use = findUse(s, e.callId);
        g.writeStringField("oldString", use == null ? "" : use.oldText);
        g.writeStringField("newString", use == null ? "" : use.newText);
        g.writeArrayFieldStart("structuredPatch");
        g.writeStartObject();
        g.writeNumberField("oldStart", 10);
        g.writeNumberField("oldLines", 3);
        g.writeNumberField("newStart", 10);
        g.writeNumberField("newLines", 3);
        g.writeEndObject();
        g.writeEndArray();
        g.writeBooleanField("userModified", false);
        g.writeBooleanField("replaceAll", false);
      }
      case WRITE -> {
        g.writeStringField("type", "create");
        g.writeStringField("filePath", e.file);
        Ev use = findUse(s, e.callId);
        g.writeStringField("content", use == null ? "" : use.newText);
        g.writeArrayFieldStart("structuredPatch");
        g.writeEndArray();
      }
      case GREP -> {
        g.writeStringField("mode", "content");
        g.writeNumberField("numFiles", 0);
        g.writeArrayFieldStart("filenames");
        g.writeEndArray();
        g.writeStringField("content", e.text);
        g.writeNumberField("numLines", e.text.split("\n").length);
      }
      case GLOB -> {
        String[] fs = e.text.split("\n");
        g.writeArrayFieldStart("filenames");
        for (String f : fs) g.writeString(f);
        g.writeEndArray();
        g.writeNumberField("durationMs", 12);
        g.writeNumberField("numFiles", fs.length);
        g.writeBooleanField("truncated", false);
      }
      case TODO -> {
        g.writeArrayFieldStart("oldTodos");
        g.writeEndArray();
        g.writeArrayFieldStart("newTodos");
        g.writeEndArray();
      }
      case TASK -> {
        g.writeStringField("status", "completed");
        g.writeArrayFieldStart("content");
        g.writeStartObject();
        g.writeStringField("type", "text");
        g.writeStringField("text", e.text);
        g.writeEndObject();
        g.writeEndArray();
        g.writeNumberField("totalDurationMs", 60_000);
        g.writeNumberField("totalTokens", 20_000 + e.text.length());
        g.writeNumberField("totalToolUseCount", 8);
      }
      default -> g.writeStringField("message", e.text);
    }
  }

  private static Ev findUse(SynthSession s, String callId) {
    for (Ev x : s.events) if (x.kind == Kind.TOOL_USE && callId.equals(x.callId)) return x;
    return null;
  }

  /** Opens an assistant API response's {@code message} and its one content block. */
  private static void startAssistantBlock(JsonGenerator g, SynthSession s, Ev e) throws IOException {
    g.writeObjectFieldStart("message");
    g.writeStringField("model", s.model);
    g.writeStringField("id", e.msgId);
    g.writeStringField("type", "message");
    g.writeStringField("role", "assistant");
    g.writeArrayFieldStart("content");
    g.writeStartObject();
  }
}
