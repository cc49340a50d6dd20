package dev.personas.types;

import dev.personas.ProgressListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import smile.clustering.HierarchicalClustering;
import smile.clustering.linkage.WardLinkage;
import smile.math.MathEx;
import smile.stat.distribution.MultivariateGaussianMixture;
import smile.stat.distribution.MultivariateMixture;
import smile.validation.metric.AdjustedRandIndex;

/**
 * The generic clustering engine over a numeric matrix (rows x d, all finite): sweep k, score every
 * k, choose k by a stated rule, fit the chosen k, and measure stability by bootstrap. Session types
 * ({@link SessionTypes}) and personas (per-user vectors) both run on it.
 *
 * <p>Per k of {@code kMin..kMax}: the algorithm's best of {@code restarts} seeded runs; mean
 * silhouette (exact up to {@code silhouetteExactLimit} rows, else on a seeded sample of {@code
 * silhouetteSample} rows, the same for every k); Calinski-Harabasz; Davies-Bouldin; WCSS; for
 * mixtures log-likelihood and BIC; the gap statistic (Tibshirani, Walther and Hastie 2001) computed
 * with k-means on a seeded sample of up to {@code gapSample} rows against {@code gapReferences}
 * uniform reference sets over the sample's bounding box.
 *
 * <p>Stability follows Hennig's clusterboot ("Cluster-wise assessment of cluster stability",
 * Comput. Stat. Data Anal. 52, 2007), subsetting scheme: B resamples of {@code bootstrapFraction}
 * of the rows without replacement, refit at the chosen k; for each original cluster C (restricted to
 * the resample) the Jaccard similarity with the most similar refit cluster; mean over resamples.
 * Also the adjusted Rand index (Hubert and Arabie 1985; Smile's {@code AdjustedRandIndex}) between
 * the original partition restricted to the resample and the refit.
 *
 * <p>Clusters are numbered by decreasing size, ties by the smallest row index they contain, so that
 * the numbering does not depend on the seed. Every random choice derives from {@code seed} through
 * {@link Seeds#derive}, per task, so results do not depend on {@code threads}.
 */
public final class ClusterEngine {
  private ClusterEngine() {}

  // seed streams
  private static final int S_RESTART = 10, S_SIL = 2, S_GAPREF = 3, S_GAPFIT = 4, S_BOOT = 5;

  /** One fit at one k: labels and its centroids (flat), mixture when any, log-likelihood. */
  record KFit(int[] labels, double[] centroids, MultivariateMixture mixture, double logLik) {}

  /**
   * Runs the sweep, the choice of k, the final fit and the stability analysis.
   *
   * @param rows n x d finite values (n &gt; kMax)
   * @throws IllegalArgumentException on ragged or non-finite rows, too few rows for kMax, or Ward
   *     with more than {@link EngineOptions#WARD_MAX_ROWS} rows
   */
  public static EngineResult run(double[][] rows, EngineOptions o) {
    return run(rows, o, ProgressListener.NONE);
  }

  /** Stage of {@link #run(double[][], EngineOptions, ProgressListener)}: one unit per k fitted. */
  public static final String SWEEP_STAGE = "fitting k (values of k)";

  /** Stage of {@link #run(double[][], EngineOptions, ProgressListener)}: one unit per resample. */
  public static final String BOOTSTRAP_STAGE = "bootstrap (rounds)";

