package dev.personas.cli;

import dev.personas.figures.Figures;
import dev.personas.personas.PersonaModel;
import dev.personas.types.SessionTypeModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A pair of reference models in one folder: {@code types/model.json} (session types) and
 * {@code personas/model.json} (personas), as written by {@code types}/{@code personas} or
 * {@code models}. The workbench ships one fitted on data/sample in {@code data/models}.
 */
record Models(SessionTypeModel types, PersonaModel personas, Path dir) {
  static final String DEFAULT = "data/models";

  static Path defaultDir() {
    return Figures.projectRoot().resolve(DEFAULT);
  }

  static Models load(Path dir) throws IOException {
    Path t = dir.resolve("types/model.json");
    Path p = dir.resolve("personas/model.json");
    for (Path f : new Path[] {t, p}) {
      if (!Files.isRegularFile(f)) {
        throw new IllegalArgumentException("model folder " + dir + " lacks " + dir.relativize(f)
            + " (write one with: workbench models --out DIR)");
      }
    }
    return new Models(SessionTypeModel.fromJson(Files.readString(t)), PersonaModel.load(p), dir);
  }
}
