package dev.personas.personas;

import dev.personas.types.SelectionRule;
import java.util.List;
import java.util.Objects;

/**
 * Options of the personas stage: which users are eligible, how a user vector is built and scaled,
 * how personas are clustered and chosen, and when a user is called "Multi-mode".
 *
 * @param minSessions fewest non-sub-agent sessions for a user to be eligible (Bigspin: 3); >= 1
 * @param minPrompts sessions with fewer user prompts ({@code iteration_count}, when the column
 *     exists) are left out of the user vectors: they show no way of working with the agent
 *     (default 1; 0 keeps them); >= 0
 * @param medianFeatures per-session feature columns whose per-user median enters the vector
 *     (those absent from the feature table are skipped and reported)
 * @param labelColumns imported per-session 0/1 label columns (e.g. Bigspin's 35 signals) whose
 *     per-user fire rate enters the vector when present
 * @param shareDistance how session-type shares are compared: {@code EUCLIDEAN} on the raw shares,
 *     or {@code HELLINGER} (shares replaced by their square roots, so Euclidean distance between
 *     users on that block is proportional to the Hellinger distance between their type mixes; see
 *     {@link PersonaSpace})
 * @param k fixed number of personas, or 0 to choose it by {@code rule} over {@code kMin..kMax}
 * @param kMin smallest k of the sweep (>= 2)
 * @param kMax largest k of the sweep (capped at eligible users - 1)
 * @param minPersonaSize a k whose partition has a persona with fewer users is not chosen (unless
 *     no k qualifies, which the notes say); >= 1
 * @param restarts k-means restarts per fit, least within-cluster sum of squares kept (>= 1)
 * @param rule rule choosing k from the sweep (ties to the smaller k; see {@link SelectionRule})
 * @param bootstrap resamples for stability and share confidence intervals (0 = skip)
 * @param bootstrapFraction share of users in each stability resample (0 < f < 1; Bigspin: 0.8)
 * @param ciLevel level of the bootstrap share intervals (e.g. 0.95)
 * @param multiModeRatio a user is Multi-mode when distance to the nearest persona centroid /
 *     distance to the second nearest is at or above this (0 < r <= 1; at 1 only exact ties)
 * @param multiModeEntropy a user is Multi-mode when the normalised entropy of their session-type
 *     shares (H / ln(number of types), 0..1) is at or above this, when there are at least
 *     {@link #MIN_TYPES_FOR_ENTROPY} types (at 1 only a perfectly uniform mix is Multi-mode)
 * @param seed seed of every random choice (k-means seeding, bootstrap resamples)
 */
