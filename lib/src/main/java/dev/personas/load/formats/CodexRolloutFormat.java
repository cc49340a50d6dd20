package dev.personas.load.formats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.personas.load.Turn;
import java.time.Instant;
import java.util.Set;

/**
 * Codex CLI rollout JSONL ({@code ~/.codex/sessions/**}/rollout-*.jsonl; Entire's {@code full.jsonl}
 * for agent "Codex"). Each line is {@code {timestamp, type, payload}}; field notes in
 * {@code shared/reference/formats.md}, checked against the development corpus.
 *
 * <p>Mapping (one {@code conversations} row per listed record, in file order):
 * <ul>
 *   <li>{@code event_msg:user_message} is the canonical prompt ({@code user_prompt}); its copy as
 *       {@code response_item:message role=user} (written just before it) is dropped. A
 *       {@code role=user} message that no {@code user_message} follows before the model's next
 *       output (older rollouts) is kept as the prompt. When an IDE/app client wrapped the prompt in
 *       context sections, the prompt is the text under {@code ## My request for Codex:}. {@code <codex_delegation>} envelopes (written
 *       by a parent agent), {@code role=developer} instructions and user-channel context
 *       ({@code <environment_context>}, {@code # AGENTS.md instructions}, {@code <turn_aborted>},
 *       {@code <subagent_notification>}, any other leading tag except {@code <image>}) are
 *       {@code system_injected}.</li>
 *   <li>{@code response_item:message role=assistant} -> {@code assistant_response} (the identical
 *       {@code event_msg:agent_message} is dropped); {@code reasoning} -> {@code assistant_thinking}
 *       (summary text).</li>
 *   <li>{@code function_call} / {@code custom_tool_call} / {@code web_search_call} /
 *       {@code tool_search_call} -> {@code tool_use}: tool_name is the call's {@code name}
 *       (MCP calls: {@code namespace} + name), {@code tool_input_json} the raw {@code arguments}
 *       text, {@code command} from {@code arguments.cmd|command} (argv arrays joined),
 *       {@code file_path} from the patch header of {@code apply_patch}.</li>
 *   <li>{@code function_call_output} / {@code custom_tool_call_output} / {@code tool_search_output}
 *       -> {@code tool_result}; {@code is_error} when the output reports a non-zero exit code, a
 *       failed patch or script.</li>
 *   <li>Rollouts carry no API response id, so {@code message_id} is synthesized per model
 *       response: {@code response-<n>}, numbering runs of model items (reasoning, assistant text,
 *       tool calls) separated by anything else (tool output, user or developer message,
 *       token_count and other events).</li>
 *   <li>{@code event_msg:token_count} gives no row: its {@code last_token_usage} (input tokens
 *       without cached ones, output tokens with reasoning, cached input tokens) goes on the first
 *       row of the model response it closes (the rows of a response are held until its
 *       token_count arrives, or released without tokens at the next prompt, abort or end). The
 *       session's tokens are the last {@code total_token_usage} the same way (this matches
 *       Entire's session metadata).</li>
 *   <li>{@code event_msg:turn_aborted} -> interruption row ({@code is_interrupt}, event
 *       {@code turn_aborted}); {@code context_compacted} -> event {@code compaction};
 *       {@code error} -> system_event with {@code is_error}.</li>
 *   <li>The early rollout layout (a header line {@code {id, timestamp, instructions, git}}, then
 *       response items unwrapped, one per line, and {@code record_type: state} lines) maps the
 *       same way; {@code local_shell_call} -> {@code tool_use} named {@code local_shell}.</li>
 *   <li>A sub-agent rollout (first {@code session_meta} with {@code source.subagent},
 *       {@code thread_source: subagent} or {@code parent_thread_id}) marks every row
 *       {@code is_sidechain}, and its {@code user_message}s (the parent agent's task, or the
 *       parent's history copied into a forked thread) are {@code system_injected}.</li>
 *   <li>{@code session_meta} gives session id (the first one; later copies repeat it), cwd and
 *       {@code git.repository_url}; {@code turn_context.model} the model of following rows.</li>
 * </ul>
 * Other {@code event_msg} kinds (exec_command_end, patch_apply_end, task_started, ...) repeat
 * information already in response items and give no row. A line without {@code type}, or with a
 * top-level type this parser does not know, is reported as a problem.
 */
