package dev.personas.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class FeatureWriterTest {
  @TempDir Path dir;

  private Table table() {
    Transcripts x = new Transcripts();
    x.session("a").prompt("fix, \"quoted\"").at(0).edit("f").at(2).prompt("ok").at(10);
    x.session("b").prompt("p");
    return x.features();
  }

  @Test
  void csvIsFixedPrecisionAndReproducible() throws Exception {
    Table t = table();
    Path a = dir.resolve("a.csv");
    Path b = dir.resolve("b.csv");
    FeatureWriter.write(t, a);
    FeatureWriter.write(table(), b);
    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    List<String> lines = Files.readAllLines(a);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).startsWith("session_id,user_id,repo_id,agent,model,started_at");
    assertThat(lines.get(1)).contains(",2026-01-01T00:00:00Z,2026-01-01T00:00:10Z,10.000000,");
    assertThat(lines.get(2)).startsWith("b,u1,o/r,Claude Code,,,,,0,0,1,");
  }

  @Test
  void parquetRoundTripsThroughDuckDb() throws Exception {
    Table t = table();
    Path p = dir.resolve("f.parquet");
    FeatureWriter.write(t, p);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT session_id, iteration_count, duration_s, "
            + "median_pause_seconds, epoch(started_at) AS s, task_size FROM read_parquet('"
            + p + "') ORDER BY session_id")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("a");
      assertThat(rs.getInt(2)).isEqualTo(2);
      assertThat(rs.getDouble(3)).isEqualTo(10.0);
      assertThat(rs.getDouble(4)).isEqualTo(5.0);
      assertThat(rs.getDouble(5)).isEqualTo(1767225600.0);
      assertThat(rs.next()).isTrue();
      rs.getDouble(3);
      assertThat(rs.wasNull()).isTrue();
      assertThat(rs.getString(6)).isEqualTo("small");
      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void rejectsOtherExtensions() {
    assertThatThrownBy(() -> FeatureWriter.write(table(), dir.resolve("x.json")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x.json");
  }
}
