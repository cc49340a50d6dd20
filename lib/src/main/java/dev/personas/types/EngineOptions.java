package dev.personas.types;

/**
 * Options of the clustering {@link ClusterEngine}: validated on construction, immutable, with a seed.
 *
 * @param algorithm clustering algorithm
 * @param kMin smallest k of the sweep (&gt;= 2)
 * @param kMax largest k of the sweep (&gt;= kMin; must be below the number of rows)
 * @param restarts seeded runs per k, the best kept (k-means: lowest WCSS; mixtures: highest
 *     log-likelihood); ignored by Ward, which is deterministic
 * @param restartSample k-means on more rows than this: each restart (seeding and Lloyd) runs on
 *     a seeded sample of this many rows, and the best restart (lowest WCSS on the sample) is then
 *     refined by Lloyd on all rows; bootstrap refits likewise
 * @param seed base seed of every random choice (seeding, samples, references, bootstraps)
 * @param bootstraps number B of resamples for stability (0 to skip)
 * @param bootstrapFraction share of rows drawn without replacement per resample, in (0, 1)
 * @param bootstrapRestarts restarts of each refit on a resample (k-means, mixtures)
 * @param silhouetteExactLimit up to this many rows the silhouette is exact over all rows
 * @param silhouetteSample above the limit, the silhouette is computed on a seeded sample of this
 *     many rows (the same sample for every k)
 * @param gapReferences reference data sets B_ref of the gap statistic (0 to skip)
 * @param gapSample rows of the seeded sample on which the gap statistic is computed
 * @param unstableJaccard clusters with mean bootstrap Jaccard below this are flagged unstable
 *     (0.6, after Hennig's reading of clusterboot: below 0.6 a cluster "should not be trusted")
 * @param rule rule choosing the recommended k
 * @param threads worker threads (results do not depend on it)
 */
