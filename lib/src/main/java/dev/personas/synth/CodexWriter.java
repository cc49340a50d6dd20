package dev.personas.synth;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.personas.synth.Ev.Act;
import dev.personas.synth.Ev.Kind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.util.SplittableRandom;

/**
 * Renders a {@link SynthSession} as a Codex CLI rollout JSONL file: lines {@code {timestamp, type,
 * payload}} with {@code session_meta}, per prompt {@code event_msg/task_started},
 * {@code turn_context}, the prompt twice ({@code response_item/message} role user and
 * {@code event_msg/user_message}), {@code response_item/reasoning}, {@code event_msg/agent_message}
 * plus the assistant {@code message}, {@code function_call} ({@code exec_command} with
 * {@code arguments} a JSON string holding {@code cmd}) and {@code function_call_output},
 * {@code custom_tool_call} {@code apply_patch} with {@code patch_apply_end} and
 * {@code custom_tool_call_output}, {@code event_msg/token_count} with cumulative usage,
 * {@code task_complete}, and {@code turn_aborted} for interruptions. Record shapes follow
 * {@code shared/reference/formats.md} ("Codex CLI rollout JSONL").
 */
final class CodexWriter {
  static final String CLI_VERSION = "0.142.5";
  private final JsonFactory factory;

  CodexWriter(JsonFactory factory) {
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
    SplittableRandom r = new SplittableRandom(Population.mix(s.index, 13, s.startMs));
    SessionBuilder.Ids ids = new SessionBuilder.Ids();
    JsonGenerator g = factory.createGenerator(out);
    String turnId = null;
    long turnStart = s.startMs;
    long totIn = 0, totCached = 0, totOut = 0;
    String lastMsg = null;
    String lastAnswer = "";
    String agentsMd = null;
    boolean firstTurn = true;
    Ev lastText = null;
    // session_meta
    line(g, s.startMs, "session_meta");
    g.writeStringField("session_id", s.sessionId);
    g.writeStringField("id", s.sessionId);
    g.writeStringField("timestamp", ClaudeWriter.ts(s.startMs - 900));
    g.writeStringField("cwd", s.cwd);
    g.writeStringField("originator", "codex_cli_rs");
    g.writeStringField("cli_version", CLI_VERSION);
    g.writeStringField("source", "cli");
    g.writeStringField("model_provider", "openai");
    g.writeObjectFieldStart("base_instructions");
    g.writeStringField("text", "You are Codex, a coding agent. You and the user share one workspace.");
    g.writeEndObject();
    g.writeObjectFieldStart("git");
    g.writeStringField("commit_hash", s.commitHash);
    g.writeStringField("branch", s.branch);
    g.writeStringField("repository_url", "https://github.com/" + s.repoId + ".git");
    g.writeEndObject();
    endLine(g);
    for (int i = 0; i < s.events.size(); i++) {
      Ev e = s.events.get(i);
      long t = e.t;
      switch (e.kind) {
        case INJECTED -> agentsMd = e.text;
        case PROMPT -> {
          if (atPrompt != null) {
            g.flush();
            atPrompt.run();
          }
          turnId = ids.uuid(r);
          turnStart = t;
          line(g, t - 60, "event_msg");
          g.writeStringField("type", "task_started");
          g.writeStringField("turn_id", turnId);
          g.writeNumberField("started_at", (t - 60) / 1000);
          g.writeNumberField("model_context_window", 258400);
          endLine(g);
          if (firstTurn && agentsMd != null) {
            line(g, t - 50, "response_item");
            g.writeStringField("type", "message");
            g.writeStringField("role", "user");
            g.writeArrayFieldStart("content");
            g.writeStartObject();
            g.writeStringField("type", "input_text");
            g.writeStringField("text", agentsMd);
            g.writeEndObject();
            g.writeEndArray();
            endLine(g);
          }
          firstTurn = false;
          line(g, t - 40, "turn_context");
          g.writeStringField("turn_id", turnId);
          g.writeStringField("cwd", s.cwd);
          g.writeStringField("approval_policy", "on-request");
          g.writeObjectFieldStart("sandbox_policy");
          g.writeStringField("type", "workspace-write");
          g.writeEndObject();
          g.writeStringField("model", s.model);
          g.writeStringField("effort", "medium");
          g.writeStringField("summary", "auto");
          endLine(g);
          line(g, t, "response_item");
          g.writeStringField("type", "message");
          g.writeStringField("role", "user");
          g.writeArrayFieldStart("content");
          g.writeStartObject();
          g.writeStringField("type", "input_text");
          g.writeStringField("text", e.text);
          g.writeEndObject();
          g.writeEndArray();
          endLine(g);
          line(g, t + 20, "event_msg", e.noTimestamp);
          g.writeStringField("type", "user_message");
          g.writeStringField("message", e.text);
          g.writeArrayFieldStart("images");
          g.writeEndArray();
          g.writeArrayFieldStart("local_images");
          g.writeEndArray();
          g.writeArrayFieldStart("text_elements");
          g.writeEndArray();
          endLine(g);
        }
        case THINKING -> {
          line(g, t, "response_item", e.noTimestamp);
          g.writeStringField("type", "reasoning");
          g.writeStringField("id", "rs_" + e.msgId.substring(5));
          g.writeArrayFieldStart("summary");
          g.writeEndArray();
          g.writeStringField("encrypted_content", "gAAAAB" + ids.uuid(r).replace("-", ""));
          endLine(g);
        }
        case TEXT -> {
          boolean fin = i + 1 == s.events.size() || s.events.get(i + 1).kind == Kind.PROMPT;
          line(g, t, "event_msg", e.noTimestamp);
          g.writeStringField("type", "agent_message");
          g.writeStringField("message", e.text);
          g.writeStringField("phase", fin ? "final_answer" : "commentary");
          endLine(g);
          line(g, t + 2, "response_item", e.noTimestamp);
          g.writeStringField("type", "message");
          g.writeStringField("role", "assistant");
          g.writeArrayFieldStart("content");
          g.writeStartObject();
          g.writeStringField("type", "output_text");
          g.writeStringField("text", e.text);
          g.writeEndObject();
          g.writeEndArray();
          endLine(g);
          lastText = e;
          lastAnswer = e.text;
        }
        case TOOL_USE -> {
          line(g, t, "response_item", e.noTimestamp);
          if (e.tool.equals("apply_patch")) {
            g.writeStringField("type", "custom_tool_call");
            g.writeStringField("status", "completed");
            g.writeStringField("call_id", e.callId);
            g.writeStringField("name", "apply_patch");
            g.writeStringField("input", patch(e));
          } else if (e.tool.equals("web_search_call")) {
            g.writeStringField("type", "web_search_call");
            g.writeStringField("status", "completed");
            g.writeObjectFieldStart("action");
            g.writeStringField("type", "search");
            g.writeStringField("query", e.pattern);
            g.writeEndObject();
          } else {
            g.writeStringField("type", "function_call");
            g.writeStringField("name", e.tool);
            g.writeStringField("arguments", arguments(e, s));
            g.writeStringField("call_id", e.callId);
          }
          endLine(g);
        }
        case TOOL_RESULT -> {
          if (e.tool.equals("web_search_call")) break;
          if (e.tool.equals("apply_patch")) {
            line(g, t - 2, "event_msg");
            g.writeStringField("type", "patch_apply_end");
            g.writeStringField("call_id", e.callId);
            g.writeStringField("turn_id", turnId);
            g.writeStringField("stdout", e.error ? "" : e.text);
            g.writeStringField("stderr", e.error ? e.text : "");
            g.writeBooleanField("success", !e.error);
            g.writeObjectFieldStart("changes");
            Ev use = findUse(s, e.callId);
            if (use != null && use.file != null) {
              g.writeObjectFieldStart(use.file);
              g.writeStringField("type", use.oldText == null ? "add" : "update");
              if (use.oldText == null) g.writeStringField("content", use.newText);
              else g.writeStringField("unified_diff", "@@ -1,3 +1,3 @@\n-" + use.oldText.replace("\n", "\n-") + "\n+" + use.newText.replace("\n", "\n+") + "\n");
              g.writeEndObject();
            }
            g.writeEndObject();
            g.writeStringField("status", e.error ? "failed" : "completed");
            endLine(g);
            line(g, t, "response_item", e.noTimestamp);
            g.writeStringField("type", "custom_tool_call_output");
            g.writeStringField("call_id", e.callId);
            g.writeStringField("output", "Exit code: " + (e.error ? 1 : 0) + "\nWall time: 0 seconds\nOutput:\n" + e.text);
          } else {
            line(g, t, "response_item", e.noTimestamp);
            g.writeStringField("type", "function_call_output");
            g.writeStringField("call_id", e.callId);
            g.writeStringField("output", "Chunk ID: " + SessionBuilder.uuid(r).substring(0, 6)
                + "\nWall time: " + String.format(java.util.Locale.ROOT, "%.4f", (e.t % 5000) / 1000.0)
                + " seconds\nProcess exited with code " + (e.error ? 1 : 0) + "\nOriginal token count: "
                + (e.text.length() / 4) + "\nOutput:\n" + e.text);
          }
          endLine(g);
        }
        case INTERRUPT -> {
          line(g, t, "event_msg");
          g.writeStringField("type", "turn_aborted");
          g.writeStringField("turn_id", turnId);
          g.writeStringField("reason", "interrupted");
          g.writeNumberField("completed_at", t / 1000);
          g.writeNumberField("duration_ms", t - turnStart);
          endLine(g);
          turnId = null;
        }
        case SIDECHAIN -> { }
      }
      // token_count after each assistant response (first line of a new message id)
      if (e.msgId != null && !e.msgId.equals(lastMsg)) {
        lastMsg = e.msgId;
        long in = e.inTok + e.cacheCreate + e.cacheRead;
        totIn += in;
        totCached += e.cacheRead;
        totOut += e.outTok;
        line(g, t + 1, "event_msg");
        g.writeStringField("type", "token_count");
        g.writeObjectFieldStart("info");
        tokens(g, "total_token_usage", totIn, totCached, totOut);
        tokens(g, "last_token_usage", in, e.cacheRead, e.outTok);
        g.writeNumberField("model_context_window", 258400);
        g.writeEndObject();
        g.writeNullField("rate_limits");
        endLine(g);
      }
      boolean segEnd = e.kind == Kind.TEXT && turnId != null
          && (i + 1 == s.events.size() || s.events.get(i + 1).kind == Kind.PROMPT);
      if (segEnd) {
        line(g, t + 30, "event_msg");
        g.writeStringField("type", "task_complete");
        g.writeStringField("turn_id", turnId);
        g.writeStringField("last_agent_message", lastAnswer);
        g.writeNumberField("completed_at", (t + 30) / 1000);
        g.writeNumberField("duration_ms", t + 30 - turnStart);
        endLine(g);
      }
    }
    if (s.truncateLast && lastText != null) {
      ByteArrayOutputStream tail = new ByteArrayOutputStream();
      JsonGenerator tg = factory.createGenerator(tail);
      line(tg, s.endMs + 1000, "event_msg");
      tg.writeStringField("type", "agent_message");
      tg.writeStringField("message", lastText.text);
      tg.writeStringField("phase", "commentary");
      endLine(tg);
      tg.flush();
      byte[] b = tail.toByteArray();
      g.flush();
      out.write(b, 0, b.length * 3 / 5);
    }
    g.flush();
  }

