package dev.personas.types;

import java.util.Arrays;
import java.util.List;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Between Tablesaw tables and the engine's numeric matrices, and per-cluster profiles. */
public final class Matrices {
  private Matrices() {}

  /**
   * The named numeric columns as n x F doubles, missing values as NaN. Boolean columns give 1/0.
   * Infinite values are bad input: they become NaN too (and are then imputed like missing values).
   *
   * @throws IllegalArgumentException naming a column that is absent or not numeric
   */
  public static double[][] of(Table t, List<String> columns) {
    int n = t.rowCount();
    double[][] out = new double[n][columns.size()];
    for (int j = 0; j < columns.size(); j++) {
      String c = columns.get(j);
      if (!t.containsColumn(c)) {
        throw new IllegalArgumentException("feature '" + c + "' is not a column of table '" + t.name() + "'");
      }
      Column<?> col = t.column(c);
      if (col instanceof NumericColumn<?> nc) {
        for (int i = 0; i < n; i++) {
          double v = nc.isMissing(i) ? Double.NaN : nc.getDouble(i);
          out[i][j] = Double.isFinite(v) ? v : Double.NaN;
        }
      } else if (col instanceof BooleanColumn bc) {
        for (int i = 0; i < n; i++) {
          Boolean b = bc.isMissing(i) ? null : bc.get(i);
          out[i][j] = b == null ? Double.NaN : (b ? 1 : 0);
        }
      } else {
        throw new IllegalArgumentException("feature '" + c + "' is " + col.type().name() + ", not numeric");
      }
    }
    return out;
  }

  /** Whether the table has this column and it is numeric or boolean. */
  public static boolean isNumeric(Table t, String c) {
    return t.containsColumn(c)
        && (t.column(c) instanceof NumericColumn<?> || t.column(c) instanceof BooleanColumn);
  }

  /** The id column as strings (missing as ""). @throws IllegalArgumentException if absent */
  public static String[] ids(Table t, String idColumn) {
    if (!t.containsColumn(idColumn)) {
      throw new IllegalArgumentException("id column '" + idColumn + "' is not in table '" + t.name() + "'");
    }
    Column<?> c = t.column(idColumn);
    String[] ids = new String[t.rowCount()];
    for (int i = 0; i < ids.length; i++) ids[i] = c.isMissing(i) ? "" : c.getString(i);
    return ids;
  }

  /**
   * Per-cluster profile.
   *
   * @param sizes rows per cluster (k)
   * @param medians k x F medians of the raw values, missing values ignored (NaN if none)
   * @param z k x F means of the scaled values (0 = population centre, units of the scale)
   */
  public record Profile(int[] sizes, double[][] medians, double[][] z) {}

  /** Profiles of k clusters from raw (NaN = missing) and scaled n x F values. */
  public static Profile profile(double[][] raw, double[][] scaled, int[] labels, int k) {
    int f = raw.length == 0 ? 0 : raw[0].length;
    int[] sizes = new int[k];
    for (int l : labels) sizes[l]++;
    double[][] med = new double[k][f];
    double[][] z = new double[k][f];
    int[][] members = new int[k][];
    int[] fill = new int[k];
    for (int q = 0; q < k; q++) members[q] = new int[sizes[q]];
    for (int i = 0; i < labels.length; i++) members[labels[i]][fill[labels[i]]++] = i;
    for (int q = 0; q < k; q++) {
      double[] buf = new double[sizes[q]];
      for (int j = 0; j < f; j++) {
        int m = 0;
        double s = 0;
        for (int i : members[q]) {
          if (!Double.isNaN(raw[i][j])) buf[m++] = raw[i][j];
          s += scaled[i][j];
        }
        med[q][j] = m == 0 ? Double.NaN : FeatureTransform.quantile(Arrays.copyOf(buf, m), 0.5);
        z[q][j] = sizes[q] == 0 ? Double.NaN : s / sizes[q];
      }
    }
    return new Profile(sizes, med, z);
  }
}
