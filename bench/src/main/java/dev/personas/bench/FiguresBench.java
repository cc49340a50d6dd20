package dev.personas.bench;

import dev.personas.features.FeatureOptions;
import dev.personas.features.Features;
import dev.personas.figures.Charts;
import dev.personas.figures.Figure;
import dev.personas.figures.FigureStore;
import dev.personas.figures.HistogramOptions;
import dev.personas.figures.Interactive;
import dev.personas.figures.Manifest;
import dev.personas.figures.RollingShares;
import dev.personas.figures.Tables;
import dev.personas.load.Dataset;
import dev.personas.load.Ingest;
import dev.personas.load.IngestOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * The figure layer on real data: ingests a corpus folder, computes the feature table, then writes a
 * set of notebook-style figures (PNG + SVG, one interactive HTML) twice into {@code <out>/run1} and
 * {@code <out>/run2}, timing each figure (chart building + PNG + SVG encoding + manifest) and checking
 * that both runs wrote byte-identical files.
 *
 * <p>Usage: {@code FiguresBench [corpusDir] [outDir]}; defaults {@code /work/corpus-unpacked} and a
 * new temporary folder. Run via {@code bench/figures.sh}. HTML needs plotly.js
 * ({@code bin/fetch-plotly}); without it the HTML figure is skipped and said so.
 */
public final class FiguresBench {
  private FiguresBench() {}

  public static void main(String[] args) throws Exception {
    Path corpus = Path.of(args.length > 0 ? args[0] : "/work/corpus-unpacked");
    Path out = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("figures-bench");
    long t0 = System.nanoTime();
    Dataset ds = Ingest.load(List.of(corpus), IngestOptions.defaults()).dataset();
    long t1 = System.nanoTime();
    Table f = Features.of(ds, FeatureOptions.defaults());
    long t2 = System.nanoTime();
    System.out.printf(Locale.ROOT, "data: %s, %d sessions, %d records; ingest %.1f s, features %.1f s%n", corpus,
        ds.sessions().rowCount(), ds.conversations().rowCount(), (t1 - t0) / 1e9, (t2 - t1) / 1e9);
    Map<String, Double> ms1 = run(out.resolve("run1"), ds, f);
    Map<String, Double> ms2 = run(out.resolve("run2"), ds, f);
    List<Manifest.Row> m1 = Manifest.read(out.resolve("run1"));
    List<Manifest.Row> m2 = Manifest.read(out.resolve("run2"));
    System.out.printf(Locale.ROOT, "%-32s %10s %10s %10s %10s%n", "figure", "run1 ms", "run2 ms", "png KB", "svg KB");
    for (String name : ms1.keySet()) {
      Path png = out.resolve("run2/bench/" + name + ".png");
      Path svg = out.resolve("run2/bench/" + name + ".svg");
      System.out.printf(Locale.ROOT, "%-32s %10.1f %10.1f %10s %10s%n", name, ms1.get(name), ms2.get(name),
          Files.exists(png) ? String.format(Locale.ROOT, "%.1f", Files.size(png) / 1024.0) : "-",
          Files.exists(svg) ? String.format(Locale.ROOT, "%.1f", Files.size(svg) / 1024.0) : "-");
    }
    System.out.printf(Locale.ROOT, "total: run1 %.0f ms, run2 %.0f ms for %d figures; %d manifest rows; runs identical: %s%n",
        ms1.values().stream().mapToDouble(Double::doubleValue).sum(),
        ms2.values().stream().mapToDouble(Double::doubleValue).sum(), ms1.size(), m1.size(), m1.equals(m2));
    System.out.println("figures in " + out.resolve("run2"));
  }

