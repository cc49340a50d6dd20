package dev.personas.personas;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Bigspin's persona fingerprints (Potts and Sudhof, 2026, "Coding personas"), as data, and the
 * scorer that applies them: an exact reproduction of their classifier when the 35 interpretive
 * signals are supplied per session.
 *
 * <p>Source of the rules: {@code ../shared/reference/bigspin-fingerprints.md}, which restates the
 * {@code persona} skill of the public repository {@code bigspinai/plugins}
 * ({@code skills/persona/analysis/archetypes.py}). Behaviour reproduced from there:
 *
 * <ul>
 *   <li>A signal's <b>rate</b> for a user is the share of the user's sessions in which it fired
 *       (0..1). A signal absent from the rate map counts as rate 0.
 *   <li>Per persona: a canonical signal hits when its rate is {@code >=} its minimum rate (+1 each);
 *       a bonus signal hits when its rate is {@code >=} its rate (+0.5 each).
 *   <li>The score is 0 when any excluded signal's rate is strictly above its maximum, when the
 *       metadata predicate on the user's deterministic medians is false, or when canonical hits are
 *       fewer than {@code min_canonical}. A median missing from the map (or NaN) counts as 0, as in
 *       the source ({@code m.get("iteration_count", 0)}): so a missing median fails the Pair
 *       Programmer predicate and passes the Spec-First Architect one.
 *   <li>Ordering: score descending, then priority descending, then table order (the Spec-First
 *       Architect precedes the Prompt Minimalist at equal priority 2). The primary persona is the
 *       first if its score is above 0, else {@link #FALLBACK}. The secondary persona is the next
 *       persona in that order with a score above 0, or "" when there is none.
 * </ul>
 *
 * <p>This class is stateless and thread-safe.
 */
public final class BigspinFingerprints {
  private BigspinFingerprints() {}

  /** The persona for users whose every fingerprint scores 0 (the Generalist). */
  public static final String FALLBACK = "The Multi-Mode Journeyman";

  /** The 35 interpretive signal names, in the order of the reference file's groups. */
  public static final List<String> SIGNALS = List.of(
      // setup
      "problem_statement_explicit", "cited_team_convention", "context_loading_directive",
      "existing_code_shared", "test_or_spec_provided",
      // structuring
      "decomposition", "requested_plan_mode", "plan_approved", "plan_rejected", "plan_edited",
      // verification
      "pointed_to_specific_issue", "ran_and_reported", "asked_why_choice", "asked_for_alternative",
      "asked_about_tradeoffs", "requested_diff_review",
      // steering
      "rejected_approach", "constraint_added_later", "change_request_specific",
      "change_request_vague", "tool_use_steering", "subagent_explicitly_delegated",
      "workflow_step_delegation", "safety_constraint_set", "meta_behavioral_steering",
      // anti-patterns
      "accept_verbatim_no_question", "fix_request_without_specifics", "repeated_same_prompt",
      "error_repaste",
      // reality contact
      "post_implementation_correction", "in_review_edge_case_surface",
      "external_reality_disclosure", "intent_reframe", "edge_case_failure_observed",
      "taste_override");

  /** A signal and a rate threshold (0..1). */
  public record Threshold(String signal, double rate) {
    public Threshold {
      Objects.requireNonNull(signal, "signal");
      if (!(rate >= 0 && rate <= 1)) {
        throw new IllegalArgumentException("rate of " + signal + " must be in 0..1: " + rate);
      }
    }
  }

  /** Comparison of a metadata predicate clause. */
  public enum Op { GE, LE }

  /**
   * One clause of a metadata predicate: {@code median(feature) op value}.
   *
   * @param feature a deterministic signal name, e.g. {@code iteration_count}
   */
  public record Clause(String feature, Op op, double value) {
    boolean test(Map<String, Double> medians) {
      Double m = medians.get(feature);
      double x = m == null || m.isNaN() ? 0.0 : m;
      return op == Op.GE ? x >= value : x <= value;
    }

    @Override public String toString() {
      return "median " + feature + (op == Op.GE ? " >= " : " <= ") + fmt(value);
    }
  }

  /**
   * One persona fingerprint: a row of the rule table.
   *
   * @param persona current name ("The Pair Programmer")
   * @param oldName earlier name ("Patcher"), or "" when none
   * @param priority tie-break, higher wins
   * @param canonical canonical signals with their minimum rates (+1 each at or above)
   * @param minCanonical fewest canonical hits for a non-zero score
   * @param bonus bonus signals with their rates (+0.5 each at or above)
   * @param excluded signals whose rate strictly above the given maximum zeroes the score
   * @param predicate clauses OR-ed together on the user's medians; empty = always true
   */
  public record Rule(String persona, String oldName, int priority, List<Threshold> canonical,
      int minCanonical, List<Threshold> bonus, List<Threshold> excluded, List<Clause> predicate) {
    public Rule {
      canonical = List.copyOf(canonical);
      bonus = List.copyOf(bonus);
      excluded = List.copyOf(excluded);
      predicate = List.copyOf(predicate);
      if (minCanonical < 0 || minCanonical > canonical.size()) {
        throw new IllegalArgumentException("minCanonical of " + persona + ": " + minCanonical);
      }
    }
  }

  private static Threshold t(String s, double r) { return new Threshold(s, r); }

  /** The six fingerprints of the reference table, in table order (the fallback is not a rule). */
  public static final List<Rule> RULES = List.of(
      new Rule("The Pair Programmer", "", 10,
          List.of(t("meta_behavioral_steering", .25), t("intent_reframe", .30),
              t("constraint_added_later", .50), t("in_review_edge_case_surface", .35),
              t("safety_constraint_set", .30)),
          2,
          List.of(t("post_implementation_correction", .50), t("pointed_to_specific_issue", .50),
              t("external_reality_disclosure", .50)),
          List.of(),
          List.of(new Clause("iteration_count", Op.GE, 12),
              new Clause("edit_iteration_count", Op.GE, 4))),
      new Rule("The Quick-Turn Sprinter", "Patcher", 8,
          List.of(t("fix_request_without_specifics", .12), t("error_repaste", .02),
              t("repeated_same_prompt", .08)),
          1,
          List.of(t("change_request_vague", .05), t("plan_rejected", .02)),
          List.of(t("pointed_to_specific_issue", .45), t("subagent_explicitly_delegated", .20)),
          List.of()),
      new Rule("The Showrunner", "Manager", 4,
          List.of(t("decomposition", .50), t("context_loading_directive", .25),
              t("subagent_explicitly_delegated", .18), t("safety_constraint_set", .18)),
          2,
          List.of(t("cited_team_convention", .10), t("plan_approved", .15)),
          List.of(t("error_repaste", .04)),
          List.of()),
      new Rule("The Runtime Mechanic", "Reality Tester", 3,
          List.of(t("pointed_to_specific_issue", .32), t("post_implementation_correction", .38),
              t("in_review_edge_case_surface", .18), t("ran_and_reported", .10),
              t("edge_case_failure_observed", .07), t("change_request_specific", .20)),
          3,
          List.of(t("asked_why_choice", .10), t("external_reality_disclosure", .30)),
          List.of(t("subagent_explicitly_delegated", .22), t("context_loading_directive", .32),
              t("error_repaste", .04)),
          List.of()),
      new Rule("The Spec-First Architect", "", 2,
          List.of(t("decomposition", .45), t("test_or_spec_provided", .08),
              t("existing_code_shared", .03)),
          1,
          List.of(t("problem_statement_explicit", .75), t("accept_verbatim_no_question", .35)),
          List.of(t("pointed_to_specific_issue", .30), t("constraint_added_later", .30),
              t("post_implementation_correction", .40), t("subagent_explicitly_delegated", .18),
              t("context_loading_directive", .30)),
          List.of(new Clause("iteration_count", Op.LE, 5))),
      new Rule("The Prompt Minimalist", "Streamliner", 2,
          List.of(t("workflow_step_delegation", .55), t("accept_verbatim_no_question", .35)),
          1,
          List.of(),
          List.of(t("decomposition", .45), t("subagent_explicitly_delegated", .18),
              t("context_loading_directive", .30), t("safety_constraint_set", .20),
              t("ran_and_reported", .18), t("in_review_edge_case_surface", .28),
              t("edge_case_failure_observed", .12), t("error_repaste", .04)),
          List.of()));

  /**
   * The score of one persona for one user, with the evidence.
   *
   * @param score 0, or canonical hits + 0.5 x bonus hits
   * @param canonicalHits canonical signals at or above their minimum rate
   * @param bonusHits bonus signals at or above their rate
   * @param zeroReason why the score is 0 ("" when it is not): "excluded: SIGNAL", "predicate",
   *     "min_canonical"
   */
  public record Score(String persona, int priority, double score, int canonicalHits, int bonusHits,
      String zeroReason) {}

  /**
   * A user's classification.
   *
   * @param primary the winning persona, or {@link #FALLBACK} when every score is 0
   * @param primaryScore its score (0 for the fallback)
   * @param secondary the runner-up with a score above 0, or ""
   * @param secondaryScore its score (0 when none)
   * @param scores every rule's score, in ranking order
   */
  public record Result(String primary, double primaryScore, String secondary,
      double secondaryScore, List<Score> scores) {}

  /** Scores one rule (see the class javadoc for the order of the zeroing checks). */
  public static Score score(Rule rule, Map<String, Double> rates, Map<String, Double> medians) {
    Objects.requireNonNull(rates, "rates");
    Objects.requireNonNull(medians, "medians");
    int canon = 0;
    for (Threshold c : rule.canonical()) if (rate(rates, c.signal()) >= c.rate()) canon++;
    int bonus = 0;
    for (Threshold b : rule.bonus()) if (rate(rates, b.signal()) >= b.rate()) bonus++;
    String zero = "";
    for (Threshold x : rule.excluded()) {
      if (rate(rates, x.signal()) > x.rate()) {
        zero = "excluded: " + x.signal();
        break;
      }
    }
    if (zero.isEmpty() && !rule.predicate().isEmpty()
        && rule.predicate().stream().noneMatch(c -> c.test(medians))) {
      zero = "predicate";
    }
    if (zero.isEmpty() && canon < rule.minCanonical()) zero = "min_canonical";
    double s = zero.isEmpty() ? canon + 0.5 * bonus : 0.0;
    return new Score(rule.persona(), rule.priority(), s, canon, bonus, zero);
  }

  /** Classifies one user with {@link #RULES}. */
  public static Result classify(Map<String, Double> rates, Map<String, Double> medians) {
    return classify(RULES, rates, medians);
  }

  /**
   * Classifies one user with the given rules.
   *
   * @param rates per-signal fire rates in 0..1 (missing = 0)
   * @param medians the user's medians of deterministic signals (missing or NaN = 0)
   */
  public static Result classify(List<Rule> rules, Map<String, Double> rates,
      Map<String, Double> medians) {
    List<Score> scores = new ArrayList<>();
    for (Rule r : rules) scores.add(score(r, rates, medians));
    List<Score> ordered = new ArrayList<>(scores);
    // stable sort keeps table order at equal score and priority
    ordered.sort((a, b) -> a.score() != b.score() ? Double.compare(b.score(), a.score())
        : Integer.compare(b.priority(), a.priority()));
    Score top = ordered.get(0);
    String primary = top.score() > 0 ? top.persona() : FALLBACK;
    String second = "";
    double secondScore = 0;
    for (int i = 1; i < ordered.size(); i++) {
      if (ordered.get(i).score() > 0) {
        second = ordered.get(i).persona();
        secondScore = ordered.get(i).score();
        break;
      }
    }
    return new Result(primary, top.score() > 0 ? top.score() : 0.0, second, secondScore,
        Collections.unmodifiableList(ordered));
  }

  private static double rate(Map<String, Double> rates, String signal) {
    Double r = rates.get(signal);
    return r == null || r.isNaN() ? 0.0 : r;
  }

  /**
   * The rule table for display: one row per rule in table order; columns {@code persona,
   * old_name, priority, canonical, min_canonical, bonus, excluded, predicate} (lists as
   * "signal >= rate; ..." text).
   */
  public static Table rulesTable() {
    StringColumn p = StringColumn.create("persona"), o = StringColumn.create("old_name");
    IntColumn pr = IntColumn.create("priority"), mc = IntColumn.create("min_canonical");
    StringColumn can = StringColumn.create("canonical"), bon = StringColumn.create("bonus");
    StringColumn exc = StringColumn.create("excluded"), pred = StringColumn.create("predicate");
    for (Rule r : RULES) {
      p.append(r.persona());
      o.append(r.oldName());
      pr.append(r.priority());
      mc.append(r.minCanonical());
      can.append(list(r.canonical(), " >= "));
      bon.append(list(r.bonus(), " >= "));
      exc.append(list(r.excluded(), " > "));
      pred.append(String.join(" or ", r.predicate().stream().map(Clause::toString).toList()));
    }
    return Table.create("bigspin_rules", p, o, pr, can, mc, bon, exc, pred);
  }

  private static String list(List<Threshold> ts, String op) {
    return String.join("; ", ts.stream().map(t -> t.signal() + op + fmt(t.rate())).toList());
  }

  /**
   * Per-user fire rates and deterministic medians from a per-session table.
   *
   * <p>Input: one row per session with {@code user_id} and any of the {@link #SIGNALS} as 0/1
   * numeric or boolean columns (a missing value means "did not fire" is NOT assumed: the session
   * is left out of that signal's denominator), plus optional numeric {@code iteration_count} and
   * {@code edit_iteration_count}. Rows whose {@code is_subagent} column (when present) is true or
   * 1 are skipped.
   *
   * <p>Output: one row per user with at least {@code minSessions} sessions, sorted by
   * {@code user_id}; columns {@code user_id, n_sessions, iteration_count, edit_iteration_count}
   * (medians; NaN when absent) and {@code rate_<signal>} for each signal column present
   * (share of sessions in which it fired, 0..1).
   *
   * @throws IllegalArgumentException when {@code user_id} is missing or {@code minSessions < 1}
   */
  public static Table fireRates(Table sessions, int minSessions) {
    if (minSessions < 1) throw new IllegalArgumentException("minSessions must be >= 1: " + minSessions);
    if (!sessions.containsColumn("user_id")) {
      throw new IllegalArgumentException("table '" + sessions.name() + "' lacks column 'user_id'");
    }
    List<String> present = new ArrayList<>();
    for (String s : SIGNALS) if (sessions.containsColumn(s)) present.add(s);
    Map<String, List<Row>> byUser = new TreeMap<>();
    Column<?> subagent = sessions.containsColumn("is_subagent") ? sessions.column("is_subagent") : null;
    Column<?> users = sessions.column("user_id");
    for (int i = 0; i < sessions.rowCount(); i++) {
      if (users.isMissing(i) || users.getString(i).isEmpty()) continue;
      if (subagent != null && truthy(subagent, i) == 1.0) continue;
      byUser.computeIfAbsent(users.getString(i), k -> new ArrayList<>()).add(sessions.row(i));
    }
    Table out = Table.create("bigspin_user_rates");
    StringColumn uid = StringColumn.create("user_id");
    IntColumn n = IntColumn.create("n_sessions");
    DoubleColumn it = DoubleColumn.create("iteration_count");
    DoubleColumn eit = DoubleColumn.create("edit_iteration_count");
    Map<String, DoubleColumn> rateCols = new LinkedHashMap<>();
    for (String s : present) rateCols.put(s, DoubleColumn.create("rate_" + s));
    for (Map.Entry<String, List<Row>> e : byUser.entrySet()) {
      List<Row> rows = e.getValue();
      if (rows.size() < minSessions) continue;
      uid.append(e.getKey());
      n.append(rows.size());
      it.append(medianOf(sessions, rows, "iteration_count"));
      eit.append(medianOf(sessions, rows, "edit_iteration_count"));
      for (String s : present) {
        int fired = 0, seen = 0;
        Column<?> c = sessions.column(s);
        for (Row r : rows) {
          double v = truthy(c, r.getRowNumber());
          if (Double.isNaN(v)) continue;
          seen++;
          if (v == 1.0) fired++;
        }
        rateCols.get(s).append(seen == 0 ? Double.NaN : (double) fired / seen);
      }
    }
    out.addColumns(uid, n, it, eit);
    rateCols.values().forEach(out::addColumns);
    return out;
  }

  /**
   * Classifies every user of a {@link #fireRates} table.
   *
   * <p>Output: one row per input row, same order; columns {@code user_id, n_sessions,
   * bigspin_persona, bigspin_score, bigspin_secondary, bigspin_secondary_score} and
   * {@code score_<persona>} per rule (persona names lower-cased, spaces to underscores, without
   * "the_").
   */
  public static Table classifyUsers(Table rates) {
    Table out = Table.create("bigspin_personas");
    StringColumn uid = StringColumn.create("user_id");
    IntColumn n = IntColumn.create("n_sessions");
    StringColumn p = StringColumn.create("bigspin_persona");
    DoubleColumn ps = DoubleColumn.create("bigspin_score");
    StringColumn s2 = StringColumn.create("bigspin_secondary");
    DoubleColumn ss = DoubleColumn.create("bigspin_secondary_score");
    Map<String, DoubleColumn> per = new LinkedHashMap<>();
    for (Rule r : RULES) per.put(r.persona(), DoubleColumn.create("score_" + slug(r.persona())));
    for (int i = 0; i < rates.rowCount(); i++) {
      Map<String, Double> rm = new TreeMap<>();
      for (String s : SIGNALS) {
        if (rates.containsColumn("rate_" + s)) rm.put(s, rates.doubleColumn("rate_" + s).getDouble(i));
      }
      Map<String, Double> med = new TreeMap<>();
      for (String f : List.of("iteration_count", "edit_iteration_count")) {
        if (rates.containsColumn(f)) med.put(f, ((NumericColumn<?>) rates.column(f)).getDouble(i));
      }
      Result res = classify(rm, med);
      uid.append(rates.stringColumn("user_id").get(i));
      n.append(rates.containsColumn("n_sessions") ? rates.intColumn("n_sessions").get(i) : 0);
      p.append(res.primary());
      ps.append(res.primaryScore());
      s2.append(res.secondary());
      ss.append(res.secondaryScore());
      for (Score sc : res.scores()) per.get(sc.persona()).append(sc.score());
    }
    out.addColumns(uid, n, p, ps, s2, ss);
    per.values().forEach(out::addColumns);
    return out;
  }

  static String slug(String persona) {
    String s = persona.toLowerCase(java.util.Locale.ROOT);
    if (s.startsWith("the ")) s = s.substring(4);
    return s.replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
  }

  /** 1, 0 or NaN (missing / not 0-1). */
  static double truthy(Column<?> c, int row) {
    if (c.isMissing(row)) return Double.NaN;
    if (c instanceof BooleanColumn b) return b.get(row) ? 1.0 : 0.0;
    if (c instanceof NumericColumn<?> nc) {
      double v = nc.getDouble(row);
      return v == 0 ? 0.0 : v == 1 ? 1.0 : Double.NaN;
    }
    String s = c.getString(row).trim().toLowerCase(java.util.Locale.ROOT);
    return switch (s) {
      case "1", "true", "yes" -> 1.0;
      case "0", "false", "no" -> 0.0;
      default -> Double.NaN;
    };
  }

  private static double medianOf(Table t, List<Row> rows, String col) {
    if (!t.containsColumn(col) || !(t.column(col) instanceof NumericColumn<?> nc)) return Double.NaN;
    double[] v = rows.stream().mapToInt(Row::getRowNumber).filter(i -> !nc.isMissing(i))
        .mapToDouble(nc::getDouble).filter(d -> !Double.isNaN(d)).toArray();
    return Stats.median(v);
  }

  static String fmt(double v) {
    return String.format(java.util.Locale.ROOT, "%.2f", v);
  }
}
