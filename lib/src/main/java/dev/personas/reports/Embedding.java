package dev.personas.reports;

import java.util.List;
import smile.feature.extraction.PCA;
import smile.math.matrix.Matrix;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A 2-D picture of sessions: the first two principal components (Smile PCA on the covariance) of a
 * matrix that is already scaled (e.g. a session-type model's transformed features). Deterministic:
 * each component's sign is fixed so that its largest-magnitude loading is positive.
 */
public final class Embedding {
  private Embedding() {}

  /**
   * t-SNE (van der Maaten and Hinton 2008; Smile's implementation) of a scaled matrix into 2-D,
   * perplexity 30 (at most (n - 1) / 3), 1,000 iterations, seeded through Smile's random stream so
   * the same input and seed give the same picture. Same shape as {@link #pca}, with columns
   * {@code id, x, y, group}.
   *
   * @throws IllegalArgumentException for fewer than 4 rows or mismatched lengths
   */
  public static Table tsne(double[][] x, List<String> ids, List<String> groups, long seed) {
    if (x.length < 4) throw new IllegalArgumentException("t-SNE needs at least 4 rows, got " + x.length);
    if (ids.size() != x.length || groups.size() != x.length) {
      throw new IllegalArgumentException("ids and groups must have one entry per row (" + x.length + ")");
    }
    double perplexity = Math.min(30, (x.length - 1) / 3.0);
    smile.manifold.TSNE t;
    synchronized (smile.math.MathEx.class) {
      smile.math.MathEx.setSeed(seed);
      t = new smile.manifold.TSNE(x, 2, perplexity, 200, 1000);
    }
    DoubleColumn a = DoubleColumn.create("x"), b = DoubleColumn.create("y");
    for (double[] row : t.coordinates) {
      a.append(row[0]);
      b.append(row[1]);
    }
    return Table.create("tsne", StringColumn.create("id", ids), a, b, StringColumn.create("group", groups));
  }

  /** t-SNE of the sessions in a session-type model's scaled space, coloured by type (see {@link #tsne}). */
  public static Table tsneOfTypes(dev.personas.types.SessionTypeModel model, Table features, long seed) {
    double[][] x = scaled(model, features);
    Table a = model.assign(features);
    return tsne(x, a.stringColumn("session_id").asList(), a.stringColumn("type_name").asList(), seed);
  }

  /**
   * Sessions of a feature table placed by a session-type model: the model's own scaled features
   * (its fitted transform), coloured by assigned type name. Same shape as {@link #pca}.
   */
  public static Table ofTypes(dev.personas.types.SessionTypeModel model, Table features) {
    double[][] x = scaled(model, features);
    Table a = model.assign(features);
    return pca(x, a.stringColumn("session_id").asList(), a.stringColumn("type_name").asList());
  }

  /**
   * @param x n x d scaled matrix (n >= 3, d >= 2, no NaN)
   * @param ids n row ids
   * @param groups n group labels (e.g. type names) for colouring
   * @return n rows x 4 columns {@code id, pc1, pc2, group}, in input order
   * @throws IllegalArgumentException on mismatched lengths or too few rows/columns
   */
  public static Table pca(double[][] x, List<String> ids, List<String> groups) {
    if (x.length < 3 || x[0].length < 2) {
      throw new IllegalArgumentException("need at least 3 rows and 2 columns, got " + x.length + " x "
          + (x.length == 0 ? 0 : x[0].length));
    }
    if (ids.size() != x.length || groups.size() != x.length) {
      throw new IllegalArgumentException("ids (" + ids.size() + ") and groups (" + groups.size()
          + ") must have one entry per row (" + x.length + ")");
    }
    PCA pca = PCA.fit(x);
    Matrix load = pca.loadings();
    int d = x[0].length;
    double[] center = new double[d];
    for (double[] row : x) for (int j = 0; j < d; j++) center[j] += row[j] / x.length;
    DoubleColumn pc1 = DoubleColumn.create("pc1"), pc2 = DoubleColumn.create("pc2");
    double[] sign = new double[2];
    for (int c = 0; c < 2; c++) {
      int arg = 0;
      for (int j = 1; j < d; j++) if (Math.abs(load.get(j, c)) > Math.abs(load.get(arg, c))) arg = j;
      sign[c] = load.get(arg, c) < 0 ? -1 : 1;
    }
    for (double[] row : x) {
      double a = 0, b = 0;
      for (int j = 0; j < d; j++) {
        a += (row[j] - center[j]) * load.get(j, 0);
        b += (row[j] - center[j]) * load.get(j, 1);
      }
      pc1.append(sign[0] * a);
      pc2.append(sign[1] * b);
    }
    return Table.create("embedding", StringColumn.create("id", ids), pc1, pc2,
        StringColumn.create("group", groups));
  }

  /** The feature table in the model's own scaled space (its fitted transform). */
  private static double[][] scaled(dev.personas.types.SessionTypeModel model, Table features) {
    return model.doc().transform().apply(dev.personas.types.Matrices.of(features, model.doc().features()));
  }
}
