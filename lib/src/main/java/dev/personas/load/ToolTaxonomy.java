package dev.personas.load;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * SWE-chat's 20-category tool taxonomy ({@code tool_category}), restated from the SWE-chat
 * repository's analysis code as given in {@code shared/reference/published.md}: shell tools are
 * categorised by the first word of their first real command line, everything else by tool name.
 * Agent-specific names (Codex {@code exec_command}/{@code apply_patch}, Gemini
 * {@code run_shell_command}/{@code replace}/{@code read_file}, OpenCode lowercase names, Copilot
 * {@code bash}/{@code view}/{@code str_replace_editor}/{@code rg}, Kiro {@code fs_write}/{@code
 * execute_bash}, Cursor {@code StrReplace}, ...) map into the same categories.
 */
public final class ToolTaxonomy {
  private ToolTaxonomy() {}

  /** The 20 categories, in SWE-chat's Table 5 order. */
  public static final List<String> CATEGORIES = List.of(
      "read", "grep", "glob", "bash:file", "bash:build", "bash:net", "bash", "git/gh", "write",
      "edit", "web", "agent", "mcp", "TodoWrite", "ToolSearch", "AskUserQuestion", "Skill",
      "EnterPlanMode", "ExitPlanMode", "other");

  /** Tool names (lowercase) whose input is a shell command line. */
  public static final Set<String> SHELL_TOOLS = Set.of(
      "bash", "run_shell_command", "exec_command", "exec", "shell_command", "powershell",
      "execute", "shell", "local_shell", "execute_bash");

  static final Set<String> FILE_WORDS = Set.of(("cd ls bd cat mkdir rm mv cp find touch chmod chown"
      + " head tail pwd echo wc ln stat du df tree less more sort uniq cut tee realpath basename"
      + " dirname file rmdir open xargs lsof").split(" "));
  static final Set<String> BUILD_WORDS = Set.of(("go cargo python python3 uv mise bun npm npx pnpm"
      + " yarn xcodebuild swift make rake gradle mvn node deno tsx poetry pip pip3 pipenv rustup"
      + " composer dart flutter dotnet clang clang++ gcc g++ cmake ninja bazel just turbo nx expo"
      + " bundle pod fastlane sbt ant").split(" "));
  static final Set<String> NET_WORDS = Set.of(("curl wget ssh scp rsync ftp sftp nc netcat telnet"
      + " ping nmap dig nslookup").split(" "));

