package dev.personas.personas;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Hand-made synthetic users for tests: each planted persona has a session-type mix and typical
 * feature levels; each user is a noisy mixture around their persona's mix; sessions are drawn
 * from the user's mixture. Ineligible users (2 sessions) and sub-agent sessions are sprinkled in.
 */
final class PlantedPersonas {
  static final String[] TYPE_NAMES = {"Quick fixes", "Edit-test loops", "Exploration", "Planning", "Reviews"};
  static final double[][] MIX = {
      {0.70, 0.10, 0.10, 0.05, 0.05},
      {0.05, 0.70, 0.10, 0.10, 0.05},
      {0.10, 0.05, 0.70, 0.10, 0.05},
      {0.05, 0.10, 0.05, 0.40, 0.40}};
  /** per persona: mean iteration_count, edit_iteration_count, tests_run_count, p(diff_reviewed). */
  static final double[][] LEVEL = {
      {3, 1, 0.2, 0.1}, {20, 8, 3, 0.5}, {6, 1, 0.2, 0.2}, {8, 3, 1, 0.6}};

  final Table features;
  final Table types;
  final List<String> users = new ArrayList<>();
  final List<Integer> truth = new ArrayList<>();

  PlantedPersonas(int usersPerPersona, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    StringColumn sid = StringColumn.create("session_id");
    StringColumn uid = StringColumn.create("user_id");
    BooleanColumn sub = BooleanColumn.create("is_subagent");
    IntColumn it = IntColumn.create("iteration_count");
    IntColumn eit = IntColumn.create("edit_iteration_count");
    IntColumn tests = IntColumn.create("tests_run_count");
    IntColumn diff = IntColumn.create("diff_reviewed");
    DoubleColumn dens = DoubleColumn.create("tool_call_density");
    IntColumn tt = IntColumn.create("type_id");
    StringColumn tn = StringColumn.create("type_name");
    StringColumn tsid = StringColumn.create("session_id");
    int s = 0;
    for (int p = 0; p < MIX.length; p++) {
      for (int u = 0; u < usersPerPersona + 1; u++) {
        boolean ineligible = u == usersPerPersona;
        String user = String.format("user-%d-%02d", p, u);
        double[] mix = new double[MIX[p].length];
        double tot = 0;
        for (int t = 0; t < mix.length; t++) {
          mix[t] = 0.8 * MIX[p][t] + 0.2 * r.nextDouble() / mix.length * 2;
          tot += mix[t];
        }
        for (int t = 0; t < mix.length; t++) mix[t] /= tot;
        int n = ineligible ? 2 : 5 + r.nextInt(16);
        if (!ineligible) {
          users.add(user);
          truth.add(p);
        }
        for (int q = 0; q < n + 1; q++) {
          boolean subagent = q == n; // one extra sub-agent session per user, to be excluded
          String id = String.format("s%05d", s++);
          sid.append(id);
          uid.append(user);
          sub.append(subagent);
          double f = 0.5 + r.nextDouble();
          it.append((int) Math.round(LEVEL[p][0] * f) + (subagent ? 500 : 0));
          eit.append((int) Math.round(LEVEL[p][1] * f));
          tests.append((int) Math.round(LEVEL[p][2] * (0.5 + r.nextDouble())));
          diff.append(r.nextDouble() < LEVEL[p][3] ? 1 : 0);
          dens.append(5 + 10 * r.nextDouble());
          double x = r.nextDouble();
          int t = 0;
          while (t < mix.length - 1 && x >= mix[t]) x -= mix[t++];
          if (subagent) t = 4;
          tsid.append(id);
          tt.append(t);
          tn.append(TYPE_NAMES[t]);
        }
      }
    }
    features = Table.create("features", sid, uid, sub, it, eit, tests, diff, dens);
    types = Table.create("types", tsid, tt, tn);
  }

  int[] truthArray() {
    return truth.stream().mapToInt(Integer::intValue).toArray();
  }
}
