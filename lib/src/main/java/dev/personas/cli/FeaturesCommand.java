package dev.personas.cli;

import dev.personas.features.FeatureOptions;
import dev.personas.features.FeatureWriter;
import dev.personas.features.Features;
import dev.personas.load.Ingest;
import dev.personas.load.IngestOptions;
import dev.personas.load.IngestResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code workbench features SRC... --out FILE}: loads the sources with {@link Ingest#load} (anything
 * ingest reads, including a folder it wrote) and writes the per-session feature table
 * ({@link Features}) to {@code FILE} ({@code .csv} or {@code .parquet}, see {@link FeatureWriter}).
 * Prints one summary line (sessions x columns, label problems) to stderr; exit code 0 on success,
 * 2 on bad arguments, 1 on I/O failure. Register it as a subcommand of the CLI main, or run it
 * directly ({@link #main}).
 */
@Command(name = "features", mixinStandardHelpOptions = true,
    description = "Per-session feature table (one row per session) from ingested sources.")
public final class FeaturesCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "SRC",
      description = "Sources: Entire checkpoint folders, git repositories, transcript files, "
          + "SWE-chat or ingested folders.")
  List<Path> sources = new ArrayList<>();

  @Option(names = "--out", required = true, paramLabel = "FILE",
      description = "Output file, .csv or .parquet.")
  Path out;

  @Option(names = "--labels", paramLabel = "FILE",
      description = "Label file (CSV or JSON lines keyed by session_id or turn_id) to join; "
          + "repeatable.")
  List<Path> labels = new ArrayList<>();

  @Option(names = "--include-sidechain", description = "Count sub-agent (sidechain) records.")
  boolean includeSidechain;

  @Option(names = "--user-mapping", paramLabel = "CSV",
      description = "Session-to-user mapping file for ingest (session_id,user_id columns).")
  Path userMapping;

  @Option(names = "--threads", paramLabel = "N", description = "Ingest parser threads.")
  Integer threads;

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    IngestOptions io = IngestOptions.defaults();
    if (userMapping != null) io = io.withUserMapping(userMapping);
    if (threads != null) io = io.withThreads(threads);
    IngestResult r = Ingest.load(sources, io);
    FeatureOptions fo = FeatureOptions.defaults().withIncludeSidechain(includeSidechain);
    for (Path p : labels) fo = fo.withLabels(p);
    Features.Result res = Features.compute(r.dataset(), fo);
    FeatureWriter.write(res.table(), out);
    PrintWriter err = spec.commandLine().getErr();
    err.printf("features: %d sessions x %d columns -> %s%n", res.table().rowCount(),
        res.table().columnCount(), out);
    for (String p : res.problems()) err.println("features: label problem: " + p);
    err.flush();
    return 0;
  }

  /** Runs the command on its own: {@code java ... dev.personas.cli.FeaturesCommand SRC --out F}. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new FeaturesCommand()).execute(args));
  }
}
