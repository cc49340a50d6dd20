package dev.personas.personas;

import dev.personas.ProgressListener;
import dev.personas.features.FeatureSpec;
import dev.personas.personas.PersonaModel.PersonaInfo;
import dev.personas.types.ClusterEngine;
import dev.personas.types.EngineOptions;
import dev.personas.types.EngineResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import tech.tablesaw.api.Table;

/**
 * Personas: developers as mixtures of session types, clustered, named and held against Bigspin's
 * published seven (issue 7).
 *
 * <p>Method: eligible users and their vectors as in {@link UserVectors}; the space of
 * {@link PersonaSpace}; the session-types {@link ClusterEngine} with k-means (k-means++ seeding,
 * {@code restarts} runs) at every k of {@code kMin..min(kMax, n - 1)}, k chosen by
 * {@code options.rule()} (default: highest mean silhouette, ties to the smaller k) among the k whose
 * every persona has at least {@code minPersonaSize} users (all k when none has), unless
 * {@code options.k()} fixes it;
 * the sweep also reports Calinski-Harabasz, Davies-Bouldin and the gap statistic. Stability is the
 * engine's clusterboot (Hennig 2007): {@code bootstrap} subsamples of {@code bootstrapFraction} of
 * the users refitted at the chosen k, mean best Jaccard per persona, personas below
 * {@link #UNSTABLE_BELOW} flagged unstable, and the mean ARI between the full and subsample
 * partitions. Share intervals: percentile bootstrap over users resampled with replacement (the
 * partition held fixed), {@code bootstrap} resamples at level {@code ciLevel}.
 *
 * <p>Users are assigned to the nearest centroid; names and descriptions come from the most
 * over-indexed session type and the most distinctive behaviour columns ({@link Naming}).
 */
public final class Personas {
  private Personas() {}

  /** Jaccard stability below which a persona is flagged unstable (Hennig's rule of thumb). */
  public static final double UNSTABLE_BELOW = 0.6;

  /** Fewer eligible users than this adds a "small user count" note to every output. */
  public static final int SMALL_USER_COUNT = 100;