  private static void tokens(JsonGenerator g, String name, long in, long cached, long out) throws IOException {
    g.writeObjectFieldStart(name);
    g.writeNumberField("input_tokens", in);
    g.writeNumberField("cached_input_tokens", cached);
    g.writeNumberField("output_tokens", out);
    g.writeNumberField("reasoning_output_tokens", out / 3);
    g.writeNumberField("total_tokens", in + out);
    g.writeEndObject();
  }

  private static void line(JsonGenerator g, long t, String type) throws IOException {
    line(g, t, type, false);
  }

  private static void line(JsonGenerator g, long t, String type, boolean noTs) throws IOException {
    g.writeStartObject();
    if (!noTs) g.writeStringField("timestamp", ClaudeWriter.ts(t));
    g.writeStringField("type", type);
    g.writeObjectFieldStart("payload");
  }

  private static void endLine(JsonGenerator g) throws IOException {
    g.writeEndObject();
    g.writeEndObject();
    g.writeRaw('\n');
  }

  private String arguments(Ev e, SynthSession s) throws IOException {
    StringWriter w = new StringWriter();
    try (JsonGenerator a = factory.createGenerator(w)) {
      a.writeStartObject();
      switch (e.tool) {
        case "exec_command" -> {
          a.writeStringField("cmd", e.command);
          a.writeStringField("workdir", s.cwd);
          a.writeNumberField("yield_time_ms", 10000);
          a.writeNumberField("max_output_tokens", 12000);
        }
        case "update_plan" -> {
          a.writeArrayFieldStart("plan");
          String[] items = e.newText.split("\n");
          for (int i = 0; i < items.length; i++) {
            a.writeStartObject();
            a.writeStringField("step", items[i]);
            a.writeStringField("status", i == 0 ? "in_progress" : "pending");
            a.writeEndObject();
          }
          a.writeEndArray();
        }
        case "spawn_agent" -> {
          a.writeStringField("task", e.newText);
          a.writeStringField("model", s.model);
        }
        default -> { }
      }
      a.writeEndObject();
    }
    return w.toString();
  }

  private static String patch(Ev e) {
    StringBuilder b = new StringBuilder("*** Begin Patch\n");
    if (e.oldText == null) {
      b.append("*** Add File: ").append(e.file).append('\n');
      for (String l : e.newText.split("\n", -1)) b.append('+').append(l).append('\n');
    } else {
      b.append("*** Update File: ").append(e.file).append("\n@@\n");
      for (String l : e.oldText.split("\n", -1)) b.append('-').append(l).append('\n');
      for (String l : e.newText.split("\n", -1)) b.append('+').append(l).append('\n');
    }
    return b.append("*** End Patch").toString();
  }

  private static Ev findUse(SynthSession s, String callId) {
    for (Ev x : s.events) if (x.kind == Kind.TOOL_USE && callId.equals(x.callId)) return x;
    return null;
  }
}
