package dev.personas.synth;

import dev.personas.load.ToolTaxonomy;
import dev.personas.synth.Ev.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The deterministic session signals of the session-features issue (Bigspin's definitions computed
 * on SWE-chat) recomputed directly from the generator's in-memory model, so calibration and
 * separability can be checked without the loaders. Injected text, interruptions and sidechain
 * records are not prompts or tool calls here, as in the feature definitions; records written
 * without a timestamp are left out of the pause signals.
 */
final class ModelSignals {
  private ModelSignals() {}

  /** Signal names, in the order of {@link #of}'s values. */
  static final List<String> NAMES = List.of(
      "iteration_count", "tool_call_density", "edit_iteration_count", "research_iteration_count",
      "tool_diversity", "edit_focus", "course_correction_count", "late_pause_count",
      "median_pause_seconds", "prompt_length_ratio", "tests_run_count", "tests_attempted",
      "diff_reviewed", "interrupt_rate", "actions_per_prompt", "words_per_prompt",
      "edit_share", "research_share", "shell_share", "agent_share", "todo_share", "plan_share",
      "build_share", "net_share", "git_share");

  static final Pattern TEST_RUNNER = Pattern.compile(
      "(?<![a-z0-9_.\\-])(pytest|npm test|npm run test|yarn test|cargo test|go test|make test|mvn test"
          + "|mvn verify|gradle test|\\./gradlew test|jest|vitest|mocha|rspec|phpunit|composer test"
          + "|rake test|rake spec|tox|nosetests|deno test|bun test)(?![a-z0-9_.\\-])");
  static final Pattern DIFF_REVIEW = Pattern.compile("\\bgit (diff|status|show|log -p)\\b");

  static boolean isEdit(String cat) {
    return cat.equals("edit") || cat.equals("write");
  }

  static boolean isResearch(String cat) {
    return cat.equals("read") || cat.equals("grep") || cat.equals("glob") || cat.equals("web");
  }

