package dev.personas.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.personas.features.FeatureOptions;
import dev.personas.features.Features;
import dev.personas.load.Dataset;
import dev.personas.load.SweChatFolder;
import dev.personas.types.EngineOptions;
import dev.personas.types.SessionTypeModel;
import dev.personas.types.SessionTypes;
import dev.personas.types.TypeOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smile.validation.metric.AdjustedRandIndex;
import tech.tablesaw.api.Table;

/**
 * The pooled parquet path ({@link PooledParquet}) with a pool much smaller than the dataset (3,000
 * sessions, 400 built): the files read back through the loaders, keys are unique and sorted, the
 * planted session types are recovered from the per-session features (ARI &gt;= 0.9), population
 * medians stay near the published values, and the same options give the same bytes, whether the
 * rows are expanded in one file or in part files on several threads.
 */
class PooledParquetTest {
  static final SynthOptions O = SynthOptions.defaults().withSessions(3000).withUsers(150).withSeed(11)
      .withFormats(Set.of(SynthOptions.Format.PARQUET));
  static final int POOL = 400;

  @TempDir static Path tmp;
  static Path a;
  static Generator.Summary summary;
  static Table features;

  @BeforeAll
  static void generate() throws Exception {
    a = tmp.resolve("a");
    summary = Generator.write(O, a, POOL);
    SweChatFolder.Tables t = SweChatFolder.read(a, Set.of());
    features = Features.of(Dataset.of(t.sessions(), t.conversations(), "pooled"), FeatureOptions.defaults());
  }

