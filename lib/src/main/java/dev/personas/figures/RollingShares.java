package dev.personas.figures;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Rolling shares of groups over calendar days, the data of SWE-chat's Figure 25 ("coding modes over
 * time": daily counts, rolling 14-day sums, shares, shown from day 14; see
 * {@code shared/reference/published.md}).
 *
 * <p>Definition: the days run from the first to the last day (UTC) with an item, including days
 * without any; for each day {@code d} from the {@code window}-th day on, the share of group {@code g}
 * is (items of {@code g} on days {@code d-window+1 .. d}) / (all items on those days), NaN when there
 * are none. Items with a missing day or group are skipped and counted in {@link #skipped}.
 *
 * @param days the days shown (ascending), {@code max(0, span - window + 1)} of them
 * @param shares group (sorted by name) to one share (0..1) per day of {@link #days}
 * @param skipped items without a day or group
 */
public record RollingShares(List<LocalDate> days, Map<String, double[]> shares, int window, long skipped) {

  public RollingShares {
    days = List.copyOf(days);
    shares = Collections.unmodifiableMap(new LinkedHashMap<>(shares));
  }

  /**
   * Rolling shares of {@code groups[i]} by {@code days[i]}.
   *
   * @throws IllegalArgumentException when window < 1 or the lists differ in length
   */
  public static RollingShares of(List<LocalDate> days, List<String> groups, int window) {
    if (window < 1) throw new IllegalArgumentException("window must be >= 1 day: " + window);
    if (days == null || groups == null || days.size() != groups.size()) {
      throw new IllegalArgumentException("days and groups must have the same length: "
          + (days == null ? "null" : days.size()) + ", " + (groups == null ? "null" : groups.size()));
    }
    TreeSet<String> names = new TreeSet<>();
    TreeMap<LocalDate, Map<String, Long>> daily = new TreeMap<>();
    long skipped = 0;
    for (int i = 0; i < days.size(); i++) {
      LocalDate d = days.get(i);
      String g = groups.get(i);
      if (d == null || g == null || g.isEmpty()) {
        skipped++;
        continue;
      }
      names.add(g);
      daily.computeIfAbsent(d, k -> new TreeMap<>()).merge(g, 1L, Long::sum);
    }
    if (daily.isEmpty()) return new RollingShares(List.of(), Map.of(), window, skipped);
    LocalDate first = daily.firstKey();
    int span = (int) ChronoUnit.DAYS.between(first, daily.lastKey()) + 1;
    List<String> groupList = new ArrayList<>(names);
    long[][] counts = new long[groupList.size()][span];
    for (Map.Entry<LocalDate, Map<String, Long>> e : daily.entrySet()) {
      int di = (int) ChronoUnit.DAYS.between(first, e.getKey());
      for (Map.Entry<String, Long> c : e.getValue().entrySet()) counts[groupList.indexOf(c.getKey())][di] = c.getValue();
    }
    int n = Math.max(0, span - window + 1);
    List<LocalDate> shown = new ArrayList<>(n);
    for (int i = 0; i < n; i++) shown.add(first.plusDays(window - 1 + i));
    Map<String, double[]> out = new LinkedHashMap<>();
    long[] totals = new long[n];
    long[][] sums = new long[groupList.size()][n];
    for (int g = 0; g < groupList.size(); g++) {
      long run = 0;
      for (int d = 0; d < span; d++) {
        run += counts[g][d];
        if (d >= window) run -= counts[g][d - window];
        if (d >= window - 1) {
          sums[g][d - window + 1] = run;
          totals[d - window + 1] += run;
        }
      }
    }
    for (int g = 0; g < groupList.size(); g++) {
      double[] s = new double[n];
      for (int i = 0; i < n; i++) s[i] = totals[i] == 0 ? Double.NaN : (double) sums[g][i] / totals[i];
      out.put(groupList.get(g), s);
    }
    return new RollingShares(shown, out, window, skipped);
  }

  /**
   * Rolling shares from a Tablesaw table: {@code timeColumn} an instant (taken in UTC), date-time or
   * date column, {@code groupColumn} any column (as strings; missing or empty values skipped).
   */
  public static RollingShares of(Table table, String timeColumn, String groupColumn, int window) {
    Column<?> t = Charts.column(table, timeColumn);
    Charts.column(table, groupColumn);
    List<String> groups = new ArrayList<>(table.rowCount());
    Column<?> g = table.column(groupColumn);
    for (int i = 0; i < g.size(); i++) groups.add(g.isMissing(i) ? null : g.getString(i));
    List<LocalDate> days = new ArrayList<>(table.rowCount());
    for (int i = 0; i < t.size(); i++) {
      Object v = t.isMissing(i) ? null : t.get(i);
      if (v == null) days.add(null);
      else if (v instanceof Instant in) days.add(in.atOffset(ZoneOffset.UTC).toLocalDate());
      else if (v instanceof LocalDateTime ldt) days.add(ldt.toLocalDate());
      else if (v instanceof LocalDate ld) days.add(ld);
      else throw new IllegalArgumentException("column " + timeColumn + " is not a time column: " + t.type());
    }
    return of(days, groups, window);
  }

  /** As a table: {@code days.size()} rows x (1 + groups) columns: {@code day} (date), one share column per group. */
  public Table table() {
    Table t = Table.create("rolling " + window + "-day shares", DateColumn.create("day", days));
    for (Map.Entry<String, double[]> e : shares.entrySet()) t.addColumns(DoubleColumn.create(e.getKey(), e.getValue()));
    return t;
  }
}
