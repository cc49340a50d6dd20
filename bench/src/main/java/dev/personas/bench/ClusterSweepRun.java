package dev.personas.bench;

import dev.personas.features.FeatureOptions;
import dev.personas.features.FeatureSpec;
import dev.personas.features.Features;
import dev.personas.load.Ingest;
import dev.personas.load.IngestOptions;
import dev.personas.types.ClusterIndices;
import dev.personas.types.EngineOptions;
import dev.personas.types.FeatureTransform;
import dev.personas.types.KMeans;
import dev.personas.types.Matrices;
import dev.personas.types.Seeds;
import dev.personas.types.TypeOptions;
import dev.personas.types.Vocabulary;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.Table;

/**
 * Stage 2 of {@code bench/run} (issue 9): the k-means sweep of session types on the matrix the
 * workbench clusters.
 *
 * <ul>
 *   <li>{@code export corpusDir out.csv}: ingest + features of the development corpus, then the
 *       session-types matrix exactly as {@code SessionTypes.fit} builds it with default options
 *       (default feature list, log1p of counts, median imputation, robust scaling, PCA as
 *       configured): n rows x p columns, CSV without header, 17 significant digits.
 *   <li>{@code sweep matrix.csv [runs] [threads]}: per run, what {@code ClusterEngine} does for the
 *       k sweep with default options: for k = 2..12 the best of 10 seeded k-means++ restarts
 *       ({@link KMeans#fit}, seeds as the engine derives them), then the mean silhouette over all
 *       rows (n &lt;= 10,000: exact; the pairwise distance matrix computed once, as the engine
 *       does). Prints one JSON line per run: seconds, peak heap, max RSS, WCSS and silhouette per k.
 *       The time excludes class initialisation ({@link RunStats#importClasses}), as the Python side
 *       excludes its imports.
 * </ul>
 */
public final class ClusterSweepRun {
  private ClusterSweepRun() {}

  public static void main(String[] args) throws Exception {
    if (args.length >= 3 && args[0].equals("export")) {
      export(Path.of(args[1]), Path.of(args[2]));
    } else if (args.length >= 2 && args[0].equals("sweep")) {
      int runs = args.length > 2 ? Integer.parseInt(args[2]) : 1;
      int threads = args.length > 3 ? Integer.parseInt(args[3]) : Runtime.getRuntime().availableProcessors();
      sweep(Path.of(args[1]), runs, threads);
    } else {
      System.err.println("usage: ClusterSweepRun export corpusDir out.csv | sweep matrix.csv [runs] [threads]");
      System.exit(2);
    }
  }

  static void export(Path corpus, Path out) throws Exception {
    Table f = Features.of(Ingest.load(List.of(corpus.resolve("entire")),
        IngestOptions.defaults().withUserMapping(corpus.resolve("sessions.csv"))).dataset(),
        FeatureOptions.defaults());
    TypeOptions o = TypeOptions.defaults();
    List<String> cols = new ArrayList<>();
    for (String c : Vocabulary.defaultFeatures()) if (Matrices.isNumeric(f, c)) cols.add(c);
    double[][] raw = Matrices.of(f, cols);
    boolean[] log = new boolean[cols.size()];
    for (int j = 0; j < cols.size(); j++) {
      FeatureSpec s = o.spec(cols.get(j));
      log[j] = o.transform().log1p() && Vocabulary.isCountOrDuration(cols.get(j), s);
    }
    double[][] coords = FeatureTransform.fit(raw, cols, log, o.transform()).apply(raw);
    try (BufferedWriter w = Files.newBufferedWriter(out)) {
      for (double[] r : coords) {
        for (int j = 0; j < r.length; j++) {
          if (j > 0) w.write(',');
          w.write(String.format(Locale.ROOT, "%.17g", r[j]));
        }
        w.write('\n');
      }
    }
    System.out.printf(Locale.ROOT, "{\"rows\": %d, \"columns\": %d, \"features\": %d}%n",
        coords.length, coords.length == 0 ? 0 : coords[0].length, cols.size());
  }

  static void sweep(Path matrix, int runs, int threads) throws Exception {
    List<String> lines = Files.readAllLines(matrix);
    int n = lines.size();
    int d = lines.get(0).split(",").length;
    double[] x = new double[n * d];
    for (int i = 0; i < n; i++) {
      String[] p = lines.get(i).split(",");
      for (int j = 0; j < d; j++) x[i * d + j] = Double.parseDouble(p[j]);
    }
    RunStats.importClasses("dev.personas.types.KMeans", "dev.personas.types.ClusterIndices",
        "dev.personas.types.Seeds");
    EngineOptions o = EngineOptions.defaults();
    if (n > o.silhouetteExactLimit()) throw new IllegalArgumentException("n > exact silhouette limit");
    int[] all = new int[n];
    for (int i = 0; i < n; i++) all[i] = i;
    for (int run = 1; run <= runs; run++) {
      RunStats.resetPeaks();
      double c0 = RunStats.cpuSeconds();
      long t0 = System.nanoTime();
      ClusterIndices.Distances dm = n <= ClusterIndices.MAX_CACHED_ROWS
          ? ClusterIndices.distances(x, d, all, threads) : null;
      StringBuilder ks = new StringBuilder();
      for (int k = o.kMin(); k <= o.kMax(); k++) {
        KMeans.Fit fit = KMeans.fit(x, n, d, k, o.restarts(), Seeds.derive(o.seed(), 10, k), threads,
            o.restartSample());
        double[] sil = dm != null ? ClusterIndices.silhouette(dm, fit.labels(), k, threads)
            : ClusterIndices.silhouette(x, d, fit.labels(), k, all, threads);
        ks.append(String.format(Locale.ROOT, "%s{\"k\": %d, \"wcss\": %.6f, \"silhouette\": %.6f}",
            k == o.kMin() ? "" : ", ", k, fit.wcss(), ClusterIndices.mean(sil)));
      }
      double s = (System.nanoTime() - t0) / 1e9;
      System.out.printf(Locale.ROOT,
          "{\"run\": %d, \"seconds\": %.4f, \"cpu_seconds\": %.3f, \"rows\": %d, \"columns\": %d,"
              + " \"peak_heap_mib\": %d, \"max_rss_kib\": %d, \"sweep\": [%s]}%n",
          run, s, RunStats.cpuSeconds() - c0, n, d, RunStats.peakHeapBytes() >> 20,
          RunStats.maxRssKib(), ks);
    }
  }
}
