package dev.personas.load.formats;

import java.util.List;

/**
 * Tells a person's prompt from text the agent harness injects as a {@code user} record, after the
 * Claude Code notes in {@code shared/reference/formats.md}: slash-command echoes
 * ({@code <command-name>}, {@code <command-message>}, {@code <command-args>}), local command output
 * ({@code <local-command-stdout|stderr|caveat>}), {@code <system-reminder>},
 * {@code <task-notification>}, {@code <user-prompt-submit-hook>}, {@code <bash-input|stdout|stderr>},
 * compaction summaries ("This session is being continued from a previous conversation...") and
 * {@code [Image: ...]} stubs. Also injected, found by grouping the development corpus's user texts
 * by leading tag: {@code <teammate-message ...>} (messages from another agent of an agent team,
 * 124 records), IDE context blocks sent beside the typed prompt ({@code <ide_opened_file>},
 * {@code <ide_selection>}) and {@code <ci-monitor-event>} (a CI watcher's report). A Conductor
 * {@code <system_instruction>...</system_instruction>} prefix wraps a typed prompt: the prompt is
 * the text after it ({@link #promptText}); with nothing after it, it is injected. Interruptions
 * ({@code [Request interrupted by user...]}) are their own kind.
 */
public final class InjectedText {
  private InjectedText() {}

  /** Kinds of user text. */
  public enum Kind { PROMPT, INJECTED, INTERRUPT, COMPACTION_SUMMARY }

  private static final List<String> TAGS = List.of(
      "<command-name>", "<command-message>", "<command-args>", "<local-command-stdout>",
      "<local-command-stderr>", "<local-command-caveat>", "<system-reminder>",
      "<task-notification>", "<user-prompt-submit-hook>", "<bash-input>", "<bash-stdout>",
      "<bash-stderr>", "<teammate-message", "<ide_opened_file>", "<ide_selection>",
      "<ci-monitor-event>");

  private static final String INSTRUCTION_OPEN = "<system_instruction>";
  private static final String INSTRUCTION_CLOSE = "</system_instruction>";

  /**
   * What the person typed in a user text classified {@link Kind#PROMPT}: the text after a leading
   * {@code <system_instruction>...</system_instruction>} block (written by the Conductor app),
   * stripped; otherwise the text itself.
   */
  public static String promptText(String text) {
    if (text == null) return null;
    String s = text.stripLeading();
    if (!s.startsWith(INSTRUCTION_OPEN)) return text;
    int end = s.indexOf(INSTRUCTION_CLOSE);
    return end < 0 ? text : s.substring(end + INSTRUCTION_CLOSE.length()).strip();
  }

  /** Classifies one user text (null or blank counts as injected). */
  public static Kind classify(String text) {
    if (text == null) return Kind.INJECTED;
    String s = text.stripLeading();
    if (s.isEmpty()) return Kind.INJECTED;
    if (s.startsWith("[Request interrupted by user")) return Kind.INTERRUPT;
    if (s.startsWith("This session is being continued from a previous conversation")) {
      return Kind.COMPACTION_SUMMARY;
    }
    if (s.startsWith("[Image: ") || s.startsWith("[Image #")) {
      // a stub alone is injected; "[Image #1] fix this" is a prompt with an image
      if (s.startsWith("[Image: ") || s.strip().matches("(\\[Image #\\d+\\]\\s*)+")) return Kind.INJECTED;
    }
    if (s.charAt(0) == '<') {
      for (String t : TAGS) if (s.startsWith(t)) return Kind.INJECTED;
      if (s.startsWith(INSTRUCTION_OPEN)) {
        int end = s.indexOf(INSTRUCTION_CLOSE);
        if (end < 0 || s.substring(end + INSTRUCTION_CLOSE.length()).isBlank()) return Kind.INJECTED;
      }
    }
    return Kind.PROMPT;
  }
}
