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
  /** Full text of the record; the sink counts characters and words, then truncates. */
  public String content;
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
    filePath = command = pattern = toolInputJson = messageId = event = null;
    timestamp = null;
    inputTokens = outputTokens = cacheReadInputTokens = null;
    isConversational = isError = isInterrupt = isSidechain = false;
    return this;
  }
}
