package dev.personas.features;

import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Published population values of the features, as data, so notebooks can show them beside the
 * values computed on the chosen dataset. Restated from issue 4 and
 * {@code shared/reference/published.md}.
 *
 * <p>Statistics: {@code median}, {@code p10}, {@code p90} (per session); {@code share} (share of
 * sessions with the given {@code level}, 0..1); {@code pooled_share} (share of all tool calls or
 * turns, pooled over the population, not a per-session statistic); {@code typical} (a rounded
 * "typical session" value); {@code share_above} (share of sessions whose value exceeds
 * {@code level}).
 */
public final class PublishedValues {
  private PublishedValues() {}

  /**
   * One published number.
   *
   * @param feature feature column it describes
   * @param statistic median | p10 | p90 | share | pooled_share | typical | share_above
   * @param level category level or threshold the statistic refers to ("" when none)
   * @param value the number (shares 0..1)
   * @param source Bigspin | SWE-chat | Anthropic
   * @param population what it was computed on
   * @param note how it differs from the feature as computed here ("" when it does not)
   */
  public record Value(String feature, String statistic, String level, double value, String source,
      String population, String note) {}

  static final String BIGSPIN_POP = "4,846 SWE-chat sessions";
  static final String SWECHAT_V1 = "SWE-chat v1, 5,851 sessions";
  static final String SWECHAT_V2 = "SWE-chat v2, 2,028,951 tool calls (nimbus excluded)";
  static final String ANTHROPIC_POP = "398,198 Claude Code sessions";

  private static final List<Value> ALL = build();

  /** Every published value. */
  public static List<Value> all() {
    return ALL;
  }

  /** The values of one feature (possibly none). */
  public static List<Value> of(String feature) {
    return ALL.stream().filter(v -> v.feature().equals(feature)).toList();
  }

  /**
   * As a table: one row per value; columns {@code feature, statistic, level} (STRING),
   * {@code value} (DOUBLE), {@code source, population, note} (STRING).
   */
  public static Table table() {
    StringColumn f = StringColumn.create("feature");
    StringColumn s = StringColumn.create("statistic");
    StringColumn lv = StringColumn.create("level");
    DoubleColumn v = DoubleColumn.create("value");
    StringColumn src = StringColumn.create("source");
    StringColumn pop = StringColumn.create("population");
    StringColumn note = StringColumn.create("note");
    for (Value x : ALL) {
      f.append(x.feature()); s.append(x.statistic()); lv.append(x.level()); v.append(x.value());
      src.append(x.source()); pop.append(x.population()); note.append(x.note());
    }
    return Table.create("published_values", f, s, lv, v, src, pop, note);
  }

  private static void mpp(List<Value> l, String feature, double median, double p10, double p90,
      String note) {
    l.add(new Value(feature, "median", "", median, "Bigspin", BIGSPIN_POP, note));
    l.add(new Value(feature, "p10", "", p10, "Bigspin", BIGSPIN_POP, note));
    l.add(new Value(feature, "p90", "", p90, "Bigspin", BIGSPIN_POP, note));
  }

