package dev.personas.types;

import dev.personas.features.FeatureDictionary;
import dev.personas.features.FeatureSpec;
import dev.personas.features.Features;
import dev.personas.load.ToolTaxonomy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The default feature set of session types ({@link FeatureDictionary#DEFAULT_CLUSTERING_SET}) and a
 * small built-in vocabulary, the last fallback for naming after {@link TypeOptions#dictionary()}
 * and {@link FeatureDictionary}. Names follow the session-features issue (#4): Bigspin's published
 * deterministic signals, SWE-chat's measures (tool category shares over the 20 categories of
 * {@link ToolTaxonomy}, columns {@link Features#toolShareColumn}), and Anthropic's session-shape
 * measures. Only {@code kind}, {@code highWords} and {@code lowWords} matter here; the features
 * part owns the definitions.
 */
public final class Vocabulary {
  private Vocabulary() {}

  private static final String I4 = "issue 4 (session features)";

  private static FeatureSpec f(String name, String kind, String unit, String high, String low) {
    return new FeatureSpec(name, unit, kind, "see the feature dictionary", I4, high, low);
  }

  private static final Map<String, FeatureSpec> BUILT_IN;
  private static final List<String> DEFAULT_FEATURES;

  static {
    Map<String, FeatureSpec> m = new LinkedHashMap<>();
    for (FeatureSpec s : List.of(
        f("iteration_count", "count", "prompts", "many prompts", "one or two prompts"),
        f("tool_call_density", "ratio", "calls per prompt", "dense tool use", "sparse tool use"),
        f("edit_iteration_count", "count", "segments", "many edit rounds", "few edits"),
        f("research_iteration_count", "count", "segments", "much reading and searching",
            "little reading"),
        f("tool_diversity", "ratio", "share 0..1", "varied tools", "a narrow toolset"),
        f("edit_focus", "share", "share 0..1", "edits on one file", "edits spread over files"),
        f("course_correction_count", "count", "prompts", "frequent course corrections",
            "no course corrections"),
        f("late_pause_count", "count", "gaps", "long late pauses", "no late pauses"),
        f("median_pause_seconds", "duration", "seconds", "slow back-and-forth",
            "rapid back-and-forth"),
        f("prompt_length_ratio", "ratio", "ratio", "prompts growing longer",
            "prompts growing shorter"),
        f("tests_run_count", "count", "commands", "test runs", "no tests"),
        f("diff_reviewed", "binary", "0/1", "diff review", "no diff review"),
        f("shell_share", "share", "share 0..1", "shell-heavy work", "little shell"),
        f("interrupt_rate", "ratio", "per prompt", "frequent interruptions", "no interruptions"),
        f("actions_per_prompt", "ratio", "calls per prompt", "many actions per prompt",
            "few actions per prompt"),
        f("words_per_prompt", "ratio", "words per prompt", "long agent replies",
            "short agent replies"))) {
      m.put(s.name(), s);
    }
    Map<String, String[]> words = Map.ofEntries(
        Map.entry("read", new String[] {"heavy file reading", "little file reading"}),
        Map.entry("grep", new String[] {"heavy searching", "little searching"}),
        Map.entry("glob", new String[] {"file listing", "no file listing"}),
        Map.entry("bash:file", new String[] {"shell file handling", "little shell file handling"}),
        Map.entry("bash:build", new String[] {"build and run commands", "few builds"}),
        Map.entry("bash:net", new String[] {"network commands", "no network commands"}),
        Map.entry("bash", new String[] {"other shell commands", "few other shell commands"}),
        Map.entry("git/gh", new String[] {"git work", "little git"}),
        Map.entry("write", new String[] {"new files", "few new files"}),
        Map.entry("edit", new String[] {"heavy editing", "little editing"}),
        Map.entry("web", new String[] {"web lookups", "no web lookups"}),
        Map.entry("agent", new String[] {"sub-agents", "no sub-agents"}),
        Map.entry("mcp", new String[] {"MCP tools", "no MCP tools"}),
        Map.entry("TodoWrite", new String[] {"todo lists", "no todo lists"}),
        Map.entry("ToolSearch", new String[] {"tool search", "no tool search"}),
        Map.entry("AskUserQuestion", new String[] {"agent questions", "no agent questions"}),
        Map.entry("Skill", new String[] {"skills", "no skills"}),
        Map.entry("EnterPlanMode", new String[] {"plan mode", "no plan mode"}),
        Map.entry("ExitPlanMode", new String[] {"plan approvals", "no plan approvals"}),
        Map.entry("other", new String[] {"other tools", "few other tools"}));
    List<String> defaults = new ArrayList<>(m.keySet());
    for (String cat : ToolTaxonomy.CATEGORIES) {
      String name = shareColumn(cat);
      String[] w = words.getOrDefault(cat, new String[] {"much " + cat, "little " + cat});
      m.put(name, f(name, "share", "share 0..1", w[0], w[1]));
      defaults.add(name);
    }
    BUILT_IN = Collections.unmodifiableMap(m);
    DEFAULT_FEATURES = List.copyOf(defaults);
  }

  /** Column name of a tool category's share: {@link Features#toolShareColumn}. */
  public static String shareColumn(String category) {
    return Features.toolShareColumn(category);
  }

  /** The default feature set: {@link FeatureDictionary#DEFAULT_CLUSTERING_SET} (22 names). */
  public static List<String> defaultFeatures() {
    return FeatureDictionary.DEFAULT_CLUSTERING_SET;
  }

  /**
   * The 16 named signals of issue 4 (iteration_count ... words_per_prompt) then the 20 tool
   * category shares; 36 names, all with built-in words.
   */
  public static List<String> extendedFeatures() {
    return DEFAULT_FEATURES;
  }

  /**
   * Words and kind for a feature: {@code dictionary}'s entry, else {@link FeatureDictionary}'s,
   * else the built-in one, else null.
   */
  public static FeatureSpec spec(String feature, Map<String, FeatureSpec> dictionary) {
    FeatureSpec s = dictionary == null ? null : dictionary.get(feature);
    if (s != null) return s;
    if (FeatureDictionary.contains(feature)) return FeatureDictionary.get(feature);
    return BUILT_IN.get(feature);
  }

  /** The built-in vocabulary, by feature name. */
  public static Map<String, FeatureSpec> builtIn() {
    return BUILT_IN;
  }

  /**
   * Whether a feature is logged by {@link TransformOptions#log1p()}: its kind is count or duration,
   * or, without a spec, its name ends in {@code _count}, {@code _seconds}, {@code _s},
   * {@code _ms}, {@code _chars} or {@code _tokens}.
   */
  public static boolean isCountOrDuration(String name, FeatureSpec spec) {
    if (spec != null && spec.kind() != null) {
      return spec.kind().equals("count") || spec.kind().equals("duration");
    }
    return name.endsWith("_count") || name.endsWith("_seconds") || name.endsWith("_s")
        || name.endsWith("_ms") || name.endsWith("_chars") || name.endsWith("_tokens");
  }
}
