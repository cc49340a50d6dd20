package dev.personas;

import dev.personas.features.FeatureOptions;
import dev.personas.features.Features;
import dev.personas.features.ParquetFeatures;
import dev.personas.figures.Figure;
import dev.personas.figures.Figures;
import dev.personas.figures.Show;
import dev.personas.load.Dataset;
import dev.personas.load.Ingest;
import dev.personas.load.IngestOptions;
import dev.personas.load.IngestResult;
import dev.personas.load.SweChatFolder;
import dev.personas.personas.PersonaModel;
import dev.personas.personas.PersonaOptions;
import dev.personas.personas.Personas;
import dev.personas.types.SessionTypeModel;
import dev.personas.types.SessionTypes;
import dev.personas.types.TypeOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

/**
 * The notebooks' entry point: one object per notebook that knows which data it works on, loads it
 * once, and computes each pipeline stage on demand (ingest, features, session types, personas) with
 * the default options and seed, so that a notebook cell is a line or two.
 *
 * <p>Data: {@code WORKBENCH_DATA} (any source {@link Ingest#load} reads, or an ingested folder),
 * default {@code <project root>/data/sample}. A {@code sessions.csv} with {@code session_id} and
 * {@code user_id} columns at the top of the data folder is used as the researcher's user mapping.
 * Repositories in {@link #POPULATION_EXCLUDED} (SWE-chat's machine-made {@code dayhaysoos/nimbus}
 * and the Entire test fixtures) are left out. Figures go to {@code WORKBENCH_FIGURES}/notebook/.
 */
public final class Workbench {
  /** Environment variable naming the data folder. */
  public static final String ENV_DATA = "WORKBENCH_DATA";
  /** Left out of population statistics: machine-made or test-fixture repositories. */
  public static final Set<String> POPULATION_EXCLUDED =
      Set.of("dayhaysoos/nimbus", "computermode/test-repo", "adrianmg/test-repo");
  /** The seed every stage uses unless told otherwise. */
  public static final long SEED = 42;

  private final String notebook;
  private final Path data;
  private IngestResult ingest;
  private Table features;
  private SessionTypeModel types;
  private PersonaModel personas;

  private Workbench(String notebook, Path data) {
    this.notebook = notebook;
    this.data = data;
  }

  /**
   * Opens the data named by {@code WORKBENCH_DATA} for one notebook.
   *
   * @param notebook the notebook's name (figures go to figures/&lt;notebook&gt;/)
   * @throws IllegalArgumentException when the data folder does not exist
   */
  public static Workbench open(String notebook) {
    String env = System.getenv(ENV_DATA);
    Path data = env != null && !env.isBlank() ? Path.of(env) : Figures.projectRoot().resolve("data/sample");
    return open(notebook, data);
  }

  /** Opens {@code data} for one notebook. */
  public static Workbench open(String notebook, Path data) {
    if (notebook == null || notebook.isBlank()) throw new IllegalArgumentException("notebook name is empty");
    Path d = data.toAbsolutePath().normalize();
    if (!Files.exists(d)) throw new IllegalArgumentException("data folder " + d + " does not exist");
    return new Workbench(notebook, d);
  }

  /** The ingest options used for {@code data}: user mapping from its sessions.csv when present. */
  public static IngestOptions ingestOptions(Path data) {
    IngestOptions o = IngestOptions.defaults().withExcludeRepos(POPULATION_EXCLUDED);
    Path mapping = data.resolve("sessions.csv");
    if (Files.isRegularFile(mapping) && hasMappingHeader(mapping)) o = o.withUserMapping(mapping);
    return o;
  }

  private static boolean hasMappingHeader(Path csv) {
    try (var r = Files.newBufferedReader(csv)) {
      String h = r.readLine();
      if (h == null) return false;
      List<String> cols = List.of(h.toLowerCase(Locale.ROOT).split(","));
      return cols.contains("session_id") && cols.contains("user_id");
    } catch (IOException e) {
      return false;
    }
  }

  /** The data folder. */
  public Path data() {
    return data;
  }

  /** The notebook name figures are filed under. */
  public String notebook() {
    return notebook;
  }

