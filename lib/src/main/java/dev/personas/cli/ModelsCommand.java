package dev.personas.cli;

import dev.personas.Workbench;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code models [DATA] --out DIR}: fit the reference session-type and persona models `me` uses. */
@Command(name = "models", mixinStandardHelpOptions = true,
    description = {"Fit reference models (session types and personas, default options and seed) on a "
        + "dataset and write them to DIR/types and DIR/personas.",
        "The shipped data/models is regenerated with: ./workbench models data/sample --out data/models"})
final class ModelsCommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", paramLabel = "DATA",
      description = "data folder (default: data/sample)")
  Path data;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
  Path out;

  @Override
  public Integer call() throws Exception {
    Workbench wb = data == null ? Workbench.open("models") : Workbench.open("models", data);
    java.nio.file.Files.createDirectories(out.resolve("types"));
    java.nio.file.Files.createDirectories(out.resolve("personas"));
    java.nio.file.Files.writeString(out.resolve("types/model.json"), wb.types().toJson());
    wb.personas().save(out.resolve("personas/model.json"));
    System.out.printf("%d session types and %d personas from %d sessions written to %s%n",
        wb.types().k(), wb.personas().k(), wb.features().rowCount(), out);
    return 0;
  }
}
