package dev.personas.personas;

import dev.personas.features.FeatureSpec;
import dev.personas.personas.PersonaClusterer.Partition;
import dev.personas.personas.PersonaModel.KScore;
import dev.personas.personas.PersonaModel.PersonaInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import smile.validation.metric.AdjustedRandIndex;
import tech.tablesaw.api.Table;

/**
 * Personas: developers as mixtures of session types, clustered, named and held against Bigspin's
 * published seven.
 *
 * <p>Method (issue 7): eligible users and their vectors as in {@link UserVectors}; the space of
 * {@link PersonaSpace}; k-means with restarts ({@link KMeansClusterer}) for every k of
 * {@code kMin..min(kMax, n - 1)}, the k of the highest mean silhouette chosen (smallest k on
 * ties), unless {@code options.k()} fixes it. Stability: {@code bootstrap} subsamples of
 * {@code bootstrapFraction} of the users, refitted at the chosen k; per persona the mean over
 * subsamples of the best Jaccard overlap of its members with a subsample cluster (Hennig 2007,
 * "clusterboot"); personas below 0.6 are flagged unstable; the mean adjusted Rand index between
 * the full and the subsample partitions on shared users is reported. Share intervals: percentile
 * bootstrap over users resampled with replacement, partition held fixed.
 *
 * <p>Names and descriptions come from the most over-indexed session type (persona's mean share
 * minus the population's) and the behaviour column with the largest |z| of the persona's mean z,
 * in words of {@link PersonaWords}; names are made unique deterministically.
 */
public final class Personas {
  private Personas() {}

  /** Jaccard stability below which a persona is flagged unstable (Hennig's rule of thumb). */
  public static final double UNSTABLE_BELOW = 0.6;

  /** Fewer eligible users than this adds a "small user count" note to every output. */
  public static final int SMALL_USER_COUNT = 100;

  /** {@link #fit(Table, Table, PersonaOptions, Map)} with the built-in words. */
  public static PersonaModel fit(Table features, Table typeAssignments, PersonaOptions options) {
    return fit(features, typeAssignments, options, Map.of());
  }

  /**
   * Fits personas.
   *
   * @param features one row per session (see {@link UserVectors})
   * @param typeAssignments one row per session: {@code session_id, type_id[, type_name]}
   * @param options see {@link PersonaOptions}
   * @param dictionary feature dictionary for names (may be empty)
   * @throws IllegalArgumentException when a required column is missing or fewer than
   *     {@code kMin + 1} users are eligible (the message names the count)
   */
  public static PersonaModel fit(Table features, Table typeAssignments, PersonaOptions options,
      Map<String, FeatureSpec> dictionary) {
    UserVectors v = UserVectors.build(features, typeAssignments, options);
    return fit(v, options, dictionary, new KMeansClusterer(options.restarts(), options.maxIter()));
  }

