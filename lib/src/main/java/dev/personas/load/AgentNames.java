package dev.personas.load;

import java.util.Locale;
import java.util.Map;

/**
 * Canonical agent display names, as SWE-chat's {@code agent} column writes them (Claude Code,
 * Codex, OpenCode, Gemini CLI, Copilot CLI, ...). Maps the spellings seen in Entire metadata and in
 * compact transcripts ({@code claude-code}, {@code Codex CLI}, {@code Opencode},
 * {@code gemini-cli}, ...) onto one name each; a name it does not know comes back trimmed.
 */
public final class AgentNames {
  private AgentNames() {}

  private static final Map<String, String> ALIASES = Map.ofEntries(
      Map.entry("claude-code", "Claude Code"), Map.entry("claude code", "Claude Code"),
      Map.entry("claude", "Claude Code"), Map.entry("codex", "Codex"),
      Map.entry("codex cli", "Codex"), Map.entry("codex-cli", "Codex"),
      Map.entry("opencode", "OpenCode"), Map.entry("gemini-cli", "Gemini CLI"),
      Map.entry("gemini cli", "Gemini CLI"), Map.entry("gemini", "Gemini CLI"),
      Map.entry("copilot-cli", "Copilot CLI"), Map.entry("copilot cli", "Copilot CLI"),
      Map.entry("copilot", "Copilot CLI"), Map.entry("cursor", "Cursor"),
      Map.entry("kiro", "Kiro"), Map.entry("factory ai droid", "Factory AI Droid"),
      Map.entry("factoryai-droid", "Factory AI Droid"), Map.entry("droid", "Factory AI Droid"),
      Map.entry("pi", "Pi"));

  /**
   * The canonical name of an agent as written in a transcript or in metadata.
   *
   * @return null for null or blank input; otherwise the canonical name, or the input trimmed
   */
  public static String canonical(String name) {
    if (name == null || name.isBlank()) return null;
    String n = name.strip();
    if (n.endsWith(" (shadow)")) n = n.substring(0, n.length() - " (shadow)".length()).strip();
    String c = ALIASES.get(n.toLowerCase(Locale.ROOT));
    return c != null ? c : n;
  }

  /**
   * The agent of an Entire session metadata file: missing, blank or the placeholder "Agent" (early
   * 2026 data) mean Claude Code (shared/reference/formats.md); otherwise {@link #canonical}.
   */
  public static String fromEntireMetadata(String name) {
    if (name == null || name.isBlank() || name.strip().equals("Agent")) return "Claude Code";
    return canonical(name);
  }
}
