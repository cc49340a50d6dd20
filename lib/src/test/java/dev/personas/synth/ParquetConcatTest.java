package dev.personas.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ParquetConcat} on files DuckDB writes (dictionary pages, bloom filters, zstd, several row
 * groups): footers decode and encode back to the same bytes, the concatenation reads back as the
 * parts' rows in order with the parts' row groups, and mismatched or foreign files are refused.
 */
class ParquetConcatTest {
  @TempDir Path tmp;

  /** Rows {@code from..to-1}: an id, a repeated key (dictionary, bloom filter), text, a timestamp. */
  private Path part(Statement st, String name, int from, int to) throws SQLException {
    Path f = tmp.resolve(name);
    st.execute("COPY (SELECT i AS id, 'k' || (i // 100) AS key, repeat('x', i % 37) || i AS text, "
        + "CASE WHEN i % 7 = 0 THEN NULL ELSE TIMESTAMPTZ '2026-03-02 00:00:00+00' + to_seconds(i) END AS ts "
        + "FROM range(" + from + ", " + to + ") t(i) ORDER BY i) TO '" + f + "' "
        + "(FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 2048)");
    return f;
  }

  private static long scalar(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void footersRoundTripAndPartsConcatenateInOrder() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      st.execute("SET threads = 1");
      st.execute("SET TimeZone = 'UTC'");
      Path a = part(st, "a.parquet", 0, 5000);
      Path b = part(st, "b.parquet", 5000, 5001);
      Path e = part(st, "e.parquet", 0, 0);
      Path d = part(st, "d.parquet", 5001, 12000);
      Path whole = part(st, "whole.parquet", 0, 12000);
      for (Path p : List.of(a, b, e, d)) {
        byte[] all = Files.readAllBytes(p);
        ParquetConcat.Footer f = ParquetConcat.Footer.read(p);
        byte[] footer = Arrays.copyOfRange(all, (int) f.start(), all.length - 8);
        assertThat(ParquetConcat.encode(f.meta())).as(p.toString()).isEqualTo(footer);
      }
      long groups = 0;
      for (Path p : List.of(a, b, e, d)) {
        groups += scalar(st, "SELECT count(DISTINCT row_group_id) FROM parquet_metadata('" + p + "')");
      }
      assertThat(groups).isEqualTo(3 + 1 + 0 + 4); // row groups of at most 2,048 rows

      Path out = tmp.resolve("out.parquet");
      ParquetConcat.concat(List.of(a, b, e, d), out);
      assertThat(List.of(a, b, e, d)).noneMatch(Files::exists);
      assertThat(scalar(st, "SELECT count(DISTINCT row_group_id) FROM parquet_metadata('" + out + "')")).isEqualTo(groups);
      assertThat(scalar(st, "SELECT num_rows FROM parquet_file_metadata('" + out + "')")).isEqualTo(12000);
      // every value in file order, and the statistics and bloom filters still found (filters)
      assertThat(scalar(st, "SELECT count(*) FROM read_parquet('" + out + "', file_row_number = true) x "
          + "JOIN read_parquet('" + whole + "', file_row_number = true) y ON x.file_row_number = y.file_row_number "
          + "AND x.id = y.id AND x.key = y.key AND x.text = y.text AND x.ts IS NOT DISTINCT FROM y.ts "
          + "AND x.id = x.file_row_number")).isEqualTo(12000);
      assertThat(scalar(st, "SELECT count(*) FROM '" + out + "' WHERE key = 'k100'")).isEqualTo(100);
      assertThat(scalar(st, "SELECT count(*) FROM '" + out + "' WHERE id BETWEEN 4990 AND 5010")).isEqualTo(21);
    }
  }

  @Test
  void onePartIsMovedUnchanged() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      Path a = part(st, "a.parquet", 0, 3000);
      byte[] before = Files.readAllBytes(a);
      Path out = tmp.resolve("out.parquet");
      ParquetConcat.concat(List.of(a), out);
      assertThat(Files.readAllBytes(out)).isEqualTo(before);
    }
  }

  @Test
  void otherSchemasAndOtherFilesAreRefused() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      Path a = part(st, "a.parquet", 0, 100);
      Path other = tmp.resolve("other.parquet");
      st.execute("COPY (SELECT i AS id FROM range(10) t(i)) TO '" + other + "' (FORMAT parquet)");
      assertThatThrownBy(() -> ParquetConcat.concat(List.of(a, other), tmp.resolve("x.parquet")))
          .isInstanceOf(IOException.class).hasMessageContaining("schema of " + other);
      Path text = tmp.resolve("text.parquet");
      Files.writeString(text, "not parquet at all");
      assertThatThrownBy(() -> ParquetConcat.concat(List.of(a, text), tmp.resolve("y.parquet")))
          .isInstanceOf(IOException.class).hasMessageContaining("not a parquet file");
      assertThat(a).exists();
      assertThatThrownBy(() -> ParquetConcat.concat(new ArrayList<>(), tmp.resolve("z.parquet")))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
