package dev.personas.load.formats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.personas.load.Turn;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * GitHub Copilot CLI session events JSONL ({@code ~/.copilot/session-state/<id>/events.jsonl}):
 * one {@code {type, data, id, parentId, timestamp}} event per line.
 *
 * <ul>
 *   <li>{@code session.start}: session id, start, cwd, repository ({@code https://<host>/<repo>}),
 *       selected model; {@code session.model_change}: model of later rows;
 *       {@code session.shutdown}: end and session tokens (sum of {@code modelMetrics.*.usage}).</li>
 *   <li>{@code user.message} -> {@code user_prompt}; {@code system_injected} when its
 *       {@code source} is set and not the user (system, instruction-discovery, a parent agent), when
 *       it is empty, or starts with a tag ({@code <system_reminder>}). {@code system.message}
 *       (system prompt) and {@code system.notification} -> {@code system_injected}.</li>
 *   <li>{@code assistant.message} -> {@code assistant_thinking} ({@code reasoningText}) and
 *       {@code assistant_response} ({@code content}; also when empty and no tool is requested);
 *       output tokens on the first row; {@code message_id} = {@code apiCallId} (the API response
 *       id), else {@code messageId}. Its {@code toolRequests} are not rows: the execution events
 *       are.</li>
 *   <li>{@code tool.execution_start} -> {@code tool_use} (arguments; {@code apply_patch} patch
 *       text -> file path; {@code message_id} of the assistant message that requested it); {@code tool.execution_complete} -> {@code tool_result}
 *       ({@code is_error = !success}).</li>
 *   <li>{@code permission.completed} with a denied result -> a {@code tool_result} row with
 *       {@code is_error} for that call (a rejection; a later completion of the same call gives no
 *       second row).</li>
 *   <li>{@code abort} -> interruption row; {@code session.compaction_complete} -> event
 *       {@code compaction}.</li>
 *   <li>Events of a sub-agent (top-level {@code agentId}) are marked {@code is_sidechain}.</li>
 * </ul>
 * hook.*, assistant.turn_*, subagent.*, permission.requested and other session.* events give no
 * row; an event type outside these families is reported as a problem.
 */
public final class CopilotEventsFormat extends JsonlFormat {
  public static final String ID = "copilot-events-jsonl";

  private static final String[] FAMILIES = {"session.", "user.", "assistant.", "tool.", "hook.",
      "permission.", "subagent.", "system.", "skill.", "abort"};

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String agent() {
    return "Copilot CLI";
  }

  /** First record: a dotted Copilot event type ({@code session.start}, ...) with a data object. */
  @Override
  public boolean detect(String head) {
    HeadProbe p = HeadProbe.of(head);
    String type = p.str("type");
    if (type == null || !p.isObject("data") || p.has("payload") || p.has("parentUuid")) {
      return false;
    }
    return type.startsWith("session.") || type.startsWith("user.")
        || type.startsWith("assistant.") || type.startsWith("tool.") || type.startsWith("hook.");
  }

  private static final Set<String> SKIP = Set.of("detailedContent", "toolTelemetry",
      "reasoningOpaque", "encryptedContent", "transformedContent",
      "supportedNativeDocumentMimeTypes");

  @Override
  Set<String> skipFields() {
    return SKIP;
  }

  @Override
  Session session(Emit out) {
    return new CopilotSession(out);
  }

  static final class CopilotSession extends Session {
    private final Set<String> denied = new HashSet<>();
    /** toolCallId -> API response id of the assistant message that requested it. */
    private final Map<String, String> requestedBy = new HashMap<>();

    CopilotSession(Emit out) {
      super(out);
    }

    @Override
    void record(JsonNode rec, long line) {
      String type = Json.text(rec, "type");
      if (type == null) {
        out.problem(line, "event without type");
        return;
      }
      Instant ts = out.time(rec, "timestamp", line);
      JsonNode d = Json.obj(rec, "data");
      boolean side = rec.hasNonNull("agentId");
      switch (type) {
        case "session.start", "session.resume" -> {
          out.seen(ts);
          if (d == null) return;
          out.sessionId(Json.nonBlank(d, "sessionId"));
          out.seen(Json.instant(d, "startTime"));
          String m = Json.nonBlank(d, "selectedModel");
          if (m != null) {
            out.model = m;
            out.sessionModel(m);
          }
          JsonNode ctx = Json.obj(d, "context");
          if (ctx != null) {
            if (out.info.cwd == null) out.info.cwd = Json.nonBlank(ctx, "cwd");
            String repo = Json.nonBlank(ctx, "repository");
            if (repo != null && out.info.repoUrl == null) {
              String host = Json.nonBlank(ctx, "repositoryHost");
              out.info.repoUrl = "https://" + (host != null ? host : "github.com") + "/" + repo;
            }
          }
        }
        case "session.model_change" -> {
          out.seen(ts);
          String m = Json.nonBlank(d, "newModel");
          if (m != null) {
            out.model = m;
            out.sessionModel(m);
          }
        }
        case "session.shutdown" -> shutdown(d, ts);
        case "session.compaction_complete" -> {
          out.event("compaction", Json.text(d, "summaryContent"), ts).isSidechain = side;
          out.send();
        }
        case "user.message" -> {
          String text = Json.text(d, "content");
          if (text == null) text = "";
          String source = Json.text(d, "source");
          boolean injected = (source != null && !source.equals("user")) || text.isBlank()
              || CodexRolloutFormat.isInjected(text);
          Turn t = out.start("user", injected ? "system_injected" : "user_prompt", ts);
          t.isConversational = !injected;
          t.content = text;
          t.isSidechain = side;
          out.send();
        }
        case "system.message", "system.notification" -> {
          Turn t = out.start("user", "system_injected", ts);
          t.content = Json.text(d, "content");
          t.isSidechain = side;
          out.send();
        }
        case "assistant.message" -> assistant(d, ts, side);
        case "tool.execution_start" -> {
          if (d == null) return;
          String name = Json.text(d, "toolName");
          String callId = Json.text(d, "toolCallId");
          Turn t = out.toolUse(name, callId, ts);
          t.messageId = callId == null ? null : requestedBy.get(callId);
          String m = Json.nonBlank(d, "model");
          if (m != null) t.model = m;
          t.isSidechain = side;
          JsonNode args = d.get("arguments");
          if (args != null && args.isTextual()) {
            t.toolInputJson = Json.write(args);
            if (name != null && name.contains("patch")) t.filePath = ToolInputs.patchPath(args.textValue());
            else t.command = name != null && name.equals("bash") ? args.textValue() : null;
          } else if (args != null && !args.isNull()) {
            t.toolInputJson = Json.write(args);
            ToolInputs.fill(t, args);
            if (t.filePath == null) {
              JsonNode paths = Json.arr(args, "paths");
              if (paths != null && paths.size() > 0) t.filePath = paths.get(0).asText();
            }
          }
          out.send();
        }
        case "tool.execution_complete" -> {
          if (d == null) return;
          String id = Json.text(d, "toolCallId");
          if (id != null && denied.contains(id)) {
            out.seen(ts);
            return;
          }
          JsonNode result = Json.obj(d, "result");
          String text = Json.text(result, "content");
          JsonNode error = d.get("error");
          if (text == null && error != null) {
            text = error.isTextual() ? error.textValue() : Json.text(error, "message");
          }
          boolean ok = d.path("success").asBoolean(error == null);
          Turn t = out.toolResult(null, id, text, !ok, ts);
          t.isSidechain = side;
          out.send();
        }
        case "permission.completed" -> {
          JsonNode result = Json.obj(d, "result");
          String kind = Json.text(result, "kind");
          String id = Json.text(d, "toolCallId");
          if (kind != null && kind.startsWith("denied")) {
            if (id != null) denied.add(id);
            Turn t = out.toolResult(null, id, "permission " + kind, true, ts);
            t.isSidechain = side;
            out.send();
          } else {
            out.seen(ts);
          }
        }
        case "abort" -> {
          String reason = Json.text(d, "reason");
          out.interrupt(reason != null ? reason : "abort", ts);
        }
        default -> {
          if (known(type)) out.seen(ts);
          else out.problem(line, "unknown event type '" + type + "'");
        }
      }
    }

    private void assistant(JsonNode d, Instant ts, boolean side) {
      if (d == null) return;
      String model = Json.nonBlank(d, "model");
      if (model != null) out.sessionModel(model);
      String id = Json.nonBlank(d, "apiCallId");
      if (id == null) id = Json.text(d, "messageId");
      Long outTok = Json.lng(d, "outputTokens");
      out.addTokens(null, outTok, null);
      boolean pending = outTok != null;
      String reasoning = Json.text(d, "reasoningText");
      if (reasoning != null && !reasoning.isBlank()) {
        Turn t = out.thinking(reasoning, ts, model);
        t.messageId = id;
        t.isSidechain = side;
        if (pending) {
          t.outputTokens = outTok;
          pending = false;
        }
        out.send();
      }
      String text = Json.text(d, "content");
      JsonNode reqs = Json.arr(d, "toolRequests");
      boolean hasReqs = reqs != null && reqs.size() > 0;
      if (hasReqs && id != null) {
        for (JsonNode r : reqs) {
          String call = Json.text(r, "toolCallId");
          if (call != null) requestedBy.put(call, id);
        }
      }
      if ((text != null && !text.isBlank()) || (pending && !hasReqs)) {
        Turn t = out.answer(text, ts, model);
        t.isConversational = text != null && !text.isBlank();
        t.messageId = id;
        t.isSidechain = side;
        if (pending) t.outputTokens = outTok;
        out.send();
      } else if (pending) {
        // tokens of a tool-only response: carried by a non-conversational response row
        Turn t = out.answer(null, ts, model);
        t.isConversational = false;
        t.messageId = id;
        t.isSidechain = side;
        t.outputTokens = outTok;
        out.send();
      } else {
        out.seen(ts);
      }
    }

    private void shutdown(JsonNode d, Instant ts) {
      out.seen(ts);
      if (d == null) return;
      JsonNode metrics = Json.obj(d, "modelMetrics");
      if (metrics != null) {
        Long in = null;
        Long o = null;
        Long c = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = metrics.fields(); it.hasNext(); ) {
          JsonNode usage = Json.obj(it.next().getValue(), "usage");
          in = Json.plus(in, Json.lng(usage, "inputTokens"));
          o = Json.plus(o, Json.lng(usage, "outputTokens"));
          c = Json.plus(c, Json.lng(usage, "cacheReadTokens"));
        }
        out.info.inputTokens = Json.plus(out.info.inputTokens, in);
        out.info.outputTokens = Json.plus(out.info.outputTokens, o);
        out.info.cacheReadTokens = Json.plus(out.info.cacheReadTokens, c);
      }
      String m = Json.nonBlank(d, "currentModel");
      if (m != null) out.sessionModel(m);
    }

    private static boolean known(String type) {
      for (String f : FAMILIES) {
        if (type.startsWith(f)) return true;
      }
      return false;
    }

    @Override
    void finish() {
      if (out.info.outputTokens == null) out.finishTokens();
    }
  }
}
