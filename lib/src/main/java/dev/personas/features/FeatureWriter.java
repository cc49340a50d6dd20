package dev.personas.features;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.Locale;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Writes a feature table (or any table of STRING, INTEGER, LONG, DOUBLE, BOOLEAN and INSTANT
 * columns) to {@code .csv} or {@code .parquet}, byte-reproducibly for the same table.
 *
 * <p>CSV: a header, then one line per row, LF line ends, RFC 4180 quoting; doubles with 6 decimals
 * ({@link Locale#ROOT}), missing values (NaN, missing ints, empty strings, missing instants) as
 * empty fields, instants as ISO-8601 UTC. Parquet (through DuckDB's {@code COPY ... (FORMAT
 * parquet)}): VARCHAR, INTEGER, BIGINT, DOUBLE, BOOLEAN, TIMESTAMP WITH TIME ZONE; missing values
 * as NULL.
 */
public final class FeatureWriter {
  private FeatureWriter() {}

  /**
   * Writes {@code table} to {@code out}; the format follows the extension.
   *
   * @throws IllegalArgumentException for an extension other than .csv or .parquet, or an
   *     unsupported column type
   * @throws IOException when the file cannot be written
   */
  public static void write(Table table, Path out) throws IOException {
    String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    if (name.endsWith(".csv")) {
      writeCsv(table, out);
    } else if (name.endsWith(".parquet")) {
      writeParquet(table, out);
    } else {
      throw new IllegalArgumentException("output must end in .csv or .parquet: " + out);
    }
  }

  private static String sqlType(ColumnType t, String col) {
    if (t == ColumnType.STRING) return "VARCHAR";
    if (t == ColumnType.INTEGER) return "INTEGER";
    if (t == ColumnType.LONG) return "BIGINT";
    if (t == ColumnType.DOUBLE) return "DOUBLE";
    if (t == ColumnType.BOOLEAN) return "BOOLEAN";
    if (t == ColumnType.INSTANT) return "BIGINT";
    throw new IllegalArgumentException("column '" + col + "' has unsupported type " + t.name());
  }

  static String cell(Column<?> c, int r) {
    if (c.isMissing(r)) return "";
    ColumnType t = c.type();
    if (t == ColumnType.DOUBLE) {
      double v = ((Number) c.get(r)).doubleValue();
      return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6f", v) : "";
    }
    if (t == ColumnType.INSTANT) return ((InstantColumn) c).get(r).toString();
    return String.valueOf(c.get(r));
  }

  private static String quote(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  private static void writeCsv(Table t, Path out) throws IOException {
    for (Column<?> c : t.columns()) sqlType(c.type(), c.name());
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (int i = 0; i < t.columnCount(); i++) {
        if (i > 0) w.write(',');
        w.write(quote(t.column(i).name()));
      }
      w.write('\n');
      for (int r = 0; r < t.rowCount(); r++) {
        for (int i = 0; i < t.columnCount(); i++) {
          if (i > 0) w.write(',');
          w.write(quote(cell(t.column(i), r)));
        }
        w.write('\n');
      }
    }
  }

  private static String ident(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  private static void writeParquet(Table t, Path out) throws IOException {
    StringBuilder ddl = new StringBuilder("CREATE TABLE t (");
    StringBuilder sel = new StringBuilder("SELECT ");
    StringBuilder marks = new StringBuilder();
    for (int i = 0; i < t.columnCount(); i++) {
      Column<?> c = t.column(i);
      String id = ident(c.name());
      String ty = sqlType(c.type(), c.name());
      if (i > 0) {
        ddl.append(", ");
        sel.append(", ");
        marks.append(", ");
      }
      ddl.append(id).append(' ').append(ty);
      marks.append('?');
      if (c.type() == ColumnType.INSTANT) {
        sel.append("CAST(make_timestamp(").append(id).append(") AS TIMESTAMPTZ) AS ").append(id);
      } else {
        sel.append(id);
      }
    }
    ddl.append(')');
    try (Connection conn = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = conn.createStatement()) {
      st.execute("SET TimeZone='UTC'");
      st.execute(ddl.toString());
      try (PreparedStatement ps = conn.prepareStatement("INSERT INTO t VALUES (" + marks + ")")) {
        for (int r = 0; r < t.rowCount(); r++) {
          for (int i = 0; i < t.columnCount(); i++) bind(ps, i + 1, t.column(i), r);
          ps.addBatch();
          if (r % 1000 == 999) ps.executeBatch();
        }
        ps.executeBatch();
      }
      String file = out.toAbsolutePath().toString().replace("'", "''");
      st.execute("COPY (" + sel + " FROM t) TO '" + file + "' (FORMAT parquet)");
    } catch (SQLException e) {
      throw new IOException("writing " + out + ": " + e.getMessage(), e);
    }
  }

  private static void bind(PreparedStatement ps, int k, Column<?> c, int r) throws SQLException {
    ColumnType t = c.type();
    if (c.isMissing(r)) {
      int sqlType = t == ColumnType.STRING ? Types.VARCHAR : t == ColumnType.INTEGER ? Types.INTEGER
          : t == ColumnType.DOUBLE ? Types.DOUBLE : t == ColumnType.BOOLEAN ? Types.BOOLEAN
          : Types.BIGINT;
      ps.setNull(k, sqlType);
    } else if (t == ColumnType.STRING) {
      ps.setString(k, (String) c.get(r));
    } else if (t == ColumnType.INTEGER) {
      ps.setInt(k, (Integer) c.get(r));
    } else if (t == ColumnType.LONG) {
      ps.setLong(k, (Long) c.get(r));
    } else if (t == ColumnType.DOUBLE) {
      ps.setDouble(k, (Double) c.get(r));
    } else if (t == ColumnType.BOOLEAN) {
      ps.setBoolean(k, (Boolean) c.get(r));
    } else {
      Instant v = ((InstantColumn) c).get(r);
      ps.setLong(k, Math.addExact(Math.multiplyExact(v.getEpochSecond(), 1_000_000L),
          v.getNano() / 1000));
    }
  }
}