public final class CodexRolloutFormat extends JsonlFormat {
  public static final String ID = "codex-rollout-jsonl";

  private static final Set<String> TOP_TYPES =
      Set.of("session_meta", "turn_context", "response_item", "event_msg");
  /** Response item types that the early layout writes unwrapped, one per line. */
  private static final Set<String> EARLY_ITEMS = Set.of("message", "function_call",
      "function_call_output", "reasoning", "local_shell_call", "custom_tool_call",
      "custom_tool_call_output", "web_search_call");
  private static final Set<String> IGNORED_TOP_TYPES =
      Set.of("compacted", "world_state", "inter_agent_communication_metadata");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String agent() {
    return "Codex";
  }

  /**
   * First record has a Codex top-level type and a payload (or is a bare session_meta), or is the
   * session header of the early rollout layout ({@code {id, timestamp, instructions|git}}, no type).
   */
  @Override
  public boolean detect(String head) {
    HeadProbe p = HeadProbe.of(head);
    String type = p.str("type");
    if (type == null && !p.has("type") && p.str("id") != null && p.str("timestamp") != null
        && (p.has("instructions") || p.isObject("git")) && !p.has("sessionId")) {
      return true;
    }
    if (type == null || !TOP_TYPES.contains(type)) return false;
    if (p.has("parentUuid") || p.has("uuid") || p.has("sessionId")) return false;
    return p.isObject("payload") || p.isObject("item") || type.equals("session_meta");
  }

  /** Bulky fields no row uses: system prompts, encrypted reasoning, output copies, rate limits. */
  private static final Set<String> SKIP = Set.of("base_instructions", "encrypted_content",
      "dynamic_tools", "replacement_history", "rate_limits", "aggregated_output",
      "formatted_output", "stdout", "stderr", "user_instructions", "developer_instructions",
      "memory_citation", "last_agent_message", "parsed_cmd", "changes", "invocation",
      "internal_chat_message_metadata_passthrough");

  @Override
  Set<String> skipFields() {
    return SKIP;
  }

  /** A tool call's output ({@code payload.output}, or {@code output} of an early unwrapped item). */
  @Override
  Json.CapRule capRule() {
    return (parent, field) -> field.equals("output")
        && (parent == null || parent.equals("payload") || parent.equals("item"));
  }

  @Override
  Session session(Emit out) {
    return new CodexSession(out);
  }

  static final class CodexSession extends Session {
    /** Number of model responses so far (for the synthesized message ids). */
    private int responses;
    /** Whether the last row came from the model (reasoning, text, tool call). */
    private boolean inResponse;

    /** The synthesized id of the model response an assistant-side item belongs to. */
    private String responseId() {
      if (!inResponse) {
        responses++;
        inResponse = true;
        out.hold(); // rows wait for the response's token_count
      }
      return "response-" + responses;
    }

    /** Line number of the first record (the early layout's header line). */
    private long firstLine;
    /** A role=user response item waiting for its event_msg:user_message copy. */
    private String pendingPrompt;
    private Instant pendingTs;

    CodexSession(Emit out) {
      super(out);
    }

