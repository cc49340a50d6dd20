package dev.personas.schema;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The one CSV writer of the workbench (feature tables, session types, personas). Deterministic CSV: header row, ',' separated, '\n' line ends, doubles with a fixed 6 decimals
 * ({@link Locale#ROOT}), missing values empty, strings quoted when they hold ',', '"' or a line end.
 */
public final class Csv {
  private Csv() {}

  /** Writes {@code t} to {@code file} (UTF-8). */
  public static void write(Table t, Path file) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int j = 0; j < t.columnCount(); j++) {
        if (j > 0) w.write(',');
        w.write(quote(t.column(j).name()));
      }
      w.write('\n');
      for (int i = 0; i < t.rowCount(); i++) {
        for (int j = 0; j < t.columnCount(); j++) {
          if (j > 0) w.write(',');
          w.write(cell(t.column(j), i));
        }
        w.write('\n');
      }
    }
  }

  static String cell(Column<?> c, int i) {
    if (c.isMissing(i)) return "";
    Object v = c.get(i);
    if (v instanceof Double d) return Double.isFinite(d) ? String.format(Locale.ROOT, "%.6f", d) : d.toString();
    if (v instanceof Float f) return String.format(Locale.ROOT, "%.6f", f.doubleValue());
    return quote(String.valueOf(v));
  }

  static String quote(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
