package dev.personas.cli;

import dev.personas.features.FeatureOptions;
import dev.personas.features.FeatureWriter;
import dev.personas.features.Features;
import dev.personas.features.ParquetFeatures;
import dev.personas.load.IngestOptions;
import dev.personas.load.SweChatFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tech.tablesaw.api.Table;

/**
 * {@code features SRC --out FILE}: one row of features per session. A single SWE-chat parquet
 * folder (one with {@code sessions.parquet}) is streamed through DuckDB ({@link ParquetFeatures}),
 * any other source is ingested and computed in memory ({@link Features}); both give the same table.
 */
@Command(name = "features", mixinStandardHelpOptions = true,
    description = "Compute the per-session feature table (one row per session, sorted by session_id).")
final class FeaturesCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "SRC", description = "anything ingest reads, or an ingested folder")
  List<Path> sources;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "output .parquet or .csv")
  Path out;

  @Option(names = "--labels", paramLabel = "FILE",
      description = "imported labels (CSV/JSONL keyed by session_id) joined onto the table")
  Path labels;

  @Option(names = "--include-sidechain", description = "count sub-agent (sidechain) records too")
  boolean includeSidechain;

  @Mixin Sources src;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    String n = out.getFileName().toString();
    if (!n.endsWith(".parquet") && !n.endsWith(".csv")) {
      throw new IllegalArgumentException("--out " + out + " must end in .parquet or .csv");
    }
    if (labels != null && !Files.isRegularFile(labels)) {
      throw new IllegalArgumentException("--labels " + labels + " is not a file");
    }
    FeatureOptions fo = (labels == null ? FeatureOptions.defaults() : FeatureOptions.labels(labels))
        .withIncludeSidechain(includeSidechain);
    Table f;
    try (Progress progress = new Progress(System.err)) {
      if (sources.size() == 1 && SweChatFolder.is(sources.get(0))) {
        // a parquet folder: conversations stream through DuckDB, never loaded whole
        IngestOptions io = src.options(sources);
        progress.stage("computing features from " + sources.get(0) + " (streaming)");
        f = ParquetFeatures.compute(sources.get(0), io.excludeRepos(), fo, io.threads(), progress).table();
      } else {
        progress.stage("reading " + sources.size() + " source(s)");
        var r = src.load(sources, progress);
        progress.stage("computing features");
        f = Features.of(r.dataset(), fo);
      }
    }
    FeatureWriter.write(f, out);
    var w = spec.commandLine().getOut();
    w.printf("wrote %d sessions x %d columns to %s%n", f.rowCount(), f.columnCount(), out);
    w.flush();
    return 0;
  }
}
