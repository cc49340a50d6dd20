package dev.personas.personas;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The persona landscape: users on two axes, after Bigspin's 2x2 map of personas (structure vs
 * iteration; Potts and Sudhof, 2026).
 *
 * <p><b>Structure</b> (setup and delegation) = mean of the z-scores, over the given users, of these
 * per-user values (each skipped when its columns are absent from the feature table):
 * <ul>
 *   <li>{@code agent_share}: mean over sessions of {@code tool_agent_share} (sub-agent delegation);
 *   <li>{@code todo_share}: mean of {@code tool_todo_write_share} (task lists);
 *   <li>{@code plan_mode_share}: mean of {@code tool_enter_plan_mode_share +
 *       tool_exit_plan_mode_share} (plan mode);
 *   <li>{@code research_segment_share}: mean of {@code research_iteration_count /
 *       iteration_count} (share of prompts followed by reading or searching);
 *   <li>{@code prompt_chars}: median of log1p({@code total_user_chars / iteration_count}) (how
 *       much the user writes per prompt).
 * </ul>
 * <b>Iteration</b> = mean of the z-scores of the per-user medians of log1p({@code iteration_count})
 * (prompts per session) and log1p({@code edit_iteration_count}) (edit segments per session).
 * A component constant over the users contributes 0. Quadrants split each axis at 0 (the
 * population mean): "structured, iterative", "structured, one-pass", "ad hoc, iterative",
 * "ad hoc, one-pass". Sub-agent sessions ({@code is_subagent} true/1) are left out; sessions with
 * no prompts give NaN ratios, which are skipped.
 */
public final class Landscape {
  private Landscape() {}

  /** Names of the structure components, in order. */
  public static final List<String> STRUCTURE =
      List.of("agent_share", "todo_share", "plan_mode_share", "research_segment_share", "prompt_chars");

  /** Names of the iteration components, in order. */
  public static final List<String> ITERATION = List.of("log_prompts", "log_edit_segments");

  /**
   * Places the users of a fitted model; adds {@code persona_id, persona_name} from the model.
   *
   * @return one row per model user, sorted by user id: {@code user_id, persona_id, persona_name,
   *     structure, iteration, quadrant} and the seven component columns (raw, before z-scoring)
   */
  public static Table of(Table features, PersonaModel model) {
    List<String> ids = new ArrayList<>();
    for (PersonaModel.Placement p : model.placements()) ids.add(p.userId());
    Table t = of(features, ids);
    StringColumn pid = StringColumn.create("persona_id");
    StringColumn pn = StringColumn.create("persona_name");
    for (PersonaModel.Placement p : model.placements()) {
      pid.append(p.personaId());
      pn.append(p.personaName());
    }
    t.insertColumn(1, pid);
    t.insertColumn(2, pn);
    return t;
  }

  /**
   * Places the given users (in the given order).
   *
   * @throws IllegalArgumentException when {@code user_id} is missing
   */
  public static Table of(Table features, List<String> userIds) {
    if (!features.containsColumn("user_id")) {
      throw new IllegalArgumentException("table '" + features.name() + "' lacks column 'user_id'");
    }
    Map<String, Integer> idx = new HashMap<>();
    for (int i = 0; i < userIds.size(); i++) idx.put(userIds.get(i), i);
    int n = userIds.size();
    List<String> comps = new ArrayList<>(STRUCTURE);
    comps.addAll(ITERATION);
    List<List<Double>>[] vals = newLists(n, comps.size());
    Column<?> uid = features.column("user_id");
    Column<?> sub = features.containsColumn("is_subagent") ? features.column("is_subagent") : null;
    for (int r = 0; r < features.rowCount(); r++) {
      if (uid.isMissing(r)) continue;
      Integer u = idx.get(uid.getString(r));
      if (u == null) continue;
      if (sub != null && BigspinFingerprints.truthy(sub, r) == 1.0) continue;
      double prompts = num(features, "iteration_count", r);
      double[] v = {
          num(features, "tool_agent_share", r),
          num(features, "tool_todo_write_share", r),
          sumPresent(num(features, "tool_enter_plan_mode_share", r),
              num(features, "tool_exit_plan_mode_share", r)),
          prompts > 0 ? num(features, "research_iteration_count", r) / prompts : Double.NaN,
          prompts > 0 ? Math.log1p(num(features, "total_user_chars", r) / prompts) : Double.NaN,
          Math.log1p(prompts),
          Math.log1p(num(features, "edit_iteration_count", r))};
      for (int c = 0; c < v.length; c++) vals[u].get(c).add(v[c]);
    }
    double[][] raw = new double[comps.size()][n];
    for (int c = 0; c < comps.size(); c++) {
      boolean median = c >= 4; // prompt_chars and the iteration components use medians
      for (int u = 0; u < n; u++) {
        double[] a = vals[u].get(c).stream().mapToDouble(Double::doubleValue).toArray();
        raw[c][u] = median ? Stats.median(a) : Stats.mean(a);
      }
    }
    double[] structure = axis(raw, 0, STRUCTURE.size(), n);
    double[] iteration = axis(raw, STRUCTURE.size(), comps.size(), n);
    Table t = Table.create("persona_landscape");
    t.addColumns(StringColumn.create("user_id", userIds), DoubleColumn.create("structure", structure),
        DoubleColumn.create("iteration", iteration));
    StringColumn q = StringColumn.create("quadrant");
    for (int u = 0; u < n; u++) q.append(quadrant(structure[u], iteration[u]));
    t.addColumns(q);
    for (int c = 0; c < comps.size(); c++) t.addColumns(DoubleColumn.create(comps.get(c), raw[c]));
    return t;
  }

