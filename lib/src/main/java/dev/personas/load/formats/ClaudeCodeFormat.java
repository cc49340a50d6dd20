package dev.personas.load.formats;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.personas.load.CappedText;
import dev.personas.load.SessionInfo;
import dev.personas.load.TranscriptFormat;
import dev.personas.load.TranscriptSink;
import dev.personas.load.Turn;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Claude Code's own session log ({@code ~/.claude/projects/<project>/<session>.jsonl}, Entire's
 * {@code full.jsonl}), one JSON record per line; field notes in {@code shared/reference/formats.md}.
 *
 * <p>Mapping to {@code conversations} rows (one row per record, or per content block when a record
 * holds several):
 * <ul>
 *   <li>{@code user} text: a prompt ({@code user/user_prompt}, conversational) unless it is injected
 *       ({@link InjectedText}) or {@code isMeta} ({@code user/system_injected}); a compaction summary
 *       is {@code system_injected} with event {@code compaction}; {@code [Request interrupted by
 *       user...]} is {@code system_injected} with {@code is_interrupt}.
 *   <li>{@code user} {@code tool_result} blocks: {@code tool_result/tool_result} with
 *       {@code tool_call_id} and {@code is_error}.
 *   <li>{@code assistant} blocks: {@code text} -> {@code assistant_response} (conversational),
 *       {@code thinking} -> {@code assistant_thinking}, {@code tool_use} -> {@code tool_use/tool_use}
 *       with {@code tool_name, tool_call_id, tool_input_json, file_path} ({@code file_path},
 *       {@code path} or {@code notebook_path}), {@code command} (shell tools) and {@code pattern}.
 *       {@code message_id} = {@code message.id}; usage tokens are repeated by Claude Code on every
 *       line of one response and are put on the first row of that response only, so sums are right.
 *   <li>{@code queue-operation}: {@code user/queue_operation} (never a prompt: the queued prompt is
 *       logged again as a {@code user} record, so it counts once); {@code pr-link}:
 *       {@code metadata/system_event}, event {@code pr_link}, content the PR URL; {@code progress},
 *       {@code file-history-snapshot}, {@code summary}, {@code system} and the other known metadata
 *       records: {@code metadata} rows of their turn type.
 * </ul>
 * Sidechain (sub-agent) records carry {@code is_sidechain}; their user text (the parent agent's
 * task, not typed by a person) is {@code system_injected}. A sub-agent's own transcript (Claude Code
 * writes it as {@code agent-<agentId>.jsonl}, or {@code subagents/agent-<agentId>.jsonl} beside the
 * session): every user and assistant record is a sidechain record with an {@code agentId}; it
 * repeats the parent's {@code sessionId}, so its session id is {@code agent-<agentId>} (a session
 * of its own, all rows {@code is_sidechain}, instead of a duplicate of the parent session). A
 * Conductor {@code <system_instruction>} prefix is cut from a prompt ({@link
 * InjectedText#promptText}). Lines that are not JSON objects, and records of an unknown type, are
 * skipped and reported.
 */
public final class ClaudeCodeFormat implements TranscriptFormat {
  private static final Pattern DETECT_TYPE = Pattern.compile(
      "\"type\"\\s*:\\s*\"(user|assistant|file-history-snapshot|queue-operation|summary|progress|system|"
      + "attachment|last-prompt|mode|custom-title|permission-mode|ai-title|agent-name|pr-link)\"");
  private static final Pattern DETECT_ID = Pattern.compile("\"(sessionId|leafUuid|parentUuid|uuid)\"\\s*:");

  /** Record types that carry no conversation but are known and kept as metadata rows. */
  static final Set<String> METADATA_TYPES = Set.of("attachment", "last-prompt", "mode",
      "custom-title", "permission-mode", "ai-title", "agent-name", "frame-link", "tag",
      "worktree-state", "content-replacement", "bridge-session");

  @Override
  public String id() {
    return "claude-code-jsonl";
  }

  @Override
  public String agent() {
    return "Claude Code";
  }

  @Override
  public boolean detect(String head) {
    String s = head.stripLeading();
    if (s.isEmpty() || s.charAt(0) != '{') return false;
    // the first line must be a whole record of a Claude Code type (not a pretty-printed document,
    // not a compact "v":1 line, not a Codex rollout line with "payload")
    int nl = s.indexOf('\n');
    String first = nl < 0 ? s : s.substring(0, nl);
    if (first.startsWith("{\"v\":") || first.contains("\"payload\"")) return false;
    if (!DETECT_TYPE.matcher(first).find() && !first.contains("\"leafUuid\"")) return false;
    return DETECT_ID.matcher(s).find();
  }

  @Override
  public void parse(InputStream in, TranscriptSink sink) throws IOException {
    new Run(sink).parse(in);
  }

  /** Per-file state. */
  private static final class Run {
    final TranscriptSink sink;
    final SessionInfo info;
    final Turn t = new Turn();
    final Set<String> seenMessageIds = new HashSet<>();
    long inTok, outTok, cacheTok;
    boolean anyUsage;
    /** User/assistant records outside and inside a sidechain; the first sidechain agentId. */
    long mainRecords, sideRecords;
    String sideAgentId;

    // envelope of the current record
    String type, subtype, timestampText, content, operation, prUrl, summary, agentId;
    boolean isSidechain, isMeta, toolInterrupted;
    /** The record's {@code message} object, streamed (null: none, or not an object). */
    Message message;
    private final Message messageBuf;

    Run(TranscriptSink sink) {
      this.sink = sink;
      this.info = sink.session();
      this.messageBuf = new Message(new CappedText(sink.maxContentChars()));
      if (info.agent == null) info.agent = "Claude Code";
    }

    void parse(InputStream in) throws IOException {
      JsonLines lines = new JsonLines(in);
      while (lines.next()) {
        if (lines.blank()) continue;
        long no = lines.lineNumber();
        // usually one record per line; records glued together by a lost newline are each read
        try (JsonParser p = lines.parser()) {
          for (boolean first = true; readEnvelope(p, no, first); first = false) emit(no);
        } catch (JsonProcessingException e) {
          sink.problem(no, (lines.terminated() ? "malformed JSON: " : "file ends mid-line: ")
              + firstLine(e.getOriginalMessage()));
        }
      }
      if (sideRecords > 0 && mainRecords == 0 && sideAgentId != null && !sideAgentId.isBlank()) {
        info.sessionId = "agent-" + sideAgentId; // a sub-agent's own transcript
      }
      if (anyUsage) {
        info.inputTokens = inTok;
        info.outputTokens = outTok;
        info.cacheReadTokens = cacheTok;
      }
    }

    /** Reads one record's top-level fields; false (after reporting) when it is unusable. */
    boolean readEnvelope(JsonParser p, long no, boolean first) throws IOException {
      type = subtype = timestampText = content = operation = prUrl = summary = agentId = null;
      isSidechain = isMeta = toolInterrupted = false;
      message = null;
      JsonToken start = p.nextToken();
      if (start == null && !first) return false;
      if (start != JsonToken.START_OBJECT) {
        sink.problem(no, first ? "not a JSON object" : "trailing data after the JSON record");
        return false;
      }
      JsonToken tok;
      while ((tok = p.nextToken()) == JsonToken.FIELD_NAME) {
        String f = p.currentName();
        JsonToken v = p.nextToken();
        switch (f) {
          case "type" -> type = v == JsonToken.VALUE_STRING ? p.getText() : null;
          case "subtype" -> subtype = v == JsonToken.VALUE_STRING ? p.getText() : null;
          case "timestamp" -> timestampText = v == JsonToken.VALUE_STRING ? p.getText() : null;
          case "isSidechain" -> isSidechain = v == JsonToken.VALUE_TRUE;
          case "isMeta" -> isMeta = v == JsonToken.VALUE_TRUE;
          case "agentId" -> agentId = v == JsonToken.VALUE_STRING ? p.getText() : null;
          case "sessionId" -> {
            if (info.sessionId == null && v == JsonToken.VALUE_STRING) info.sessionId = p.getText();
          }
          case "cwd" -> {
            if (info.cwd == null && v == JsonToken.VALUE_STRING) info.cwd = p.getText();
          }
          case "content" -> {
            if (v == JsonToken.VALUE_STRING) content = p.getText();
            else p.skipChildren();
          }
          case "operation" -> operation = v == JsonToken.VALUE_STRING ? p.getText() : null;
          case "prUrl" -> prUrl = v == JsonToken.VALUE_STRING ? p.getText() : null;
          case "summary" -> {
            if (v == JsonToken.VALUE_STRING) summary = p.getText();
            else p.skipChildren();
          }
          case "message" -> {
            if (v == JsonToken.START_OBJECT) {
              // an assistant's texts are only stored, so they are read capped; a user's texts are
              // classified as a whole (and the type may come after the message: then uncapped)
              messageBuf.read(p, "assistant".equals(type));
              message = messageBuf;
            } else {
              message = null;
              p.skipChildren();
            }
          }
          case "toolUseResult" -> {
            if (v == JsonToken.START_OBJECT) {
              // structured tool result: only its "interrupted" flag is used; the rest is skipped
              while (p.nextToken() == JsonToken.FIELD_NAME) {
                String g = p.currentName();
                JsonToken w = p.nextToken();
                if ("interrupted".equals(g)) toolInterrupted = w == JsonToken.VALUE_TRUE;
                else p.skipChildren();
              }
            } else {
              p.skipChildren();
            }
          }
          default -> p.skipChildren();
        }
      }
      if (tok != JsonToken.END_OBJECT) {
        sink.problem(no, "malformed JSON record");
        return false;
      }
      if (type == null) {
        sink.problem(no, "record without a type");
        return false;
      }
      return true;
    }

    void emit(long no) {
      Instant ts = JsonLines.instant(timestampText);
      if (ts == null && timestampText != null) {
        sink.warning(no, "unparsable timestamp '" + abbreviate(timestampText) + "' (record kept without timestamp)");
      }
      if (ts != null) {
        if (info.startedAt == null || ts.isBefore(info.startedAt)) info.startedAt = ts;
        if (info.endedAt == null || ts.isAfter(info.endedAt)) info.endedAt = ts;
      }
      if ("user".equals(type) || "assistant".equals(type)) {
        if (!isSidechain) mainRecords++;
        else if (sideRecords++ == 0) sideAgentId = agentId;
      }
      switch (type) {
        case "user" -> user(no, ts);
        case "assistant" -> assistant(no, ts);
        case "queue-operation" -> {
          base(ts, "user", "queue_operation");
          t.event = "queue_operation";
          t.content = content;
          sink.turn(t);
        }
        case "pr-link" -> {
          base(ts, "metadata", "system_event");
          t.event = "pr_link";
          t.content = prUrl;
          sink.turn(t);
        }
        case "progress" -> {
          base(ts, "metadata", "progress");
          sink.turn(t);
        }
        case "file-history-snapshot", "file-history-delta" -> {
          base(ts, "metadata", "file_snapshot");
          sink.turn(t);
        }
        case "summary" -> {
          base(ts, "metadata", "summary");
          t.content = summary;
          sink.turn(t);
        }
        case "system" -> {
          base(ts, "metadata", "system_event");
          t.content = content;
          if ("compact_boundary".equals(subtype) || "microcompact_boundary".equals(subtype)) {
            t.event = "compaction";
          }
          sink.turn(t);
        }
        default -> {
          if (METADATA_TYPES.contains(type)) {
            base(ts, "metadata", "system_event");
            sink.turn(t);
          } else {
            sink.problem(no, "unknown record type '" + abbreviate(type) + "'");
          }
        }
      }
    }

    void base(Instant ts, String role, String turnType) {
      t.clear();
      t.role = role;
      t.turnType = turnType;
      t.timestamp = ts;
      t.isSidechain = isSidechain;
    }

    void userText(Instant ts, String text) {
      base(ts, "user", "system_injected");
      t.content = text;
      InjectedText.Kind k = isMeta ? InjectedText.Kind.INJECTED : InjectedText.classify(text);
      // in a sidechain the user channel carries the parent agent's task, not a person's prompt
      if (k == InjectedText.Kind.PROMPT && isSidechain) k = InjectedText.Kind.INJECTED;
      switch (k) {
        case PROMPT -> {
          t.turnType = "user_prompt";
          t.isConversational = true;
          t.content = InjectedText.promptText(text);
        }
        case INTERRUPT -> t.isInterrupt = true;
        case COMPACTION_SUMMARY -> t.event = "compaction";
        default -> {}
      }
      sink.turn(t);
    }

    void user(long no, Instant ts) {
      int kind = message == null ? Message.NONE : message.contentKind;
      if (kind == Message.NONE || kind == Message.NULL) {
        sink.problem(no, "user record without message.content");
        return;
      }
      if (kind == Message.TEXT) {
        userText(ts, message.content.text);
        return;
      }
      if (kind != Message.ARRAY) {
        sink.problem(no, "user message.content is neither text nor a list");
        return;
      }
      int emitted = 0;
      for (int i = 0; i < message.blockCount; i++) {
        Block b = message.blocks.get(i);
        String bt = b.type;
        if ("text".equals(bt)) {
          userText(ts, b.text.text);
        } else if ("tool_result".equals(bt)) {
          base(ts, "tool_result", "tool_result");
          t.toolCallId = b.toolUseId;
          t.isError = b.isError;
          b.result.into(t);
          if (toolInterrupted
              || (t.content != null && t.content.startsWith("[Request interrupted by user"))) {
            t.isInterrupt = true;
          }
          sink.turn(t);
        } else if ("image".equals(bt) || "document".equals(bt)) {
          base(ts, "user", "system_injected");
          t.content = "[" + bt + "]";
          sink.turn(t);
        } else {
          continue;
        }
        emitted++;
      }
      if (emitted == 0) sink.problem(no, "user record with no readable content block");
    }

    void assistant(long no, Instant ts) {
      if (message == null) {
        sink.problem(no, "assistant record without message");
        return;
      }
      String model = message.model;
      String msgId = message.id;
      if (model != null && !model.startsWith("<") && info.model == null) info.model = model;
      boolean first = msgId == null || seenMessageIds.add(msgId);
      JsonNode usage = first ? message.usage : null;
      int kind = message.contentKind;
      if (kind != Message.ARRAY) {
        if (kind == Message.TEXT) {
          base(ts, "assistant", "assistant_response");
          t.isConversational = true;
          message.content.into(t);
          finishAssistant(model, msgId, usage);
          return;
        }
        sink.problem(no, "assistant message without content list");
        return;
      }
      int emitted = 0;
      for (int i = 0; i < message.blockCount; i++) {
        Block b = message.blocks.get(i);
        String bt = b.type;
        if (bt == null) continue;
        switch (bt) {
          case "text" -> {
            base(ts, "assistant", "assistant_response");
            t.isConversational = true;
            b.text.into(t);
          }
          case "thinking", "redacted_thinking" -> {
            base(ts, "assistant", "assistant_thinking");
            b.thinking.into(t);
          }
          case "tool_use", "server_tool_use" -> {
            base(ts, "tool_use", "tool_use");
            toolUse(b);
          }
          default -> {
            continue;
          }
        }
        finishAssistant(model, msgId, usage);
        usage = null;
        emitted++;
      }
      if (emitted == 0 && usage != null) {
        // a response line without known blocks still carries the usage: keep it on a metadata row
        base(ts, "metadata", "system_event");
        finishAssistant(model, msgId, usage);
        emitted++;
      }
      if (emitted == 0) sink.problem(no, "assistant record with no readable content block");
    }

    void toolUse(Block b) {
      t.toolName = b.name;
      t.toolCallId = b.id;
      JsonNode input = b.input;
      if (input != null && input.isObject()) {
        t.toolInputJson = input.toString();
        String fp = JsonLines.str(input, "file_path");
        if (fp == null) fp = JsonLines.str(input, "path");
        if (fp == null) fp = JsonLines.str(input, "notebook_path");
        t.filePath = fp;
        t.command = JsonLines.str(input, "command");
        t.pattern = JsonLines.str(input, "pattern");
      } else if (input != null) {
        t.toolInputJson = input.toString();
      }
    }

    void finishAssistant(String model, String msgId, JsonNode usage) {
      t.model = model;
      t.messageId = msgId;
      if (usage != null && usage.isObject()) {
        t.inputTokens = JsonLines.longOrNull(usage, "input_tokens");
        t.outputTokens = JsonLines.longOrNull(usage, "output_tokens");
        t.cacheReadInputTokens = JsonLines.longOrNull(usage, "cache_read_input_tokens");
        anyUsage = true;
        if (t.inputTokens != null) inTok += t.inputTokens;
        if (t.outputTokens != null) outTok += t.outputTokens;
        if (t.cacheReadInputTokens != null) cacheTok += t.cacheReadInputTokens;
      }
      sink.turn(t);
    }
  }

  /**
   * A text value of a record: the whole string, or (read through a {@link CappedText}) its head
   * with the whole string's length and word count.
   */
  static final class Text {
    String text;
    int chars = -1, words = -1;

    void clear() {
      text = null;
      chars = words = -1;
    }

    void whole(String s) {
      text = s;
      chars = words = -1;
    }

    void capped(CappedText c) {
      text = c.text();
      chars = c.chars();
      words = c.words();
    }

    /** Puts the text on a row's content (with its counts when capped). */
    void into(Turn t) {
      t.content = text;
      t.contentChars = chars;
      t.contentWords = words;
    }

    /**
     * Reads a string value (the current token), through {@code cap} when not null; a non-string
     * value is skipped and gives null.
     */
    void read(JsonParser p, JsonToken v, CappedText cap) throws IOException {
      if (v != JsonToken.VALUE_STRING) {
        p.skipChildren();
        clear();
      } else if (cap == null) {
        whole(p.getText());
      } else {
        p.getText(cap.reset());
        capped(cap);
      }
    }
  }

  /**
   * The parts of a record's {@code message} object that rows use, read from the streaming parser
   * (reused per record). Values read the way a tree read would give them (strings only where a
   * string is expected; the last of duplicate keys wins), but bulky parts no row uses (thinking
   * signatures, image and document data, unknown fields) are skipped without being decoded, and
   * only a tool call's {@code input} and the {@code usage} object are built as trees. Texts that
   * are only stored (an assistant's texts and thinking, tool results) are read through a
   * {@link CappedText}, so a long tool output never becomes one String.
   */
  static final class Message {
    static final int NONE = 0, NULL = 1, TEXT = 2, ARRAY = 3, OTHER = 4;
    final CappedText cap;
    String model, id;
    JsonNode usage;
    int contentKind;
    /** {@code content} when it is a string. */
    final Text content = new Text();
    final java.util.ArrayList<Block> blocks = new java.util.ArrayList<>();
    int blockCount;

    Message(CappedText cap) {
      this.cap = cap;
    }

    /**
     * Reads the object whose START_OBJECT is the parser's current token, to its END_OBJECT.
     *
     * @param capTexts whether text and thinking are only stored (an assistant's), so read capped
     */
    void read(JsonParser p, boolean capTexts) throws IOException {
      model = id = null;
      content.clear();
      usage = null;
      contentKind = NONE;
      blockCount = 0;
      JsonToken tok;
      while ((tok = p.nextToken()) == JsonToken.FIELD_NAME) {
        String f = p.currentName();
        JsonToken v = p.nextToken();
        switch (f) {
          case "model" -> model = v == JsonToken.VALUE_STRING ? p.getText() : null;
          case "id" -> id = v == JsonToken.VALUE_STRING ? p.getText() : null;
          case "usage" -> usage = tree(p, v);
          case "content" -> {
            content.clear();
            blockCount = 0;
            if (v == JsonToken.VALUE_STRING) {
              contentKind = TEXT;
              content.read(p, v, capTexts ? cap : null);
            } else if (v == JsonToken.VALUE_NULL) {
              contentKind = NULL;
            } else if (v == JsonToken.START_ARRAY) {
              contentKind = ARRAY;
              JsonToken e;
              while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                if (e == null) throw new com.fasterxml.jackson.core.JsonParseException(p, "array not closed");
                if (e != JsonToken.START_OBJECT) {
                  p.skipChildren(); // not an object: no type, never a row
                  continue;
                }
                if (blockCount == blocks.size()) blocks.add(new Block());
                blocks.get(blockCount++).read(p, capTexts ? cap : null, cap);
              }
            } else {
              contentKind = OTHER;
              p.skipChildren();
            }
          }
          default -> p.skipChildren();
        }
      }
      if (tok != JsonToken.END_OBJECT) throw new com.fasterxml.jackson.core.JsonParseException(p, "object not closed");
    }
  }

  /** One object of {@code message.content} (see {@link Message}). */
  static final class Block {
    String type, name, id, toolUseId;
    final Text text = new Text(), thinking = new Text();
    boolean isError;
    /** A tool call's input as a tree (null: absent). */
    JsonNode input;
    /** A tool result's content as {@link #blockText} gives it (capped). */
    final Text result = new Text();

    /**
     * @param textCap reads {@code text} and {@code thinking} through it (null: whole strings)
     * @param resultCap reads a tool result's {@code content} through it
     */
    void read(JsonParser p, CappedText textCap, CappedText resultCap) throws IOException {
      type = name = id = toolUseId = null;
      text.clear();
      thinking.clear();
      result.clear();
      isError = false;
      input = null;
      JsonToken tok;
      while ((tok = p.nextToken()) == JsonToken.FIELD_NAME) {
        String f = p.currentName();
        JsonToken v = p.nextToken();
        switch (f) {
          case "type" -> type = str(p, v);
          case "text" -> text.read(p, v, textCap);
          case "thinking" -> thinking.read(p, v, textCap);
          case "name" -> name = str(p, v);
          case "id" -> id = str(p, v);
          case "tool_use_id" -> toolUseId = str(p, v);
          case "is_error" -> isError = asBoolean(p, v);
          case "input" -> input = tree(p, v);
          case "content" -> resultText(p, v, resultCap, result);
          default -> p.skipChildren();
        }
      }
      if (tok != JsonToken.END_OBJECT) throw new com.fasterxml.jackson.core.JsonParseException(p, "object not closed");
    }

    private static String str(JsonParser p, JsonToken v) throws IOException {
      if (v == JsonToken.VALUE_STRING) return p.getText();
      p.skipChildren();
      return null;
    }

    /** {@code JsonNode.asBoolean(false)} of the value. */
    private static boolean asBoolean(JsonParser p, JsonToken v) throws IOException {
      switch (v) {
        case VALUE_TRUE:
          return true;
        case VALUE_STRING:
          return "true".equals(p.getText().trim());
        case VALUE_NUMBER_INT:
          return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
              ? p.getBigIntegerValue().signum() != 0 : p.getLongValue() != 0;
        default:
          p.skipChildren();
          return false;
      }
    }

    /**
     * {@link #blockText} of the value into {@code out}, through {@code cap}, without building its
     * tree: a string; or the pieces of a list (an element's {@code text}, else {@code [type]} for
     * an element of another type than text) joined by newlines; null for JSON null; the JSON of
     * anything else. (Of duplicate {@code text} keys in one list element, the first is read.)
     */
    private static void resultText(JsonParser p, JsonToken v, CappedText cap, Text out) throws IOException {
      if (v == JsonToken.VALUE_NULL) {
        out.clear();
        return;
      }
      if (v == JsonToken.VALUE_STRING) {
        out.read(p, v, cap);
        return;
      }
      cap.reset();
      if (v != JsonToken.START_ARRAY) {
        cap.write(tree(p, v).toString());
        out.capped(cap);
        return;
      }
      JsonToken e;
      while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
        if (e == null) throw new com.fasterxml.jackson.core.JsonParseException(p, "array not closed");
        if (e != JsonToken.START_OBJECT) {
          p.skipChildren();
          continue;
        }
        String type = null;
        boolean hasText = false;
        JsonToken tok;
        while ((tok = p.nextToken()) == JsonToken.FIELD_NAME) {
          String f = p.currentName();
          JsonToken w = p.nextToken();
          if ("text".equals(f) && w == JsonToken.VALUE_STRING && !hasText) {
            cap.piece();
            p.getText(cap);
            hasText = true;
          } else if ("type".equals(f)) {
            type = str(p, w);
          } else {
            p.skipChildren();
          }
        }
        if (tok != JsonToken.END_OBJECT) throw new com.fasterxml.jackson.core.JsonParseException(p, "object not closed");
        if (!hasText && type != null && !"text".equals(type)) {
          cap.piece();
          cap.write("[" + type + "]");
        }
      }
      out.capped(cap);
    }
  }

  /** The value at the parser's current token as a tree (JSON null as a NullNode). */
  static JsonNode tree(JsonParser p, JsonToken v) throws IOException {
    if (v == JsonToken.VALUE_NULL) return com.fasterxml.jackson.databind.node.NullNode.getInstance();
    return Json.readTree(p, java.util.Set.of());
  }

  /** Text of a tool_result content: a string, or the text blocks of a list joined by newlines. */
  static String blockText(JsonNode c) {
    if (c == null || c.isNull()) return null;
    if (c.isTextual()) return c.textValue();
    if (c.isArray()) {
      StringBuilder sb = new StringBuilder();
      for (JsonNode b : c) {
        String s = JsonLines.str(b, "text");
        if (s == null) {
          String bt = JsonLines.str(b, "type");
          if (bt != null && !"text".equals(bt)) s = "[" + bt + "]";
        }
        if (s != null) {
          if (sb.length() > 0) sb.append('\n');
          sb.append(s);
        }
      }
      return sb.toString();
    }
    return c.toString();
  }

  static String firstLine(String s) {
    if (s == null) return "";
    int i = s.indexOf('\n');
    return abbreviate(i < 0 ? s : s.substring(0, i));
  }

  static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "...";
  }
}
