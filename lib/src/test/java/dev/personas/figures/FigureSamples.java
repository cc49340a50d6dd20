package dev.personas.figures;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Hand-made sample charts (seeded synthetic numbers, no corpus content) of every kind {@link Charts}
 * makes; {@link #main} writes them with a {@link FigureStore} so a test can compare two processes.
 */
public final class FigureSamples {
  private FigureSamples() {}

  /** name -> chart, in a fixed order. */
  public static Map<String, Chart<?, ?>> charts() {
    SplittableRandom r = new SplittableRandom(42);
    Map<String, Chart<?, ?>> m = new LinkedHashMap<>();

    double[] pct = new double[600];
    for (int i = 0; i < pct.length; i++) {
      double u = r.nextDouble();
      pct[i] = u < 0.25 ? 0 : u < 0.45 ? 100 : Math.min(98.9, Math.max(0.1, 100 * r.nextDouble() * r.nextDouble() + 20));
    }
    m.put("histogram", Charts.histogram("Agent share of committed lines", "agent_percentage (%)", "sessions", pct,
        HistogramOptions.bins(51).range(0, 99).separateLow(0).separateHigh(99).withMean()));

    double[] prompts = new double[400];
    for (int i = 0; i < prompts.length; i++) prompts[i] = Math.floor(Math.exp(1.4 + 0.8 * r.nextGaussian()));
    m.put("histogram-plain", Charts.histogram("Prompts per session", "prompts per session (count)", "sessions",
        prompts, HistogramOptions.bins(30).range(0, 60).withMean().withMedian()));

    m.put("shares", Charts.shares("Tool-category shares", "tool category", "share of tool calls (%)",
        List.of("read", "edit", "bash", "grep", "bash:build", "git/gh", "write", "web", "todo", "task"),
        new double[] {0.22, 0.19, 0.14, 0.11, 0.09, 0.08, 0.07, 0.04, 0.04, 0.02}));

    Map<String, double[]> grouped = new LinkedHashMap<>();
    grouped.put("ours", new double[] {70.1, 18.4, 11.5});
    grouped.put("published", new double[] {76.0, 14.0, Double.NaN});
    m.put("grouped", Charts.groupedBars("Coding modes: ours vs published", "coding mode", "share of sessions (%)",
        List.of("vibe", "collaborative", "human-only"), grouped, "0.0"));

    List<LocalDate> days = new ArrayList<>();
    double[] a = new double[90];
    double[] b = new double[90];
    double[] c = new double[90];
    for (int i = 0; i < 90; i++) {
      days.add(LocalDate.of(2025, 9, 1).plusDays(i));
      a[i] = 0.5 + 0.2 * Math.sin(i / 15.0);
      b[i] = 0.3 - 0.1 * Math.sin(i / 15.0);
      c[i] = 1 - a[i] - b[i];
    }
    Map<String, double[]> lines = new LinkedHashMap<>();
    lines.put("vibe", a);
    lines.put("collaborative", b);
    lines.put("human-only", c);
    m.put("lines", Charts.timeLines("Coding modes over time (14-day rolling shares)", "share of sessions", days,
        lines, "0.00"));

    Map<String, double[]> sweep = new LinkedHashMap<>();
    sweep.put("silhouette", new double[] {0.31, 0.42, 0.38, 0.33, 0.29, 0.27});
    sweep.put("stability (mean ARI)", new double[] {0.92, 0.88, 0.71, 0.64, 0.60, 0.52});
    m.put("k-sweep", Charts.lines("Session types: k sweep", "k (number of types)", "score", new double[] {2, 3, 4, 5, 6, 7},
        sweep, "0.00"));

    double[] x = new double[300];
    double[] y = new double[300];
    List<String> g = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      int k = i % 5;
      x[i] = 3 * Math.cos(k * 1.3) + r.nextGaussian();
      y[i] = 3 * Math.sin(k * 1.3) + r.nextGaussian();
      g.add("type " + (k + 1));
    }
    m.put("scatter", Charts.scatter("Sessions in PCA space, coloured by session type", "PC1 (z units)",
        "PC2 (z units)", x, y, g));

    List<String> types = List.of("type 1", "type 2", "type 3", "type 4");
    List<String> feats = List.of("prompts_count", "tool_calls_per_prompt", "words_per_prompt", "interrupt_share",
        "duration_s", "agent_lines", "bash_share", "edit_share");
    double[][] z = new double[types.size()][feats.size()];
    for (int i = 0; i < types.size(); i++) for (int j = 0; j < feats.size(); j++) z[i][j] = 2.6 * r.nextGaussian() / 1.5;
    m.put("heatmap", Charts.heatmap("Session-type profiles (feature means as z-scores)", "session type", "feature",
        types, feats, z, 2.0));

    Map<String, double[]> groups = new LinkedHashMap<>();
    for (String t : types) {
      double[] v = new double[80];
      for (int i = 0; i < v.length; i++) v[i] = Math.exp(1 + 0.5 * r.nextGaussian() + types.indexOf(t) * 0.3);
      groups.put(t, v);
    }
    m.put("box", Charts.box("Tool calls per prompt by session type", "session type", "tool calls per prompt (count)",
        groups));
    return m;
  }

  /** Writes every sample under {@code args[0]} as notebook {@code samples}. */
  public static void main(String[] args) {
    FigureStore store = FigureStore.at(Path.of(args[0])).withContext("fp-test", 42L);
    for (Map.Entry<String, Chart<?, ?>> e : charts().entrySet()) store.save(e.getValue(), "samples", e.getKey());
  }
}
