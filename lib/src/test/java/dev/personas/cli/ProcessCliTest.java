package dev.personas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a separate process, as the launcher starts it: exit codes, output, files. */
class ProcessCliTest {
  @TempDir Path dir;

  record Result(int code, String out) {}

  Result java(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "dev.personas.cli.Main"));
    cmd.addAll(List.of(args));
    Path log = dir.resolve("out-" + System.nanoTime() + ".txt");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("process finished").isTrue();
    return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  @Test
  void generateThenFeaturesInChildProcesses() throws Exception {
    Path data = dir.resolve("data");
    Result g = java("generate", "--out", data.toString(), "--users", "4", "--sessions", "12", "--seed", "3");
    assertThat(g.code()).as(g.out()).isZero();
    assertThat(g.out()).contains("generated 4 users, 12 sessions");
    Path features = dir.resolve("f.csv");
    Result f = java("features", data.toString(), "--out", features.toString());
    assertThat(f.code()).as(f.out()).isZero();
    assertThat(Files.readAllLines(features)).hasSize(13);
  }

  @Test
  void badUsageAndMissingFilesGiveTheDocumentedExitCodes() throws Exception {
    Result usage = java("types");
    assertThat(usage.code()).isEqualTo(2);
    assertThat(usage.out()).contains("FEATURES");
    Result missing = java("ingest", dir.resolve("nope").toString(), "--out", dir.resolve("o").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.out()).contains("nope");
    Result help = java("--help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("ingest").contains("personas").contains("me");
  }
}
