package dev.personas.load;

import java.time.Instant;

/**
 * One transcript record on its way into a {@code conversations} row (see
 * {@link dev.personas.schema.Schema#CONVERSATIONS}). A parser fills what the record says; the sink
 * fills the identity columns ({@code turn_id, session_id, repo_id, user_id, turn_number, agent}),
 * {@code char_count}, {@code word_count}, {@code tool_category}, and caps {@code content} and
 * {@code tool_input_json}. Mutable on purpose: a parser may reuse one instance per record after
 * handing it to the sink (the sink copies).
 */
public final class Turn {
  /** user | assistant | tool_use | tool_result | metadata. */
  public String role;
  /** One of {@link dev.personas.schema.Schema#TURN_TYPES}. */
  public String turnType;
  /** True for a real user prompt or an assistant text answer. */
  public boolean isConversational;
  /**
   * Text of the record: the full text, whose characters and words the sink counts before it
   * truncates it; or, when {@link #contentChars} is set, a head already cut by a {@link CappedText}.
   */
  public String content;
  /**
   * Length in UTF-16 chars and word count of the whole text when {@link #content} is only its head
   * (a {@link CappedText} at the sink's {@link TranscriptSink#maxContentChars}); -1 when the sink
   * counts {@link #content} itself.
   */
  public int contentChars = -1;
  public int contentWords = -1;
  public String model;
  /** UTC; null when the record has none or it does not parse. */
  public Instant timestamp;
  public Long inputTokens;
  public Long outputTokens;
  public Long cacheReadInputTokens;
  /** The agent's own tool name (Bash, exec_command, run_shell_command, ...). */
  public String toolName;
  public String toolCallId;
  public String filePath;
  /** For shell tools: the command line. */
  public String command;
  /** For search tools: the pattern. */
  public String pattern;
  /** The tool's input arguments as JSON text. */
  public String toolInputJson;
  public boolean isError;
  public boolean isInterrupt;
  public boolean isSidechain;
  /** The assistant API response id this record belongs to, when the source has one. */
  public String messageId;
  /** pr_link | queue_operation | compaction | turn_aborted | null. */
  public String event;

  /** Resets every field so the instance can be reused. */
  public Turn clear() {
    role = turnType = content = model = toolName = toolCallId = null;
    contentChars = contentWords = -1;
    filePath = command = pattern = toolInputJson = messageId = event = null;
    timestamp = null;
    inputTokens = outputTokens = cacheReadInputTokens = null;
    isConversational = isError = isInterrupt = isSidechain = false;
    return this;
  }

  /** A copy of every field. */
  public Turn copy() {
    Turn a = this;
    Turn c = new Turn();
    c.role = a.role;
    c.turnType = a.turnType;
    c.isConversational = a.isConversational;
    c.content = a.content;
    c.contentChars = a.contentChars;
    c.contentWords = a.contentWords;
    c.model = a.model;
    c.timestamp = a.timestamp;
    c.inputTokens = a.inputTokens;
    c.outputTokens = a.outputTokens;
    c.cacheReadInputTokens = a.cacheReadInputTokens;
    c.toolName = a.toolName;
    c.toolCallId = a.toolCallId;
    c.filePath = a.filePath;
    c.command = a.command;
    c.pattern = a.pattern;
    c.toolInputJson = a.toolInputJson;
    c.isError = a.isError;
    c.isInterrupt = a.isInterrupt;
    c.isSidechain = a.isSidechain;
    c.messageId = a.messageId;
    c.event = a.event;
    return c;
  }
}