    @Override
    void record(JsonNode rec, long line) {
      String type = Json.text(rec, "type");
      if (firstLine == 0) firstLine = line;
      if (type == null) {
        if (line == firstLine && rec.has("id") && rec.has("timestamp")) {
          meta(rec, null); // early layout: the first line is the session header
        } else if (!rec.has("record_type")) {
          out.problem(line, "record without type");
        }
        return;
      }
      if (!rec.has("payload") && !rec.has("item") && EARLY_ITEMS.contains(type)) {
        responseItem(rec, out.time(rec, "timestamp", line)); // early layout: items unwrapped
        return;
      }
      Instant ts = out.time(rec, "timestamp", line);
      JsonNode p = rec.get("payload");
      if (p == null || !p.isObject()) p = Json.obj(rec, "item");
      switch (type) {
        case "session_meta" -> meta(p, ts);
        case "turn_context" -> {
          out.seen(ts);
          String m = Json.nonBlank(p, "model");
          if (m != null) {
            out.model = m;
            out.sessionModel(m);
          }
        }
        case "response_item" -> {
          if (p == null) {
            out.problem(line, "response_item without payload");
            return;
          }
          responseItem(p, ts);
        }
        case "event_msg" -> {
          if (p == null) {
            out.problem(line, "event_msg without payload");
            return;
          }
          eventMsg(p, ts);
        }
        default -> {
          if (IGNORED_TOP_TYPES.contains(type)) out.seen(ts);
          else out.problem(line, "unknown record type '" + type + "'");
        }
      }
    }

    private void meta(JsonNode p, Instant ts) {
      out.seen(ts);
      if (p == null) return;
      if (out.info.sessionId == null && isSubagent(p)) out.sidechain = true;
      out.sessionId(Json.nonBlank(p, "id"));
      if (out.info.cwd == null) out.info.cwd = Json.nonBlank(p, "cwd");
      JsonNode git = Json.obj(p, "git");
      if (out.info.repoUrl == null) out.info.repoUrl = Json.nonBlank(git, "repository_url");
      out.seen(Json.instant(p, "timestamp"));
    }

    private void responseItem(JsonNode p, Instant ts) {
      String pt = Json.text(p, "type");
      if (pt == null) return;
      switch (pt) {
        case "message" -> message(p, ts);
        case "reasoning" -> {
          flushPending();
          String text = summaryText(p);
          Turn t = out.thinking(text, ts, null);
          t.messageId = responseId();
          out.send();
        }
        case "function_call" -> {
          flushPending();
          functionCall(p, ts);
        }
        case "custom_tool_call" -> {
          flushPending();
          String name = Json.text(p, "name");
          Turn t = out.toolUse(name, Json.text(p, "call_id"), ts);
          JsonNode input = p.get("input");
          if (input != null && input.isTextual()) {
            String s = input.textValue();
            if ("apply_patch".equals(name)) t.filePath = ToolInputs.patchPath(s);
            else t.command = s;
            t.toolInputJson = Json.write(input);
          } else if (input != null) {
            ToolInputs.fill(t, input);
            t.toolInputJson = Json.write(input);
          }
          t.messageId = responseId();
          out.send();
        }
        case "local_shell_call" -> {
          flushPending();
          Turn t = out.toolUse("local_shell", Json.text(p, "call_id"), ts);
          t.messageId = responseId();
          JsonNode action = Json.obj(p, "action");
          if (action != null) {
            t.toolInputJson = Json.write(action);
            ToolInputs.fill(t, action);
            if (t.filePath != null && t.command != null) t.filePath = null;
          }
          out.send();
        }
        case "web_search_call" -> {
          flushPending();
          Turn t = out.toolUse("web_search_call", Json.text(p, "id"), ts);
          t.messageId = responseId();
          JsonNode action = Json.obj(p, "action");
          if (action != null) {
            t.toolInputJson = Json.write(action);
            t.content = Json.text(action, "query");
            if (t.content == null) t.content = Json.text(action, "url");
          }
          out.send();
        }
        case "tool_search_call" -> {
          flushPending();
          Turn t = out.toolUse("tool_search_call", Json.text(p, "call_id"), ts);
          t.messageId = responseId();
          JsonNode args = p.get("arguments");
          if (args != null) t.toolInputJson = args.isTextual() ? args.textValue() : Json.write(args);
          out.send();
        }
        case "function_call_output", "custom_tool_call_output", "tool_search_output" -> {
          inResponse = false;
          JsonNode o = p.get("output");
          String text = outputText(o);
          if (text == null && pt.equals("tool_search_output")) text = Json.text(p, "status");
          Turn t = out.toolResult(null, Json.text(p, "call_id"), text, isErrorOutput(text), ts);
          if (o instanceof Json.CappedTextNode c) c.into(t); // a long output, read capped
          out.send();
        }
        case "agent_message" -> {
          // a message between agent threads (multi-agent mode): not typed by a person
          out.injected(Json.contentText(p.get("content")), ts);
        }
        default -> out.seen(ts);
      }
    }

