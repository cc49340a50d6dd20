package dev.personas.personas;

import dev.personas.load.SweChatFolder;
import dev.personas.types.SelectionRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tech.tablesaw.api.Table;

/**
 * Writes every personas output to a folder, and a command line for it:
 * {@code PersonasReport FEATURES TYPES --out DIR} (FEATURES, TYPES: .csv or .parquet).
 *
 * <p>Files written (all deterministic for the same inputs and seed):
 * <ul>
 *   <li>{@code users.csv}: {@link PersonaModel#users()};
 *   <li>{@code personas.csv}: {@link PersonaModel#personas()};
 *   <li>{@code k_sweep.csv}: {@link PersonaModel#selection()};
 *   <li>{@code landscape.csv}: {@link Landscape#of(Table, PersonaModel)};
 *   <li>{@code bigspin.csv}: Bigspin's fingerprint personas ({@link BigspinFingerprints}), only when
 *       the feature table carries at least one of the 35 signal columns;
 *   <li>{@code model.json}: {@link PersonaModel#toJson()};
 *   <li>{@code notes.txt}: {@link PersonaModel#notes()} then {@link PersonaModel#problems()};
 *   <li>{@code cards/<user>.md} and {@code cards/<user>.html} for every eligible user (file names:
 *       the user id with characters outside {@code [A-Za-z0-9._-]} replaced by {@code _}).
 * </ul>
 * CSV: comma-separated, RFC 4180 quoting, doubles with 6 decimals, missing values empty.
 */
@Command(name = "personas", mixinStandardHelpOptions = true,
    description = "Cluster users into personas from a feature table and session types.")
public final class PersonasReport implements Callable<Integer> {

  @Parameters(index = "0", description = "feature table (.csv or .parquet), one row per session")
  Path features;

  @Parameters(index = "1", description = "type assignments (.csv or .parquet): session_id, type_id[, type_name]")
  Path types;

  @Option(names = "--out", required = true, description = "output folder")
  Path out;

  @Option(names = "--min-sessions", defaultValue = "3", description = "eligible users' fewest sessions")
  int minSessions;

  @Option(names = "--min-prompts", defaultValue = "1",
      description = "sessions with fewer user prompts are left out")
  int minPrompts;

  @Option(names = "--min-persona-size", defaultValue = "3",
      description = "a k with a smaller persona is not chosen")
  int minPersonaSize;

  @Option(names = "--k", defaultValue = "0", description = "fixed number of personas (0: choose)")
  int k;

  @Option(names = "--k-max", defaultValue = "8", description = "largest k of the sweep")
  int kMax;

  @Option(names = "--bootstrap", defaultValue = "100", description = "bootstrap resamples")
  int bootstrap;

  @Option(names = "--seed", defaultValue = "42", description = "seed")
  long seed;

  @Option(names = "--hellinger", description = "compare session-type mixes by Hellinger distance")
  boolean hellinger;

  @Option(names = "--rule", defaultValue = "SILHOUETTE",
      description = "rule choosing k: SILHOUETTE, CALINSKI_HARABASZ, DAVIES_BOULDIN, GAP")
  SelectionRule rule;

  @Override
  public Integer call() throws IOException {
    PersonaOptions o = PersonaOptions.defaults().withMinSessions(minSessions)
        .withMinPrompts(minPrompts).withMinPersonaSize(minPersonaSize).withK(k)
        .withKRange(2, Math.max(2, kMax)).withBootstrap(bootstrap).withSeed(seed).withRule(rule)
        .withShareDistance(hellinger ? PersonaOptions.ShareDistance.HELLINGER
            : PersonaOptions.ShareDistance.EUCLIDEAN);
    Table f = SweChatFolder.readTable(features);
    Table t = SweChatFolder.readTable(types);
    PersonaModel m;
    try (dev.personas.cli.Progress progress = new dev.personas.cli.Progress(System.err)) {
      progress.stage("fitting personas");
      m = Personas.fit(f, t, o, java.util.Map.of(), progress);
    }
    write(m, f, out);
    for (String note : m.notes()) System.out.println(note);
    System.out.println("wrote " + out);
    return 0;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new PersonasReport()).execute(args));
  }

  /** Writes all outputs of a fitted model to {@code dir} (created if needed). */
  public static void write(PersonaModel model, Table features, Path dir) throws IOException {
    Files.createDirectories(dir.resolve("cards"));
    writeCsv(model.users(), dir.resolve("users.csv"));
    writeCsv(model.personas(), dir.resolve("personas.csv"));
    writeCsv(model.selection(), dir.resolve("k_sweep.csv"));
    writeCsv(Landscape.of(features, model), dir.resolve("landscape.csv"));
    boolean signals = BigspinFingerprints.SIGNALS.stream().anyMatch(features::containsColumn);
    if (signals) {
      writeCsv(BigspinFingerprints.classifyUsers(
          BigspinFingerprints.fireRates(features, model.options().minSessions())),
          dir.resolve("bigspin.csv"));
    }
    model.save(dir.resolve("model.json"));
    List<String> lines = new ArrayList<>(model.notes());
    for (String p : model.problems()) lines.add("problem: " + p);
    Files.write(dir.resolve("notes.txt"), lines, StandardCharsets.UTF_8);
    for (PersonaModel.Placement p : model.placements()) {
      String name = p.userId().replaceAll("[^A-Za-z0-9._-]", "_");
      Files.writeString(dir.resolve("cards").resolve(name + ".md"),
          PersonaCard.markdown(model, p), StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("cards").resolve(name + ".html"),
          PersonaCard.html(model, p), StandardCharsets.UTF_8);
    }
  }

  /** Writes a table as CSV (see the class javadoc for the format): {@link dev.personas.schema.Csv}. */
  public static void writeCsv(Table t, Path file) throws IOException {
    dev.personas.schema.Csv.write(t, file);
  }


}
