package dev.personas.load;

import dev.personas.schema.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Reads a SWE-chat release folder (its {@code SWECHAT_LOCAL_DIR}: {@code sessions.parquet},
 * {@code conversations.parquet}, optionally {@code commits.parquet}, {@code checkpoints.parquet},
 * {@code repositories.parquet}) or a folder written by {@link IngestWriter}, through DuckDB with
 * column projection: only the canonical columns ({@link Schema}) are read, each cast to its
 * canonical type ({@code TRY_CAST}: a value that does not convert becomes missing; a column the
 * file lacks is all missing). Timestamps are read as UTC. Rows of excluded repositories are left
 * out in the query. Rows come sorted by {@code session_id} (and {@code turn_number}).
 */
public final class SweChatFolder {
  private SweChatFolder() {}

  /** Whether a folder holds {@code sessions.parquet}. */
  public static boolean is(Path dir) {
    return Files.isRegularFile(dir.resolve("sessions.parquet"));
  }

  /** The tables read from one folder; missing optional tables are null. */
  public record Tables(Table sessions, Table conversations, Table commits, Table checkpoints,
      Table repositories) {}

  /**
   * Reads a folder.
   *
   * @param excludeRepos repo ids whose rows are left out
   * @throws SQLException when DuckDB cannot read a file (not a parquet file, ...)
   */
  public static Tables read(Path dir, Set<String> excludeRepos) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      st.execute("SET TimeZone='UTC'");
      Table sessions = readCanonical(st, dir.resolve("sessions.parquet"), "sessions", Schema.SESSIONS,
          excludeRepos, "session_id");
      Path conv = dir.resolve("conversations.parquet");
      Table conversations = Files.isRegularFile(conv)
          ? readCanonical(st, conv, "conversations", Schema.CONVERSATIONS, excludeRepos, "session_id, turn_number")
          : Schema.emptyConversations();
      return new Tables(sessions, conversations, readOther(st, dir, "commits", excludeRepos),
          readOther(st, dir, "checkpoints", excludeRepos), readOther(st, dir, "repositories", excludeRepos));
    }
  }

  static String quote(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  static String ident(String s) {
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }

  private static List<String> columns(Statement st, Path file) throws SQLException {
    List<String> cols = new ArrayList<>();
    try (ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM read_parquet(" + quote(file.toString()) + ")")) {
      while (rs.next()) cols.add(rs.getString(1));
    }
    return cols;
  }

  private static String where(List<String> cols, Set<String> excludeRepos) {
    if (excludeRepos.isEmpty() || !cols.contains("repo_id")) return "";
    StringBuilder sb = new StringBuilder(" WHERE repo_id IS NULL OR repo_id NOT IN (");
    boolean first = true;
    for (String r : new TreeSet<>(excludeRepos)) {
      if (!first) sb.append(", ");
      sb.append(quote(r));
      first = false;
    }
    return sb.append(")").toString();
  }

  /**
   * Reads {@code sessions.parquet} of a folder alone, as {@link #read} does (canonical columns,
   * excluded repositories left out, sorted by {@code session_id}).
   *
   * @throws SQLException when DuckDB cannot read the file
   */
  public static Table readSessions(Path dir, Set<String> excludeRepos) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      st.execute("SET TimeZone='UTC'");
      return readCanonical(st, dir.resolve("sessions.parquet"), "sessions", Schema.SESSIONS,
          excludeRepos, "session_id");
    }
  }

  /** Name of the file-row-number column {@link #canonicalQuery} adds when asked. */
  public static final String FILE_ROW = "__file_row";

  /**
   * The SQL {@link #read} uses for one file, without its ORDER BY: a {@code SELECT} of the
   * canonical columns of {@code schema} (each {@code TRY_CAST} to its canonical type, instants as
   * TIMESTAMPTZ, columns the file lacks as NULL) from {@code read_parquet(file)}, rows of excluded
   * repositories left out, and with {@code fileRowNumber} also the file's row number as
   * {@value #FILE_ROW} (BIGINT, from 0). Streaming readers wrap it as a subquery, so they see
   * exactly the values {@link #read} loads.
   *
   * @throws SQLException when DuckDB cannot read the file's schema
   */
  public static String canonicalQuery(Statement st, Path file, List<Schema.Col> schema,
      Set<String> excludeRepos, boolean fileRowNumber) throws SQLException {
    return canonicalSelect(columns(st, file), file, schema, excludeRepos, fileRowNumber, false);
  }

  private static String canonicalSelect(List<String> have, Path file, List<Schema.Col> schema,
      Set<String> excludeRepos, boolean fileRowNumber, boolean instantsAsMicros) {
    StringBuilder sql = new StringBuilder("SELECT ");
    for (int i = 0; i < schema.size(); i++) {
      Schema.Col col = schema.get(i);
      if (i > 0) sql.append(", ");
      String id = ident(col.name());
      String sqlType = sqlType(col.type());
      boolean micros = instantsAsMicros && col.type() == ColumnType.INSTANT;
      if (!have.contains(col.name())) {
        sql.append("CAST(NULL AS ").append(micros ? "BIGINT" : sqlType).append(")");
      } else if (micros) {
        sql.append("epoch_us(TRY_CAST(").append(id).append(" AS TIMESTAMPTZ))");
      } else {
        sql.append("TRY_CAST(").append(id).append(" AS ").append(sqlType).append(")");
      }
      sql.append(" AS ").append(id);
    }
    if (fileRowNumber) sql.append(", file_row_number AS ").append(FILE_ROW);
    sql.append(" FROM read_parquet(").append(quote(file.toString()))
        .append(fileRowNumber ? ", file_row_number = true)" : ")")
        .append(where(have, excludeRepos));
    return sql.toString();
  }

  static Table readCanonical(Statement st, Path file, String name, List<Schema.Col> schema,
      Set<String> excludeRepos, String orderBy) throws SQLException {
    List<String> have = columns(st, file);
    StringBuilder sql = new StringBuilder(canonicalSelect(have, file, schema, excludeRepos, false, true));
    List<String> order = new ArrayList<>();
    for (String o : orderBy.split(",\\s*")) if (have.contains(o)) order.add(ident(o));
    if (!order.isEmpty()) sql.append(" ORDER BY ").append(String.join(", ", order));
    Table t = Table.create(name);
    for (Schema.Col col : schema) t.addColumns(col.create());
    try (ResultSet rs = st.executeQuery(sql.toString())) {
      int n = schema.size();
      @SuppressWarnings("unchecked")
      Column<Object>[] cs = new Column[n];
      for (int i = 0; i < n; i++) cs[i] = (Column<Object>) t.column(i);
      while (rs.next()) {
        for (int i = 0; i < n; i++) {
          ColumnType ty = schema.get(i).type();
          Column<Object> col = cs[i];
          if (ty == ColumnType.STRING) {
            col.appendObj(rs.getString(i + 1));
          } else if (ty == ColumnType.INTEGER) {
            int v = rs.getInt(i + 1);
            if (rs.wasNull()) col.appendMissing(); else col.appendObj(v);
          } else if (ty == ColumnType.LONG) {
            long v = rs.getLong(i + 1);
            if (rs.wasNull()) col.appendMissing(); else col.appendObj(v);
          } else if (ty == ColumnType.DOUBLE) {
            double v = rs.getDouble(i + 1);
            if (rs.wasNull()) col.appendMissing(); else col.appendObj(v);
          } else if (ty == ColumnType.BOOLEAN) {
            boolean v = rs.getBoolean(i + 1);
            if (rs.wasNull()) col.appendMissing(); else col.appendObj(v);
          } else if (ty == ColumnType.INSTANT) {
            long us = rs.getLong(i + 1);
            if (rs.wasNull()) col.appendMissing();
            else col.appendObj(Instant.ofEpochSecond(Math.floorDiv(us, 1_000_000L), Math.floorMod(us, 1_000_000L) * 1000));
          } else {
            throw new IllegalStateException("unhandled type " + ty);
          }
        }
      }
    }
    return t;
  }

  /** SQL type of a Tablesaw column type (instants as TIMESTAMPTZ). */
  static String sqlType(ColumnType t) {
    if (t == ColumnType.STRING) return "VARCHAR";
    if (t == ColumnType.INTEGER) return "INTEGER";
    if (t == ColumnType.LONG) return "BIGINT";
    if (t == ColumnType.DOUBLE) return "DOUBLE";
    if (t == ColumnType.FLOAT) return "FLOAT";
    if (t == ColumnType.SHORT) return "SMALLINT";
    if (t == ColumnType.BOOLEAN) return "BOOLEAN";
    if (t == ColumnType.INSTANT) return "TIMESTAMPTZ";
    if (t == ColumnType.LOCAL_DATE_TIME) return "TIMESTAMP";
    if (t == ColumnType.LOCAL_DATE) return "DATE";
    throw new IllegalArgumentException("no SQL type for column type " + t.name().toLowerCase(Locale.ROOT));
  }

  /** An optional table, read as it is except that HUGEINT becomes BIGINT and nested types text. */
  private static Table readOther(Statement st, Path dir, String name, Set<String> excludeRepos) throws SQLException {
    Path f = dir.resolve(name + ".parquet");
    if (!Files.isRegularFile(f)) return null;
    return readAny(st, f, name, excludeRepos, true);
  }

  /**
   * Any parquet file as a Tablesaw table, rows in file order: integers INTEGER/LONG (HUGEINT and
   * unsigned as LONG), floating DOUBLE, BOOLEAN, timestamps INSTANT (UTC), everything else STRING.
   *
   * @throws SQLException when DuckDB cannot read the file, naming it
   */
  public static Table readParquet(Path file) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      st.execute("SET TimeZone='UTC'");
      return readAny(st, file, file.getFileName().toString(), Set.of(), false);
    }
  }

  /**
   * A table file by its extension: {@code .csv} through Tablesaw (column types inferred),
   * {@code .parquet} through {@link #readParquet}; the table is named after the file.
   *
   * @throws IllegalArgumentException for another extension
   * @throws IOException when the file cannot be read, naming it
   */
  public static Table readTable(Path file) throws IOException {
    String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (n.endsWith(".csv")) {
      return Table.read().csv(tech.tablesaw.io.csv.CsvReadOptions.builder(file.toFile()).tableName(n).build());
    }
    if (n.endsWith(".parquet")) {
      try {
        Table t = readParquet(file);
        t.setName(n);
        return t;
      } catch (SQLException e) {
        throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
      }
    }
    throw new IllegalArgumentException("expected a .csv or .parquet file: " + file);
  }

  private static Table readAny(Statement st, Path f, String name, Set<String> excludeRepos, boolean sort)
      throws SQLException {
    List<String> names = new ArrayList<>(), types = new ArrayList<>();
    try (ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM read_parquet(" + quote(f.toString()) + ")")) {
      while (rs.next()) {
        names.add(rs.getString(1));
        types.add(rs.getString(2));
      }
    }
    StringBuilder sql = new StringBuilder("SELECT ");
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) sql.append(", ");
      String ty = types.get(i).toUpperCase(Locale.ROOT);
      String id = ident(names.get(i));
      if (ty.equals("HUGEINT") || ty.equals("UBIGINT") || ty.equals("UINTEGER")) {
        sql.append("CAST(").append(id).append(" AS BIGINT)");
      } else if (ty.equals("VARCHAR") || ty.equals("BIGINT") || ty.equals("INTEGER") || ty.equals("DOUBLE")
          || ty.equals("BOOLEAN") || ty.equals("FLOAT") || ty.equals("SMALLINT")) {
        sql.append(id);
      } else if (ty.startsWith("TIMESTAMP")) {
        sql.append("epoch_us(CAST(").append(id).append(" AS TIMESTAMPTZ))");
      } else {
        sql.append("CAST(").append(id).append(" AS VARCHAR)");
      }
      sql.append(" AS ").append(id);
    }
    sql.append(" FROM read_parquet(").append(quote(f.toString())).append(")").append(where(names, excludeRepos));
    if (sort && !names.isEmpty()) sql.append(" ORDER BY ALL");
    Table t = Table.create(name);
    try (ResultSet rs = st.executeQuery(sql.toString())) {
      List<String> tys = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        String ty = types.get(i).toUpperCase(Locale.ROOT);
        ColumnType ct;
        if (ty.startsWith("TIMESTAMP")) ct = ColumnType.INSTANT;
        else if (ty.equals("HUGEINT") || ty.equals("UBIGINT") || ty.equals("UINTEGER") || ty.equals("BIGINT")) ct = ColumnType.LONG;
        else if (ty.equals("INTEGER") || ty.equals("SMALLINT")) ct = ColumnType.INTEGER;
        else if (ty.equals("DOUBLE") || ty.equals("FLOAT")) ct = ColumnType.DOUBLE;
        else if (ty.equals("BOOLEAN")) ct = ColumnType.BOOLEAN;
        else ct = ColumnType.STRING;
        t.addColumns(ct.create(names.get(i)));
        tys.add(ct.name());
      }
      while (rs.next()) {
        for (int i = 0; i < names.size(); i++) {
          @SuppressWarnings("unchecked")
          Column<Object> col = (Column<Object>) t.column(i);
          ColumnType ct = col.type();
          Object v;
          if (ct == ColumnType.STRING) v = rs.getString(i + 1);
          else if (ct == ColumnType.LONG) { long x = rs.getLong(i + 1); v = rs.wasNull() ? null : x; }
          else if (ct == ColumnType.INTEGER) { int x = rs.getInt(i + 1); v = rs.wasNull() ? null : x; }
          else if (ct == ColumnType.DOUBLE) { double x = rs.getDouble(i + 1); v = rs.wasNull() ? null : x; }
          else if (ct == ColumnType.BOOLEAN) { boolean x = rs.getBoolean(i + 1); v = rs.wasNull() ? null : x; }
          else { long us = rs.getLong(i + 1); v = rs.wasNull() ? null : Instant.ofEpochSecond(Math.floorDiv(us, 1_000_000L), Math.floorMod(us, 1_000_000L) * 1000); }
          if (v == null) col.appendMissing(); else col.appendObj(v);
        }
      }
    }
    return t;
  }
}
