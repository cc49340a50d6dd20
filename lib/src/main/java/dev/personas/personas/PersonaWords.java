package dev.personas.personas;

import dev.personas.features.FeatureSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Words for persona names and descriptions, and the suggestion table of the persona card.
 *
 * <p>Feature words default to the built-in table below (following the feature definitions of the
 * session-features issue); a feature dictionary ({@link FeatureSpec#highWords()},
 * {@link FeatureSpec#lowWords()}) passed to {@link Personas#fit} overrides them. A feature without
 * words is described by its column name ("high tests_run_count").
 */
public final class PersonaWords {
  private PersonaWords() {}

  /** feature -> {high words, low words}. */
  static final Map<String, String[]> DEFAULT = new LinkedHashMap<>();

  static {
    w("iteration_count", "many prompts per session", "few prompts per session");
    w("edit_iteration_count", "many edit rounds", "few edit rounds");
    w("tests_run_count", "runs tests often", "rarely runs tests");
    w("diff_reviewed", "reviews diffs", "rarely reviews diffs");
    w("tool_call_density", "tool-heavy sessions", "light tool use");
    w("course_correction_count", "frequent short corrections", "few corrections");
    w("interrupt_rate", "interrupts often", "rarely interrupts");
    w("actions_per_prompt", "long agent runs per prompt", "short agent runs per prompt");
    w("research_iteration_count", "research-heavy", "little research");
    w("tool_diversity", "diverse tools", "narrow toolset");
    w("pushback_rate", "pushes back often", "rarely pushes back");
    w("words_per_prompt", "long agent replies", "short agent replies");
  }

  private static void w(String f, String hi, String lo) {
    DEFAULT.put(f, new String[] {hi, lo});
  }

  /** Words for a feature in a direction, from the dictionary, the defaults, or the name. */
  static String words(String feature, boolean high, Map<String, FeatureSpec> dictionary) {
    if (dictionary != null && dictionary.containsKey(feature)) {
      FeatureSpec s = dictionary.get(feature);
      String w = high ? s.highWords() : s.lowWords();
      if (w != null && !w.isBlank()) return w;
    }
    if (feature.startsWith("rate_")) {
      return (high ? "often " : "rarely ") + feature.substring(5).replace('_', ' ');
    }
    String[] d = DEFAULT.get(feature);
    if (d != null) return high ? d[0] : d[1];
    return (high ? "high " : "low ") + feature;
  }

  /**
   * One suggestion of the persona card: shown when the user is in the low (or high) part of the
   * population on {@code feature}.
   *
   * @param feature median feature it is keyed by
   * @param whenLow true: applies to low values; false: to high values
   * @param text the suggestion
   */
  public record Suggestion(String feature, boolean whenLow, String text) {}

  /**
   * The suggestion table: a documented list keyed by low (or high) features; the persona card
   * picks three (see {@code PersonaCard.suggestions}: the user's own blind spots first, then the
   * persona's).
   */
  public static final List<Suggestion> SUGGESTIONS = List.of(
      new Suggestion("tests_run_count", true,
          "Ask the agent to run the tests after each edit, and paste failures back verbatim."),
      new Suggestion("diff_reviewed", true,
          "Before accepting, ask for the diff (git diff) and read the change itself, not the summary."),
      new Suggestion("course_correction_count", true,
          "When the agent drifts, correct it early in one short sentence instead of letting it finish."),
      new Suggestion("interrupt_rate", true,
          "Interrupt as soon as the agent heads the wrong way; stopping is cheaper than undoing."),
      new Suggestion("edit_iteration_count", true,
          "Work in small edit rounds with a check after each, rather than one large change."),
      new Suggestion("tool_call_density", true,
          "Let the agent read and search the relevant code before it edits: ask it to look first."),
      new Suggestion("actions_per_prompt", true,
          "Hand over whole tasks with a clear done-condition instead of one step per prompt."),
      new Suggestion("iteration_count", true,
          "Split big asks into steps and check the result between them."),
      new Suggestion("iteration_count", false,
          "State the goal, constraints and done-criteria in the first prompt to cut back-and-forth."),
      new Suggestion("interrupt_rate", false,
          "Interruptions are frequent: spend a prompt on a plan the agent must follow before it edits."));
}
