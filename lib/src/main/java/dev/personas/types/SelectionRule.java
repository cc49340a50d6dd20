package dev.personas.types;

/**
 * The rule that picks the recommended k from the model-selection table. Ties go to the smaller k.
 */
public enum SelectionRule {
  /** {@link #BIC} for mixtures, {@link #SILHOUETTE} otherwise. */
  AUTO,
  /** Largest mean silhouette (Rousseeuw 1987; Kaufman and Rousseeuw 1990). */
  SILHOUETTE,
  /** Largest Calinski-Harabasz index. */
  CALINSKI_HARABASZ,
  /** Smallest Davies-Bouldin index. */
  DAVIES_BOULDIN,
  /**
   * Tibshirani, Walther and Hastie (J. R. Stat. Soc. B 63, 2001): smallest k with Gap(k) &gt;=
   * Gap(k+1) - s(k+1); the k of the largest gap when no k qualifies.
   */
  GAP,
  /** Smallest BIC = -2 log L + p ln n (mixtures only). */
  BIC;

  /** The concrete rule for {@code algorithm} ({@link #AUTO} resolved). */
  public SelectionRule resolve(Algorithm algorithm) {
    if (this != AUTO) return this;
    return algorithm.isMixture() ? BIC : SILHOUETTE;
  }
}
