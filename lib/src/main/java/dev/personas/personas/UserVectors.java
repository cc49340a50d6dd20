package dev.personas.personas;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Per-user vectors: a developer as a mixture of session types plus medians of key features.
 *
 * <p>Inputs: a feature table (one row per session; needs {@code session_id}, {@code user_id};
 * optional {@code is_subagent} (boolean or 0/1: those sessions are excluded, as Bigspin does), the
 * numeric columns named in {@link PersonaOptions#medianFeatures()} and 0/1 label columns named in
 * {@link PersonaOptions#labelColumns()}) and a type-assignment table (one row per session:
 * {@code session_id, type_id}, optional {@code type_name}) from the session-types stage.
 *
 * <p>A user is eligible with at least {@code minSessions} non-sub-agent sessions that have a type
 * assignment and at least {@code minPrompts} user prompts ({@code iteration_count}, when present;
 * the number left out is recorded in {@link #problems()}). Per eligible user: {@code share_<type>} = share of the user's sessions of that type
 * (0..1, summing to 1); {@code <feature>} = median over the user's sessions (NaN values skipped;
 * NaN when none); {@code rate_<label>} = share of the user's sessions with the label 1 among those
 * where it is 0 or 1.
 *
 * <p>Bad rows never abort: a session without a type assignment, with an empty user id, or a
 * duplicate session id is skipped and recorded in {@link #problems()} ("features row N: reason").
 *
 * @param userIds eligible users, sorted
 * @param nSessions sessions counted per user
 * @param typeIds type ids in column order (numeric order when all are integers, else lexicographic)
 * @param typeNames display name per type id ({@code type_name}, else the id)
 * @param shares users x types
 * @param features median features used (present in the table), in options order
 * @param medians users x features
 * @param labels label columns used (present in the table)
 * @param labelRates users x labels
 * @param problems skipped rows and missing columns, in input order
 */
public record UserVectors(List<String> userIds, int[] nSessions, List<String> typeIds,
    List<String> typeNames, double[][] shares, List<String> features, double[][] medians,
    List<String> labels, double[][] labelRates, List<String> problems) {

  /** Number of eligible users. */
  public int size() {
    return userIds.size();
  }

  /** Column name of a type's share: {@code share_<slug of its name>} (ids when names clash). */
  public List<String> shareColumns() {
    List<String> cols = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int t = 0; t < typeIds.size(); t++) {
      String c = "share_" + slug(typeNames.get(t));
      if (c.equals("share_") || !seen.add(c)) c = "share_type_" + slug(typeIds.get(t));
      seen.add(c);
      cols.add(c);
    }
    return cols;
  }

  /**
   * The vectors as a table: one row per eligible user, sorted by {@code user_id}; columns
   * {@code user_id, n_sessions}, then {@link #shareColumns()}, the median features (named as in
   * the feature table) and {@code rate_<label>}.
   */
  public Table toTable() {
    Table t = Table.create("user_vectors");
    t.addColumns(StringColumn.create("user_id", userIds), IntColumn.create("n_sessions", nSessions));
    List<String> sc = shareColumns();
    for (int j = 0; j < typeIds.size(); j++) t.addColumns(DoubleColumn.create(sc.get(j), col(shares, j)));
    for (int j = 0; j < features.size(); j++) t.addColumns(DoubleColumn.create(features.get(j), col(medians, j)));
    for (int j = 0; j < labels.size(); j++) t.addColumns(DoubleColumn.create("rate_" + labels.get(j), col(labelRates, j)));
    return t;
  }

  static double[] col(double[][] m, int j) {
    double[] c = new double[m.length];
    for (int i = 0; i < m.length; i++) c[i] = m[i][j];
    return c;
  }

  /**
   * Builds the vectors of every eligible user, with the types found in {@code typeAssignments}.
   *
   * @throws IllegalArgumentException when a required column is missing
   */
  public static UserVectors build(Table features, Table typeAssignments, PersonaOptions options) {
    return build(features, typeAssignments, options, null, null);
  }

  /**
   * As {@link #build(Table, Table, PersonaOptions)} but with a fixed type list and feature list
   * (used to place new users with a fitted model): sessions of unknown types are skipped and
   * recorded; features missing from the table give NaN medians.
   */
  static UserVectors build(Table features, Table typeAssignments, PersonaOptions options,
      List<String> fixedTypeIds, List<String> fixedFeatures) {
    require(features, "session_id");
    require(features, "user_id");
    require(typeAssignments, "session_id");
    require(typeAssignments, "type_id");
    List<String> problems = new ArrayList<>();
    // type per session
    Map<String, String> typeOf = new HashMap<>();
    Map<String, String> nameOf = new TreeMap<>();
    Column<?> tid = typeAssignments.column("type_id");
    Column<?> tname = typeAssignments.containsColumn("type_name")
        ? typeAssignments.column("type_name") : null;
    Column<?> tsid = typeAssignments.column("session_id");
    for (int i = 0; i < typeAssignments.rowCount(); i++) {
      if (tsid.isMissing(i) || tid.isMissing(i)) {
        problems.add("types row " + i + ": missing session_id or type_id");
        continue;
      }
      String id = idString(tid, i);
      typeOf.put(tsid.getString(i), id);
      if (tname != null && !tname.isMissing(i) && !tname.getString(i).isEmpty()) {
        nameOf.putIfAbsent(id, tname.getString(i));
      }
    }
    List<String> typeIds;
    if (fixedTypeIds != null) {
      typeIds = List.copyOf(fixedTypeIds);
    } else {
      typeIds = new ArrayList<>(new java.util.TreeSet<>(typeOf.values()));
      sortIds(typeIds);
    }
    Map<String, Integer> typeIndex = new HashMap<>();
    for (int j = 0; j < typeIds.size(); j++) typeIndex.put(typeIds.get(j), j);
    List<String> feats = new ArrayList<>();
    for (String f : fixedFeatures != null ? fixedFeatures : options.medianFeatures()) {
      if (fixedFeatures != null || (features.containsColumn(f)
          && features.column(f) instanceof NumericColumn<?>)) {
        feats.add(f);
      } else {
        problems.add("feature column '" + f + "' absent or not numeric: left out");
      }
    }
    List<String> labels = new ArrayList<>();
    for (String l : options.labelColumns()) if (features.containsColumn(l)) labels.add(l);

    Column<?> sid = features.column("session_id");
    Column<?> uid = features.column("user_id");
    Column<?> sub = features.containsColumn("is_subagent") ? features.column("is_subagent") : null;
    NumericColumn<?> prompts = features.containsColumn("iteration_count")
        && features.column("iteration_count") instanceof NumericColumn<?> pc ? pc : null;
    int noPrompts = 0;
    Map<String, List<Integer>> rowsOf = new TreeMap<>();
    java.util.Set<String> seenSessions = new java.util.HashSet<>();
    for (int i = 0; i < features.rowCount(); i++) {
      if (sid.isMissing(i) || sid.getString(i).isEmpty()) {
        problems.add("features row " + i + ": empty session_id");
        continue;
      }
      String s = sid.getString(i);
      if (!seenSessions.add(s)) {
        problems.add("features row " + i + ": duplicate session_id, skipped");
        continue;
      }
      if (uid.isMissing(i) || uid.getString(i).isEmpty()) {
        problems.add("features row " + i + ": empty user_id");
        continue;
      }
      if (sub != null && BigspinFingerprints.truthy(sub, i) == 1.0) continue;
      if (prompts != null && options.minPrompts() > 0
          && (prompts.isMissing(i) || prompts.getDouble(i) < options.minPrompts())) {
        noPrompts++;
        continue;
      }
      String type = typeOf.get(s);
      if (type == null) {
        problems.add("features row " + i + ": no type assignment");
        continue;
      }
      if (!typeIndex.containsKey(type)) {
        problems.add("features row " + i + ": type '" + type + "' unknown to the model");
        continue;
      }
      rowsOf.computeIfAbsent(uid.getString(i), k -> new ArrayList<>()).add(i);
    }
    if (noPrompts > 0) {
      problems.add(noPrompts + " sessions with fewer than " + options.minPrompts()
          + " user prompts (or none recorded) left out");
    }
    List<String> users = new ArrayList<>();
    List<Integer> counts = new ArrayList<>();
    List<double[]> sh = new ArrayList<>(), med = new ArrayList<>(), lab = new ArrayList<>();
    for (Map.Entry<String, List<Integer>> e : rowsOf.entrySet()) {
      List<Integer> rows = e.getValue();
      if (rows.size() < options.minSessions()) continue;
      users.add(e.getKey());
      counts.add(rows.size());
      double[] s = new double[typeIds.size()];
      for (int r : rows) s[typeIndex.get(typeOf.get(sid.getString(r)))] += 1.0 / rows.size();
      sh.add(s);
      double[] m = new double[feats.size()];
      for (int j = 0; j < feats.size(); j++) {
        String f = feats.get(j);
        if (!features.containsColumn(f) || !(features.column(f) instanceof NumericColumn<?> nc)) {
          m[j] = Double.NaN;
          continue;
        }
        double[] v = new double[rows.size()];
        for (int q = 0; q < rows.size(); q++) {
          int r = rows.get(q);
          v[q] = nc.isMissing(r) ? Double.NaN : nc.getDouble(r);
        }
        m[j] = Stats.median(v);
      }
      med.add(m);
      double[] lr = new double[labels.size()];
      for (int j = 0; j < labels.size(); j++) {
        Column<?> c = features.column(labels.get(j));
        int fired = 0, seen = 0;
        for (int r : rows) {
          double v = BigspinFingerprints.truthy(c, r);
          if (Double.isNaN(v)) continue;
          seen++;
          if (v == 1.0) fired++;
        }
        lr[j] = seen == 0 ? Double.NaN : (double) fired / seen;
      }
      lab.add(lr);
    }
    List<String> names = new ArrayList<>();
    for (String id : typeIds) names.add(nameOf.getOrDefault(id, id));
    return new UserVectors(Collections.unmodifiableList(users),
        counts.stream().mapToInt(Integer::intValue).toArray(), List.copyOf(typeIds),
        List.copyOf(names), sh.toArray(new double[0][]), List.copyOf(feats),
        med.toArray(new double[0][]), List.copyOf(labels), lab.toArray(new double[0][]),
        List.copyOf(problems));
  }

  private static String idString(Column<?> c, int i) {
    if (c instanceof NumericColumn<?> nc) {
      double d = nc.getDouble(i);
      if (d == Math.rint(d)) return Long.toString((long) d);
    }
    return c.getString(i);
  }

  static void sortIds(List<String> ids) {
    boolean numeric = ids.stream().allMatch(s -> s.matches("-?\\d{1,18}"));
    if (numeric) ids.sort((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)));
    else Collections.sort(ids);
  }

  private static void require(Table t, String col) {
    if (!t.containsColumn(col)) {
      throw new IllegalArgumentException("table '" + t.name() + "' lacks column '" + col + "'");
    }
  }

  static String slug(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
  }

  /** Population mean share per type over the eligible users (unweighted by sessions). */
  double[] meanShares() {
    double[] m = new double[typeIds.size()];
    for (double[] s : shares) for (int j = 0; j < m.length; j++) m[j] += s[j] / shares.length;
    return m;
  }

  /** Index of a user, or -1. */
  int indexOf(String userId) {
    return Collections.binarySearch(userIds, userId);
  }

  static Map<String, Integer> index(List<String> names) {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) m.put(names.get(i), i);
    return m;
  }
}
