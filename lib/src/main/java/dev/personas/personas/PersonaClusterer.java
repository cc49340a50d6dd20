package dev.personas.personas;

/**
 * The clustering the personas stage needs: a partition of n points into k groups with centroids.
 * A small seam so that the session-types engine can be plugged in later; the default is
 * {@link KMeansClusterer} (Smile k-means with restarts).
 */
public interface PersonaClusterer {

  /**
   * A partition.
   *
   * @param labels cluster per point, 0..k-1, canonically ordered (see {@link KMeansClusterer})
   * @param centroids k x d
   * @param distortion sum of squared distances to the own centroid
   */
  record Partition(int[] labels, double[][] centroids, double distortion) {
    public int k() {
      return centroids.length;
    }
  }

  /**
   * Partitions {@code x} (n x d, n > k) into k clusters; deterministic for a seed.
   *
   * @throws IllegalArgumentException when k < 2 or k >= n
   */
  Partition fit(double[][] x, int k, long seed);
}
