package dev.personas.personas;

import dev.personas.features.FeatureSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Persona names and one-line descriptions from profiles (deterministic).
 *
 * <p>Name: the display name of the persona's most over-indexed session type (largest mean share
 * minus population mean share), a middle dot, and the words of its most distinctive behaviour
 * column (largest |mean z|, at least {@link #Z_MIN}) whose words repeat no word of 5+ letters of
 * the type name; when that name is taken, the next distinctive column's words; then the persona id
 * in brackets.
 *
 * <p>Description: up to two session types with share lift >= {@link #LIFT_MIN} (persona's mean
 * share vs the population's), and up to two behaviour columns with |mean z| >= {@link #Z_MIN},
 * each shown as the persona's mean of its users' medians (or label rates) vs the population's.
 */
final class Naming {
  private Naming() {}

  /** Smallest |z| for a behaviour column to be named. */
  static final double Z_MIN = 0.5;

  /** Smallest share lift for a type to be named in a description. */
  static final double LIFT_MIN = 0.05;

  static List<String> names(UserVectors v, PersonaSpace space, PersonaModel.Profiles p,
      Map<String, FeatureSpec> dict) {
    double[] pop = v.meanShares();
    List<String> out = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (int c = 0; c < p.shares().length; c++) {
      int t = topTypes(p.shares()[c], pop).get(0);
      String base = v.typeNames().get(t);
      List<Integer> cols = distinctive(p.z()[c]);
      String name = null;
      for (int j : cols) {
        String words = PersonaWords.words(behaviourName(v, j), p.z()[c][j] > 0, dict);
        if (repeats(base, words)) continue;
        String cand = base + " · " + words;
        if (used.add(cand)) {
          name = cand;
          break;
        }
      }
      if (name == null) {
        name = used.add(base) ? base : base + " (P" + (c + 1) + ")";
        used.add(name);
      }
      out.add(name);
    }
    return out;
  }

  /** Whether {@code words} repeat a word of 5+ letters of {@code name} (case-insensitive). */
  static boolean repeats(String name, String words) {
    Set<String> inName = new HashSet<>();
    for (String w : name.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) if (w.length() >= 5) inName.add(w);
    for (String w : words.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) if (inName.contains(w)) return true;
    return false;
  }

  static String description(UserVectors v, PersonaSpace space, PersonaModel.Profiles p, int c,
      Map<String, FeatureSpec> dict) {
    double[] pop = v.meanShares();
    StringBuilder sb = new StringBuilder();
    List<String> parts = new ArrayList<>();
    for (int t : topTypes(p.shares()[c], pop)) {
      if (parts.size() == 2) break;
      if (p.shares()[c][t] - pop[t] < LIFT_MIN) break;
      parts.add(String.format(Locale.ROOT, "'%s' sessions (%.0f%% vs %.0f%% on average)",
          v.typeNames().get(t), 100 * p.shares()[c][t], 100 * pop[t]));
    }
    sb.append(parts.isEmpty() ? "No session type over-indexes"
        : "Over-indexes on " + String.join(" and ", parts));
    List<String> beh = new ArrayList<>();
    int nf = v.features().size();
    for (int j : distinctive(p.z()[c])) {
      if (beh.size() == 2) break;
      String f = behaviourName(v, j);
      boolean hi = p.z()[c][j] > 0;
      double val = p.means()[c][j];
      double popv = Stats.mean(UserVectors.col(PersonaSpace.behaviour(v), j));
      beh.add(String.format(Locale.ROOT, "%s (%s %s vs %s overall)", PersonaWords.words(f, hi, dict),
          j < nf ? "mean user median of " + f : "mean rate", fmt(val), fmt(popv)));
    }
    if (!beh.isEmpty()) sb.append("; ").append(String.join("; ", beh));
    return sb.append('.').toString();
  }

  static String fmt(double v) {
    if (Double.isNaN(v)) return "n/a";
    return String.format(Locale.ROOT, Math.abs(v) >= 10 ? "%.1f" : "%.2f", v);
  }

  static String behaviourName(UserVectors v, int j) {
    int nf = v.features().size();
    return j < nf ? v.features().get(j) : "rate_" + v.labels().get(j - nf);
  }

  /** Types by lift descending (index order on ties). */
  static List<Integer> topTypes(double[] shares, double[] pop) {
    List<Integer> idx = new ArrayList<>();
    for (int t = 0; t < shares.length; t++) idx.add(t);
    idx.sort(Comparator.<Integer>comparingDouble(t -> -(shares[t] - pop[t])));
    return idx;
  }

  /** Behaviour columns with |z| >= Z_MIN, by |z| descending (index order on ties). */
  static List<Integer> distinctive(double[] z) {
    List<Integer> idx = new ArrayList<>();
    for (int j = 0; j < z.length; j++) if (!Double.isNaN(z[j]) && Math.abs(z[j]) >= Z_MIN) idx.add(j);
    idx.sort(Comparator.<Integer>comparingDouble(j -> -Math.abs(z[j])));
    return idx;
  }
}
