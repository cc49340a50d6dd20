/**
 * Figures: static (PNG, SVG) charts with XChart 4.0.3 and interactive (HTML) plots with
 * tablesaw-jsplot 0.44.4, in one theme, written reproducibly byte for byte.
 *
 * <p>A notebook cell is a few lines:
 *
 * <pre>{@code
 * Figures.setContext(dataset.fingerprint(), options.seed());        // once, top of the notebook
 * var chart = Charts.histogram("Agent share of committed lines", sessions, "agent_percentage",
 *     "sessions", HistogramOptions.bins(51).range(0, 99).separateLow(0).separateHigh(99).withMean());
 * Figures.save(chart, "05-reproduce-swe-chat", "agent-percentage");   // shown inline via mimeBundle()
 * }</pre>
 *
 * <ul>
 *   <li>{@link dev.personas.figures.Theme}: DejaVu Sans, Okabe-Ito palette, diverging palette,
 *       800 x 500 pixels, locale ROOT, UTC.
 *   <li>{@link dev.personas.figures.Charts}: histogram (separate end bars, mean/median lines), bars
 *       and shares (sorted, labelled), grouped bars (ours vs published), lines over numbers (k sweep)
 *       and over days, scatter by group, heatmap (diverging, centred on 0), box plots.
 *   <li>{@link dev.personas.figures.RollingShares}: rolling n-day shares of groups (SWE-chat Fig. 25).
 *   <li>{@link dev.personas.figures.Figures} / {@link dev.personas.figures.FigureStore}: write
 *       {@code <root>/<notebook>/<name>.{png,svg,html}} and {@code <root>/MANIFEST.tsv}
 *       ({@link dev.personas.figures.Manifest}); return a {@link dev.personas.figures.Figure} with
 *       {@code mimeBundle()}.
 *   <li>{@link dev.personas.figures.Interactive}: scatter as a self-contained HTML page with
 *       plotly.js 2.35.3 inlined ({@code bin/fetch-plotly}).
 *   <li>{@link dev.personas.figures.Show} and {@link dev.personas.figures.Tables}: Markdown/HTML
 *       output and fixed-precision tables for notebooks.
 * </ul>
 *
 * <p>Reproducibility: PNG and SVG bytes are identical across runs, JVM processes and JDK 17 vs 25
 * (tested: runs and processes; JDK 25 checked by hand). Rotated text is avoided on purpose: its
 * glyph positions differ in the last float digits between JDK 17 and 25, so bar charts are horizontal
 * and wide heatmaps are drawn transposed.
 */
package dev.personas.figures;