  private static final Map<String, String> BY_NAME = Map.ofEntries(
      // SWE-chat's explicit name rules
      Map.entry("task", "agent"), Map.entry("taskcreate", "agent"), Map.entry("taskget", "agent"),
      Map.entry("taskupdate", "agent"), Map.entry("taskoutput", "agent"),
      Map.entry("taskstop", "agent"), Map.entry("sendmessage", "agent"),
      Map.entry("tasklist", "agent"), Map.entry("agent", "agent"),
      Map.entry("read_file", "read"), Map.entry("write_file", "write"),
      Map.entry("multiedit", "edit"), Map.entry("apply_patch", "edit"),
      Map.entry("applypatch", "edit"), Map.entry("replace", "edit"),
      Map.entry("webfetch", "web"), Map.entry("websearch", "web"),
      Map.entry("todowrite", "TodoWrite"), Map.entry("toolsearch", "ToolSearch"),
      Map.entry("askuserquestion", "AskUserQuestion"), Map.entry("skill", "Skill"),
      Map.entry("enterplanmode", "EnterPlanMode"), Map.entry("exitplanmode", "ExitPlanMode"),
      // agent-specific names seen in the corpus, mapped to the category of the same action
      Map.entry("read", "read"), Map.entry("view", "read"), Map.entry("read_many_files", "read"),
      Map.entry("notebookread", "read"), Map.entry("list_directory", "glob"),
      Map.entry("ls", "glob"), Map.entry("list", "glob"), Map.entry("glob", "glob"),
      Map.entry("grep", "grep"), Map.entry("grep_search", "grep"),
      Map.entry("search_file_content", "grep"), Map.entry("codesearch", "grep"),
      Map.entry("write", "write"), Map.entry("create", "write"), Map.entry("edit", "edit"),
      Map.entry("str_replace", "edit"), Map.entry("notebookedit", "edit"),
      Map.entry("patch", "edit"), Map.entry("web_fetch", "web"),
      Map.entry("google_web_search", "web"), Map.entry("web_search", "web"),
      Map.entry("web_search_call", "web"), Map.entry("fetch", "web"),
      Map.entry("spawn_agent", "agent"), Map.entry("wait_agent", "agent"),
      Map.entry("subagent", "agent"), Map.entry("todoread", "TodoWrite"),
      Map.entry("update_plan", "TodoWrite"), Map.entry("write_todos", "TodoWrite"),
      Map.entry("tool_search_call", "ToolSearch"), Map.entry("question", "AskUserQuestion"),
      Map.entry("ask_user", "AskUserQuestion"),
      // more agent names met in the corpus (Codex, Copilot, Cursor, Kiro, Droid, OpenCode JSONL)
      Map.entry("str_replace_editor", "edit"), Map.entry("strreplace", "edit"),
      Map.entry("view_image", "read"), Map.entry("fs_read", "read"),
      Map.entry("file_read", "read"), Map.entry("fs_write", "write"),
      Map.entry("file_write", "write"), Map.entry("create_file", "write"),
      Map.entry("rg", "grep"), Map.entry("fetchurl", "web"),
      Map.entry("close_agent", "agent"), Map.entry("send_input", "agent"),
      Map.entry("list_agents", "agent"), Map.entry("read_agent", "agent"),
      Map.entry("followup_task", "agent"), Map.entry("send_message", "agent"), Map.entry("request_user_input", "AskUserQuestion"),
      // calls on a shell session that is already running (no new command line): the shell's
      // category, bash. Codex write_stdin (input to an exec_command session) and wait (on an exec
      // cell); Copilot read/write/stop_bash and _powershell; the Codex app's terminal reader
      Map.entry("write_stdin", "bash"), Map.entry("wait", "bash"),
      Map.entry("read_bash", "bash"), Map.entry("write_bash", "bash"), Map.entry("stop_bash", "bash"),
      Map.entry("read_powershell", "bash"), Map.entry("write_powershell", "bash"),
      Map.entry("stop_powershell", "bash"), Map.entry("read_thread_terminal", "bash"),
      // Codex's MCP resource listing
      Map.entry("list_mcp_resources", "mcp"), Map.entry("list_mcp_resource_templates", "mcp"),
      Map.entry("read_mcp_resource", "mcp"));

  /**
   * The category of one tool call.
   *
   * @param toolName the agent's tool name, any case; null or blank gives {@code other}
   * @param command the shell command line for shell tools (may be null)
   */
  public static String category(String toolName, String command) {
    if (toolName == null || toolName.isBlank()) return "other";
    String n = toolName.trim().toLowerCase(Locale.ROOT);
    if (SHELL_TOOLS.contains(n)) return shellCategory(command);
    if (n.startsWith("mcp__") || n.startsWith("mcp_")) return "mcp";
    String c = BY_NAME.get(n);
    if (c != null) return c;
    for (String cat : CATEGORIES) {
      if (cat.toLowerCase(Locale.ROOT).equals(n)) return cat;
    }
    return "other";
  }

  /**
   * The category of a shell command: the first word of the first line that is neither blank nor a
   * comment ({@code python3.11} counts as {@code python}); git/gh, grep/rg, then the file, build and
   * network word lists; anything else (including no command) is {@code bash}.
   */
  public static String shellCategory(String command) {
    String w = firstWord(command);
    if (w == null) return "bash";
    if (w.equals("git") || w.equals("gh")) return "git/gh";
    if (w.equals("grep") || w.equals("rg")) return "grep";
    if (FILE_WORDS.contains(w)) return "bash:file";
    if (BUILD_WORDS.contains(w)) return "bash:build";
    if (NET_WORDS.contains(w)) return "bash:net";
    return "bash";
  }

  /** The first word of the first non-blank, non-comment line, or null. */
  public static String firstWord(String command) {
    if (command == null) return null;
    for (String line : command.split("\n")) {
      String s = line.strip();
      if (s.isEmpty() || s.startsWith("#")) continue;
      int end = 0;
      while (end < s.length() && !Character.isWhitespace(s.charAt(end))) end++;
      String w = s.substring(0, end).toLowerCase(Locale.ROOT);
      if (w.matches("python3\\.\\d+")) w = "python";
      return w;
    }
    return null;
  }

  /** True for the shell categories (bash:*, bash, git/gh), the numerator of {@code shell_share}. */
  public static boolean isShell(String category) {
    return category != null && (category.startsWith("bash") || category.equals("git/gh"));
  }
}
