package dev.personas.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.personas.load.Dataset;
import dev.personas.load.Ingest;
import dev.personas.load.IngestOptions;
import dev.personas.load.ToolTaxonomy;
import dev.personas.testing.Corpus;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Equality with the independent Python reference (issue 9): the development corpus is loaded by
 * {@link Ingest#load} and {@link Features#of} as a user would, the transcript-derived feature
 * columns are written to CSV, and {@code bench/python/reference.py check} (Debian's
 * {@code /usr/bin/python3} with pandas) parses the corpus's Claude Code and Codex sessions itself and
 * compares every session and column (relative tolerance 1e-9). Any difference fails the test with
 * the reference's per-column report.
 */
class ReferenceParityTest {
  /** Feature columns compared (those derived from the transcript), in the reference's order. */
  static List<String> comparedColumns() {
    List<String> l = new ArrayList<>(List.of("duration_s", "n_tool_calls", "n_tool_errors",
        "total_user_chars", "is_subagent"));
    l.addAll(Features.BIGSPIN_COLUMNS);
    for (String c : ToolTaxonomy.CATEGORIES) l.add(Features.toolCountColumn(c));
    for (String c : ToolTaxonomy.CATEGORIES) l.add(Features.toolShareColumn(c));
    l.addAll(List.of("shell_share", "interrupt_count", "interrupt_rate", "pushback_rate"));
    l.addAll(Features.ANTHROPIC_COLUMNS);
    return l;
  }

  /**
   * Writes {@code session_id, source_path, source_bytes, started_at_ms, ended_at_ms} and
   * {@link #comparedColumns} of every session, one row per session; missing values are empty.
   */
  static void writeCsv(Table features, Table sessions, Path corpus, Path out) throws IOException {
    Map<String, String> source = new HashMap<>();
    StringColumn sid = sessions.stringColumn("session_id");
    for (int i = 0; i < sessions.rowCount(); i++) {
      source.put(sid.get(i), sessions.stringColumn("source_path").get(i));
    }
    List<String> cols = comparedColumns();
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      w.write("session_id,source_path,source_bytes,started_at_ms,ended_at_ms");
      for (String c : cols) w.write("," + c);
      w.write("\n");
      for (int r = 0; r < features.rowCount(); r++) {
        String s = features.stringColumn("session_id").get(r);
        String src = source.getOrDefault(s, "");
        Path p = corpus.resolve(src);
        if (!src.isEmpty() && p.startsWith(corpus)) src = corpus.relativize(p).toString();
        long bytes = !src.isEmpty() && Files.isRegularFile(p) ? Files.size(p) : -1;
        w.write(s + "," + src.replace(",", "_") + "," + bytes + ","
            + ms(features, "started_at", r) + "," + ms(features, "ended_at", r));
        for (String c : cols) w.write("," + cell(features, c, r));
        w.write("\n");
      }
    }
  }

  private static String ms(Table t, String col, int r) {
    Instant i = ((InstantColumn) t.column(col)).get(r);
    return i == null ? "" : Long.toString(i.toEpochMilli());
  }

  private static String cell(Table t, String col, int r) {
    var c = t.column(col);
    if (c.isMissing(r)) return "";
    if (c instanceof NumericColumn<?> n) {
      double v = n.getDouble(r);
      if (Double.isNaN(v)) return "";
      return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
          : String.format(Locale.ROOT, "%.17g", v);
    }
    return c.getString(r);
  }

  @Test
  void pythonReferenceGivesTheSameFeaturesForEveryClaudeAndCodexSession(@TempDir Path tmp)
      throws Exception {
    Path corpus = Corpus.unpacked();
    Path script = Corpus.projectRoot().resolve("bench/python/reference.py");
    Path pyCsv = tmp.resolve("python-features.csv");
    // the reference parses the corpus in its own process while Java loads it here
    Process py = new ProcessBuilder("/usr/bin/python3", script.toString(), "features", "--corpus",
        corpus.toString(), "--out", pyCsv.toString()).redirectErrorStream(true).start();
    Dataset d = Ingest.load(List.of(corpus.resolve("entire")),
        IngestOptions.defaults().withUserMapping(corpus.resolve("sessions.csv"))).dataset();
    Table f = Features.of(d, FeatureOptions.defaults());
    Path javaCsv = tmp.resolve("java-features.csv");
    writeCsv(f, d.sessions(), corpus.toAbsolutePath(), javaCsv);
    if (System.getenv("WORKBENCH_PARITY_KEEP") != null) {
      Files.copy(javaCsv, Path.of(System.getenv("WORKBENCH_PARITY_KEEP")),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    String pyOut = new String(py.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(py.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(py.exitValue()).as(pyOut).isZero();
    Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), "compare", "--java",
        javaCsv.toString(), "--python", pyCsv.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(out).as(out).contains("sessions compared: ");
    int compared = Integer.parseInt(out.replaceAll("(?s).*sessions compared: (\\d+).*", "$1"));
    assertThat(compared).as(out).isGreaterThan(800);
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).as(out).contains("differences: 0");
  }
}