  /** Restarts of each bootstrap refit. */
  static final int BOOTSTRAP_RESTARTS = 3;

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
    return fit(features, typeAssignments, options, dictionary, ProgressListener.NONE);
  }

  /** {@link #fit(Table, Table, PersonaOptions, Map)}, reporting progress as the vector form does. */
  public static PersonaModel fit(Table features, Table typeAssignments, PersonaOptions options,
      Map<String, FeatureSpec> dictionary, ProgressListener progress) {
    return fit(UserVectors.build(features, typeAssignments, options), options, dictionary, progress);
  }

  /** Fits personas on prepared vectors. */
  public static PersonaModel fit(UserVectors v, PersonaOptions options,
      Map<String, FeatureSpec> dictionary) {
    return fit(v, options, dictionary, ProgressListener.NONE);
  }

  /**
   * Fits personas on prepared vectors, reporting each k of the sweep
   * ({@link ClusterEngine#SWEEP_STAGE}) and each bootstrap round at the chosen k
   * ({@link ClusterEngine#BOOTSTRAP_STAGE}) to {@code progress}.
   */
  public static PersonaModel fit(UserVectors v, PersonaOptions options,
      Map<String, FeatureSpec> dictionary, ProgressListener progress) {
    int n = v.size();
    if (n < options.kMin() + 1) {
      throw new IllegalArgumentException("need at least " + (options.kMin() + 1)
          + " eligible users (>= " + options.minSessions() + " typed sessions each), got " + n);
    }
    int fixed = options.k();
    if (fixed != 0 && fixed >= n) {
      throw new IllegalArgumentException("k = " + fixed + " needs more than " + n + " users");
    }
    PersonaSpace space = PersonaSpace.fit(v, options.shareDistance());
    double[][] x = space.transform(v);
    int lo = fixed != 0 ? fixed : options.kMin();
    int hi = fixed != 0 ? fixed : Math.min(options.kMax(), n - 1);
    EngineOptions eo = EngineOptions.defaults().withRestarts(options.restarts())
        .withSeed(options.seed()).withRule(options.rule());
    // sweep: one engine run per k (no bootstrap), so that each k's smallest persona is known
    List<EngineResult.SweepRow> sweep = new ArrayList<>();
    List<EngineResult.SweepRow> valid = new ArrayList<>();
    List<Integer> tooSmall = new ArrayList<>();
    for (int kk = lo; kk <= hi; kk++) {
      EngineResult rk = ClusterEngine.run(x,
          eo.withK(kk, kk).withBootstraps(0, options.bootstrapFraction(), BOOTSTRAP_RESTARTS));
      sweep.add(rk.sweep().get(0));
      int[] sizes = new int[kk];
      for (int l : rk.labels()) sizes[l]++;
      if (Arrays.stream(sizes).min().orElse(0) >= options.minPersonaSize()) {
        valid.add(rk.sweep().get(0));
      } else {
        tooSmall.add(kk);
      }
      progress.update(ClusterEngine.SWEEP_STAGE, kk - lo + 1, hi - lo + 1);
    }
    int chosenK = fixed != 0 ? fixed : choose(eo, valid.isEmpty() ? sweep : valid, options);
    if (chosenK < 0) chosenK = lo;
    EngineResult r = ClusterEngine.run(x, eo.withK(chosenK, chosenK)
        .withBootstraps(options.bootstrap(), options.bootstrapFraction(), BOOTSTRAP_RESTARTS),
        (stage, done, total) -> {
          if (stage.equals(ClusterEngine.BOOTSTRAP_STAGE)) progress.update(stage, done, total);
        });
    int k = r.k();
    double[][] centroids = r.clusterer().centroids();
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      double best = Double.POSITIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        double d = Stats.sqDist(x[i], centroids[c]);
        if (d < best) {
          best = d;
          labels[i] = c;
        }
      }
    }
    // share intervals: users resampled with replacement, partition fixed
    SplittableRandom rnd = new SplittableRandom(options.seed() ^ 0x5DEECE66DL);
    int b = options.bootstrap();
    double[][] shareBoot = new double[b][k];
    for (int q = 0; q < b; q++) {
      for (int i = 0; i < n; i++) shareBoot[q][labels[rnd.nextInt(n)]] += 1.0 / n;
    }
    PersonaModel.Profiles prof = PersonaModel.Profiles.of(v, space, labels, k);
    List<String> names = Naming.names(v, space, prof, dictionary);
    int[] size = new int[k];
    for (int l : labels) size[l]++;
    double alpha = 1 - options.ciLevel();
    List<PersonaInfo> infos = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      double[] sb = new double[b];
      for (int q = 0; q < b; q++) sb[q] = shareBoot[q][c];
      Arrays.sort(sb);
      double stab = b == 0 ? Double.NaN : r.stability().get(c).meanJaccard();
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
          b == 0 ? Double.NaN : quantile(sb, alpha / 2),
          b == 0 ? Double.NaN : quantile(sb, 1 - alpha / 2), stab,
          !Double.isNaN(stab) && stab < UNSTABLE_BELOW, prof.shares()[c], prof.medians()[c],
          prof.rates()[c], prof.z()[c], nearest, dist, centroids[c]));
    }
    double bestScore = sweep.stream().filter(s -> s.k() == k).findFirst().orElseThrow()
        .silhouette();
    List<String> notes = new ArrayList<>();
    notes.add(n + " eligible users (>= " + options.minSessions()
        + " non-sub-agent sessions with >= " + options.minPrompts()
        + " prompt(s) and a session type); k = " + k
        + (fixed != 0 ? " (fixed)" : " (rule " + r.rule() + " over k = " + lo + ".." + hi + ")")
        + String.format(Locale.ROOT, ", mean silhouette %.3f", bestScore) + ".");
    if (fixed == 0 && !tooSmall.isEmpty()) {
      notes.add("k = " + tooSmall + (valid.isEmpty()
          ? ": every k has a persona below " + options.minPersonaSize()
              + " users; chosen among all k anyway."
          : ": not chosen, a persona would have fewer than " + options.minPersonaSize() + " users."));
    }
    if (n < SMALL_USER_COUNT) {
      notes.add("Small user count (" + n + " < " + SMALL_USER_COUNT
          + "): personas are tentative; read the share intervals and stability before naming them.");
    }
    if (b > 0) {
      notes.add(String.format(Locale.ROOT,
          "Bootstrap: %d subsamples of %.0f%% of the users; mean ARI with the full partition %.3f;"
              + " share intervals %.0f%% (percentile, %d resamples).",
          b, 100 * options.bootstrapFraction(), r.meanAri(), 100 * options.ciLevel(), b));
    }
    notes.add("Nearest published persona: " + PublishedPersonas.CAVEAT + ".");
    return PersonaModel.create(options, v, space, infos, sweep, k,
        b == 0 ? Double.NaN : r.meanAri(), notes);
  }

  /** The k the options' rule picks among {@code rows} (the engine's rule; ties to smaller k). */
  private static int choose(EngineOptions eo, List<EngineResult.SweepRow> rows, PersonaOptions o) {
    EngineResult shell = new EngineResult(eo, o.rule(), -1, rows, new int[0], null, new double[0],
        new double[0], new double[0], List.of(), new double[0]);
    return shell.chosenBy(o.rule());
  }

  /** Quantile of sorted values, linear interpolation (Hyndman-Fan type 7). */
  static double quantile(double[] sorted, double q) {
    double h = (sorted.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
