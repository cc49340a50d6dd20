package dev.personas.reports;

import dev.personas.load.IngestReport;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Overviews of a loaded dataset and its ingest report. */
public final class Explore {
  private Explore() {}

  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);

  /**
   * Sessions per calendar month (UTC) of {@code created_at}: rows = months with a session, sorted,
   * plus {@code (unknown)} last for sessions without a start time; 2 columns {@code month, sessions}.
   */
  public static Table sessionsByMonth(Table sessions) {
    InstantColumn created = sessions.instantColumn("created_at");
    Map<String, Integer> counts = new TreeMap<>();
    int unknown = 0;
    for (int i = 0; i < created.size(); i++) {
      if (created.isMissing(i)) unknown++;
      else counts.merge(MONTH.format(created.get(i)), 1, Integer::sum);
    }
    if (unknown > 0) counts.put("~(unknown)", unknown);
    StringColumn month = StringColumn.create("month");
    IntColumn n = IntColumn.create("sessions");
    counts.forEach((k, v) -> {
      month.append(k.startsWith("~") ? k.substring(1) : k);
      n.append(v);
    });
    return Table.create("sessions by month", month, n);
  }

  /**
   * The ingest report by detected format: rows = formats (sorted), columns {@code format, files,
   * sessions, records, skipped, bytes}.
   */
  public static Table reportByFormat(IngestReport report) {
    Map<String, long[]> agg = new TreeMap<>();
    for (IngestReport.FileEntry f : report.files()) {
      long[] a = agg.computeIfAbsent(f.format() == null ? "(none)" : f.format(), k -> new long[5]);
      a[0]++;
      a[1] += f.sessions();
      a[2] += f.rows();
      a[3] += f.skipped();
      a[4] += f.bytes();
    }
    StringColumn format = StringColumn.create("format");
    LongColumn files = LongColumn.create("files"), sessions = LongColumn.create("sessions"),
        records = LongColumn.create("records"), skipped = LongColumn.create("skipped"),
        bytes = LongColumn.create("bytes");
    agg.forEach((k, a) -> {
      format.append(k);
      files.append(a[0]);
      sessions.append(a[1]);
      records.append(a[2]);
      skipped.append(a[3]);
      bytes.append(a[4]);
    });
    return Table.create("ingest report by format", format, files, sessions, records, skipped, bytes);
  }

  /**
   * Skipped records and unreadable files, at most {@code limit} rows in report order: columns
   * {@code file, line, reason} (file relative to nothing: the path as the report gives it, cut to its
   * last three segments so that no home folder shows).
   */
  public static Table problems(IngestReport report, int limit) {
    if (limit < 0) throw new IllegalArgumentException("limit " + limit + " < 0");
    StringColumn file = StringColumn.create("file");
    LongColumn line = LongColumn.create("line");
    StringColumn reason = StringColumn.create("reason");
    for (IngestReport.FileEntry f : report.files()) {
      if (f.problems().isEmpty() && f.note() != null && f.rows() == 0 && file.size() < limit) {
        file.append(tail(f.path()));
        line.append(0);
        reason.append(f.note());
      }
      for (IngestReport.LineProblem p : f.problems()) {
        if (file.size() >= limit) break;
        file.append(tail(f.path()));
        line.append(p.line());
        reason.append(p.reason());
      }
    }
    return Table.create("ingest problems", file, line, reason);
  }

  static String tail(String path) {
    String[] parts = path.replace('\\', '/').split("/");
    int from = Math.max(0, parts.length - 3);
    return String.join("/", java.util.Arrays.copyOfRange(parts, from, parts.length));
  }
}
