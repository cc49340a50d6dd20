package dev.personas.bench;

import dev.personas.personas.PersonaModel;
import dev.personas.personas.PersonaOptions;
import dev.personas.personas.Personas;
import java.util.Locale;
import java.util.SplittableRandom;
import smile.validation.metric.AdjustedRandIndex;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Whole-stage benchmark of the personas stage: {@code Personas.fit} with default options (k sweep
 * 2..8 with 20 restarts, 100 bootstrap subsamples, share intervals) on synthetic users with four
 * planted personas (noisy mixtures of five session types, 5-20 sessions each), then placement,
 * cards and the JSON round trip. Prints wall time per step, peak heap (as seen by
 * {@code Runtime}), process CPU time (meaningful when the machine is shared), the chosen k and
 * the ARI against the planted personas.
 *
 * <p>Usage: {@code java -cp ... dev.personas.bench.PersonasBench [users ...]} (default 120 1000
 * 5000). Times include JIT warm-up of the first size.
 */
public final class PersonasBench {
  private PersonasBench() {}

  static final double[][] MIX = {
      {0.70, 0.10, 0.10, 0.05, 0.05}, {0.05, 0.70, 0.10, 0.10, 0.05},
      {0.10, 0.05, 0.70, 0.10, 0.05}, {0.05, 0.10, 0.05, 0.40, 0.40}};
  static final double[][] LEVEL = {{3, 1, 0.2, 0.1}, {20, 8, 3, 0.5}, {6, 1, 0.2, 0.2}, {8, 3, 1, 0.6}};

  public static void main(String[] args) {
    int[] sizes = args.length == 0 ? new int[] {120, 1000, 5000}
        : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    for (int n : sizes) run(n);
  }

  /** CPU time of the whole process (all threads), ns. */
  static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  static void run(int users) {
    SplittableRandom r = new SplittableRandom(users);
    StringColumn sid = StringColumn.create("session_id"), uid = StringColumn.create("user_id");
    IntColumn it = IntColumn.create("iteration_count"), eit = IntColumn.create("edit_iteration_count");
    IntColumn tests = IntColumn.create("tests_run_count"), diff = IntColumn.create("diff_reviewed");
    DoubleColumn dens = DoubleColumn.create("tool_call_density");
    StringColumn tsid = StringColumn.create("session_id");
    IntColumn tt = IntColumn.create("type_id");
    int[] truth = new int[users];
    int s = 0;
    for (int u = 0; u < users; u++) {
      int p = u % 4;
      truth[u] = p;
      int n = 5 + r.nextInt(16);
      for (int q = 0; q < n; q++) {
        String id = "s" + (s++);
        sid.append(id);
        uid.append(String.format("u%06d", u));
        double f = 0.5 + r.nextDouble();
        it.append((int) Math.round(LEVEL[p][0] * f));
        eit.append((int) Math.round(LEVEL[p][1] * f));
        tests.append((int) Math.round(LEVEL[p][2] * (0.5 + r.nextDouble())));
        diff.append(r.nextDouble() < LEVEL[p][3] ? 1 : 0);
        dens.append(5 + 10 * r.nextDouble());
        double x = r.nextDouble();
        int t = 0;
        while (t < 4 && x >= MIX[p][t]) x -= MIX[p][t++];
        tsid.append(id);
        tt.append(t);
      }
    }
    Table features = Table.create("features", sid, uid, it, eit, tests, diff, dens);
    Table types = Table.create("types", tsid, tt);
    Runtime rt = Runtime.getRuntime();
    System.gc();
    long c0 = cpu();
    long t0 = System.nanoTime();
    PersonaModel m = Personas.fit(features, types, PersonaOptions.defaults());
    long t1 = System.nanoTime();
    long c1 = cpu();
    Table placed = m.place(features, types);
    long t2 = System.nanoTime();
    int chars = 0;
    for (PersonaModel.Placement p : m.placements()) chars += m.card(p.userId()).length();
    long t3 = System.nanoTime();
    PersonaModel back = PersonaModel.fromJson(m.toJson());
    long t4 = System.nanoTime();
    long c4 = cpu();
    int[] got = m.users().intColumn("cluster").asList().stream().mapToInt(Integer::intValue).toArray();
    long heap = rt.totalMemory() - rt.freeMemory();
    System.out.printf(Locale.ROOT,
        "users=%d sessions=%d k=%d ARI=%.3f fit=%.2fs (cpu %.2fs) place=%.2fs cards=%.2fs (%d chars) json=%.2fs (cpu all steps %.2fs) heap~%dMB placed=%d back=%d%n",
        users, features.rowCount(), m.k(), AdjustedRandIndex.of(truth, got), (t1 - t0) / 1e9,
        (c1 - c0) / 1e9,
        (t2 - t1) / 1e9, (t3 - t2) / 1e9, chars, (t4 - t3) / 1e9, (c4 - c0) / 1e9, heap >> 20, placed.rowCount(),
        back.k());
  }
}
