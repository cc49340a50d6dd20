package dev.personas.types;

import java.util.SplittableRandom;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Hand-made feature table with three planted session types (no corpus content): quick asks (1-2
 * prompts, no edits), long edit-and-test loops (many prompts, edits, corrections, tests) and
 * read-only explorations (much research, no edits). About 2% of cells are missing.
 */
final class PlantedSessions {
  final Table table;
  final int[] truth;

  PlantedSessions(int perType, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int n = perType * 3;
    StringColumn id = StringColumn.create("session_id");
    IntColumn it = IntColumn.create("iteration_count"), ed = IntColumn.create("edit_iteration_count"),
        rs = IntColumn.create("research_iteration_count"), cc = IntColumn.create("course_correction_count"),
        tr = IntColumn.create("tests_run_count");
    DoubleColumn den = DoubleColumn.create("tool_call_density"), div = DoubleColumn.create("tool_diversity"),
        pause = DoubleColumn.create("median_pause_seconds"), edit = DoubleColumn.create("tool_edit_share"),
        read = DoubleColumn.create("tool_read_share");
    truth = new int[n];
    for (int i = 0; i < n; i++) {
      int t = (i * 7) % 3; // interleaved
      truth[i] = t;
      id.append(String.format("s%05d", (i * 7919) % 100_000));
      switch (t) {
        case 0 -> {
          it.append(1 + r.nextInt(2)); ed.append(0); rs.append(r.nextInt(2)); cc.append(0);
          tr.append(0); den.append(1 + 2 * r.nextDouble()); div.append(0.5 + 0.3 * r.nextDouble());
          pause.append(2 + 3 * r.nextDouble()); edit.append(0.02 * r.nextDouble());
          read.append(0.2 + 0.2 * r.nextDouble());
        }
        case 1 -> {
          it.append(22 + r.nextInt(20)); ed.append(8 + r.nextInt(10)); rs.append(3 + r.nextInt(4));
          cc.append(2 + r.nextInt(4)); tr.append(5 + r.nextInt(15)); den.append(8 + 8 * r.nextDouble());
          div.append(0.05 + 0.05 * r.nextDouble()); pause.append(5 + 5 * r.nextDouble());
          edit.append(0.35 + 0.1 * r.nextDouble()); read.append(0.1 + 0.1 * r.nextDouble());
        }
        default -> {
          it.append(3 + r.nextInt(4)); ed.append(0); rs.append(8 + r.nextInt(8)); cc.append(0);
          tr.append(0); den.append(15 + 10 * r.nextDouble()); div.append(0.2 + 0.1 * r.nextDouble());
          pause.append(3 + 3 * r.nextDouble()); edit.append(0.01 * r.nextDouble());
          read.append(0.6 + 0.2 * r.nextDouble());
        }
      }
    }
    table = Table.create("features", id, it, ed, rs, cc, tr, den, div, pause, edit, read);
    // knock out ~2% of cells of the double columns
    for (int i = 0; i < n; i++) {
      if (r.nextDouble() < 0.02) pause.setMissing(i);
      if (r.nextDouble() < 0.02) div.setMissing(i);
    }
  }
}
