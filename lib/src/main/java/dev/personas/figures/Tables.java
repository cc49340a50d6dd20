package dev.personas.figures;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Small table helpers for notebook output: shares by category, fixed-precision text, Markdown.
 * All outputs are deterministic: rows in a stated order, numbers printed with {@link Locale#ROOT}.
 */
public final class Tables {
  private Tables() {}

  /** Name of the count column of {@link #shares}. */
  public static final String COUNT = "count";
  /** Name of the share column of {@link #shares} (0..1). */
  public static final String SHARE = "share";

  /**
   * Counts and shares of the values of {@code column}: a table named {@code <column> shares} with
   * {@code k} rows (distinct values, missing as {@code (missing)}) x 3 columns {@code <column>}
   * (string), {@value #COUNT} (long), {@value #SHARE} (double, count / rows, 0..1), sorted by count
   * descending then value ascending. An empty input gives an empty table.
   */
  public static Table shares(Table table, String column) {
    return shares(table, column, true);
  }

  /**
   * As {@link #shares(Table, String)}; with {@code includeMissing} false, missing values are left
   * out of counts and shares (e.g. the {@code tool_category} of conversation rows that are not tool
   * calls), without copying the table.
   */
  public static Table shares(Table table, String column, boolean includeMissing) {
    Column<?> col = Charts.column(table, column);
    Map<String, Long> counts = new TreeMap<>();
    long n = 0;
    for (int i = 0; i < col.size(); i++) {
      boolean missing = col.isMissing(i);
      if (missing && !includeMissing) continue;
      counts.merge(missing ? "(missing)" : col.getString(i), 1L, Long::sum);
      n++;
    }
    List<Map.Entry<String, Long>> rows = new ArrayList<>(counts.entrySet());
    rows.sort(Comparator.<Map.Entry<String, Long>>comparingLong(e -> -e.getValue()).thenComparing(Map.Entry::getKey));
    StringColumn cat = StringColumn.create(column);
    LongColumn cnt = LongColumn.create(COUNT);
    DoubleColumn share = DoubleColumn.create(SHARE);
    for (Map.Entry<String, Long> e : rows) {
      cat.append(e.getKey());
      cnt.append(e.getValue());
      share.append((double) e.getValue() / n);
    }
    return Table.create(column + " shares", cat, cnt, share);
  }

  /**
   * A copy of {@code table} where every floating-point column is a string column with {@code digits}
   * decimals ({@code %.Nf}, {@link Locale#ROOT}; missing values as empty strings); other columns are
   * copied as they are. Same rows, same column names and order.
   *
   * @throws IllegalArgumentException when digits is outside 0..12
   */
  public static Table fixed(Table table, int digits) {
    if (digits < 0 || digits > 12) throw new IllegalArgumentException("digits must be in 0..12: " + digits);
    if (table == null) throw new IllegalArgumentException("table must not be null");
    Table out = Table.create(table.name());
    for (Column<?> c : table.columns()) {
      if (isFloating(c)) {
        NumericColumn<?> n = (NumericColumn<?>) c;
        StringColumn s = StringColumn.create(c.name());
        for (int i = 0; i < n.size(); i++) s.append(n.isMissing(i) ? "" : fmt(digits, n.getDouble(i)));
        out.addColumns(s);
      } else {
        out.addColumns(c.copy());
      }
    }
    return out;
  }

  /**
   * The table as a GitHub-flavoured Markdown table: header row, alignment row (numbers right-aligned),
   * one line per row; floating-point values with {@code digits} decimals; {@code |} in cells escaped.
   */
  public static String markdown(Table table, int digits) {
    Table t = fixed(table, digits);
    StringBuilder b = new StringBuilder();
    b.append('|');
    for (Column<?> c : t.columns()) b.append(' ').append(cell(c.name())).append(" |");
    b.append("\n|");
    for (Column<?> c : table.columns()) b.append(c instanceof NumericColumn<?> ? " ---: |" : " --- |");
    b.append('\n');
    for (int r = 0; r < t.rowCount(); r++) {
      b.append('|');
      for (Column<?> c : t.columns()) b.append(' ').append(cell(c.isMissing(r) ? "" : c.getString(r))).append(" |");
      b.append('\n');
    }
    return b.toString();
  }

  /** {@link #markdown} wrapped for display in a notebook ({@code text/markdown} + plain text). */
  public static Show show(Table table, int digits) {
    return Show.markdown(markdown(table, digits));
  }

  /** Row counts as a one-column-per-key Markdown-ready map, e.g. for summaries; keeps insertion order. */
  public static Table counts(Map<String, ? extends Number> counts, String keyName, String valueName) {
    StringColumn k = StringColumn.create(keyName);
    LongColumn v = LongColumn.create(valueName);
    for (Map.Entry<String, ? extends Number> e : new LinkedHashMap<>(counts).entrySet()) {
      k.append(e.getKey());
      v.append(e.getValue().longValue());
    }
    return Table.create(valueName + " by " + keyName, k, v);
  }

  private static boolean isFloating(Column<?> c) {
    return c instanceof NumericColumn<?> && !(c instanceof IntColumn) && !(c instanceof LongColumn)
        && !(c instanceof tech.tablesaw.api.ShortColumn);
  }

  private static String fmt(int d, double v) {
    return String.format(Locale.ROOT, "%." + d + "f", v);
  }

  private static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }
}