public record EngineOptions(Algorithm algorithm, int kMin, int kMax, int restarts, int restartSample, long seed,
    int bootstraps, double bootstrapFraction, int bootstrapRestarts, int silhouetteExactLimit,
    int silhouetteSample, int gapReferences, int gapSample, double unstableJaccard,
    SelectionRule rule, int threads) {

  /** Ward needs an n x n proximity matrix; above this many rows it is refused. */
  public static final int WARD_MAX_ROWS = 20_000;

  public EngineOptions {
    if (algorithm == null) throw new IllegalArgumentException("algorithm = null");
    if (rule == null) throw new IllegalArgumentException("rule = null");
    if (kMin < 2) throw new IllegalArgumentException("kMin = " + kMin + " must be >= 2");
    if (kMax < kMin) throw new IllegalArgumentException("kMax = " + kMax + " must be >= kMin = " + kMin);
    if (restarts < 1) throw new IllegalArgumentException("restarts = " + restarts + " must be >= 1");
    if (restartSample < 100) {
      throw new IllegalArgumentException("restartSample = " + restartSample + " must be >= 100");
    }
    if (bootstraps < 0) throw new IllegalArgumentException("bootstraps = " + bootstraps + " must be >= 0");
    if (!(bootstrapFraction > 0 && bootstrapFraction < 1)) {
      throw new IllegalArgumentException("bootstrapFraction = " + bootstrapFraction + " must be in (0, 1)");
    }
    if (bootstrapRestarts < 1) {
      throw new IllegalArgumentException("bootstrapRestarts = " + bootstrapRestarts + " must be >= 1");
    }
    if (silhouetteExactLimit < 2) {
      throw new IllegalArgumentException("silhouetteExactLimit = " + silhouetteExactLimit + " must be >= 2");
    }
    if (silhouetteSample < 2) {
      throw new IllegalArgumentException("silhouetteSample = " + silhouetteSample + " must be >= 2");
    }
    if (gapReferences < 0) throw new IllegalArgumentException("gapReferences = " + gapReferences + " must be >= 0");
    if (gapSample < 2) throw new IllegalArgumentException("gapSample = " + gapSample + " must be >= 2");
    if (!(unstableJaccard >= 0 && unstableJaccard <= 1)) {
      throw new IllegalArgumentException("unstableJaccard = " + unstableJaccard + " must be in [0, 1]");
    }
    if (threads < 1) throw new IllegalArgumentException("threads = " + threads + " must be >= 1");
    if (rule == SelectionRule.GAP && gapReferences == 0) {
      throw new IllegalArgumentException("rule = GAP needs gapReferences > 0, not " + gapReferences);
    }
    if (rule == SelectionRule.BIC && !algorithm.isMixture()) {
      throw new IllegalArgumentException("rule = BIC needs a mixture, not " + algorithm);
    }
  }

  /**
   * Defaults: k-means, k = 2..12, 10 restarts (on a 50,000-row sample above that size), seed 42, 100 bootstraps at 80% with 1 restart each (as fpc::kmeansCBI, runs = 1),
   * exact silhouette up to 10,000 rows else a 4,000-row sample, gap statistic with 10 references on
   * up to 2,000 rows, unstable below Jaccard 0.6, rule AUTO, 2 threads.
   */
  public static EngineOptions defaults() {
    return new EngineOptions(Algorithm.KMEANS, 2, 12, 10, 50_000, 42L, 100, 0.8, 1, 10_000, 4_000, 10,
        2_000, 0.6, SelectionRule.AUTO, 2);
  }

  public EngineOptions withAlgorithm(Algorithm a) {
    return new EngineOptions(a, kMin, kMax, restarts, restartSample, seed, bootstraps, bootstrapFraction,
        bootstrapRestarts, silhouetteExactLimit, silhouetteSample, gapReferences, gapSample,
        unstableJaccard, rule, threads);
  }

  /** Sweep {@code from..to}; {@code withK(k, k)} forces one k. */
  public EngineOptions withK(int from, int to) {
    return new EngineOptions(algorithm, from, to, restarts, restartSample, seed, bootstraps, bootstrapFraction,
        bootstrapRestarts, silhouetteExactLimit, silhouetteSample, gapReferences, gapSample,
        unstableJaccard, rule, threads);
  }

  public EngineOptions withRestarts(int r) {
    return new EngineOptions(algorithm, kMin, kMax, r, restartSample, seed, bootstraps, bootstrapFraction,
        bootstrapRestarts, silhouetteExactLimit, silhouetteSample, gapReferences, gapSample,
        unstableJaccard, rule, threads);
  }

  public EngineOptions withRestartSample(int rows) {
    return new EngineOptions(algorithm, kMin, kMax, restarts, rows, seed, bootstraps, bootstrapFraction,
        bootstrapRestarts, silhouetteExactLimit, silhouetteSample, gapReferences, gapSample,
        unstableJaccard, rule, threads);
  }

  public EngineOptions withSeed(long s) {
    return new EngineOptions(algorithm, kMin, kMax, restarts, restartSample, s, bootstraps, bootstrapFraction,
        bootstrapRestarts, silhouetteExactLimit, silhouetteSample, gapReferences, gapSample,
        unstableJaccard, rule, threads);
  }

  public EngineOptions withBootstraps(int b, double fraction, int refitRestarts) {
    return new EngineOptions(algorithm, kMin, kMax, restarts, restartSample, seed, b, fraction, refitRestarts,
        silhouetteExactLimit, silhouetteSample, gapReferences, gapSample, unstableJaccard, rule,
        threads);
  }

  public EngineOptions withSilhouette(int exactLimit, int sample) {
    return new EngineOptions(algorithm, kMin, kMax, restarts, restartSample, seed, bootstraps, bootstrapFraction,
        bootstrapRestarts, exactLimit, sample, gapReferences, gapSample, unstableJaccard, rule,
        threads);
  }

  public EngineOptions withGap(int references, int sample) {
    return new EngineOptions(algorithm, kMin, kMax, restarts, restartSample, seed, bootstraps, bootstrapFraction,
        bootstrapRestarts, silhouetteExactLimit, silhouetteSample, references, sample,
        unstableJaccard, rule, threads);
  }

  public EngineOptions withRule(SelectionRule r) {
    return new EngineOptions(algorithm, kMin, kMax, restarts, restartSample, seed, bootstraps, bootstrapFraction,
        bootstrapRestarts, silhouetteExactLimit, silhouetteSample, gapReferences, gapSample,
        unstableJaccard, r, threads);
  }

  public EngineOptions withThreads(int t) {
    return new EngineOptions(algorithm, kMin, kMax, restarts, restartSample, seed, bootstraps, bootstrapFraction,
        bootstrapRestarts, silhouetteExactLimit, silhouetteSample, gapReferences, gapSample,
        unstableJaccard, rule, t);
  }
}