  private static Map<String, Double> run(Path root, Dataset ds, Table f) {
    FigureStore store = FigureStore.at(root).withContext(ds.fingerprint(), null);
    Map<String, Double> ms = new LinkedHashMap<>();
    Table s = ds.sessions();

    time(ms, store, "agent-percentage", () -> Charts.histogram("Agent share of committed lines (SWE-chat Fig. 5)",
        s, "agent_percentage", "agent_percentage (% of committed lines)", "sessions", HistogramOptions.bins(51).range(0, 99).separateLow(0).separateHigh(99)
            .withMean()));
    time(ms, store, "prompts-per-session", () -> Charts.histogram("Prompts per session", "prompts per session (count)",
        "sessions", clip(doubles(f, "iteration_count"), 100), HistogramOptions.bins(50).range(0, 100).withMean()
            .withMedian()));
    time(ms, store, "sessions-by-agent", () -> {
      Table sh = Tables.shares(s, "agent");
      return Charts.shares("Sessions by agent", "agent", "share of sessions (%)", sh.stringColumn("agent").asList(),
          sh.doubleColumn("share").asDoubleArray());
    });
    time(ms, store, "tool-category-shares", () -> {
      Table sh = Tables.shares(ds.conversations(), "tool_category", false);
      return Charts.shares("Tool-category shares (SWE-chat Fig. 19b)", "tool category", "share of tool calls (%)",
          sh.stringColumn("tool_category").asList(), sh.doubleColumn("share").asDoubleArray());
    });
    time(ms, store, "coding-modes-vs-published", () -> {
      Table sh = Tables.shares(f.where(f.stringColumn("coding_mode").isNotEqualTo("")), "coding_mode");
      List<String> modes = List.of("Vibe coding", "Collaborative", "Human-only");
      double[] ours = new double[3];
      for (int i = 0; i < 3; i++) {
        int r = sh.stringColumn("coding_mode").indexOf(modes.get(i));
        ours[i] = r < 0 ? 0 : 100 * sh.doubleColumn("share").get(r);
      }
      Map<String, double[]> m = new LinkedHashMap<>();
      m.put("this corpus", ours);
      m.put("SWE-chat (published)", new double[] {76, 14, 8});
      return Charts.groupedBars("Coding modes (SWE-chat Fig. 19e)", "coding mode", "share of sessions (%)", modes, m,
          "0.0");
    });
    time(ms, store, "coding-modes-over-time", () -> {
      Table t = Table.create("t", f.instantColumn("started_at"), f.stringColumn("coding_mode"));
      RollingShares r = RollingShares.of(t, "started_at", "coding_mode", 14);
      return Charts.timeLines("Coding modes over time, 14-day rolling shares (SWE-chat Fig. 25)",
          "share of sessions", r.days(), r.shares(), "0.00");
    });
    time(ms, store, "actions-vs-prompts", () -> Charts.scatter("Actions per prompt vs prompts, by agent",
        "log10(1 + prompts)", "log10(1 + actions per prompt)", log1p(doubles(f, "iteration_count")),
        log1p(doubles(f, "actions_per_prompt")), f.stringColumn("agent").asList()));
    time(ms, store, "agent-profiles", () -> agentProfiles(f));
    time(ms, store, "actions-per-prompt-by-agent", () -> {
      Map<String, double[]> groups = new TreeMap<>();
      for (String a : f.stringColumn("agent").unique().asList()) {
        groups.put(a, doubles(f.where(f.stringColumn("agent").isEqualTo(a)), "actions_per_prompt"));
      }
      return Charts.box("Actions per prompt by agent", "agent", "tool calls per prompt (count)", groups);
    });
    try {
      long a = System.nanoTime();
      Figure h = store.saveHtml(Interactive.scatter("Actions per prompt vs prompts, by agent (interactive)",
          "log10(1 + prompts)", "log10(1 + actions per prompt)", log1p(doubles(f, "iteration_count")),
          log1p(doubles(f, "actions_per_prompt")), f.stringColumn("agent").asList(), null), "bench", "actions-vs-prompts");
      ms.put("actions-vs-prompts (html)", (System.nanoTime() - a) / 1e6);
      System.out.println(h.description());
    } catch (IllegalStateException e) {
      System.out.println("html skipped: " + e.getMessage());
    }
    return ms;
  }

  /** Agents x features: mean of each feature's z-score among the agent's sessions. */
  private static Chart<?, ?> agentProfiles(Table f) {
    List<String> feats = List.of("iteration_count", "tool_call_density", "tool_diversity", "edit_focus",
        "course_correction_count", "shell_share", "interrupt_rate", "pushback_rate", "actions_per_prompt",
        "words_per_prompt", "duration_s");
    List<String> agents = new ArrayList<>(new java.util.TreeSet<>(f.stringColumn("agent").asList()));
    double[][] z = new double[agents.size()][feats.size()];
    for (int j = 0; j < feats.size(); j++) {
      double[] v = doubles(f, feats.get(j));
      org.apache.commons.math3.stat.descriptive.SummaryStatistics st = new org.apache.commons.math3.stat.descriptive.SummaryStatistics();
      for (double x : v) if (Double.isFinite(x)) st.addValue(x);
      double[] sum = new double[agents.size()];
      int[] n = new int[agents.size()];
      for (int r = 0; r < v.length; r++) {
        if (!Double.isFinite(v[r])) continue;
        int a = agents.indexOf(f.stringColumn("agent").get(r));
        sum[a] += (v[r] - st.getMean()) / st.getStandardDeviation();
        n[a]++;
      }
      for (int a = 0; a < agents.size(); a++) z[a][j] = n[a] == 0 ? Double.NaN : sum[a] / n[a];
    }
    return Charts.heatmap("Agent profiles (mean z-score of each feature)", "agent", "feature", agents, feats, z, 1.0);
  }

  private static void time(Map<String, Double> ms, FigureStore store, String name, Supplier<Chart<?, ?>> chart) {
    long a = System.nanoTime();
    store.save(chart.get(), "bench", name);
    ms.put(name, (System.nanoTime() - a) / 1e6);
  }

  private static double[] doubles(Table t, String col) {
    NumericColumn<?> c = (NumericColumn<?>) t.column(col);
    double[] out = new double[c.size()];
    for (int i = 0; i < out.length; i++) out[i] = c.isMissing(i) ? Double.NaN : c.getDouble(i);
    return out;
  }

  private static double[] clip(double[] v, double max) {
    return java.util.Arrays.stream(v).map(x -> Math.min(x, max)).toArray();
  }

  private static double[] log1p(double[] v) {
    return java.util.Arrays.stream(v).map(x -> Math.log10(1 + x)).toArray();
  }
}
