package dev.personas.cli;

import dev.personas.load.SweChatFolder;
import dev.personas.types.SessionTypeModel;
import dev.personas.types.SessionTypes;
import dev.personas.types.TypeOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tech.tablesaw.api.Table;

/** {@code types FEATURES --out DIR}: cluster sessions into session types. */
@Command(name = "types", mixinStandardHelpOptions = true,
    description = {"Cluster sessions into session types with model selection and bootstrap stability.",
        "Writes assignments.csv, profiles.csv, model_selection.csv, shapes.csv, configuration.csv, model.json."})
final class TypesCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FEATURES", description = "feature table (.parquet or .csv)")
  Path features;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
  Path out;

  @Option(names = "--seed", defaultValue = "42", description = "seed (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--k-min", defaultValue = "2", description = "smallest k of the sweep")
  int kMin;

  @Option(names = "--k-max", defaultValue = "12", description = "largest k of the sweep")
  int kMax;

  @Option(names = "--bootstrap", defaultValue = "100", description = "bootstrap resamples for stability")
  int bootstrap;

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(features)) throw new IllegalArgumentException("FEATURES " + features + " is not a file");
    Table f = SweChatFolder.readTable(features);
    TypeOptions d = TypeOptions.defaults();
    TypeOptions o = d.withEngine(d.engine().withSeed(seed).withK(kMin, kMax)
        .withBootstraps(bootstrap, d.engine().bootstrapFraction(), d.engine().bootstrapRestarts()));
    SessionTypeModel m;
    try (Progress progress = new Progress(System.err)) {
      progress.stage("fitting session types on " + f.rowCount() + " sessions");
      m = SessionTypes.fit(f, o, progress);
    }
    m.write(out);
    System.out.printf("%d session types from %d sessions (seed %d) written to %s%n", m.k(), f.rowCount(), seed, out);
    return 0;
  }
}
