package dev.personas.types;

import dev.personas.schema.Csv;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A fitted session-type model ({@link SessionTypes#fit}): the transform, the partition, the types'
 * names, profiles and stability, and the model-selection table. Persists as JSON ({@link #toJson},
 * {@link #fromJson}); a loaded model places new sessions ({@link #assign}) and gives every table
 * except the training {@link #assignments()}.
 *
 * <p>Type ids are 1..k by decreasing size. A type whose mean bootstrap Jaccard is below the
 * threshold is flagged unstable: {@code type_stable = false} in assignments, {@code stable = false}
 * in profiles, and "UNSTABLE" in its description.
 */
public final class SessionTypeModel {
  /** Format tag of model.json. */
  public static final String FORMAT = "persona-workbench/session-types/1";

  /**
   * One type.
   *
   * @param typeId 1..k
   * @param name short name in words, unique
   * @param description one line: size, share, most distinctive features with medians and z
   * @param size training sessions
   * @param share size / training sessions
   * @param meanJaccard mean bootstrap Jaccard (NaN without bootstraps)
   * @param dissolvedShare share of resamples with Jaccard &lt;= 0.5
   * @param recoveredShare share of resamples with Jaccard &gt;= 0.75
   * @param stable meanJaccard &gt;= threshold (true without bootstraps)
   * @param median raw median per feature (order of {@link Doc#features()})
   * @param z mean scaled value per feature
   */
  public record TypeInfo(int typeId, String name, String description, int size, double share,
      double meanJaccard, double dissolvedShare, double recoveredShare, boolean stable,
      double[] median, double[] z) {}

  /**
   * Overlap of one type with one published shape.
   *
   * @param typeId type
   * @param typeName its name
   * @param shape one_shot | marathon
   * @param definition the shape's rule
   * @param sessionsInType sessions of the type
   * @param sessionsWithShape sessions of the type with the shape
   * @param shareOfType sessionsWithShape / sessionsInType
   * @param shareOfShape sessionsWithShape / all training sessions with the shape
   */
  public record ShapeRow(int typeId, String typeName, String shape, String definition,
      int sessionsInType, int sessionsWithShape, double shareOfType, double shareOfShape) {}

  /** Everything persisted in model.json. */
  public record Doc(String format, TypeOptions options, List<String> features,
      List<String> missingDefaultFeatures, FeatureTransform transform, Clusterer clusterer,
      SelectionRule rule, int k, Map<String, Integer> kByRule, int trainingRows, int imputedCells,
      double meanAri, List<TypeInfo> types, List<EngineResult.SweepRow> selection,
      List<ShapeRow> shapes) {}

  private final Doc doc;
  private final String[] trainingIds;
  private final EngineResult result;

  SessionTypeModel(Doc doc, String[] trainingIds, EngineResult result) {
    this.doc = doc;
    this.trainingIds = trainingIds;
    this.result = result;
  }

  /** The persisted content. */
  public Doc doc() {
    return doc;
  }

  /** Number of types. */
  public int k() {
    return doc.k();
  }

  /** The types, by type id. */
  public List<TypeInfo> types() {
    return doc.types();
  }

  /** The engine's full result (training only; null on a loaded model). */
  public EngineResult engineResult() {
    return result;
  }

  /**
   * Training assignments, sorted by id: {@code session_id, type_id, type_name, type_stable,
   * probability, distance, silhouette}; n rows. probability: mixtures only (posterior of the type);
   * distance: Euclidean, in transformed coordinates, to the type's centroid; silhouette: NaN for
   * rows outside the silhouette sample.
   *
   * @throws IllegalStateException on a model loaded from JSON
   */
  public Table assignments() {
    if (result == null) throw new IllegalStateException("a loaded model has no training assignments; use assign(table)");
    return assignmentTable(trainingIds, result.labels(), result.probability(), result.distance(),
        result.silhouette());
  }

  /**
   * Places new sessions with the fitted transform and partition: nearest centroid (k-means, Ward)
   * or largest posterior (mixtures). Same columns as {@link #assignments()}, silhouette empty.
   *
   * @throws IllegalArgumentException if the table lacks the id column or a model feature
   */
  public Table assign(Table sessions) {
    String[] ids = Matrices.ids(sessions, doc.options().idColumn());
    double[][] raw = Matrices.of(sessions, doc.features());
    Clusterer.Placement p = doc.clusterer().place(doc.transform().apply(raw));
    double[] sil = new double[ids.length];
    Arrays.fill(sil, Double.NaN);
    return assignmentTable(ids, p.labels(), p.probability(), p.distance(), sil);
  }

  private Table assignmentTable(String[] ids, int[] labels, double[] prob, double[] dist, double[] sil) {
    Integer[] order = new Integer[ids.length];
    for (int i = 0; i < order.length; i++) order[i] = i;
    Arrays.sort(order, Comparator.comparing((Integer i) -> ids[i]));
    StringColumn id = StringColumn.create(doc.options().idColumn());
    IntColumn type = IntColumn.create("type_id");
    StringColumn name = StringColumn.create("type_name");
    BooleanColumn stable = BooleanColumn.create("type_stable");
    DoubleColumn pc = DoubleColumn.create("probability"), dc = DoubleColumn.create("distance"),
        sc = DoubleColumn.create("silhouette");
    for (int i : order) {
      TypeInfo t = doc.types().get(labels[i]);
      id.append(ids[i]);
      type.append(t.typeId());
      name.append(t.name());
      stable.append(t.stable());
      pc.append(prob[i]);
      dc.append(dist[i]);
      sc.append(sil[i]);
    }
    return Table.create("assignments", id, type, name, stable, pc, dc, sc);
  }

  /**
   * Profiles: k rows, columns {@code type_id, type_name, size, share, mean_jaccard,
   * dissolved_share, recovered_share, stable, description}, then per feature {@code
   * <feature>_median} (raw units) and {@code <feature>_z} (mean scaled value).
   */
  public Table profiles() {
    IntColumn id = IntColumn.create("type_id"), size = IntColumn.create("size");
    StringColumn name = StringColumn.create("type_name"), desc = StringColumn.create("description");
    DoubleColumn share = DoubleColumn.create("share"), mj = DoubleColumn.create("mean_jaccard"),
        ds = DoubleColumn.create("dissolved_share"), rs = DoubleColumn.create("recovered_share");
    BooleanColumn st = BooleanColumn.create("stable");
    Table t = Table.create("profiles", id, name, size, share, mj, ds, rs, st, desc);
    for (TypeInfo ti : doc.types()) {
      id.append(ti.typeId());
      name.append(ti.name());
      size.append(ti.size());
      share.append(ti.share());
      mj.append(ti.meanJaccard());
      ds.append(ti.dissolvedShare());
      rs.append(ti.recoveredShare());
      st.append(ti.stable());
      desc.append(ti.description());
    }
    for (int j = 0; j < doc.features().size(); j++) {
      String f = doc.features().get(j);
      DoubleColumn m = DoubleColumn.create(f + "_median"), z = DoubleColumn.create(f + "_z");
      for (TypeInfo ti : doc.types()) {
        m.append(ti.median()[j]);
        z.append(ti.z()[j]);
      }
      t.addColumns(m, z);
    }
    return t;
  }

  /** The model-selection table ({@link EngineResult#selectionTable()} columns), one row per k. */
  public Table selection() {
    EngineResult fake = new EngineResult(doc.options().engine(), doc.rule(), doc.k(), doc.selection(),
        new int[0], doc.clusterer(), new double[0], new double[0], new double[0], List.of(), new double[0]);
    return fake.selectionTable();
  }

  /**
   * Overlap with the published session shapes: one row per (shape, type), columns {@code shape,
   * definition, type_id, type_name, sessions_in_type, sessions_with_shape, share_of_type,
   * share_of_shape}; empty when the table lacked the shapes' columns.
   */
  public Table shapes() {
    StringColumn shape = StringColumn.create("shape"), def = StringColumn.create("definition"),
        name = StringColumn.create("type_name");
    IntColumn id = IntColumn.create("type_id"), in = IntColumn.create("sessions_in_type"),
        with = IntColumn.create("sessions_with_shape");
    DoubleColumn sot = DoubleColumn.create("share_of_type"), sos = DoubleColumn.create("share_of_shape");
    for (ShapeRow r : doc.shapes()) {
      shape.append(r.shape());
      def.append(r.definition());
      id.append(r.typeId());
      name.append(r.typeName());
      in.append(r.sessionsInType());
      with.append(r.sessionsWithShape());
      sot.append(r.shareOfType());
      sos.append(r.shareOfShape());
    }
    return Table.create("shapes", shape, def, id, name, in, with, sot, sos);
  }

  /** The chosen configuration as {@code key, value} rows (strings, fixed precision). */
  public Table configuration() {
    StringColumn key = StringColumn.create("key"), value = StringColumn.create("value");
    EngineOptions e = doc.options().engine();
    TransformOptions t = doc.options().transform();
    Object[][] kv = {
        {"algorithm", e.algorithm()}, {"k", doc.k()}, {"rule", doc.rule()},
        {"k_range", e.kMin() + ".." + e.kMax()},
        {"k_at_upper_edge", doc.k() == e.kMax() && e.kMax() > e.kMin()
            ? "true: the rule's score does not peak inside the range (weak cluster structure);"
                + " widen kMax or read the selection table" : "false"}, {"restarts", e.restarts()}, {"seed", e.seed()},
        {"bootstraps", e.bootstraps()},
        {"bootstrap_fraction", String.format(Locale.ROOT, "%.2f", e.bootstrapFraction())},
        {"bootstrap_restarts", e.bootstrapRestarts()},
        {"unstable_jaccard_below", String.format(Locale.ROOT, "%.2f", e.unstableJaccard())},
        {"mean_bootstrap_ari", String.format(Locale.ROOT, "%.4f", doc.meanAri())},
        {"unstable_types", doc.types().stream().filter(x -> !x.stable()).map(x -> String.valueOf(x.typeId())).toList()},
        {"silhouette", doc.trainingRows() <= e.silhouetteExactLimit() ? "exact"
            : "sample of " + e.silhouetteSample() + " rows"},
        {"gap", e.gapReferences() == 0 ? "off" : e.gapReferences() + " uniform references, k-means on "
            + Math.min(doc.trainingRows(), e.gapSample()) + " rows"},
        {"training_rows", doc.trainingRows()}, {"imputed_cells", doc.imputedCells()},
        {"features", String.join(" ", doc.features())},
        {"missing_default_features", String.join(" ", doc.missingDefaultFeatures())},
        {"log1p_features", logged()},
        {"winsor", String.format(Locale.ROOT, "%.3f..%.3f", t.winsorLow(), t.winsorHigh())},
        {"scaling", t.scaling()},
        {"pca", doc.transform().pcaLoadings() == null ? "off"
            : doc.transform().outputDimension() + " components for variance "
                + String.format(Locale.ROOT, "%.3f", t.pcaVariance())}};
    for (Object[] r : kv) {
      key.append(String.valueOf(r[0]));
      value.append(String.valueOf(r[1]));
    }
    for (var en : doc.kByRule().entrySet()) {
      key.append("k_by_" + en.getKey());
      value.append(String.valueOf(en.getValue()));
    }
    return Table.create("configuration", key, value);
  }

  private String logged() {
    StringBuilder b = new StringBuilder();
    for (int j = 0; j < doc.features().size(); j++) {
      if (!doc.transform().log()[j]) continue;
      if (b.length() > 0) b.append(' ');
      b.append(doc.features().get(j));
    }
    return b.toString();
  }

  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .build();

  /** The model as JSON (sorted keys, 2-space indent, '\n' line ends, NaN as "NaN"). */
  public String toJson() {
    try {
      return JSON.writeValueAsString(doc).replace("\r\n", "\n") + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a model written by {@link #toJson()}.
   *
   * @throws IllegalArgumentException when the text is not such a model
   */
  public static SessionTypeModel fromJson(String json) {
    try {
      Doc d = JSON.readValue(json, Doc.class);
      if (!FORMAT.equals(d.format())) {
        throw new IllegalArgumentException("format = '" + d.format() + "', expected '" + FORMAT + "'");
      }
      return new SessionTypeModel(d, null, null);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a session-type model: " + e.getMessage(), e);
    }
  }

  /**
   * Writes {@code assignments.csv} (training models only), {@code profiles.csv},
   * {@code model_selection.csv}, {@code shapes.csv}, {@code configuration.csv} and
   * {@code model.json} into {@code dir} (created if needed). See {@link Csv} for the CSV format.
   */
  public void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    if (result != null) Csv.write(assignments(), dir.resolve("assignments.csv"));
    Csv.write(profiles(), dir.resolve("profiles.csv"));
    Csv.write(selection(), dir.resolve("model_selection.csv"));
    Csv.write(shapes(), dir.resolve("shapes.csv"));
    Csv.write(configuration(), dir.resolve("configuration.csv"));
    Files.writeString(dir.resolve("model.json"), toJson(), StandardCharsets.UTF_8);
  }
}
