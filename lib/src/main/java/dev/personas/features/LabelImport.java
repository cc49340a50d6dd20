package dev.personas.features;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Reads imported labels (issue 4, "Imported labels"): LLM-made or hand-made values that cannot be
 * computed here, such as SWE-chat's {@code prompt_intent}, {@code prompt_pushback},
 * {@code user_persona}, {@code session_success} or Bigspin's 35 interpretive signals as 0/1.
 *
 * <p>Input: a CSV file with a header ({@code .csv}), JSON lines ({@code .jsonl}, {@code .ndjson}) or
 * a JSON array of objects ({@code .json}). Each record has a key column, {@code session_id} or else
 * {@code turn_id}; every other field becomes a label column. Numbers and booleans (true = 1) are
 * numeric labels; anything else is text. A column is numeric only when every value in it is.
 *
 * <p>Records are aggregated per session: numeric labels by their mean (a 0/1 label becomes the share
 * of the session's records where it is 1), text labels by their most frequent value (ties: the
 * alphabetically first). Turn-keyed records are mapped to sessions through the {@code conversations}
 * table by {@link Features}.
 *
 * <p>Errors: bad records (unparseable line, missing key) are skipped and listed in
 * {@link Labels#problems()} as {@code file:line: reason}; an unreadable file gives no rows and one
 * problem. Only a file with neither key column is rejected with IllegalArgumentException.
 */
public final class LabelImport {
  private LabelImport() {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The records of one label file.
   *
   * @param file where they came from
   * @param keyColumn {@code session_id} or {@code turn_id}
   * @param columns label columns in file order (key excluded)
   * @param numeric for each of {@code columns}, whether it is numeric
   * @param records key and values (Double, String or null) in file order
   * @param problems skipped records, as {@code file:line: reason}
   */
  public record Labels(Path file, String keyColumn, List<String> columns, List<Boolean> numeric,
      List<Record> records, List<String> problems) {}

  /** One labelled record: its key and one value per label column. */
  public record Record(String key, Object[] values) {}

  /**
   * Reads one label file.
   *
   * @throws IllegalArgumentException if the file is null or has neither {@code session_id} nor
   *     {@code turn_id}
   */
  public static Labels read(Path file) {
    if (file == null) throw new IllegalArgumentException("label file is null");
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    List<String> problems = new ArrayList<>();
    List<Map<String, Object>> raw = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    LinkedHashSet<String> cols = new LinkedHashSet<>();
    try {
      if (name.endsWith(".csv")) {
        readCsv(file, raw, lines, cols);
      } else if (name.endsWith(".json")) {
        readJsonArray(file, raw, lines, cols, problems);
      } else {
        readJsonLines(file, raw, lines, cols, problems);
      }
    } catch (IOException | RuntimeException e) {
      problems.add(file + ":0: cannot read labels: " + e.getMessage());
      return new Labels(file, "session_id", List.of(), List.of(), List.of(), problems);
    }
    String key = cols.contains("session_id") ? "session_id"
        : cols.contains("turn_id") ? "turn_id" : null;
    if (key == null && !raw.isEmpty()) {
      throw new IllegalArgumentException("label file " + file + " has neither session_id nor turn_id");
    }
    if (key == null) key = "session_id";
    cols.remove("session_id");
    cols.remove("turn_id");
    List<String> columns = List.copyOf(cols);
    List<Boolean> numeric = new ArrayList<>();
    for (String c : columns) {
      boolean num = true;
      for (Map<String, Object> r : raw) {
        Object v = r.get(c);
        if (v != null && !(v instanceof Double)) num = false;
      }
      numeric.add(num);
    }
    List<Record> records = new ArrayList<>();
    for (int k = 0; k < raw.size(); k++) {
      Map<String, Object> r = raw.get(k);
      Object kv = r.get(key);
      String kval = kv == null ? "" : kv instanceof Double d ? fmt(d) : kv.toString();
      if (kval.isBlank()) {
        problems.add(file + ":" + lines.get(k) + ": record without " + key + ", skipped");
        continue;
      }
      Object[] vals = new Object[columns.size()];
      for (int c = 0; c < columns.size(); c++) {
        Object v = r.get(columns.get(c));
        vals[c] = v == null ? null : numeric.get(c) ? v : v instanceof Double d ? fmt(d) : v;
      }
      records.add(new Record(kval, vals));
    }
    return new Labels(file, key, columns, List.copyOf(numeric), records, problems);
  }

  private static String fmt(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }

  private static void readCsv(Path file, List<Map<String, Object>> raw, List<Integer> lines,
      Set<String> cols) {
    Table t = Table.read().usingOptions(CsvReadOptions.builder(file.toFile())
        .columnTypesPartial(Map.of("session_id", ColumnType.STRING, "turn_id", ColumnType.STRING))
        .build());
    for (Column<?> c : t.columns()) cols.add(c.name());
    for (int i = 0; i < t.rowCount(); i++) {
      Map<String, Object> r = new LinkedHashMap<>();
      for (Column<?> c : t.columns()) {
        if (c.isMissing(i)) continue;
        Object v = c.get(i);
        if (v instanceof Number n) r.put(c.name(), n.doubleValue());
        else if (v instanceof Boolean b) r.put(c.name(), b ? 1.0 : 0.0);
        else r.put(c.name(), v.toString());
      }
      raw.add(r);
      lines.add(i + 2);
    }
  }

  private static void readJsonLines(Path file, List<Map<String, Object>> raw, List<Integer> lines,
      Set<String> cols, List<String> problems) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int n = 0;
      while ((line = in.readLine()) != null) {
        n++;
        if (line.isBlank()) continue;
        JsonNode node;
        try {
          node = JSON.readTree(line);
        } catch (IOException e) {
          problems.add(file + ":" + n + ": not JSON, skipped");
          continue;
        }
        addObject(file, n, node, raw, lines, cols, problems);
      }
    }
  }

  private static void readJsonArray(Path file, List<Map<String, Object>> raw, List<Integer> lines,
      Set<String> cols, List<String> problems) throws IOException {
    try (JsonParser p = JSON.getFactory().createParser(file.toFile())) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw new IOException("expected a JSON array of objects");
      }
      while (p.nextToken() == JsonToken.START_OBJECT) {
        int line = p.currentLocation().getLineNr();
        JsonNode node = JSON.readTree(p);
        addObject(file, line, node, raw, lines, cols, problems);
      }
    }
  }

  private static void addObject(Path file, int line, JsonNode node, List<Map<String, Object>> raw,
      List<Integer> lines, Set<String> cols, List<String> problems) {
    if (node == null || !node.isObject()) {
      problems.add(file + ":" + line + ": not a JSON object, skipped");
      return;
    }
    Map<String, Object> r = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      cols.add(e.getKey());
      if (v.isNull() || v.isMissingNode()) continue;
      if (v.isNumber()) r.put(e.getKey(), v.doubleValue());
      else if (v.isBoolean()) r.put(e.getKey(), v.booleanValue() ? 1.0 : 0.0);
      else if (v.isTextual()) r.put(e.getKey(), v.textValue());
      else r.put(e.getKey(), v.toString());
    }
    raw.add(r);
    lines.add(line);
  }

  /**
   * Aggregates records per session (numeric: mean; text: most frequent, ties alphabetical).
   *
   * @param sessionOf maps a record key to its session id (identity for session-keyed files); keys
   *     it maps to null are listed in {@code problems} and skipped
   * @return session id -> one value per label column (Double, String or null)
   */
  static Map<String, Object[]> perSession(Labels labels, java.util.function.Function<String, String> sessionOf,
      List<String> problems) {
    int nc = labels.columns().size();
    Map<String, double[]> sums = new TreeMap<>();
    Map<String, List<Map<String, Integer>>> counts = new TreeMap<>();
    int unknown = 0;
    for (Record r : labels.records()) {
      String sid = sessionOf.apply(r.key());
      if (sid == null) {
        unknown++;
        continue;
      }
      double[] s = sums.computeIfAbsent(sid, k -> new double[2 * nc]);
      List<Map<String, Integer>> cnt = counts.computeIfAbsent(sid, k -> {
        List<Map<String, Integer>> l = new ArrayList<>();
        for (int c = 0; c < nc; c++) l.add(new TreeMap<>());
        return l;
      });
      for (int c = 0; c < nc; c++) {
        Object v = r.values()[c];
        if (v == null) continue;
        if (labels.numeric().get(c)) {
          s[2 * c] += (Double) v;
          s[2 * c + 1] += 1;
        } else {
          cnt.get(c).merge((String) v, 1, Integer::sum);
        }
      }
    }
    if (unknown > 0) {
      problems.add(labels.file() + ":0: " + unknown + " records with a " + labels.keyColumn()
          + " not in the dataset, skipped");
    }
    Map<String, Object[]> out = new TreeMap<>();
    for (String sid : sums.keySet()) {
      double[] s = sums.get(sid);
      Object[] vals = new Object[nc];
      for (int c = 0; c < nc; c++) {
        if (labels.numeric().get(c)) {
          vals[c] = s[2 * c + 1] > 0 ? s[2 * c] / s[2 * c + 1] : null;
        } else {
          String best = null;
          int bestN = 0;
          for (Map.Entry<String, Integer> e : counts.get(sid).get(c).entrySet()) {
            if (e.getValue() > bestN) {
              best = e.getKey();
              bestN = e.getValue();
            }
          }
          vals[c] = best;
        }
      }
      out.put(sid, vals);
    }
    return out;
  }
}