  private static List<Value> build() {
    List<Value> l = new ArrayList<>();
    String zeroNote = "Bigspin writes 0 where the denominator is 0; here such values are empty";
    mpp(l, "iteration_count", 4, 1, 20, "");
    mpp(l, "tool_call_density", 9.0, 3.0, 26.4, zeroNote);
    mpp(l, "edit_iteration_count", 2, 0, 8, "");
    mpp(l, "research_iteration_count", 2, 1, 10, "");
    mpp(l, "tool_diversity", 0.14, 0.04, 0.41, zeroNote);
    mpp(l, "edit_focus", 0.44, 0.07, 1.0, zeroNote);
    mpp(l, "course_correction_count", 1, 0, 3, "");
    mpp(l, "late_pause_count", 0, 0, 3, "Bigspin gaps follow message order, here time order");
    mpp(l, "median_pause_seconds", 4, 2, 6, "Bigspin's messages are prompts, assistant texts and"
        + " tool calls; here prompts, assistant responses and tool results");
    mpp(l, "prompt_length_ratio", 1.0, 0.10, 2.61, "");
    l.add(new Value("tests_attempted", "share", "1", 0.287, "Bigspin", BIGSPIN_POP,
        "Bigspin matches runner substrings; here whole words"));
    l.add(new Value("diff_reviewed", "share", "1", 0.343, "Bigspin", BIGSPIN_POP, ""));
    l.add(new Value("task_size", "share", "small", 0.450, "Bigspin", BIGSPIN_POP, ""));
    l.add(new Value("task_size", "share", "medium", 0.406, "Bigspin", BIGSPIN_POP, ""));
    l.add(new Value("task_size", "share", "large", 0.123, "Bigspin", BIGSPIN_POP, ""));
    l.add(new Value("task_size", "share", "very_large", 0.021, "Bigspin", BIGSPIN_POP, ""));
    l.add(new Value("has_pr", "share", "1", 0.174, "Bigspin", "4,313 SWE-chat Claude Code sessions",
        "PR yield as published by Bigspin"));
    l.add(new Value("coding_mode", "share", "Vibe coding", 0.408, "SWE-chat", SWECHAT_V1, ""));
    l.add(new Value("coding_mode", "share", "Collaborative", 0.365, "SWE-chat", SWECHAT_V1, ""));
    l.add(new Value("coding_mode", "share", "Human-only", 0.227, "SWE-chat", SWECHAT_V1, ""));
    String[][] table5 = {{"read", "0.147"}, {"grep", "0.077"}, {"glob", "0.007"},
        {"bash:file", "0.123"}, {"bash:build", "0.059"}, {"bash:net", "0.016"}, {"bash", "0.157"},
        {"git/gh", "0.105"}, {"write", "0.023"}, {"edit", "0.140"}, {"web", "0.003"},
        {"agent", "0.057"}, {"mcp", "0.014"}, {"TodoWrite", "0.004"}, {"ToolSearch", "0.006"},
        {"AskUserQuestion", "0.004"}, {"Skill", "0.004"}, {"EnterPlanMode", "0.000"},
        {"ExitPlanMode", "0.001"}, {"other", "0.053"}};
    for (String[] r : table5) {
      l.add(new Value(Features.toolShareColumn(r[0]), "pooled_share", "", Double.parseDouble(r[1]),
          "SWE-chat", SWECHAT_V2, "Table 5: share of all tool calls, not a per-session share"));
    }
    l.add(new Value("pushback_rate", "pooled_share", "", 0.39, "SWE-chat", "SWE-chat user turns",
        "LLM-labelled share of turns with pushback; the lexicon here is a heuristic"));
    l.add(new Value("interrupt_rate", "pooled_share", "low", 0.033, "SWE-chat", "SWE-chat turns",
        "interruptions as a share of all turns, lower end of the published range"));
    l.add(new Value("interrupt_rate", "pooled_share", "high", 0.060, "SWE-chat", "SWE-chat turns",
        "interruptions as a share of all turns, upper end of the published range"));
    l.add(new Value("iteration_count", "typical", "", 4, "Anthropic", ANTHROPIC_POP,
        "\"a typical session has ~4 prompts\""));
    l.add(new Value("actions_per_prompt", "typical", "", 10, "Anthropic", ANTHROPIC_POP,
        "\"each prompt sets off ~10 actions on average\""));
    l.add(new Value("words_per_prompt", "typical", "", 2400, "Anthropic", ANTHROPIC_POP,
        "\"~2,400 words of output\" per prompt; Anthropic counts all output, here assistant text"));
    l.add(new Value("actions_per_prompt", "share_above", "100", 0.02, "Anthropic", ANTHROPIC_POP, ""));
    l.add(new Value("actions_per_prompt", "share_above", "200", 1.0 / 270, "Anthropic",
        ANTHROPIC_POP, "\"about 1 in 270\""));
    l.add(new Value("actions_per_prompt", "share_above", "500", 1.0 / 2300, "Anthropic",
        ANTHROPIC_POP, "\"about 1 in 2,300\""));
    return List.copyOf(l);
  }
}
