package dev.personas.bench;

import dev.personas.types.EngineOptions;
import dev.personas.types.SessionTypeModel;
import dev.personas.types.SessionTypes;
import dev.personas.types.TypeOptions;
import dev.personas.types.Vocabulary;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import smile.validation.metric.AdjustedRandIndex;

/**
 * Benchmark of session types (issue 6): the full sweep k = 2..12 with 10 restarts plus 100
 * bootstraps at 80% on N synthetic sessions with 20 features (the first 16 default features and 4
 * tool shares) and 7 planted types. Prints wall time of {@link SessionTypes#fit}, peak heap (sum of
 * the heap pools' peak usage), process CPU time and the load average (the machine is shared, so
 * wall time depends on other load), the chosen k and the ARI against the planted types.
 *
 * <p>Usage: {@code TypesBench N [bootstraps] [restarts] [threads]}.
 */
public final class TypesBench {
  private TypesBench() {}

  public static void main(String[] args) {
    int n = Integer.parseInt(args.length > 0 ? args[0] : "20000");
    int boots = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int restarts = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
    List<String> features = Vocabulary.defaultFeatures().subList(0, 20);
    int[] truth = new int[n];
    Table t = synthetic(n, features, 7, 2026L, truth);
    EngineOptions e = EngineOptions.defaults().withK(2, 12).withRestarts(restarts)
        .withBootstraps(boots, 0.8, EngineOptions.defaults().bootstrapRestarts()).withThreads(threads);
    TypeOptions o = TypeOptions.defaults().withFeatures(features).withEngine(e);
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) p.resetPeakUsage();
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    SessionTypeModel m = SessionTypes.fit(t, o);
    double secs = (System.nanoTime() - t0) / 1e9;
    double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
    double load = os.getSystemLoadAverage();
    long peak = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) peak += p.getPeakUsage().getUsed();
    }
    int[] got = m.engineResult().labels();
    System.out.printf(Locale.ROOT,
        "types n=%d features=%d k=2..12 restarts=%d bootstraps=%d threads=%d: %.1f s wall, %.1f s CPU"
            + " (load average %.1f), peak heap %.0f MB,"
            + " chosen k=%d, ARI vs planted=%.3f, mean bootstrap ARI=%.3f, unstable types=%d%n",
        n, features.size(), restarts, boots, threads, secs, cpu, load, peak / 1048576.0, m.k(),
        AdjustedRandIndex.of(truth, got), m.engineResult().meanAri(),
        m.types().stream().filter(x -> !x.stable()).count());
    System.out.println(m.selection().print());
  }

  /** N sessions of {@code types} planted types; counts log-normal around a per-type level. */
  static Table synthetic(int n, List<String> features, int types, long seed, int[] truth) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] level = new double[types][features.size()];
    for (int q = 0; q < types; q++) {
      for (int j = 0; j < features.size(); j++) level[q][j] = r.nextDouble() < 0.5 ? 0.2 + r.nextDouble() : 2 + 20 * r.nextDouble();
    }
    StringColumn id = StringColumn.create("session_id");
    DoubleColumn[] cols = new DoubleColumn[features.size()];
    for (int j = 0; j < cols.length; j++) cols[j] = DoubleColumn.create(features.get(j), n);
    for (int i = 0; i < n; i++) {
      int q = r.nextInt(types);
      truth[i] = q;
      id.append(String.format(Locale.ROOT, "s%07d", i));
      for (int j = 0; j < cols.length; j++) {
        double g = Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
        double v = level[q][j] * Math.exp(0.25 * g);
        if (features.get(j).endsWith("_share") || features.get(j).equals("edit_focus")
            || features.get(j).equals("tool_diversity") || features.get(j).equals("diff_reviewed")) {
          v = v / (1 + v);
        }
        cols[j].set(i, v);
      }
    }
    Table t = Table.create("synthetic_features", id);
    t.addColumns(cols);
    return t;
  }
}
