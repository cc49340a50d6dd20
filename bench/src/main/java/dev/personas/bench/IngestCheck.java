package dev.personas.bench;

import dev.personas.load.Ingest;
import dev.personas.load.IngestOptions;
import dev.personas.load.IngestResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Content check of an ingest (issue 3/9 speed work must not change the tables): loads a corpus
 * folder and prints, per table ({@code sessions}, {@code conversations}), rows x columns and a
 * SHA-256 over every column's name, type and values in row order (nulls marked apart from empty
 * strings), plus one hash per column, so two versions of the loader can be compared with
 * {@code diff}. With {@code --counts} it also prints the row counts behind the loader defects
 * (turn types by agent, tool categories by agent and tool name, sidechain rows, sub-agent sessions).
 *
 * <p>Usage: {@code IngestCheck [corpusEntireDir] [threads] [--counts]}.
 */
public final class IngestCheck {
  private IngestCheck() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "/work/corpus-unpacked/entire");
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
    boolean counts = List.of(args).contains("--counts");
    IngestResult res = Ingest.load(List.of(dir), IngestOptions.defaults().withThreads(threads));
    Table s = res.dataset().sessions();
    Table c = res.dataset().conversations();
    for (Table t : List.of(s, c)) {
      MessageDigest all = MessageDigest.getInstance("SHA-256");
      System.out.printf("%s %d x %d%n", t.name(), t.rowCount(), t.columnCount());
      for (Column<?> col : t.columns()) {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update((col.name() + "\u0000" + col.type().name() + "\u0000").getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < col.size(); i++) {
          if (col.isMissing(i)) md.update(new byte[] {1});
          else {
            md.update(new byte[] {0});
            md.update(String.valueOf(col.get(i)).getBytes(StandardCharsets.UTF_8));
            md.update(new byte[] {2});
          }
        }
        byte[] h = md.digest();
        all.update(h);
        System.out.printf("  %-26s %s%n", col.name(), HexFormat.of().formatHex(h).substring(0, 16));
      }
      System.out.printf("%s sha256 %s%n", t.name(), HexFormat.of().formatHex(all.digest()));
    }
    if (!counts) return;
    Map<String, Integer> m = new TreeMap<>();
    for (int i = 0; i < c.rowCount(); i++) {
      String agent = c.stringColumn("agent").get(i);
      m.merge("turn_type " + agent + " " + c.stringColumn("turn_type").get(i), 1, Integer::sum);
      if ("tool_use".equals(c.stringColumn("role").get(i))) {
        m.merge("tool " + agent + " " + c.stringColumn("tool_category").get(i) + " "
            + c.stringColumn("tool_name").get(i), 1, Integer::sum);
      }
      if (c.booleanColumn("is_sidechain").get(i)) m.merge("sidechain_rows " + agent, 1, Integer::sum);
    }
    m.forEach((k, v) -> System.out.println(k + "\t" + v));
    int[] prompts = new int[1];
    s.intColumn("turn_count").forEach(v -> prompts[0] += v == null ? 0 : v);
    System.out.println("sessions.turn_count sum\t" + prompts[0]);
  }
}
