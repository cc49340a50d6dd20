package dev.personas.reports;

import java.util.List;
import java.util.Random;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A null model for clustering: every named column permuted independently (seeded), which keeps each
 * feature's distribution and destroys the joint structure. What survives on real data but not here
 * is structure.
 */
public final class Shuffle {
  private Shuffle() {}

  /**
   * A copy of {@code table} (same shape and column order) whose {@code columns} are each permuted
   * by a Fisher-Yates shuffle seeded from {@code seed} and the column's position in the list.
   *
   * @throws IllegalArgumentException when a column is missing
   */
  public static Table columns(Table table, List<String> columns, long seed) {
    Table out = table.copy();
    for (int c = 0; c < columns.size(); c++) {
      String name = columns.get(c);
      if (!out.containsColumn(name)) throw new IllegalArgumentException("no column '" + name + "' to shuffle");
      Column<?> col = out.column(name);
      int n = col.size();
      int[] perm = new int[n];
      for (int i = 0; i < n; i++) perm[i] = i;
      Random r = new Random(seed * 31 + c);
      for (int i = n - 1; i > 0; i--) {
        int j = r.nextInt(i + 1);
        int t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
      }
      Column<?> shuffled = col.subset(perm);
      shuffled.setName(name);
      out.replaceColumn(name, shuffled);
    }
    return out;
  }
}