public record PersonaOptions(int minSessions, int minPrompts, List<String> medianFeatures,
    List<String> labelColumns, ShareDistance shareDistance, int k, int kMin, int kMax,
    int minPersonaSize, int restarts, SelectionRule rule, int bootstrap, double bootstrapFraction,
    double ciLevel, double multiModeRatio, double multiModeEntropy, long seed) {

  /** How session-type shares are compared. */
  public enum ShareDistance { EUCLIDEAN, HELLINGER }

  /** Default median features (Bigspin's deterministic signals and SWE-chat/Anthropic measures). */
  public static final List<String> DEFAULT_MEDIAN_FEATURES = List.of(
      "iteration_count", "edit_iteration_count", "tests_run_count", "diff_reviewed",
      "tool_call_density", "course_correction_count", "interrupt_rate", "actions_per_prompt");

  /** Documented default of {@link #multiModeRatio}: the two nearest within 10% of each other. */
  public static final double DEFAULT_MULTI_MODE_RATIO = 0.9;

  /**
   * Documented default of {@link #multiModeEntropy}: 0.95. Normalised entropy is generous: a
   * 30/25/20/15/10 mix of five types already scores 0.96, a 40/30/15/10/5 mix 0.87.
   */
  public static final double DEFAULT_MULTI_MODE_ENTROPY = 0.95;

  /**
   * The entropy criterion applies only with at least this many session types: with two types
   * normalised entropy is near 1 for most mixes (0.88 at 30/70, 0.97 at 40/60), so it would call
   * ordinary two-type users Multi-mode.
   */
  public static final int MIN_TYPES_FOR_ENTROPY = 3;

  public PersonaOptions {
    medianFeatures = List.copyOf(Objects.requireNonNull(medianFeatures, "medianFeatures"));
    labelColumns = List.copyOf(Objects.requireNonNull(labelColumns, "labelColumns"));
    Objects.requireNonNull(shareDistance, "shareDistance");
    if (minSessions < 1) throw new IllegalArgumentException("minSessions must be >= 1: " + minSessions);
    if (minPrompts < 0) throw new IllegalArgumentException("minPrompts must be >= 0: " + minPrompts);
    if (k != 0 && k < 2) throw new IllegalArgumentException("k must be 0 (choose) or >= 2: " + k);
    if (kMin < 2) throw new IllegalArgumentException("kMin must be >= 2: " + kMin);
    if (kMax < kMin) throw new IllegalArgumentException("kMax must be >= kMin: " + kMax);
    if (minPersonaSize < 1) {
      throw new IllegalArgumentException("minPersonaSize must be >= 1: " + minPersonaSize);
    }
    if (restarts < 1) throw new IllegalArgumentException("restarts must be >= 1: " + restarts);
    Objects.requireNonNull(rule, "rule");
    if (rule == SelectionRule.BIC) {
      throw new IllegalArgumentException("rule BIC needs a mixture; personas use k-means: " + rule);
    }
    if (bootstrap < 0) throw new IllegalArgumentException("bootstrap must be >= 0: " + bootstrap);
    if (!(bootstrapFraction > 0 && bootstrapFraction < 1)) {
      throw new IllegalArgumentException("bootstrapFraction must be in (0,1): " + bootstrapFraction);
    }
    if (!(ciLevel > 0 && ciLevel < 1)) {
      throw new IllegalArgumentException("ciLevel must be in (0,1): " + ciLevel);
    }
    if (!(multiModeRatio > 0 && multiModeRatio <= 1)) {
      throw new IllegalArgumentException("multiModeRatio must be in (0,1]: " + multiModeRatio);
    }
    if (!(multiModeEntropy > 0 && multiModeEntropy <= 1)) {
      throw new IllegalArgumentException("multiModeEntropy must be in (0,1]: " + multiModeEntropy);
    }
  }

  /**
   * Defaults: 3 sessions with at least 1 prompt, {@link #DEFAULT_MEDIAN_FEATURES}, Bigspin's 35 signals as label columns,
   * Euclidean shares, k chosen by silhouette over 2..8 among partitions whose personas all have >= 3 users, 20 restarts, 100 bootstraps at 80%, 95%
   * intervals, Multi-mode at ratio 0.9 or entropy 0.95, seed 42.
   */
  public static PersonaOptions defaults() {
    return new PersonaOptions(3, 1, DEFAULT_MEDIAN_FEATURES, BigspinFingerprints.SIGNALS,
        ShareDistance.EUCLIDEAN, 0, 2, 8, 3, 20, SelectionRule.SILHOUETTE, 100, 0.8, 0.95,
        DEFAULT_MULTI_MODE_RATIO, DEFAULT_MULTI_MODE_ENTROPY, 42L);
  }

  public PersonaOptions withK(int k) {
    return new PersonaOptions(minSessions, minPrompts, medianFeatures, labelColumns, shareDistance, k, kMin,
        kMax, minPersonaSize, restarts, rule, bootstrap, bootstrapFraction, ciLevel, multiModeRatio,
        multiModeEntropy, seed);
  }

  public PersonaOptions withKRange(int kMin, int kMax) {
    return new PersonaOptions(minSessions, minPrompts, medianFeatures, labelColumns, shareDistance, k, kMin,
        kMax, minPersonaSize, restarts, rule, bootstrap, bootstrapFraction, ciLevel, multiModeRatio,
        multiModeEntropy, seed);
  }

  public PersonaOptions withSeed(long seed) {
    return new PersonaOptions(minSessions, minPrompts, medianFeatures, labelColumns, shareDistance, k, kMin,
        kMax, minPersonaSize, restarts, rule, bootstrap, bootstrapFraction, ciLevel, multiModeRatio,
        multiModeEntropy, seed);
  }

  public PersonaOptions withMinPrompts(int minPrompts) {
    return new PersonaOptions(minSessions, minPrompts, medianFeatures, labelColumns, shareDistance,
        k, kMin, kMax, minPersonaSize, restarts, rule, bootstrap, bootstrapFraction, ciLevel,
        multiModeRatio, multiModeEntropy, seed);
  }

  public PersonaOptions withMinSessions(int minSessions) {
    return new PersonaOptions(minSessions, minPrompts, medianFeatures, labelColumns, shareDistance, k, kMin,
        kMax, minPersonaSize, restarts, rule, bootstrap, bootstrapFraction, ciLevel, multiModeRatio,
        multiModeEntropy, seed);
  }

  public PersonaOptions withShareDistance(ShareDistance d) {
    return new PersonaOptions(minSessions, minPrompts, medianFeatures, labelColumns, d, k, kMin, kMax,
        minPersonaSize, restarts, rule, bootstrap, bootstrapFraction, ciLevel, multiModeRatio,
        multiModeEntropy, seed);
  }

  public PersonaOptions withBootstrap(int bootstrap) {
    return new PersonaOptions(minSessions, minPrompts, medianFeatures, labelColumns, shareDistance, k, kMin,
        kMax, minPersonaSize, restarts, rule, bootstrap, bootstrapFraction, ciLevel, multiModeRatio,
        multiModeEntropy, seed);
  }

  public PersonaOptions withMinPersonaSize(int minPersonaSize) {
    return new PersonaOptions(minSessions, minPrompts, medianFeatures, labelColumns, shareDistance, k, kMin,
        kMax, minPersonaSize, restarts, rule, bootstrap, bootstrapFraction, ciLevel, multiModeRatio,
        multiModeEntropy, seed);
  }

  public PersonaOptions withRule(SelectionRule rule) {
    return new PersonaOptions(minSessions, minPrompts, medianFeatures, labelColumns, shareDistance, k, kMin,
        kMax, minPersonaSize, restarts, rule, bootstrap, bootstrapFraction, ciLevel, multiModeRatio,
        multiModeEntropy, seed);
  }

  public PersonaOptions withMultiMode(double ratio, double entropy) {
    return new PersonaOptions(minSessions, minPrompts, medianFeatures, labelColumns, shareDistance, k, kMin,
        kMax, minPersonaSize, restarts, rule, bootstrap, bootstrapFraction, ciLevel, ratio, entropy, seed);
  }
}
