package dev.personas.bench;

import dev.personas.features.FeatureOptions;
import dev.personas.features.Features;
import dev.personas.load.Ingest;
import dev.personas.load.IngestOptions;
import dev.personas.load.IngestResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.Table;

/**
 * Stage 1 of {@code bench/run} (issue 9): one run of parse + features over the development corpus
 * as the CLI does it ({@link Ingest#load} of {@code entire/}, then {@link Features#of}); prints one
 * JSON line {@code {seconds, cpu_seconds, bytes, sessions, rows, feature_rows, peak_heap_mib,
 * max_rss_kib}}. The time excludes JVM start-up and class initialisation ({@link
 * RunStats#importClasses}), as the Python side excludes interpreter start-up and its imports.
 * Usage: {@code ParseFeaturesRun corpusDir [threads] [repeats]}: with
 * repeats &gt; 1 the same work runs again in the same JVM, one line per run (the last one shows what
 * the work costs in a warm JVM, such as a running notebook kernel).
 */
public final class ParseFeaturesRun {
  private ParseFeaturesRun() {}

  public static void main(String[] args) throws Exception {
    Path corpus = Path.of(args.length > 0 ? args[0] : "/work/corpus-unpacked");
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
    int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    RunStats.importClasses("tech.tablesaw.api.Table", "dev.personas.load.Ingest",
        "dev.personas.load.TranscriptFormats", "dev.personas.load.ToolTaxonomy",
        "dev.personas.features.Features", "dev.personas.features.PushbackLexicon",
        "dev.personas.features.ShellSignals");
    for (int run = 1; run <= repeats; run++) once(corpus, threads, run);
  }

  static void once(Path corpus, int threads, int run) throws Exception {
    RunStats.resetPeaks();
    double c0 = RunStats.cpuSeconds();
    long t0 = System.nanoTime();
    IngestResult res = Ingest.load(List.of(corpus.resolve("entire")),
        IngestOptions.defaults().withThreads(threads).withUserMapping(corpus.resolve("sessions.csv")));
    Table f = Features.of(res.dataset(), FeatureOptions.defaults());
    double s = (System.nanoTime() - t0) / 1e9;
    double cpu = RunStats.cpuSeconds() - c0;
    var tot = res.report().totals();
    System.out.printf(Locale.ROOT,
        "{\"run\": %d, \"seconds\": %.4f, \"cpu_seconds\": %.3f, \"bytes\": %d, \"sessions\": %d, \"rows\": %d,"
            + " \"feature_rows\": %d, \"peak_heap_mib\": %d, \"max_rss_kib\": %d}%n",
        run, s, cpu, tot.bytes(), tot.sessions(), tot.rows(), f.rowCount(),
        RunStats.peakHeapBytes() >> 20, RunStats.maxRssKib());
  }
}