  /**
   * Persona centres on the landscape, for the 2x2 map: one row per {@code persona_id} of a
   * {@link #of(Table, PersonaModel)} table (sorted by id; Multi-mode users form "MM"); columns
   * {@code persona_id, persona_name, users, structure, iteration, quadrant} (means of the users'
   * axes, NaN values skipped).
   */
  public static Table personaCentres(Table landscape) {
    java.util.TreeMap<String, List<Integer>> rows = new java.util.TreeMap<>();
    for (int i = 0; i < landscape.rowCount(); i++) {
      rows.computeIfAbsent(landscape.stringColumn("persona_id").get(i), k -> new ArrayList<>()).add(i);
    }
    StringColumn id = StringColumn.create("persona_id"), name = StringColumn.create("persona_name");
    tech.tablesaw.api.IntColumn n = tech.tablesaw.api.IntColumn.create("users");
    DoubleColumn s = DoubleColumn.create("structure"), it = DoubleColumn.create("iteration");
    StringColumn q = StringColumn.create("quadrant");
    for (var e : rows.entrySet()) {
      List<Integer> r = e.getValue();
      double ms = Stats.mean(r.stream().mapToDouble(i -> landscape.doubleColumn("structure").getDouble(i)).toArray());
      double mi = Stats.mean(r.stream().mapToDouble(i -> landscape.doubleColumn("iteration").getDouble(i)).toArray());
      id.append(e.getKey());
      name.append(landscape.stringColumn("persona_name").get(r.get(0)));
      n.append(r.size());
      s.append(ms);
      it.append(mi);
      q.append(quadrant(ms, mi));
    }
    return Table.create("persona_landscape_centres", id, name, n, s, it, q);
  }

  /** The quadrant label of a point ("" when either axis is NaN). */
  public static String quadrant(double structure, double iteration) {
    if (Double.isNaN(structure) || Double.isNaN(iteration)) return "";
    return (structure >= 0 ? "structured, " : "ad hoc, ") + (iteration >= 0 ? "iterative" : "one-pass");
  }

  private static double[] axis(double[][] raw, int from, int to, int n) {
    double[] sum = new double[n];
    int[] cnt = new int[n];
    for (int c = from; c < to; c++) {
      double mu = Stats.mean(raw[c]);
      double sd = Stats.sd(raw[c]);
      if (Double.isNaN(mu)) continue; // component absent
      for (int u = 0; u < n; u++) {
        if (Double.isNaN(raw[c][u])) continue;
        sum[u] += sd > 0 ? (raw[c][u] - mu) / sd : 0;
        cnt[u]++;
      }
    }
    double[] out = new double[n];
    for (int u = 0; u < n; u++) out[u] = cnt[u] == 0 ? Double.NaN : sum[u] / cnt[u];
    return out;
  }

  private static double sumPresent(double a, double b) {
    if (Double.isNaN(a)) return b;
    return Double.isNaN(b) ? a : a + b;
  }

  private static double num(Table t, String col, int r) {
    if (!t.containsColumn(col) || !(t.column(col) instanceof NumericColumn<?> nc) || nc.isMissing(r)) {
      return Double.NaN;
    }
    return nc.getDouble(r);
  }

  @SuppressWarnings("unchecked")
  private static List<List<Double>>[] newLists(int n, int m) {
    List<List<Double>>[] a = new List[n];
    for (int i = 0; i < n; i++) {
      a[i] = new ArrayList<>();
      for (int c = 0; c < m; c++) a[i].add(new ArrayList<>());
    }
    return a;
  }
}
