package dev.personas.types;

import dev.personas.ProgressListener;
import dev.personas.features.FeatureSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * Session types: clusters of sessions by way of working, with honest model selection, bootstrap
 * stability and names in words (issue 6). Input: the feature table, one row per session (id column
 * plus numeric features, missing values allowed). Runs {@link FeatureTransform} then {@link
 * ClusterEngine}; profiles and names come from {@link Matrices#profile} and {@link TypeNamer}.
 */
public final class SessionTypes {
  private SessionTypes() {}

  /**
   * Fits session types.
   *
   * @param features one row per session; column {@code options.idColumn()} and the feature columns
   * @throws IllegalArgumentException naming a requested feature that is absent or not numeric, when
   *     no default feature is present, or when the options do not fit the data (e.g. kMax &gt;= rows)
   */
  public static SessionTypeModel fit(Table features, TypeOptions options) {
    return fit(features, options, ProgressListener.NONE);
  }

  /**
   * {@link #fit(Table, TypeOptions)}, reporting the sweep and the bootstrap rounds to
   * {@code progress} ({@link ClusterEngine#SWEEP_STAGE}, {@link ClusterEngine#BOOTSTRAP_STAGE}).
   */
  public static SessionTypeModel fit(Table features, TypeOptions options, ProgressListener progress) {
    List<String> missing = new ArrayList<>();
    List<String> cols = new ArrayList<>();
    if (options.features().isEmpty()) {
      for (String f : Vocabulary.defaultFeatures()) {
        if (Matrices.isNumeric(features, f)) cols.add(f); else missing.add(f);
      }
      if (cols.isEmpty()) {
        throw new IllegalArgumentException("table '" + features.name() + "' has none of the default features "
            + Vocabulary.defaultFeatures() + "; columns: " + features.columnNames());
      }
    } else {
      cols.addAll(options.features());
    }
    String[] ids = Matrices.ids(features, options.idColumn());
    double[][] raw = Matrices.of(features, cols);
    int imputed = 0;
    for (double[] r : raw) for (double v : r) if (Double.isNaN(v)) imputed++;
    boolean[] log = new boolean[cols.size()];
    Map<String, FeatureSpec> vocab = new LinkedHashMap<>();
    for (int j = 0; j < cols.size(); j++) {
      FeatureSpec s = options.spec(cols.get(j));
      if (s != null) vocab.put(cols.get(j), s);
      log[j] = options.transform().log1p() && Vocabulary.isCountOrDuration(cols.get(j), s);
    }
    FeatureTransform tf = FeatureTransform.fit(raw, cols, log, options.transform());
    double[][] scaled = tf.scaled(raw);
    double[][] coords = tf.apply(raw);
    EngineResult r = ClusterEngine.run(coords, options.engine(), progress);
    int k = r.k();
    Matrices.Profile p = Matrices.profile(raw, scaled, r.labels(), k);
    List<TypeNamer.Naming> names =
        TypeNamer.name(cols, p.z(), p.medians(), p.sizes(), vocab, options.nameThreshold());
    List<SessionTypeModel.TypeInfo> types = new ArrayList<>();
    for (int q = 0; q < k; q++) {
      EngineResult.ClusterStability s = r.stability().get(q);
      String desc = names.get(q).description()
          + (s.stable() ? "" : String.format(java.util.Locale.ROOT,
              "; UNSTABLE (mean bootstrap Jaccard %.2f < %.2f)", s.meanJaccard(),
              options.engine().unstableJaccard()));
      types.add(new SessionTypeModel.TypeInfo(q + 1, names.get(q).name(), desc, p.sizes()[q],
          (double) p.sizes()[q] / ids.length, s.meanJaccard(), s.dissolvedShare(),
          s.recoveredShare(), s.stable(), p.medians()[q], p.z()[q]));
    }
    // shapes
    List<SessionTypeModel.ShapeRow> shapes = new ArrayList<>();
    List<boolean[]> flags = SessionShapes.flags(features);
    for (int si = 0; si < SessionShapes.SHAPES.size(); si++) {
      boolean[] f = flags.get(si);
      if (f == null) continue;
      String shape = SessionShapes.SHAPES.get(si);
      int total = 0;
      int[] in = new int[k];
      for (int i = 0; i < f.length; i++) {
        if (f[i]) { total++; in[r.labels()[i]]++; }
      }
      for (int q = 0; q < k; q++) {
        shapes.add(new SessionTypeModel.ShapeRow(q + 1, types.get(q).name(), shape,
            SessionShapes.definition(shape), p.sizes()[q], in[q],
            p.sizes()[q] == 0 ? Double.NaN : (double) in[q] / p.sizes()[q],
            total == 0 ? Double.NaN : (double) in[q] / total));
      }
    }
    Map<String, Integer> byRule = new LinkedHashMap<>();
    for (SelectionRule rule : SelectionRule.values()) {
      if (rule == SelectionRule.AUTO) continue;
      if (rule == SelectionRule.BIC && !options.engine().algorithm().isMixture()) continue;
      byRule.put(rule.name().toLowerCase(java.util.Locale.ROOT), r.chosenBy(rule));
    }
    var doc = new SessionTypeModel.Doc(SessionTypeModel.FORMAT, options, List.copyOf(cols),
        List.copyOf(missing), tf, r.clusterer(), r.rule(), k, byRule, ids.length, imputed,
        r.meanAri(), List.copyOf(types), r.sweep(), List.copyOf(shapes));
    return new SessionTypeModel(doc, ids, r);
  }
}