  /** Loads the data once (all sources under the data folder). */
  public synchronized IngestResult ingest() {
    if (ingest == null) {
      try {
        ingest = Ingest.load(List.of(data), ingestOptions(data));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + data + ": " + e.getMessage(), e);
      }
      Figures.setContext(ingest.dataset().fingerprint(), SEED);
    }
    return ingest;
  }

  /** The canonical tables. */
  public Dataset dataset() {
    return ingest().dataset();
  }

  /**
   * The {@code checkpoints} table: one row per (checkpoint, session), columns
   * {@link dev.personas.schema.Schema#CHECKPOINTS} for Entire sources; an empty table with those
   * columns when the data has no checkpoint metadata.
   */
  public Table checkpoints() {
    Table t = dataset().checkpoints();
    return t != null ? t : dev.personas.schema.Schema.emptyCheckpoints();
  }

  /**
   * The {@code commits} table: code commits with {@code Entire-Checkpoint:} trailers, columns
   * {@link dev.personas.schema.Schema#COMMITS}; empty (with those columns) when the data has none.
   */
  public Table commits() {
    Table t = dataset().commits();
    return t != null ? t : dev.personas.schema.Schema.emptyCommits();
  }

  /**
   * The {@code repositories} table: one row per repository, columns
   * {@link dev.personas.schema.Schema#REPOSITORIES}; empty (with those columns) when the data has
   * neither checkpoints nor commits.
   */
  public Table repositories() {
    Table t = dataset().repositories();
    return t != null ? t : dev.personas.schema.Schema.emptyRepositories();
  }

  /** The dataset fingerprint (hash of inputs and options). */
  public String fingerprint() {
    return dataset().fingerprint();
  }

  /**
   * The feature table: one row per session (see {@link Features#of}). When the data folder is a
   * SWE-chat parquet folder and has not been loaded yet, the table is computed by streaming its
   * conversations through DuckDB ({@link ParquetFeatures}: the same table, without loading
   * {@code conversations} into memory).
   */
  public synchronized Table features() {
    if (features == null) {
      if (ingest == null && SweChatFolder.is(data)) {
        try {
          features = ParquetFeatures.of(data, ingestOptions(data).excludeRepos(), FeatureOptions.defaults());
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + data + ": " + e.getMessage(), e);
        }
      } else {
        features = Features.of(dataset(), FeatureOptions.defaults());
      }
    }
    return features;
  }

  /** Session types with the default options (seed {@value #SEED}). */
  public synchronized SessionTypeModel types() {
    if (types == null) types = SessionTypes.fit(features(), TypeOptions.defaults());
    return types;
  }

  /** Personas with the default options, on the session types of {@link #types()}. */
  public synchronized PersonaModel personas() {
    if (personas == null) {
      personas = Personas.fit(features(), types().assignments(), PersonaOptions.defaults());
    }
    return personas;
  }

  /** Saves a chart as figures/&lt;notebook&gt;/&lt;name&gt;.{png,svg}; the result displays inline. */
  public Figure save(Chart<?, ?> chart, String name) {
    ingest();
    return Figures.save(chart, notebook, name);
  }

  /** Saves an interactive tablesaw-jsplot figure as figures/&lt;notebook&gt;/&lt;name&gt;.html. */
  public Figure saveHtml(tech.tablesaw.plotly.components.Figure figure, String name) {
    ingest();
    return Figures.saveHtml(figure, notebook, name);
  }

  /**
   * What this notebook runs on, as Markdown: data folder (relative to the project root when inside
   * it), fingerprint, sessions, users, repositories, agents.
   */
  public Show about() {
    Dataset ds = dataset();
    Table s = ds.sessions();
    Path root = Figures.projectRoot();
    String where = data.startsWith(root) ? root.relativize(data).toString() : data.getFileName().toString();
    Map<String, Long> byAgent = new java.util.TreeMap<>();
    for (String a : s.stringColumn("agent")) byAgent.merge(a.isEmpty() ? "(unknown)" : a, 1L, Long::sum);
    StringBuilder agents = new StringBuilder();
    byAgent.forEach((k, v) -> agents.append(agents.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
    return Show.markdown(String.format(Locale.ROOT,
        "**Data:** `%s` · fingerprint `%s`  %n**%d sessions** from **%d users** in %d repositories, "
            + "%d transcript records · agents: %s",
        where, shortFingerprint(), s.rowCount(), distinct(s, "user_id"), distinct(s, "repo_id"),
        ds.conversations().rowCount(), agents));
  }

  private String shortFingerprint() {
    String f = fingerprint();
    return f.length() > 16 ? f.substring(0, 16) : f;
  }

  private static int distinct(Table t, String col) {
    return new TreeSet<>(t.stringColumn(col).asList()).size();
  }

  /** Java and library versions on the classpath, as a Markdown table. */
  public static Show versions() {
    StringBuilder md = new StringBuilder("| component | version |\n|---|---|\n");
    md.append("| Java | ").append(System.getProperty("java.version")).append(" (")
        .append(System.getProperty("java.vendor")).append(") |\n");
    String[][] libs = {{"Tablesaw", "tech.tablesaw.api.Table"}, {"Smile", "smile.clustering.KMeans"},
        {"XChart", "org.knowm.xchart.XYChart"}, {"Jackson", "com.fasterxml.jackson.databind.ObjectMapper"},
        {"DuckDB JDBC", "org.duckdb.DuckDBDriver"}, {"commons-math3", "org.apache.commons.math3.util.FastMath"},
        {"picocli", "picocli.CommandLine"}};
    for (String[] l : libs) md.append("| ").append(l[0]).append(" | ").append(version(l[1])).append(" |\n");
    return Show.markdown(md.toString());
  }

  private static String version(String className) {
    try {
      Class<?> c = Class.forName(className);
      String v = c.getPackage() == null ? null : c.getPackage().getImplementationVersion();
      if (v == null) {
        String jar = c.getProtectionDomain().getCodeSource().getLocation().getPath();
        v = jar.replaceAll(".*/[^/]*?-(\\d[^/]*)\\.jar$", "$1");
        if (v.contains("/")) v = "(unknown)";
      }
      return v;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return "(missing)";
    }
  }

  @Override
  public String toString() {
    return "Workbench[" + notebook + " on " + data + "]";
  }
}
