package dev.personas.synth;

import java.util.*;

/** Dev-only probe: prints per-type and population signal medians. Run via main. */
class CalibrationProbe {
  public static void main(String[] a) {
    SynthOptions o = SynthOptions.defaults().withUsers(200).withSessions(3000);
    Map<String, List<Map<String, Double>>> byType = new TreeMap<>();
    List<Map<String, Double>> all = new ArrayList<>();
    Population.each(o, s -> {
      Map<String, Double> m = ModelSignals.of(s);
      all.add(m);
      byType.computeIfAbsent(s.type.id(), k -> new ArrayList<>()).add(m);
    });
    print("ALL", all);
    byType.forEach(CalibrationProbe::print);
    double[] sz = new double[4];
    for (var m : all) { double n = m.get("iteration_count"); sz[n <= 3 ? 0 : n <= 15 ? 1 : n <= 50 ? 2 : 3]++; }
    System.out.printf(Locale.ROOT, "task_size small %.3f medium %.3f large %.3f vlarge %.3f%n", sz[0]/all.size(), sz[1]/all.size(), sz[2]/all.size(), sz[3]/all.size());
  }

  static void print(String name, List<Map<String, Double>> ms) {
    StringBuilder b = new StringBuilder(String.format("%-10s n=%5d", name, ms.size()));
    for (String k : ModelSignals.NAMES) {
      double[] v = ms.stream().mapToDouble(m -> m.get(k)).toArray();
      double x = k.equals("tests_attempted") || k.equals("diff_reviewed") ? Arrays.stream(v).average().orElse(0) : ModelSignals.median(v);
      b.append(String.format(Locale.ROOT, " %s=%.2f", k.replace("_count","").replace("_share","%"), x));
    }
    System.out.println(b);
  }
}
