package dev.personas.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.personas.cli.ProgressTest.Recorder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestProgressTest {
  @TempDir Path tmp;

  @Test
  void ingestReportsEverySessionOnce() throws Exception {
    Path root = TestTrees.entireRepo(tmp.resolve("src"));
    Recorder r = new Recorder();
    IngestResult result = Ingest.load(List.of(root), IngestOptions.defaults().withThreads(2), r);
    long total = r.calls.size();
    assertThat(total).isGreaterThanOrEqualTo(result.dataset().sessions().rowCount());
    assertThat(r.calls).allMatch(c -> c.startsWith(Ingest.PARSE_STAGE + " ") && c.endsWith("/" + total));
    for (long i = 1; i <= total; i++) assertThat(r.calls).contains(Ingest.PARSE_STAGE + " " + i + "/" + total);
  }
}
