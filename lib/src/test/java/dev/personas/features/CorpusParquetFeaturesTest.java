package dev.personas.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.personas.load.Ingest;
import dev.personas.load.IngestOptions;
import dev.personas.load.IngestResult;
import dev.personas.load.IngestWriter;
import dev.personas.testing.Corpus;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * On the real development corpus: ingest, write the parquet folder ({@link IngestWriter}), then the
 * streaming features of that folder ({@link ParquetFeatures}) equal the in-memory features
 * ({@link Features#of}) of the ingested tables, every column of every session.
 */
class CorpusParquetFeaturesTest {
  @TempDir Path tmp;

  @Test
  void streamingFeaturesEqualInMemoryFeaturesOnTheCorpus() throws Exception {
    Path corpus = Corpus.unpacked();
    IngestResult r = Ingest.load(List.of(corpus.resolve("entire")),
        IngestOptions.defaults().withUserMapping(corpus.resolve("sessions.csv")));
    Table expected = Features.of(r.dataset(), FeatureOptions.defaults());
    Path dir = tmp.resolve("ingested");
    IngestWriter.write(r, dir);
    long[] last = new long[2];
    Table actual = ParquetFeatures.compute(dir, Set.of(), FeatureOptions.defaults(), 2,
        (stage, rows, total) -> { last[0] = rows; last[1] = total; }).table();
    assertThat(expected.rowCount()).isGreaterThan(900);
    assertThat(last[0]).isEqualTo(r.dataset().conversations().rowCount());
    assertThat(last[1]).isEqualTo(last[0]);
    ParquetFeaturesTest.assertSameTable(expected, actual);
  }
}
