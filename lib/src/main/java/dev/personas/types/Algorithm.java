package dev.personas.types;

/** Clustering algorithms of the engine. */
public enum Algorithm {
  /** Lloyd's k-means with greedy k-means++ seeding and restarts ({@link KMeans}). */
  KMEANS,
  /** Gaussian mixture, full covariance, EM ({@code smile.stat.distribution.MultivariateGaussianMixture}). */
  GMM_FULL,
  /** Gaussian mixture, diagonal covariance, EM (Smile, as above). */
  GMM_DIAGONAL,
  /** Ward's minimum-variance agglomerative clustering ({@code smile.clustering.HierarchicalClustering}
   * with {@code WardLinkage}); O(n^2) memory, limited to {@link EngineOptions#WARD_MAX_ROWS} rows. */
  WARD;

  /** True for the two mixtures. */
  public boolean isMixture() {
    return this == GMM_FULL || this == GMM_DIAGONAL;
  }
}
