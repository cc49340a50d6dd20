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

  private static void writeCsv(Table t, Path out) throws IOException {
    for (Column<?> c : t.columns()) sqlType(c.type(), c.name());
    dev.personas.schema.Csv.write(t, out);
  }

  private static void writeParquet(Table t, Path out) throws IOException {
    for (Column<?> c : t.columns()) sqlType(c.type(), c.name());
    dev.personas.load.IngestWriter.writeParquet(t, out);
  }

}
