package dev.personas.types;

import smile.math.matrix.Matrix;
import smile.stat.distribution.MultivariateGaussianDistribution;
import smile.stat.distribution.MultivariateGaussianMixture;
import smile.stat.distribution.MultivariateMixture;

/**
 * A fitted partition that places new rows: k centroids (k-means, Ward: cluster means), or a Gaussian
 * mixture (weights, means, covariances). Plain arrays so that it persists as JSON.
 *
 * @param algorithm the algorithm that produced it
 * @param k number of clusters
 * @param centroids k x d: cluster means (for mixtures: component means)
 * @param weights k mixture weights (for k-means and Ward: cluster shares of the training rows)
 * @param covariances mixtures: k x d x d covariance matrices (diagonal ones hold zeros off the
 *     diagonal); null otherwise
 */
public record Clusterer(Algorithm algorithm, int k, double[][] centroids, double[] weights,
    double[][][] covariances) {

  /**
   * Placement of rows.
   *
   * @param labels cluster 0..k-1 of each row: nearest centroid, or for mixtures the component of
   *     largest posterior probability
   * @param distance Euclidean distance of each row to its cluster's centroid (or component mean)
   * @param probability mixtures: posterior probability of the chosen component; NaN otherwise
   */
  public record Placement(int[] labels, double[] distance, double[] probability) {}

  /** Dimension d of the rows it places. */
  public int dimensions() {
    return centroids[0].length;
  }

  /**
   * Places each row (all finite, length d).
   *
   * @throws IllegalArgumentException if a row has the wrong length
   */
  public Placement place(double[][] rows) {
    int d = dimensions();
    int n = rows.length;
    int[] labels = new int[n];
    double[] dist = new double[n];
    double[] prob = new double[n];
    java.util.Arrays.fill(prob, Double.NaN);
    MultivariateMixture mix = algorithm.isMixture() ? mixture() : null;
    double[] flatC = flatten(centroids);
    for (int i = 0; i < n; i++) {
      double[] r = rows[i];
      if (r.length != d) {
        throw new IllegalArgumentException("row " + i + " has " + r.length + " values, expected " + d);
      }
      if (mix != null) {
        double[] post = posterior(mix, r);
        int best = 0;
        for (int q = 1; q < k; q++) if (post[q] > post[best]) best = q;
        labels[i] = best;
        prob[i] = post[best];
        dist[i] = Math.sqrt(KMeans.sq(r, 0, flatC, best * d, d));
      } else {
        int best = 0;
        double bd = Double.POSITIVE_INFINITY;
        for (int q = 0; q < k; q++) {
          double s = KMeans.sq(r, 0, flatC, q * d, d);
          if (s < bd) { bd = s; best = q; }
        }
        labels[i] = best;
        dist[i] = Math.sqrt(bd);
      }
    }
    return new Placement(labels, dist, prob);
  }

  /** Posterior over components computed in log space (robust where densities underflow). */
  static double[] posterior(MultivariateMixture mix, double[] r) {
    int k = mix.components.length;
    double[] lp = new double[k];
    double max = Double.NEGATIVE_INFINITY;
    for (int q = 0; q < k; q++) {
      var c = mix.components[q];
      lp[q] = Math.log(c.priori) + c.distribution.logp(r);
      if (lp[q] > max) max = lp[q];
    }
    double s = 0;
    for (int q = 0; q < k; q++) { lp[q] = Math.exp(lp[q] - max); s += lp[q]; }
    for (int q = 0; q < k; q++) lp[q] /= s;
    return lp;
  }

  /** The Smile mixture described by this record (mixtures only). */
  public MultivariateMixture mixture() {
    if (!algorithm.isMixture()) throw new IllegalStateException(algorithm + " is not a mixture");
    var comps = new MultivariateMixture.Component[k];
    for (int q = 0; q < k; q++) {
      MultivariateGaussianDistribution g;
      if (algorithm == Algorithm.GMM_DIAGONAL) {
        double[] v = new double[centroids[q].length];
        for (int j = 0; j < v.length; j++) v[j] = covariances[q][j][j];
        g = new MultivariateGaussianDistribution(centroids[q].clone(), v);
      } else {
        g = new MultivariateGaussianDistribution(centroids[q].clone(), Matrix.of(covariances[q]));
      }
      comps[q] = new MultivariateMixture.Component(weights[q], g);
    }
    return new MultivariateGaussianMixture(comps);
  }

  static double[] flatten(double[][] a) {
    int d = a[0].length;
    double[] f = new double[a.length * d];
    for (int i = 0; i < a.length; i++) System.arraycopy(a[i], 0, f, i * d, d);
    return f;
  }

  static double[][] unflatten(double[] f, int n, int d) {
    double[][] a = new double[n][d];
    for (int i = 0; i < n; i++) System.arraycopy(f, i * d, a[i], 0, d);
    return a;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Clusterer c && c.algorithm == algorithm && c.k == k
        && java.util.Arrays.deepEquals(c.centroids, centroids)
        && java.util.Arrays.equals(c.weights, weights)
        && java.util.Arrays.deepEquals(c.covariances, covariances);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(algorithm, k, java.util.Arrays.deepHashCode(centroids));
  }
}