    private void message(JsonNode p, Instant ts) {
      String role = Json.text(p, "role");
      if (!"assistant".equals(role)) inResponse = false;
      String text = Json.contentText(p.get("content"));
      if ("assistant".equals(role)) {
        flushPending();
        Turn t = out.answer(text, ts, null);
        t.messageId = responseId();
        out.send();
      } else if ("user".equals(role)) {
        if (text == null) text = "";
        if (isInjected(text)) {
          out.injected(text, ts);
        } else {
          flushPending();
          pendingPrompt = text;
          pendingTs = ts;
        }
      } else {
        // developer / system instructions
        out.injected(text, ts);
      }
    }

    private void functionCall(JsonNode p, Instant ts) {
      String name = Json.text(p, "name");
      String ns = Json.text(p, "namespace");
      if (ns != null && ns.startsWith("mcp__") && name != null) {
        name = ns + (name.startsWith("_") ? name : "__" + name);
      }
      Turn t = out.toolUse(name, Json.text(p, "call_id"), ts);
      JsonNode args = p.get("arguments");
      JsonNode parsed = null;
      if (args != null && args.isTextual()) {
        t.toolInputJson = args.textValue();
        parsed = Json.parseEmbedded(args.textValue());
      } else if (args != null && !args.isNull()) {
        t.toolInputJson = Json.write(args);
        parsed = args;
      } else {
        JsonNode input = p.get("input");
        if (input != null && !input.isNull()) {
          t.toolInputJson = Json.write(input);
          parsed = input;
        }
      }
      if (parsed != null) {
        ToolInputs.fill(t, parsed);
        if ("apply_patch".equals(name) && t.filePath == null) {
          t.filePath = ToolInputs.patchPath(Json.text(parsed, "input"));
        }
      }
      t.messageId = responseId();
      out.send();
    }

    private void eventMsg(JsonNode p, Instant ts) {
      String et = Json.text(p, "type");
      if (et == null) return;
      if (!et.equals("agent_message") && !et.equals("agent_reasoning")) inResponse = false;
      switch (et) {
        case "user_message" -> {
          out.release(null, null, null);
          pendingPrompt = null;
          String text = Json.text(p, "message");
          if (text == null) text = "";
          if (out.sidechain || text.stripLeading().startsWith("<codex_delegation>")) {
            out.injected(text, ts); // written by a parent agent (or forked from its history)
          } else {
            out.prompt(request(text), ts);
          }
        }
        case "token_count" -> tokens(p, ts);
        case "turn_aborted" -> {
          out.release(null, null, null);
          flushPending();
          String reason = Json.text(p, "reason");
          out.interrupt(reason == null ? "turn_aborted" : reason, ts);
        }
        case "context_compacted" -> {
          out.event("compaction", null, ts);
          out.send();
        }
        case "error" -> {
          Turn t = out.event(null, Json.text(p, "message"), ts);
          t.isError = true;
          out.send();
        }
        default -> out.seen(ts);
      }
    }

