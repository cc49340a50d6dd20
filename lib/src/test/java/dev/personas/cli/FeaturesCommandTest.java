package dev.personas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class FeaturesCommandTest {
  @TempDir Path dir;

  /** A hand-written two-prompt Claude Code transcript. */
  private Path transcript() throws Exception {
    String s = "sess-1";
    String lines = String.join("\n",
        "{\"type\":\"user\",\"sessionId\":\"" + s + "\",\"uuid\":\"u1\",\"timestamp\":\"2026-02-01T10:00:00Z\",\"message\":{\"role\":\"user\",\"content\":\"add a readme\"}}",
        "{\"type\":\"assistant\",\"sessionId\":\"" + s + "\",\"uuid\":\"a1\",\"timestamp\":\"2026-02-01T10:00:05Z\",\"message\":{\"id\":\"msg_1\",\"role\":\"assistant\",\"model\":\"claude-x\",\"content\":[{\"type\":\"tool_use\",\"id\":\"t1\",\"name\":\"Write\",\"input\":{\"file_path\":\"README.md\",\"content\":\"hi\"}}]}}",
        "{\"type\":\"user\",\"sessionId\":\"" + s + "\",\"uuid\":\"u2\",\"timestamp\":\"2026-02-01T10:00:06Z\",\"message\":{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"t1\",\"content\":\"ok\"}]}}",
        "{\"type\":\"user\",\"sessionId\":\"" + s + "\",\"uuid\":\"u3\",\"timestamp\":\"2026-02-01T10:01:00Z\",\"message\":{\"role\":\"user\",\"content\":\"thanks\"}}",
        "");
    Path f = dir.resolve("session.jsonl");
    Files.writeString(f, lines);
    return f;
  }

  @Test
  void writesTheFeatureTable() throws Exception {
    Path src = transcript();
    Path out = dir.resolve("out/features.csv");
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new FeaturesCommand());
    cl.setErr(new PrintWriter(err));
    StringWriter stdout = new StringWriter();
    cl.setOut(new PrintWriter(stdout));
    int code = cl.execute(src.toString(), "--out", out.toString(), "--threads", "1");
    assertThat(code).as(err.toString()).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(2);
    List<String> header = List.of(lines.get(0).split(","));
    List<String> row = List.of(lines.get(1).split(",", -1));
    assertThat(row.get(header.indexOf("iteration_count"))).isEqualTo("2");
    assertThat(row.get(header.indexOf("tool_write_count"))).isEqualTo("1");
    assertThat(row.get(header.indexOf("edit_iteration_count"))).isEqualTo("1");
    assertThat(row.get(header.indexOf("course_correction_count"))).isEqualTo("1");
    assertThat(stdout.toString()).contains("1 sessions x 80 columns");
  }

  @Test
  void parquetFolderGivesTheSameTableAsItsSource() throws Exception {
    Path src = transcript();
    Path ingested = dir.resolve("ingested");
    CommandLine ing = new CommandLine(new IngestCommand());
    ing.setOut(new PrintWriter(new StringWriter()));
    assertThat(ing.execute(src.toString(), "--out", ingested.toString(), "--threads", "1")).isZero();
    assertThat(ingested.resolve("sessions.parquet")).exists();
    Path a = dir.resolve("a.csv"), b = dir.resolve("b.csv");
    for (String[] args : List.of(new String[] {src.toString(), "--out", a.toString()},
        new String[] {ingested.toString(), "--out", b.toString()})) {
      CommandLine cl = new CommandLine(new FeaturesCommand());
      StringWriter err = new StringWriter(), out = new StringWriter();
      cl.setErr(new PrintWriter(err));
      cl.setOut(new PrintWriter(out));
      assertThat(cl.execute(args)).as(err.toString()).isZero();
      assertThat(out.toString()).contains("1 sessions x 80 columns");
    }
    assertThat(Files.readAllLines(b)).hasSize(2).isEqualTo(Files.readAllLines(a));
  }

  @Test
  void missingOutIsAUsageError() {
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new FeaturesCommand());
    cl.setErr(new PrintWriter(err));
    assertThat(cl.execute("x")).isEqualTo(2);
    assertThat(err.toString()).contains("--out");
  }
}
