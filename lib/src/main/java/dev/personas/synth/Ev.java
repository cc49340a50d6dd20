package dev.personas.synth;

/**
 * One event of a synthetic session, agent-neutral enough that both transcript writers and the
 * parquet writer render the same stream. Mutable fields set once by {@link SessionBuilder}.
 * Times are epoch milliseconds (UTC).
 */
final class Ev {
  /** Event kinds. */
  enum Kind {
    /** A real human prompt. */
    PROMPT,
    /** Assistant thinking block (Claude) or reasoning item (Codex). */
    THINKING,
    /** Assistant text (commentary or final answer). */
    TEXT,
    /** A tool call. */
    TOOL_USE,
    /** The result of a tool call. */
    TOOL_RESULT,
    /** A user interruption ({@code [Request interrupted by user...]}, Codex {@code turn_aborted}). */
    INTERRUPT,
    /** Injected, non-prompt user text (noise or harness): system reminders, command echoes. */
    INJECTED,
    /** A sub-agent (sidechain) record (noise, Claude only). */
    SIDECHAIN
  }

  final Kind kind;
  long t;
  /** Prompt, text, thinking, tool output, injected text. */
  String text;
  /** Assistant API response id (shared by the blocks of one response). */
  String msgId;
  long inTok, cacheCreate, cacheRead, outTok;
  /** Tool name as the agent spells it (Read, Bash, exec_command, apply_patch, ...). */
  String tool;
  /** Action kind behind the tool (see {@link Act}). */
  Act act;
  String callId;
  String file;
  String command;
  String pattern;
  /** Edit: old text; Write/patch: new content; Task: sub-agent prompt; plan text. */
  String oldText;
  String newText;
  boolean error;
  /** True when an interruption hit a pending tool call. */
  boolean forToolUse;
  /** INJECTED subtype: system-reminder | command | caveat | agents-md. */
  String injected;
  /** Record written without a timestamp (deliberate mess). */
  boolean noTimestamp;
  /** PROMPT: planted as a course correction. */
  boolean correction;
  /** SIDECHAIN: role user (true) or assistant (false). */
  boolean sideUser;

  Ev(Kind kind, long t) {
    this.kind = kind;
    this.t = t;
  }

  /** Agent-neutral tool actions. */
  enum Act { READ, GREP, GLOB, EDIT, WRITE, SHELL, TODO, TASK, PLAN_ENTER, PLAN_EXIT, WEB_SEARCH, WEB_FETCH, ASK_USER }
}
