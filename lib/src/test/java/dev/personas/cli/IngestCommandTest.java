package dev.personas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestCommandTest {
  @TempDir Path tmp;

  @Test
  void writesParquetAndReport() throws Exception {
    Path src = tmp.resolve("raw");
    Files.createDirectories(src);
    Files.writeString(src.resolve("a.jsonl"),
        "{\"type\":\"user\",\"uuid\":\"1\",\"sessionId\":\"K1\",\"timestamp\":\"2026-03-01T10:00:00Z\",\"message\":{\"content\":\"hello there\"}}\n");
    Path out = tmp.resolve("out");
    assertThat(IngestCommand.run(src.toString(), "--out", out.toString(), "--repo-id", "me/x")).isZero();
    assertThat(out.resolve("sessions.parquet")).exists();
    assertThat(out.resolve("conversations.parquet")).exists();
    assertThat(Files.readString(out.resolve("ingest-report.json"))).contains("\"sessions\" : 1");
    assertThat(IngestCommand.run(tmp.resolve("nope").toString(), "--out", out.toString())).isEqualTo(2);
  }
}
