package dev.personas.load;

import java.time.Instant;

/**
 * What a transcript says about its session as a whole (what a parser learns besides records).
 * Fields stay null when the transcript does not say. Entire metadata, when present, takes
 * precedence over these for agent, model, tokens and attribution.
 */
public final class SessionInfo {
  /** The agent's own session id (Claude {@code sessionId}, Codex {@code session_meta.id}, ...). */
  public String sessionId;
  /** Display name as in SWE-chat: Claude Code, Codex, OpenCode, Gemini CLI, Copilot CLI, ... */
  public String agent;
  public String model;
  public Instant startedAt;
  public Instant endedAt;
  public Long inputTokens;
  public Long outputTokens;
  public Long cacheReadTokens;
  /** Working directory the agent ran in, when known. */
  public String cwd;
  /** Git remote of the working directory, when known. */
  public String repoUrl;
}
