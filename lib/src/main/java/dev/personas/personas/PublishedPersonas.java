package dev.personas.personas;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The seven personas Bigspin published (Potts and Sudhof, 2026, "Coding personas"; 120 SWE-chat
 * users with at least 3 sessions), with their user share, their medians of four deterministic
 * signals and their bootstrap stability, from {@code ../shared/reference/bigspin-fingerprints.md}
 * (second table).
 *
 * <p><b>Nearest published persona.</b> {@link #nearest(double[])} compares a vector of the four
 * medians {@code (iteration_count, edit_iteration_count, tests_run_count, diff_reviewed)} with each
 * published persona by Euclidean distance after dividing every coordinate by the spread of the
 * seven published values of that median ({@link #SCALE}: their population standard deviation,
 * 6.38, 2.35, 0.12, 0.14), each scaled difference clipped to +-{@link #CLIP} spreads so that one
 * median far outside the published range (our {@code tests_run_count} is a per-session count,
 * often well above the published 0..0.38) cannot decide alone. A distance of 1 is thus one
 * "published spread" along one median; the largest possible distance is 2 x {@link #CLIP}. This is
 * a <b>similarity on four deterministic medians, not an identity</b>: Bigspin's personas were
 * defined on 35 LLM-tagged interpretive signals which these four medians do not capture;
 * {@link #CAVEAT} says so and every output that shows a nearest published persona carries it.
 */
public final class PublishedPersonas {
  private PublishedPersonas() {}

  /** The wording every output uses next to a nearest published persona. */
  public static final String CAVEAT =
      "similarity on four deterministic medians, not an identity";

  /** The four medians, in vector order. */
  public static final List<String> MEDIANS =
      List.of("iteration_count", "edit_iteration_count", "tests_run_count", "diff_reviewed");

  /**
   * One published persona.
   *
   * @param name e.g. "The Pair Programmer"
   * @param users number of the 120 users
   * @param share share of the 120 users (0..1)
   * @param medians medians of {@link #MEDIANS}, in that order
   * @param stability mean bootstrap stability (0..1)
   */
  public record Archetype(String name, int users, double share, double[] medians,
      double stability) {}

  /** Number of users in Bigspin's study population. */
  public static final int STUDY_USERS = 120;

  /** The seven, in the reference table's order. */
  public static final List<Archetype> ALL = List.of(
      a("The Pair Programmer", 16, 22.5, 8.8, 0.38, 0.44, 0.729),
      a("The Quick-Turn Sprinter", 19, 3.6, 2.1, 0.18, 0.16, 0.602),
      a("The Showrunner", 44, 4.8, 2.0, 0.24, 0.16, 0.819),
      a("The Runtime Mechanic", 16, 7.4, 2.8, 0.12, 0.25, 0.762),
      a("The Spec-First Architect", 6, 2.5, 1.2, 0.17, 0.00, 0.829),
      a("The Prompt Minimalist", 3, 5.7, 2.2, 0.00, 0.33, 0.746),
      a("The Multi-Mode Journeyman", 16, 4.5, 2.1, 0.31, 0.06, 0.501));

  private static Archetype a(String n, int users, double it, double eit, double tests,
      double diff, double stab) {
    return new Archetype(n, users, users / (double) STUDY_USERS, new double[] {it, eit, tests, diff},
        stab);
  }

  /** Per-median divisor: population standard deviation of the seven published values. */
  public static final double[] SCALE = scale();

  private static double[] scale() {
    double[] s = new double[4];
    for (int j = 0; j < 4; j++) {
      double[] col = new double[ALL.size()];
      for (int i = 0; i < col.length; i++) col[i] = ALL.get(i).medians()[j];
      s[j] = Stats.sd(col);
    }
    return s;
  }

  /** Largest absolute scaled difference per median (in published spreads). */
  public static final double CLIP = 3.0;

  /** A published persona and its scaled distance to a query vector. */
  public record Match(String name, double distance) {}

  /**
   * All seven, nearest first (ties by table order).
   *
   * @param medians {@code (iteration_count, edit_iteration_count, tests_run_count,
   *     diff_reviewed)}; a NaN coordinate is left out of the distance for every persona
   * @throws IllegalArgumentException unless there are exactly 4 values, at least one finite
   */
  public static List<Match> ranked(double[] medians) {
    if (medians == null || medians.length != 4) {
      throw new IllegalArgumentException("expected 4 medians "
          + MEDIANS + ", got " + (medians == null ? "null" : medians.length));
    }
    boolean any = false;
    for (double m : medians) any |= !Double.isNaN(m);
    if (!any) throw new IllegalArgumentException("all four medians are NaN");
    List<Match> out = new ArrayList<>();
    for (Archetype a : ALL) {
      double s = 0;
      for (int j = 0; j < 4; j++) {
        if (Double.isNaN(medians[j])) continue;
        double d = (medians[j] - a.medians()[j]) / SCALE[j];
        d = Math.max(-CLIP, Math.min(CLIP, d));
        s += d * d;
      }
      out.add(new Match(a.name(), Math.sqrt(s)));
    }
    List<Match> sorted = new ArrayList<>(out);
    sorted.sort(Comparator.comparingDouble(Match::distance)); // stable: table order on ties
    return List.copyOf(sorted);
  }

  /** The nearest published persona (see {@link #ranked}). */
  public static Match nearest(double[] medians) {
    return ranked(medians).get(0);
  }

  /**
   * The seven as a table: 7 rows in reference order; columns {@code persona, users, share,
   * iteration_count, edit_iteration_count, tests_run_count, diff_reviewed, stability}.
   */
  public static tech.tablesaw.api.Table table() {
    tech.tablesaw.api.StringColumn n = tech.tablesaw.api.StringColumn.create("persona");
    tech.tablesaw.api.IntColumn u = tech.tablesaw.api.IntColumn.create("users");
    tech.tablesaw.api.DoubleColumn sh = tech.tablesaw.api.DoubleColumn.create("share");
    tech.tablesaw.api.DoubleColumn[] m = new tech.tablesaw.api.DoubleColumn[4];
    for (int j = 0; j < 4; j++) m[j] = tech.tablesaw.api.DoubleColumn.create(MEDIANS.get(j));
    tech.tablesaw.api.DoubleColumn st = tech.tablesaw.api.DoubleColumn.create("stability");
    for (Archetype a : ALL) {
      n.append(a.name());
      u.append(a.users());
      sh.append(a.share());
      for (int j = 0; j < 4; j++) m[j].append(a.medians()[j]);
      st.append(a.stability());
    }
    tech.tablesaw.api.Table t = tech.tablesaw.api.Table.create("bigspin_published_personas", n, u, sh);
    t.addColumns(m);
    t.addColumns(st);
    return t;
  }

  /** The archetype of that name. @throws IllegalArgumentException for an unknown name */
  public static Archetype byName(String name) {
    for (Archetype a : ALL) if (a.name().equals(name)) return a;
    throw new IllegalArgumentException("unknown published persona: " + name);
  }
}