  static Map<String, String> truth(Path dir, String column) throws Exception {
    List<String> lines = Files.readAllLines(dir.resolve("truth/sessions.csv"));
    int col = List.of(lines.get(0).split(",")).indexOf(column);
    Map<String, String> out = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] p = line.split(",", -1);
      out.put(p[0], p[col]);
    }
    return out;
  }

  @Test
  void sameOptionsSameBytesOtherSeedOtherBytes() throws Exception {
    Path b = tmp.resolve("b");
    Generator.write(O, b, POOL);
    assertThat(GeneratorTest.treeHash(b)).isEqualTo(GeneratorTest.treeHash(a));
    Path c = tmp.resolve("c");
    Generator.write(O.withSeed(12), c, POOL);
    assertThat(Files.mismatch(c.resolve("conversations.parquet"), a.resolve("conversations.parquet"))).isNotEqualTo(-1);
  }

  @Test
  void partFilesGiveTheSameRowsAndTheSameBytesOnAnyNumberOfThreads() throws Exception {
    // 8 part files (of fewer rows than a row group), expanded on 1, 2 and 3 threads
    long partRows = summary.conversationRows() / 8 + 1;
    assertThat(ParquetSink.parts(summary.conversationRows(), O.sessions(), partRows)).isEqualTo(8);
    Path one = tmp.resolve("parts-1");
    Path two = tmp.resolve("parts-2");
    Path three = tmp.resolve("parts-3");
    assertThat(Generator.write(O, one, POOL, 1, partRows).conversationRows()).isEqualTo(summary.conversationRows());
    Generator.write(O, two, POOL, 2, partRows);
    Generator.write(O, three, POOL, 3, partRows);
    assertThat(GeneratorTest.treeHash(two)).isEqualTo(GeneratorTest.treeHash(one));
    assertThat(GeneratorTest.treeHash(three)).isEqualTo(GeneratorTest.treeHash(one));
    for (String f : List.of("sessions.parquet", "truth/sessions.csv")) {
      assertThat(Files.mismatch(one.resolve(f), a.resolve(f))).as(f).isEqualTo(-1);
    }
    // the same rows in the same file order as the one-part file (row groups differ at the cuts)
    String x = "read_parquet('" + one.resolve("conversations.parquet") + "', file_row_number = true)";
    String y = "read_parquet('" + a.resolve("conversations.parquet") + "', file_row_number = true)";
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      st.execute("SET TimeZone = 'UTC'");
      try (ResultSet rs = st.executeQuery("SELECT count(*), count(x.file_row_number), count(y.file_row_number) "
          + "FROM " + x + " x FULL JOIN " + y + " y ON x.file_row_number = y.file_row_number "
          + "AND to_json(x) = to_json(y)")) {
        rs.next();
        assertThat(rs.getLong(2)).isEqualTo(rs.getLong(1));
        assertThat(rs.getLong(3)).isEqualTo(rs.getLong(1));
        assertThat(rs.getLong(1)).isEqualTo(summary.conversationRows());
      }
      try (ResultSet rs = st.executeQuery("SELECT (SELECT count(DISTINCT row_group_id) FROM parquet_metadata('"
          + one.resolve("conversations.parquet") + "')), (SELECT count(DISTINCT row_group_id) FROM parquet_metadata('"
          + a.resolve("conversations.parquet") + "'))")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(8).isGreaterThan(rs.getLong(2));
      }
      // the text columns stay strings
      List<String> types = new ArrayList<>();
      try (ResultSet rs = st.executeQuery("SELECT DISTINCT column_type FROM (DESCRIBE SELECT * FROM " + x + ")")) {
        while (rs.next()) types.add(rs.getString(1));
      }
      assertThat(types).noneMatch(t -> t.startsWith("ENUM"));
    }
  }

  @Test
  void idTagsAreTheLow32BitsInHex() {
    for (long v : new long[] {0, 1, 0xABCDEFL, 0xFFFFFFFFL, -1, Long.MIN_VALUE, 0x123456789ABCDEFL}) {
      assertThat(PooledParquet.tag(v)).isEqualTo(String.format("%08x", v & 0xFFFFFFFFL));
    }
  }

  @Test
  void aPoolAsLargeAsTheDatasetIsTheExactRendering() throws Exception {
    SynthOptions small = SynthOptions.defaults().withUsers(6).withSessions(30).withSeed(5).withNoise(0.6)
        .withCodexShare(0.5).withCompression(SynthOptions.Compression.NONE);
    Path p = tmp.resolve("exact-parquet");
    Path both = tmp.resolve("exact-both");
    Generator.write(small.withFormats(Set.of(SynthOptions.Format.PARQUET)), p, 30);
    Generator.write(small.withFormats(SynthOptions.parseFormats("both")), both, 1);
    for (String f : List.of("sessions.parquet", "conversations.parquet", "truth/sessions.csv")) {
      assertThat(Files.mismatch(p.resolve(f), both.resolve(f))).as(f).isEqualTo(-1);
    }
  }

  @Test
  void keysAreUniqueSortedAndConsistent() throws Exception {
    String conv = "read_parquet('" + a.resolve("conversations.parquet") + "')";
    String ses = "read_parquet('" + a.resolve("sessions.parquet") + "')";
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      st.execute("SET TimeZone = 'UTC'");
      try (ResultSet rs = st.executeQuery("SELECT count(*), count(DISTINCT session_id), count(DISTINCT turn_id), "
          + "count(DISTINCT tool_call_id) FILTER (WHERE role = 'tool_use'), count(*) FILTER (WHERE role = 'tool_use'), "
          + "count(content) FILTER (WHERE turn_type = 'user_prompt'), count(*) FILTER (WHERE turn_type = 'user_prompt') "
          + "FROM " + conv)) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(summary.conversationRows());
        assertThat(rs.getLong(2)).isEqualTo(3000);
        assertThat(rs.getLong(3)).isEqualTo(rs.getLong(1));
        // reused tool-call ids are re-tagged per session: unique over the dataset
        assertThat(rs.getLong(4)).isEqualTo(rs.getLong(5));
        assertThat(rs.getLong(6)).isEqualTo(rs.getLong(7)).isPositive();
      }
      // every API response keeps its own message id: a response's rows are contiguous, so the
      // runs of one message id within a session are as many as its distinct ids (reused ids
      // collapsed to one value per session would repeat across responses)
      try (ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM (SELECT DISTINCT session_id, message_id FROM "
          + conv + " WHERE message_id IS NOT NULL)), (SELECT count(*) FROM (SELECT message_id, lag(message_id) "
          + "OVER (PARTITION BY session_id ORDER BY turn_number) AS prev FROM " + conv + ") "
          + "WHERE message_id IS NOT NULL AND (prev IS NULL OR prev <> message_id))")) {
        rs.next();
        assertThat(rs.getLong(2)).isEqualTo(rs.getLong(1)).isPositive();
      }
      // file order is (session_id, turn_number) and turn numbers run 1..n
      try (ResultSet rs = st.executeQuery("SELECT session_id, turn_number FROM " + conv)) {
        String prev = "";
        int n = 0;
        long rows = 0;
        while (rs.next()) {
          String s = rs.getString(1);
          int t = rs.getInt(2);
          if (!s.equals(prev)) {
            assertThat(s).isGreaterThan(prev);
            n = 0;
            prev = s;
          }
          assertThat(t).isEqualTo(++n);
          rows++;
        }
        assertThat(rows).isEqualTo(summary.conversationRows());
      }
      // every tool result answers a call of its session; rows lie inside their session's span;
      // the sessions table counts the prompts of its rows
      try (ResultSet rs = st.executeQuery("SELECT "
          + "(SELECT count(*) FROM " + conv + " r WHERE r.role = 'tool_result' AND NOT EXISTS (SELECT 1 FROM "
          + conv + " u WHERE u.role = 'tool_use' AND u.session_id = r.session_id AND u.tool_call_id = r.tool_call_id)), "
          + "(SELECT count(*) FROM " + conv + " x JOIN " + ses + " s USING (session_id) "
          + "WHERE x.timestamp < s.created_at OR x.timestamp > s.ended_at), "
          + "(SELECT count(*) FROM " + ses + " s JOIN (SELECT session_id, count(*) FILTER (WHERE turn_type = 'user_prompt' "
          + "AND NOT is_sidechain) AS p FROM " + conv + " GROUP BY session_id) x USING (session_id) WHERE s.turn_count <> x.p)")) {
        rs.next();
        assertThat(rs.getLong(1)).isZero();
        assertThat(rs.getLong(2)).isZero();
        assertThat(rs.getLong(3)).isZero();
      }
    }
    // truth: every session once, its persona its user's
    Map<String, String> type = truth(a, "planted_type");
    assertThat(type).hasSize(3000);
    Map<String, String> persona = truth(a, "planted_persona");
    Map<String, String> user = truth(a, "user_id");
    Map<String, String> userPersona = new HashMap<>();
    for (String l : Files.readAllLines(a.resolve("truth/users.csv")).subList(1, 151)) {
      String[] p = l.split(",");
      userPersona.put(p[0], p[1]);
    }
    for (String s : type.keySet()) assertThat(persona.get(s)).isEqualTo(userPersona.get(user.get(s)));
  }

  @Test
  void plantedTypesAreRecoveredFromTheParquet() throws Exception {
    assertThat(features.rowCount()).isEqualTo(3000);
    Map<String, String> truth = truth(a, "planted_type");
    SessionTypeModel m = SessionTypes.fit(features,
        TypeOptions.defaults().withEngine(EngineOptions.defaults().withBootstraps(10, 0.8, 1)));
    Table as = m.assignments();
    List<String> labels = new ArrayList<>(new TreeSet<>(truth.values()));
    int[] t = new int[as.rowCount()];
    for (int i = 0; i < t.length; i++) t[i] = labels.indexOf(truth.get(as.stringColumn("session_id").get(i)));
    assertThat(labels).hasSize(SessionType.values().length);
    double ari = AdjustedRandIndex.of(t, as.intColumn("type_id").asIntArray());
    System.out.printf("pooled parquet: k %d, type ARI %.3f%n", m.k(), ari);
    assertThat(ari).isGreaterThanOrEqualTo(0.9);
  }

  static double median(Table f, String column) {
    return ModelSignals.median(f.numberColumn(column).asDoubleArray());
  }

  @Test
  void populationMediansStayNearPublishedValuesAndTheExactRendering() throws Exception {
    // medians: the tolerances of CalibrationTest (data/README.md)
    assertThat(median(features, "iteration_count")).isCloseTo(4, within(1.0));
    assertThat(median(features, "tool_call_density")).isCloseTo(9.0, within(9.0 * 0.25));
    assertThat(median(features, "edit_iteration_count")).isCloseTo(2, within(1.0));
    assertThat(median(features, "research_iteration_count")).isCloseTo(2, within(1.0));
    assertThat(median(features, "course_correction_count")).isCloseTo(1, within(1.0));
    assertThat(median(features, "median_pause_seconds")).isCloseTo(4, within(1.0));
    assertThat(median(features, "prompt_length_ratio")).isCloseTo(1.0, within(0.25));
    // the same sessions built one by one (pool as large as the dataset): reuse moves no rate or
    // median by more than sampling noise
    Path exact = tmp.resolve("exact");
    Generator.write(O, exact, O.sessions());
    SweChatFolder.Tables t = SweChatFolder.read(exact, Set.of());
    Table e = Features.of(Dataset.of(t.sessions(), t.conversations(), "exact"), FeatureOptions.defaults());
    for (String rate : List.of("tests_attempted", "diff_reviewed", "has_pr")) {
      assertThat(features.numberColumn(rate).mean()).as(rate).isCloseTo(e.numberColumn(rate).mean(), within(0.04));
    }
    for (String m : List.of("iteration_count", "tool_call_density", "median_pause_seconds", "words_per_prompt",
        "actions_per_prompt", "tool_diversity")) {
      assertThat(median(features, m)).as(m).isCloseTo(median(e, m), within(Math.max(1.0, 0.15 * median(e, m))));
    }
  }
}
