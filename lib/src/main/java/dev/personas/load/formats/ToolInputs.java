package dev.personas.load.formats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.personas.load.Turn;

/**
 * Reads the common fields of a tool call's input (package-private): {@code file_path},
 * {@code command} and {@code pattern}, whatever the agent calls them.
 */
final class ToolInputs {
  private ToolInputs() {}

  private static final String[] PATH_KEYS = {"file_path", "filePath", "path", "notebook_path",
      "absolute_path", "target_file", "file"};
  private static final String[] COMMAND_KEYS = {"command", "cmd"};

  /**
   * Fills {@code t.filePath}, {@code t.command} (argv arrays joined into one command line) and
   * {@code t.pattern} from an input object, leaving fields that are already set.
   */
  static void fill(Turn t, JsonNode input) {
    if (input == null || !input.isObject()) return;
    if (t.filePath == null) {
      for (String k : PATH_KEYS) {
        String v = Json.nonBlank(input, k);
        if (v != null) {
          t.filePath = v;
          break;
        }
      }
    }
    if (t.command == null) {
      for (String k : COMMAND_KEYS) {
        JsonNode v = input.get(k);
        if (v == null) continue;
        if (v.isTextual()) t.command = v.textValue();
        else if (v.isArray()) t.command = argvToCommand(v);
        if (t.command != null) break;
      }
    }
    if (t.pattern == null) t.pattern = Json.nonBlank(input, "pattern");
  }

  /**
   * One command line from an argv array: {@code [bash, -lc, SCRIPT]} (any shell, {@code -c} or
   * {@code -lc}) gives SCRIPT; otherwise the words joined by spaces, quoting words that need it.
   */
  static String argvToCommand(JsonNode argv) {
    int n = argv.size();
    if (n == 0) return null;
    if (n >= 3 && isShell(argv.get(0).asText()) && argv.get(1).asText().startsWith("-")
        && argv.get(1).asText().endsWith("c")) {
      return argv.get(2).asText();
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i > 0) sb.append(' ');
      String w = argv.get(i).asText();
      if (needsQuote(w)) sb.append('\'').append(w.replace("'", "'\\''")).append('\'');
      else sb.append(w);
    }
    return sb.toString();
  }

  private static boolean isShell(String w) {
    int slash = w.lastIndexOf('/');
    String b = slash >= 0 ? w.substring(slash + 1) : w;
    return b.equals("bash") || b.equals("sh") || b.equals("zsh") || b.equals("fish")
        || b.equals("dash") || b.equals("pwsh") || b.equals("powershell");
  }

  private static boolean needsQuote(String w) {
    if (w.isEmpty()) return true;
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      if (Character.isWhitespace(c) || c == '\'' || c == '"' || c == '$' || c == '`' || c == '\\'
          || c == ';' || c == '&' || c == '|' || c == '<' || c == '>' || c == '(' || c == ')'
          || c == '*' || c == '?') {
        return true;
      }
    }
    return false;
  }

  /**
   * The first file a patch touches: the path after {@code *** Update File: }, {@code *** Add
   * File: } or {@code *** Delete File: } (Codex/Copilot {@code apply_patch}), or after
   * {@code +++ b/} in a unified diff; null when none.
   */
  static String patchPath(String patch) {
    if (patch == null) return null;
    int from = 0;
    int n = patch.length();
    while (from < n) {
      int eol = patch.indexOf('\n', from);
      if (eol < 0) eol = n;
      String p = pathOnLine(patch, from, eol);
      if (p != null) return p;
      from = eol + 1;
    }
    return null;
  }

  private static String pathOnLine(String s, int from, int to) {
    String[] prefixes = {"*** Update File: ", "*** Add File: ", "*** Delete File: ", "+++ b/"};
    for (String pre : prefixes) {
      if (s.startsWith(pre, from)) {
        String p = s.substring(from + pre.length(), to).strip();
        return p.isEmpty() ? null : p;
      }
    }
    return null;
  }
}