    private void tokens(JsonNode p, Instant ts) {
      JsonNode info = Json.obj(p, "info");
      if (info == null) {
        out.seen(ts);
        return;
      }
      JsonNode total = Json.obj(info, "total_token_usage");
      if (total != null) {
        Long cached = Json.lng(total, "cached_input_tokens");
        out.info.inputTokens = Json.minus(Json.lng(total, "input_tokens"), cached);
        out.info.outputTokens = Json.lng(total, "output_tokens");
        out.info.cacheReadTokens = cached;
      }
      JsonNode last = Json.obj(info, "last_token_usage");
      out.seen(ts);
      if (last != null && out.holding()) {
        Long cached = Json.lng(last, "cached_input_tokens");
        out.release(Json.minus(Json.lng(last, "input_tokens"), cached),
            Json.lng(last, "output_tokens"), cached);
      }
    }

    private void flushPending() {
      if (pendingPrompt != null) {
        String s = pendingPrompt;
        pendingPrompt = null;
        if (out.sidechain) out.injected(s, pendingTs);
        else out.prompt(request(s), pendingTs);
      }
    }

    @Override
    void finish() {
      out.release(null, null, null);
      flushPending();
    }
  }

  /**
   * Whether a {@code session_meta} describes a sub-agent thread: {@code source.subagent} (review,
   * thread_spawn), {@code thread_source: subagent}, or a {@code parent_thread_id}.
   */
  static boolean isSubagent(JsonNode meta) {
    JsonNode src = meta.get("source");
    return (src != null && src.isObject() && src.has("subagent"))
        || "subagent".equals(Json.text(meta, "thread_source"))
        || meta.hasNonNull("parent_thread_id");
  }

  private static final String REQUEST_HEADER = "## My request for Codex:";

  /**
   * What the person typed: IDE and app clients prepend context ({@code # Context from my IDE
   * setup:}, {@code # Files mentioned by the user:}, ...) and put the typed text under
   * {@code ## My request for Codex:}; that section is the prompt. Other text is returned as is.
   */
  static String request(String text) {
    if (!text.startsWith("#") && !text.stripLeading().startsWith("#")) return text;
    int i = text.lastIndexOf(REQUEST_HEADER);
    if (i < 0) return text;
    return text.substring(i + REQUEST_HEADER.length()).strip();
  }

  /** Text a harness puts in the user channel: leading tags (except images) and AGENTS.md. */
  static boolean isInjected(String text) {
    String s = text.stripLeading();
    if (s.startsWith("# AGENTS.md")) return true;
    if (s.startsWith("<") && s.length() > 1 && Character.isLetter(s.charAt(1))) {
      return !s.startsWith("<image");
    }
    return false;
  }

  private static String summaryText(JsonNode p) {
    String s = Json.contentText(p.get("summary"));
    if (s == null || s.isEmpty()) s = Json.contentText(p.get("content"));
    return s;
  }

  private static String outputText(JsonNode o) {
    if (o == null || o.isNull()) return null;
    if (o.isTextual()) return o.textValue();
    String s = Json.contentText(o);
    return s != null ? s : Json.write(o);
  }

  /**
   * Whether a Codex tool output reports failure: {@code Exit code: N} / {@code Process exited with
   * code N} with N != 0 in its first lines, {@code "exit_code":N} metadata, a failed patch
   * ({@code apply_patch verification failed}) or script ({@code Script failed}).
   */
  static boolean isErrorOutput(String s) {
    if (s == null) return false;
    int lim = Math.min(s.length(), 400);
    String h = s.substring(0, lim);
    if (h.startsWith("apply_patch verification failed") || h.startsWith("Script failed")) {
      return true;
    }
    Integer code = codeAfter(h, "Exit code: ");
    if (code == null) code = codeAfter(h, "Process exited with code ");
    if (code == null) code = codeAfter(h, "\"exit_code\":");
    return code != null && code != 0;
  }

  private static Integer codeAfter(String h, String key) {
    int i = h.indexOf(key);
    if (i < 0) return null;
    int j = i + key.length();
    while (j < h.length() && h.charAt(j) == ' ') j++;
    int k = j;
    if (k < h.length() && h.charAt(k) == '-') k++;
    while (k < h.length() && Character.isDigit(h.charAt(k))) k++;
    if (k == j) return null;
    try {
      return Integer.parseInt(h.substring(j, k));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