  /** Signals of one session, keyed by {@link #NAMES}; NaN where undefined (e.g. no edits). */
  static Map<String, Double> of(SynthSession s) {
    List<Ev> ev = new ArrayList<>();
    for (Ev e : s.events) if (e.kind != Kind.SIDECHAIN && e.kind != Kind.INJECTED) ev.add(e);
    int prompts = 0;
    int calls = 0;
    HashSet<String> names = new HashSet<>();
    Map<String, Integer> cats = new HashMap<>();
    Map<String, Integer> editFiles = new HashMap<>();
    int edits = 0;
    int editSegs = 0;
    int researchSegs = 0;
    boolean segEdit = false;
    boolean segResearch = false;
    boolean editSincePrompt = false;
    int corrections = 0;
    int interrupts = 0;
    List<Integer> promptLens = new ArrayList<>();
    List<String> shellCmds = new ArrayList<>();
    long words = 0;
    for (Ev e : ev) {
      switch (e.kind) {
        case PROMPT -> {
          if (prompts > 0) {
            if (segEdit) editSegs++;
            if (segResearch) researchSegs++;
          }
          int len = e.text.length();
          if (editSincePrompt && len >= 1 && len <= 60) corrections++;
          prompts++;
          promptLens.add(len);
          segEdit = segResearch = editSincePrompt = false;
        }
        case TOOL_USE -> {
          calls++;
          names.add(e.tool);
          String cat = ToolTaxonomy.category(e.tool, e.command);
          cats.merge(cat, 1, Integer::sum);
          if (isEdit(cat)) {
            segEdit = true;
            editSincePrompt = true;
            edits++;
            if (e.file != null) editFiles.merge(e.file, 1, Integer::sum);
          }
          if (isResearch(cat)) segResearch = true;
          if (ToolTaxonomy.SHELL_TOOLS.contains(e.tool.toLowerCase(Locale.ROOT))) shellCmds.add(e.command);
        }
        case INTERRUPT -> interrupts++;
        case TEXT -> words += Vocab.countWords(e.text);
        default -> { }
      }
    }
    if (prompts > 0) {
      if (segEdit) editSegs++;
      if (segResearch) researchSegs++;
    }
    // pauses between messages: prompts, one per assistant response, tool results
    List<Long> times = new ArrayList<>();
    HashSet<String> seenMsg = new HashSet<>();
    for (Ev e : ev) {
      if (e.noTimestamp) continue;
      switch (e.kind) {
        case PROMPT, TOOL_RESULT -> times.add(e.t);
        case TEXT, THINKING, TOOL_USE -> {
          if (e.msgId != null && seenMsg.add(e.msgId)) times.add(e.t);
        }
        default -> { }
      }
    }
    double[] gaps = new double[Math.max(0, times.size() - 1)];
    for (int i = 1; i < times.size(); i++) gaps[i - 1] = Math.min(86_400, (times.get(i) - times.get(i - 1)) / 1000.0);
    int late = 0;
    for (int i = gaps.length / 2; i < gaps.length; i++) if (gaps[i] >= 300) late++;
    double medianPause = median(gaps);
    double ratio = 1.0;
    if (promptLens.size() >= 4) {
      int h = promptLens.size() / 2;
      double a = 0, b = 0;
      for (int i = 0; i < h; i++) a += promptLens.get(i);
      for (int i = h; i < promptLens.size(); i++) b += promptLens.get(i);
      ratio = (b / (promptLens.size() - h)) / (a / h);
    }
    int tests = 0;
    for (String c : shellCmds) if (c != null && TEST_RUNNER.matcher(c).find()) tests++;
    boolean diff = false;
    int from = (int) Math.floor(shellCmds.size() * 0.75);
    for (int i = from; i < shellCmds.size(); i++) {
      if (shellCmds.get(i) != null && DIFF_REVIEW.matcher(shellCmds.get(i)).find()) diff = true;
    }
    int maxFile = 0;
    for (int v : editFiles.values()) maxFile = Math.max(maxFile, v);
    Map<String, Double> m = new LinkedHashMap<>();
    double p = prompts;
    m.put("iteration_count", p);
    m.put("tool_call_density", prompts == 0 ? Double.NaN : calls / p);
    m.put("edit_iteration_count", (double) editSegs);
    m.put("research_iteration_count", (double) researchSegs);
    m.put("tool_diversity", calls == 0 ? Double.NaN : names.size() / (double) calls);
    m.put("edit_focus", edits == 0 ? Double.NaN : maxFile / (double) edits);
    m.put("course_correction_count", (double) corrections);
    m.put("late_pause_count", (double) late);
    m.put("median_pause_seconds", medianPause);
    m.put("prompt_length_ratio", ratio);
    m.put("tests_run_count", (double) tests);
    m.put("tests_attempted", tests > 0 ? 1.0 : 0.0);
    m.put("diff_reviewed", diff ? 1.0 : 0.0);
    m.put("interrupt_rate", prompts == 0 ? Double.NaN : interrupts / p);
    m.put("actions_per_prompt", prompts == 0 ? Double.NaN : calls / p);
    m.put("words_per_prompt", prompts == 0 ? Double.NaN : words / p);
    m.put("edit_share", share(cats, calls, "edit", "write"));
    m.put("research_share", share(cats, calls, "read", "grep", "glob", "web"));
    double shell = 0;
    for (Map.Entry<String, Integer> c : cats.entrySet()) if (ToolTaxonomy.isShell(c.getKey())) shell += c.getValue();
    m.put("shell_share", calls == 0 ? Double.NaN : shell / calls);
    m.put("agent_share", share(cats, calls, "agent"));
    m.put("todo_share", share(cats, calls, "TodoWrite"));
    m.put("plan_share", share(cats, calls, "EnterPlanMode", "ExitPlanMode"));
    m.put("build_share", share(cats, calls, "bash:build"));
    m.put("net_share", share(cats, calls, "bash:net"));
    m.put("git_share", share(cats, calls, "git/gh"));
    return m;
  }

  private static double share(Map<String, Integer> cats, int calls, String... keys) {
    if (calls == 0) return Double.NaN;
    int n = 0;
    for (String k : keys) n += cats.getOrDefault(k, 0);
    return n / (double) calls;
  }

  /** Median of the finite values; NaN when there are none. */
  static double median(double[] xs) {
    double[] v = Arrays.stream(xs).filter(Double::isFinite).sorted().toArray();
    if (v.length == 0) return Double.NaN;
    int h = v.length / 2;
    return v.length % 2 == 1 ? v[h] : (v[h - 1] + v[h]) / 2;
  }

  /** The p-quantile (0..1, linear interpolation) of the finite values. */
  static double quantile(double[] xs, double p) {
    double[] v = Arrays.stream(xs).filter(Double::isFinite).sorted().toArray();
    if (v.length == 0) return Double.NaN;
    double pos = p * (v.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(v.length - 1, lo + 1);
    return v[lo] + (pos - lo) * (v[hi] - v[lo]);
  }
}
