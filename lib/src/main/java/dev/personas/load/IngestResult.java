package dev.personas.load;

import java.util.Objects;

/** The outcome of {@link Ingest#load}: the dataset and the report of what was read and skipped. */
public record IngestResult(Dataset dataset, IngestReport report) {
  public IngestResult {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(report, "report");
  }
}
