package dev.personas.types;

import dev.personas.features.FeatureSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Names clusters in words from their profiles: a cluster's most distinctive features are those of
 * largest |z| (z = mean of the cluster's scaled values, 0 = population centre), ties by feature
 * name; each contributes its dictionary words, {@link FeatureSpec#highWords()} when z &gt; 0 and
 * {@link FeatureSpec#lowWords()} when z &lt; 0 ("low &lt;name&gt;" when a word is missing). A name
 * is the first two phrases ("Many prompts, test runs"); when it is already taken by an earlier
 * cluster, further phrases are added, then a number. Features with |z| below the threshold are not
 * distinctive; a cluster without any is named "Average profile". Deterministic for equal inputs.
 */
public final class TypeNamer {
  private TypeNamer() {}

  /** A cluster's name and one-line description. */
  public record Naming(String name, String description) {}

  /**
   * @param features feature names (F)
   * @param z k x F z-scores per cluster
   * @param medians k x F raw medians per cluster (NaN allowed)
   * @param sizes rows per cluster
   * @param vocabulary words per feature (features without an entry use their name)
   * @param threshold smallest |z| that counts as distinctive (e.g. 0.5)
   * @return k namings, unique names
   */
  public static List<Naming> name(List<String> features, double[][] z, double[][] medians,
      int[] sizes, Map<String, FeatureSpec> vocabulary, double threshold) {
    int k = z.length;
    long total = 0;
    for (int s : sizes) total += s;
    Set<String> taken = new HashSet<>();
    List<Naming> out = new ArrayList<>();
    for (int q = 0; q < k; q++) {
      final double[] zq = z[q];
      List<Integer> order = new ArrayList<>();
      for (int j = 0; j < features.size(); j++) {
        if (Double.isFinite(zq[j]) && Math.abs(zq[j]) >= threshold) order.add(j);
      }
      order.sort(Comparator.<Integer>comparingDouble(j -> -Math.abs(zq[j]))
          .thenComparing(features::get));
      List<String> phrases = new ArrayList<>();
      for (int j : order) {
        String p = phrase(features.get(j), zq[j], vocabulary.get(features.get(j)));
        if (!phrases.contains(p)) phrases.add(p);
      }
      String name;
      if (phrases.isEmpty()) {
        name = "Average profile";
      } else {
        int used = Math.min(2, phrases.size());
        name = join(phrases, used);
        while (taken.contains(name) && used < phrases.size()) name = join(phrases, ++used);
      }
      if (taken.contains(name)) name = name + " (" + (q + 1) + ")";
      taken.add(name);
      StringBuilder d = new StringBuilder();
      d.append(String.format(Locale.ROOT, "%d rows (%.1f%%)", sizes[q],
          total == 0 ? 0.0 : 100.0 * sizes[q] / total));
      if (order.isEmpty()) d.append(": no feature departs from the population by |z| >= ")
          .append(String.format(Locale.ROOT, "%.2f", threshold));
      for (int a = 0; a < Math.min(4, order.size()); a++) {
        int j = order.get(a);
        d.append(a == 0 ? ": " : "; ")
            .append(phrase(features.get(j), zq[j], vocabulary.get(features.get(j))))
            .append(String.format(Locale.ROOT, " (%s median %s, z %+.2f)", features.get(j),
                fmt(medians[q][j]), zq[j]));
      }
      out.add(new Naming(name, d.toString()));
    }
    return out;
  }

  private static String fmt(double v) {
    if (Double.isNaN(v)) return "n/a";
    if (v == Math.rint(v) && Math.abs(v) < 1e9) return String.format(Locale.ROOT, "%d", (long) v);
    return String.format(Locale.ROOT, "%.2f", v);
  }

  private static String join(List<String> phrases, int count) {
    String s = String.join(", ", phrases.subList(0, count));
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  static String phrase(String feature, double z, FeatureSpec spec) {
    String w = spec == null ? null : (z > 0 ? spec.highWords() : spec.lowWords());
    if (w == null || w.isBlank()) return (z > 0 ? "high " : "low ") + feature;
    return w;
  }
}