  /**
   * {@link #run(double[][], EngineOptions)}, reporting each k of the sweep ({@link #SWEEP_STAGE})
   * and each bootstrap resample ({@link #BOOTSTRAP_STAGE}) to {@code progress}.
   */
  public static EngineResult run(double[][] rows, EngineOptions o, ProgressListener progress) {
    int n = rows.length;
    if (n == 0) throw new IllegalArgumentException("no rows");
    int d = rows[0].length;
    if (d == 0) throw new IllegalArgumentException("rows have no columns");
    if (o.kMax() >= n) {
      throw new IllegalArgumentException("kMax = " + o.kMax() + " needs more than " + n + " rows");
    }
    if (o.algorithm() == Algorithm.WARD && n > EngineOptions.WARD_MAX_ROWS) {
      throw new IllegalArgumentException("WARD on n = " + n + " rows exceeds "
          + EngineOptions.WARD_MAX_ROWS + "; use KMEANS or a mixture");
    }
    double[] x = new double[n * d];
    for (int i = 0; i < n; i++) {
      if (rows[i].length != d) {
        throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " values, expected " + d);
      }
      for (int j = 0; j < d; j++) {
        double v = rows[i][j];
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException("row " + i + " column " + j + " is " + v + " (impute first)");
        }
        x[i * d + j] = v;
      }
    }
    SelectionRule rule = o.rule().resolve(o.algorithm());

    HierarchicalClustering tree = o.algorithm() == Algorithm.WARD
        ? HierarchicalClustering.fit(WardLinkage.of(rows)) : null;
    int[] silRows = sampleRows(n, n <= o.silhouetteExactLimit() ? n : o.silhouetteSample(),
        Seeds.derive(o.seed(), S_SIL, 0));
    ClusterIndices.Distances silCache = silRows.length <= ClusterIndices.MAX_CACHED_ROWS
        ? ClusterIndices.distances(x, d, silRows, o.threads()) : null;
    Gap gap = o.gapReferences() > 0 ? new Gap(x, n, d, o) : null;

    int nk = o.kMax() - o.kMin() + 1;
    List<EngineResult.SweepRow> sweep = new ArrayList<>();
    KFit[] fits = new KFit[nk];
    double[][] sils = new double[nk][];
    for (int a = 0; a < nk; a++) {
      int k = o.kMin() + a;
      KFit f = fitAt(x, n, d, k, o.algorithm(), o.restarts(), Seeds.derive(o.seed(), S_RESTART, k),
          o.threads(), tree, o.restartSample());
      fits[a] = f;
      double[] sil = silCache != null ? ClusterIndices.silhouette(silCache, f.labels, k, o.threads())
          : ClusterIndices.silhouette(x, d, f.labels, k, silRows, o.threads());
      sils[a] = sil;
      double wcss = ClusterIndices.wcss(x, n, d, f.labels, k);
      double bic = Double.NaN;
      if (o.algorithm().isMixture()) {
        long p = (k - 1) + (long) k * d
            + (long) k * (o.algorithm() == Algorithm.GMM_DIAGONAL ? d : d * (d + 1L) / 2);
        bic = -2 * f.logLik + p * Math.log(n);
      }
      double[] g = gap == null ? new double[] {Double.NaN, Double.NaN} : gap.at(k);
      sweep.add(new EngineResult.SweepRow(k, wcss, ClusterIndices.mean(sil),
          ClusterIndices.calinskiHarabasz(x, n, d, f.labels, k),
          ClusterIndices.daviesBouldin(x, n, d, f.labels, k), f.logLik, bic, g[0], g[1]));
      progress.update(SWEEP_STAGE, a + 1, nk);
    }
    int chosen = EngineResult.choose(sweep, rule);
    if (chosen < 0) throw new IllegalStateException("rule " + rule + " has no score for any k in " + sweep);
    int a = chosen - o.kMin();
    KFit best = fits[a];
    int[] perm = relabel(best.labels, chosen);
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) labels[i] = perm[best.labels[i]];
    double[] silRow = new double[n];
    Arrays.fill(silRow, Double.NaN);
    for (int r = 0; r < silRows.length; r++) silRow[silRows[r]] = sils[a][r];

    Clusterer clusterer = clusterer(x, n, d, labels, chosen, o.algorithm(), best.mixture, perm);
    Clusterer.Placement own = ownPlacement(rows, labels, clusterer);

    // stability at the chosen k
    double[][] jac = new double[o.bootstraps()][];
    double[] ari = new double[o.bootstraps()];
    if (o.bootstraps() > 0) {
      int m = (int) Math.round(o.bootstrapFraction() * n);
      if (m <= chosen) {
        throw new IllegalArgumentException("bootstrapFraction = " + o.bootstrapFraction()
            + " leaves " + m + " rows, too few for k = " + chosen);
      }
      AtomicLong bootsDone = new AtomicLong();
      List<double[]> boots = Parallel.map(o.bootstraps(), o.threads(), b -> {
        long s = Seeds.derive(o.seed(), S_BOOT, b);
        int[] idx = sampleRows(n, m, s);
        double[] sub = new double[m * d];
        for (int r = 0; r < m; r++) System.arraycopy(x, idx[r] * d, sub, r * d, d);
        HierarchicalClustering t = o.algorithm() == Algorithm.WARD
            ? HierarchicalClustering.fit(WardLinkage.of(Clusterer.unflatten(sub, m, d))) : null;
        KFit f = fitAt(sub, m, d, chosen, o.algorithm(), o.bootstrapRestarts(),
            Seeds.derive(s, S_RESTART, chosen), 1, t, o.restartSample());
        int[] orig = new int[m];
        for (int r = 0; r < m; r++) orig[r] = labels[idx[r]];
        double[] out = jaccard(orig, f.labels, chosen);
        double[] withAri = Arrays.copyOf(out, chosen + 1);
        withAri[chosen] = AdjustedRandIndex.of(orig, f.labels);
        progress.update(BOOTSTRAP_STAGE, bootsDone.incrementAndGet(), o.bootstraps());
        return withAri;
      });
      for (int b = 0; b < boots.size(); b++) {
        jac[b] = Arrays.copyOf(boots.get(b), chosen);
        ari[b] = boots.get(b)[chosen];
      }
    }
    int[] size = new int[chosen];
    for (int l : labels) size[l]++;
    List<EngineResult.ClusterStability> stab = new ArrayList<>();
    for (int q = 0; q < chosen; q++) {
      double sum = 0, dissolved = 0, recovered = 0;
      int cnt = 0;
      for (double[] jb : jac) {
        if (Double.isNaN(jb[q])) continue;
        sum += jb[q];
        cnt++;
        if (jb[q] <= 0.5) dissolved++;
        if (jb[q] >= 0.75) recovered++;
      }
      double mean = cnt == 0 ? Double.NaN : sum / cnt;
      boolean stable = cnt == 0 || mean >= o.unstableJaccard();
      stab.add(new EngineResult.ClusterStability(q, size[q], mean,
          cnt == 0 ? Double.NaN : dissolved / cnt, cnt == 0 ? Double.NaN : recovered / cnt, stable));
    }
    return new EngineResult(o, rule, chosen, List.copyOf(sweep), labels, clusterer, own.distance(),
        own.probability(), silRow, List.copyOf(stab), ari);
  }

  /** Distances (and posteriors) of the training rows to their own, already fixed, clusters. */
  private static Clusterer.Placement ownPlacement(double[][] rows, int[] labels, Clusterer c) {
    int n = rows.length;
    int d = c.dimensions();
    double[] flat = Clusterer.flatten(c.centroids());
    double[] dist = new double[n];
    double[] prob = new double[n];
    Arrays.fill(prob, Double.NaN);
    MultivariateMixture mix = c.algorithm().isMixture() ? c.mixture() : null;
    for (int i = 0; i < n; i++) {
      dist[i] = Math.sqrt(KMeans.sq(rows[i], 0, flat, labels[i] * d, d));
      if (mix != null) prob[i] = Clusterer.posterior(mix, rows[i])[labels[i]];
    }
    return new Clusterer.Placement(labels, dist, prob);
  }

  /** Jaccard of each original cluster (0..k-1) with its most similar refit cluster; NaN if absent. */
  static double[] jaccard(int[] orig, int[] refit, int k) {
    int kr = 0;
    for (int l : refit) kr = Math.max(kr, l + 1);
    long[][] both = new long[k][kr];
    long[] a = new long[k];
    long[] b = new long[kr];
    for (int r = 0; r < orig.length; r++) {
      both[orig[r]][refit[r]]++;
      a[orig[r]]++;
      b[refit[r]]++;
    }
    double[] out = new double[k];
    for (int q = 0; q < k; q++) {
      if (a[q] == 0) { out[q] = Double.NaN; continue; }
      double best = 0;
      for (int s = 0; s < kr; s++) {
        long inter = both[q][s];
        if (inter == 0) continue;
        best = Math.max(best, (double) inter / (a[q] + b[s] - inter));
      }
      out[q] = best;
    }
    return out;
  }

  /** Permutation old label -> new label: by decreasing size, ties by smallest row index. */
  static int[] relabel(int[] labels, int k) {
    int[] size = new int[k];
    int[] first = new int[k];
    Arrays.fill(first, Integer.MAX_VALUE);
    for (int i = 0; i < labels.length; i++) {
      size[labels[i]]++;
      if (first[labels[i]] == Integer.MAX_VALUE) first[labels[i]] = i;
    }
    Integer[] order = new Integer[k];
    for (int q = 0; q < k; q++) order[q] = q;
    Arrays.sort(order, (p, q) -> size[p] != size[q] ? Integer.compare(size[q], size[p])
        : Integer.compare(first[p], first[q]));
    int[] perm = new int[k];
    for (int r = 0; r < k; r++) perm[order[r]] = r;
    return perm;
  }

  private static Clusterer clusterer(double[] x, int n, int d, int[] labels, int k, Algorithm alg,
      MultivariateMixture mix, int[] perm) {
    double[][] cent = Clusterer.unflatten(ClusterIndices.centroids(x, n, d, labels, k), k, d);
    double[] w = new double[k];
    for (int l : labels) w[l]++;
    for (int q = 0; q < k; q++) w[q] /= n;
    if (!alg.isMixture()) return new Clusterer(alg, k, cent, w, null);
    double[][] mu = new double[k][];
    double[] pri = new double[k];
    double[][][] cov = new double[k][][];
    for (int old = 0; old < k; old++) {
      var comp = mix.components[old];
      var g = (smile.stat.distribution.MultivariateGaussianDistribution) comp.distribution;
      int q = perm[old];
      mu[q] = g.mean().clone();
      pri[q] = comp.priori;
      double[][] c = new double[d][d];
      var sig = g.cov();
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          c[i][j] = alg == Algorithm.GMM_DIAGONAL && i != j ? 0 : sig.get(i, j);
        }
      }
      cov[q] = c;
    }
    return new Clusterer(alg, k, mu, pri, cov);
  }

  /** One fit at k with the algorithm (best of restarts). */
  static KFit fitAt(double[] x, int n, int d, int k, Algorithm alg, int restarts, long seed,
      int threads, HierarchicalClustering tree, int restartSample) {
    switch (alg) {
      case KMEANS: {
        KMeans.Fit f = KMeans.fit(x, n, d, k, restarts, seed, threads, restartSample);
        return new KFit(f.labels(), f.centroids(), null, Double.NaN);
      }
      case WARD: {
        int[] raw = tree.partition(k);
        return new KFit(compact(raw, k), null, null, Double.NaN);
      }
      default: {
        double[][] rows = Clusterer.unflatten(x, n, d);
        double[][] jittered = jitter(rows, seed);
        boolean diag = alg == Algorithm.GMM_DIAGONAL;
        List<KFit> tries = Parallel.map(restarts, threads, r -> {
          try {
            MathEx.setSeed(Seeds.derive(seed, 1, r));
            MultivariateGaussianMixture g = MultivariateGaussianMixture.fit(k, jittered, diag);
            if (g.components.length != k) return null;
            int[] lab = new int[n];
            double ll = 0;
            for (int i = 0; i < n; i++) {
              double[] lp = new double[k];
              double max = Double.NEGATIVE_INFINITY;
              for (int q = 0; q < k; q++) {
                var c = g.components[q];
                lp[q] = Math.log(c.priori) + c.distribution.logp(rows[i]);
                if (lp[q] > max) { max = lp[q]; lab[i] = q; }
              }
              double s = 0;
              for (int q = 0; q < k; q++) s += Math.exp(lp[q] - max);
              ll += max + Math.log(s);
            }
            if (!Double.isFinite(ll)) return null;
            return new KFit(lab, null, g, ll);
          } catch (RuntimeException e) {
            return null; // a singular covariance in one restart: the other restarts decide
          }
        });
        KFit best = null;
        for (KFit t : tries) if (t != null && (best == null || t.logLik > best.logLik)) best = t;
        if (best == null) {
          throw new IllegalStateException("Gaussian mixture failed at k = " + k + " in all "
              + restarts + " restarts (singular covariances); try GMM_DIAGONAL, PCA or KMEANS");
        }
        // a mixture may leave components empty: labels stay 0..k-1, sizes may be zero
        return best;
      }
    }
  }

  /** Standard deviation of the seeded Gaussian jitter added to the rows a mixture is fitted on. */
  public static final double GMM_JITTER = 0.01;

  /**
   * The rows plus seeded Gaussian noise of sd {@link #GMM_JITTER}: a regularisation like
   * scikit-learn's {@code reg_covar} (here about 1e-4 on each variance, in scaled units), without
   * which Smile's EM fails on clusters that are constant in a feature (e.g. sessions with zero
   * edits). Likelihood, BIC and posteriors are computed on the original rows.
   */
  static double[][] jitter(double[][] rows, long seed) {
    SplittableRandom r = new SplittableRandom(Seeds.derive(seed, 99, 0));
    double[][] out = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      out[i] = rows[i].clone();
      for (int j = 0; j < out[i].length; j++) {
        double u = r.nextDouble(), v = r.nextDouble();
        out[i][j] += GMM_JITTER * Math.sqrt(-2 * StrictMath.log(1 - u)) * StrictMath.cos(2 * Math.PI * v);
      }
    }
    return out;
  }

  /** Maps arbitrary labels onto 0..k-1 in order of first appearance. */
  private static int[] compact(int[] raw, int k) {
    java.util.Map<Integer, Integer> m = new java.util.HashMap<>();
    int[] out = new int[raw.length];
    for (int i = 0; i < raw.length; i++) {
      Integer v = m.get(raw[i]);
      if (v == null) { v = m.size(); m.put(raw[i], v); }
      out[i] = v;
    }
    if (m.size() != k) throw new IllegalStateException("Ward gave " + m.size() + " clusters for k = " + k);
    return out;
  }

  /** m distinct row indices drawn without replacement (partial Fisher-Yates), sorted. */
  static int[] sampleRows(int n, int m, long seed) {
    if (m >= n) {
      int[] all = new int[n];
      for (int i = 0; i < n; i++) all[i] = i;
      return all;
    }
    int[] p = new int[n];
    for (int i = 0; i < n; i++) p[i] = i;
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < m; i++) {
      int j = i + r.nextInt(n - i);
      int t = p[i]; p[i] = p[j]; p[j] = t;
    }
    int[] out = Arrays.copyOf(p, m);
    Arrays.sort(out);
    return out;
  }

  /** The gap statistic on a seeded sample, with references generated once. */
  private static final class Gap {
    final double[] sample;
    final int m, d;
    final double[][] refs;
    final EngineOptions o;

    Gap(double[] x, int n, int d, EngineOptions o) {
      this.o = o;
      this.d = d;
      int[] idx = sampleRows(n, Math.min(n, o.gapSample()), Seeds.derive(o.seed(), S_GAPREF, -1));
      m = idx.length;
      sample = new double[m * d];
      for (int r = 0; r < m; r++) System.arraycopy(x, idx[r] * d, sample, r * d, d);
      double[] lo = new double[d], hi = new double[d];
      Arrays.fill(lo, Double.POSITIVE_INFINITY);
      Arrays.fill(hi, Double.NEGATIVE_INFINITY);
      for (int r = 0; r < m; r++) {
        for (int j = 0; j < d; j++) {
          lo[j] = Math.min(lo[j], sample[r * d + j]);
          hi[j] = Math.max(hi[j], sample[r * d + j]);
        }
      }
      refs = new double[o.gapReferences()][];
      for (int b = 0; b < refs.length; b++) {
        SplittableRandom rnd = new SplittableRandom(Seeds.derive(o.seed(), S_GAPREF, b));
        double[] ref = new double[m * d];
        for (int r = 0; r < m; r++) {
          for (int j = 0; j < d; j++) ref[r * d + j] = lo[j] + rnd.nextDouble() * (hi[j] - lo[j]);
        }
        refs[b] = ref;
      }
    }

    /** {gap, s_k} at k; NaN when the sample is too small. */
    double[] at(int k) {
      if (k >= m) return new double[] {Double.NaN, Double.NaN};
      int rs = Math.min(o.restarts(), 3);
      long s = Seeds.derive(o.seed(), S_GAPFIT, k);
      double logW = Math.log(KMeans.fit(sample, m, d, k, rs, s, o.threads()).wcss());
      List<Double> lw = Parallel.map(refs.length, o.threads(),
          b -> Math.log(KMeans.fit(refs[b], m, d, k, rs, Seeds.derive(s, b, 0), 1).wcss()));
      double mean = 0;
      for (double v : lw) mean += v;
      mean /= lw.size();
      double var = 0;
      for (double v : lw) var += (v - mean) * (v - mean);
      double sd = Math.sqrt(var / lw.size());
      return new double[] {mean - logW, sd * Math.sqrt(1 + 1.0 / lw.size())};
    }
  }
}