  /** Fits personas on prepared vectors with a given clusterer. */
  public static PersonaModel fit(UserVectors v, PersonaOptions options,
      Map<String, FeatureSpec> dictionary, PersonaClusterer clusterer) {
    int n = v.size();
    if (n < options.kMin() + 1) {
      throw new IllegalArgumentException("need at least " + (options.kMin() + 1)
          + " eligible users (>= " + options.minSessions() + " typed sessions each), got " + n);
    }
    PersonaSpace space = PersonaSpace.fit(v, options.shareDistance());
    double[][] x = space.transform(v);
    List<KScore> sweep = new ArrayList<>();
    Partition chosen = null;
    int kHi = Math.min(options.kMax(), n - 1);
    int fixed = options.k();
    if (fixed != 0 && fixed >= n) {
      throw new IllegalArgumentException("k = " + fixed + " needs more than " + n + " users");
    }
    double bestSil = Double.NEGATIVE_INFINITY;
    List<Partition> parts = new ArrayList<>();
    int lo = fixed != 0 ? fixed : options.kMin();
    int hi = fixed != 0 ? fixed : kHi;
    for (int k = lo; k <= hi; k++) {
      Partition p = clusterer.fit(x, k, options.seed());
      parts.add(p);
      double sil = Quality.silhouette(x, p.labels());
      double ch = Quality.calinskiHarabasz(x, p.labels());
      sweep.add(new KScore(k, sil, ch, p.distortion(), false));
      if (sil > bestSil) {
        bestSil = sil;
        chosen = p;
      }
    }
    for (int i = 0; i < sweep.size(); i++) {
      KScore s = sweep.get(i);
      if (parts.get(i) == chosen) sweep.set(i, new KScore(s.k(), s.silhouette(), s.calinskiHarabasz(), s.distortion(), true));
    }
    int k = chosen.k();
    // labels = nearest centroid, so that sizes and profiles agree with placement
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      double best = Double.POSITIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        double d = Stats.sqDist(x[i], chosen.centroids()[c]);
        if (d < best) {
          best = d;
          labels[i] = c;
        }
      }
    }

    // stability
    double[] jac = new double[k];
    int[] jacN = new int[k];
    double ariSum = 0;
    int ariN = 0;
    SplittableRandom rnd = new SplittableRandom(options.seed());
    int m = (int) Math.round(options.bootstrapFraction() * n);
    for (int b = 0; b < options.bootstrap() && m > k; b++) {
      int[] idx = sample(rnd, n, m);
      double[][] xs = new double[m][];
      int[] orig = new int[m];
      for (int i = 0; i < m; i++) {
        xs[i] = x[idx[i]];
        orig[i] = labels[idx[i]];
      }
      Partition p = clusterer.fit(xs, k, options.seed() + 7919L * (b + 1));
      ariSum += AdjustedRandIndex.of(orig, p.labels());
      ariN++;
      for (int c = 0; c < k; c++) {
        Set<Integer> a = new HashSet<>();
        for (int i = 0; i < m; i++) if (orig[i] == c) a.add(i);
        if (a.isEmpty()) continue;
        double best = 0;
        for (int c2 = 0; c2 < p.k(); c2++) {
          int inter = 0, bsize = 0;
          for (int i = 0; i < m; i++) {
            if (p.labels()[i] == c2) {
              bsize++;
              if (a.contains(i)) inter++;
            }
          }
          best = Math.max(best, inter / (double) (a.size() + bsize - inter));
        }
        jac[c] += best;
        jacN[c]++;
      }
    }
    // share intervals
    double[][] shareBoot = new double[options.bootstrap()][k];
    for (int b = 0; b < options.bootstrap(); b++) {
      for (int i = 0; i < n; i++) shareBoot[b][labels[rnd.nextInt(n)]] += 1.0 / n;
    }
    // profiles, names, descriptions
    PersonaModel.Profiles prof = PersonaModel.Profiles.of(v, space, labels, k);
    List<String> names = Naming.names(v, space, prof, dictionary);
    List<PersonaInfo> infos = new ArrayList<>();
    int[] size = new int[k];
    for (int l : labels) size[l]++;
    double alpha = 1 - options.ciLevel();
    for (int c = 0; c < k; c++) {
      double[] sb = new double[options.bootstrap()];
      for (int b = 0; b < sb.length; b++) sb[b] = shareBoot[b][c];
      Arrays.sort(sb);
      double stab = jacN[c] == 0 ? Double.NaN : jac[c] / jacN[c];
      double[] pub = PersonaModel.publishedMedians(v.features(), prof.medians()[c]);
      String nearest = "";
      double dist = Double.NaN;
      if (Arrays.stream(pub).anyMatch(d -> !Double.isNaN(d))) {
        PublishedPersonas.Match mt = PublishedPersonas.nearest(pub);
        nearest = mt.name();
        dist = mt.distance();
      }
      infos.add(new PersonaInfo("P" + (c + 1), c, names.get(c),
          Naming.description(v, space, prof, c, dictionary), size[c], size[c] / (double) n,
          sb.length == 0 ? Double.NaN : quantile(sb, alpha / 2),
          sb.length == 0 ? Double.NaN : quantile(sb, 1 - alpha / 2), stab,
          !Double.isNaN(stab) && stab < UNSTABLE_BELOW, prof.shares()[c], prof.medians()[c],
          prof.rates()[c], nearest, dist, chosen.centroids()[c]));
    }
    List<String> notes = new ArrayList<>();
    notes.add(n + " eligible users (>= " + options.minSessions()
        + " non-sub-agent sessions with a session type); k = " + k
        + (fixed != 0 ? " (fixed)" : " (highest mean silhouette over k = " + lo + ".." + hi + ")")
        + String.format(java.util.Locale.ROOT, ", mean silhouette %.3f", bestSil) + ".");
    if (n < SMALL_USER_COUNT) {
      notes.add("Small user count (" + n + " < " + SMALL_USER_COUNT
          + "): personas are tentative; read the share intervals and stability before naming them.");
    }
    if (ariN > 0) {
      notes.add(String.format(java.util.Locale.ROOT,
          "Bootstrap: %d subsamples of %d users (%.0f%%); mean ARI with the full partition %.3f.",
          ariN, m, 100 * options.bootstrapFraction(), ariSum / ariN));
    }
    notes.add("Nearest published persona: " + PublishedPersonas.CAVEAT + ".");
    return PersonaModel.create(options, v, space, infos, sweep,
        ariN == 0 ? Double.NaN : ariSum / ariN, notes, dictionary);
  }

  private static int[] sample(SplittableRandom rnd, int n, int m) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) a[i] = i;
    for (int i = 0; i < m; i++) {
      int j = i + rnd.nextInt(n - i);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    int[] s = Arrays.copyOf(a, m);
    Arrays.sort(s);
    return s;
  }

  /** Quantile of sorted values, linear interpolation (Hyndman-Fan type 7). */
  static double quantile(double[] sorted, double q) {
    double h = (sorted.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
