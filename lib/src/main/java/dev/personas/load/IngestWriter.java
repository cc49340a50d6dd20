package dev.personas.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Writes an {@link IngestResult} to a folder, through DuckDB: {@code DIR/sessions.parquet},
 * {@code DIR/conversations.parquet} (and {@code commits}, {@code checkpoints},
 * {@code repositories} when the dataset has them), readable by pandas/DuckDB, plus
 * {@code DIR/ingest-report.json} (Jackson, indented, fields in a fixed order). Column types: text
 * VARCHAR, integers INTEGER/BIGINT, DOUBLE, BOOLEAN, instants TIMESTAMP WITH TIME ZONE (UTC).
 * Reading the folder back with {@link SweChatFolder} (or {@link Ingest#load} on it) gives the same
 * tables.
 */
public final class IngestWriter {
  private IngestWriter() {}

  /** The report file name. */
  public static final String REPORT = "ingest-report.json";

  /**
   * Writes the dataset and report into {@code dir} (created if needed; existing files of the same
   * names are replaced).
   *
   * @throws IOException when the folder or a file cannot be written
   */
  public static void write(IngestResult result, Path dir) throws IOException {
    Files.createDirectories(dir);
    Dataset d = result.dataset();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      st.execute("SET TimeZone='UTC'");
      writeTable(c, st, d.sessions(), "sessions", dir);
      writeTable(c, st, d.conversations(), "conversations", dir);
      if (d.commits() != null) writeTable(c, st, d.commits(), "commits", dir);
      if (d.checkpoints() != null) writeTable(c, st, d.checkpoints(), "checkpoints", dir);
      if (d.repositories() != null) writeTable(c, st, d.repositories(), "repositories", dir);
    } catch (SQLException e) {
      throw new IOException("writing parquet to " + dir + ": " + e.getMessage(), e);
    }
    writeReport(result.report(), dir.resolve(REPORT));
  }

  /** Writes just the report as indented JSON. */
  public static void writeReport(IngestReport report, Path file) throws IOException {
    ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    Files.write(file, (m.writeValueAsString(report) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /**
   * Writes any table of STRING, INTEGER, LONG, DOUBLE, BOOLEAN and INSTANT columns as one parquet
   * file (DuckDB appender; instants as TIMESTAMP WITH TIME ZONE, UTC; missing values null).
   *
   * @throws IOException naming the file when it cannot be written
   */
  public static void writeParquet(Table t, Path file) throws IOException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      st.execute("SET TimeZone='UTC'");
      writeTableTo(c, st, t, "table", file);
    } catch (SQLException e) {
      throw new IOException("writing parquet to " + file + ": " + e.getMessage(), e);
    }
  }

  private static void writeTable(Connection c, Statement st, Table t, String name, Path dir) throws SQLException {
    writeTableTo(c, st, t, name, dir.resolve(name + ".parquet"));
  }

  private static void writeTableTo(Connection c, Statement st, Table t, String name, Path out) throws SQLException {
    String tmp = "t_" + name;
    StringBuilder ddl = new StringBuilder("CREATE OR REPLACE TABLE " + tmp + " (");
    StringBuilder sel = new StringBuilder("SELECT ");
    List<ColumnType> types = new ArrayList<>();
    for (int i = 0; i < t.columnCount(); i++) {
      Column<?> col = t.column(i);
      ColumnType ty = col.type();
      types.add(ty);
      String id = SweChatFolder.ident(col.name());
      if (i > 0) {
        ddl.append(", ");
        sel.append(", ");
      }
      if (ty == ColumnType.INSTANT) {
        ddl.append(id).append(" BIGINT");
        sel.append("CAST(make_timestamp(").append(id).append(") AS TIMESTAMPTZ) AS ").append(id);
      } else {
        ddl.append(id).append(' ').append(SweChatFolder.sqlType(ty));
        sel.append(id);
      }
    }
    ddl.append(")");
    st.execute(ddl.toString());
    int n = t.rowCount(), m = t.columnCount();
    try (DuckDBAppender app = ((DuckDBConnection) c.unwrap(DuckDBConnection.class)).createAppender("main", tmp)) {
      for (int r = 0; r < n; r++) {
        app.beginRow();
        for (int i = 0; i < m; i++) {
          Column<?> col = t.column(i);
          if (col.isMissing(r)) {
            app.appendNull();
            continue;
          }
          ColumnType ty = types.get(i);
          if (ty == ColumnType.STRING) app.append(t.stringColumn(i).get(r));
          else if (ty == ColumnType.INTEGER) app.append(t.intColumn(i).getInt(r));
          else if (ty == ColumnType.LONG) app.append(t.longColumn(i).getLong(r));
          else if (ty == ColumnType.DOUBLE) app.append(t.doubleColumn(i).getDouble(r));
          else if (ty == ColumnType.BOOLEAN) app.append(t.booleanColumn(i).get(r));
          else if (ty == ColumnType.INSTANT) {
            Instant v = t.instantColumn(i).get(r);
            app.append(Math.addExact(Math.multiplyExact(v.getEpochSecond(), 1_000_000L), v.getNano() / 1000));
          } else {
            app.append(String.valueOf(col.get(r)));
          }
        }
        app.endRow();
      }
    }
    st.execute("COPY (" + sel + " FROM " + tmp + ") TO " + SweChatFolder.quote(out.toString())
        + " (FORMAT parquet)");
    st.execute("DROP TABLE " + tmp);
  }
}
