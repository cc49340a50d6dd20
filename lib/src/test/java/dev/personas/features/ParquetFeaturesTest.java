package dev.personas.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.personas.load.Dataset;
import dev.personas.load.IngestWriter;
import dev.personas.load.SweChatFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The streaming path ({@link ParquetFeatures}) gives exactly the table of the in-memory path
 * ({@link Features#of}) on the same tables: hand-built sessions covering the edge cases, written
 * to parquet in order, shuffled (DuckDB sorts) and with excluded repositories. The real-corpus
 * comparison is {@link CorpusParquetFeaturesTest}.
 */
class ParquetFeaturesTest {
  @TempDir Path tmp;

  /** Every column (name, type, order) and every value of every row equal; doubles bit for bit. */
  static void assertSameTable(Table expected, Table actual) {
    assertThat(actual.columnNames()).containsExactlyElementsOf(expected.columnNames());
    assertThat(actual.rowCount()).as("rows").isEqualTo(expected.rowCount());
    for (int c = 0; c < expected.columnCount(); c++) {
      Column<?> e = expected.column(c), a = actual.column(c);
      assertThat(a.type()).as(e.name()).isEqualTo(e.type());
      for (int r = 0; r < expected.rowCount(); r++) {
        String where = e.name() + " of row " + r + " (" + expected.stringColumn("session_id").get(r) + ")";
        assertThat(a.isMissing(r)).as(where + " missing").isEqualTo(e.isMissing(r));
        if (e instanceof DoubleColumn de) {
          assertThat(Double.doubleToLongBits(((DoubleColumn) a).getDouble(r))).as(where)
              .isEqualTo(Double.doubleToLongBits(de.getDouble(r)));
        } else if (!Objects.equals(e.get(r), a.get(r))) {
          throw new AssertionError(where + ": expected " + e.get(r) + " but was " + a.get(r));
        }
      }
    }
  }

  /** Sessions exercising every branch of the accumulator. */
  static Transcripts edgeCases() {
    Transcripts t = new Transcripts();
    t.session("a").prompt("add a --verbose flag to the cli").at(0)
        .say("Reading the code first").msg("m1").at(5).set("input_tokens", 100).set("output_tokens", 20)
        .read("cli.py").msg("m1").at(6).result(false, "def main(): ...").at(7)
        .edit("cli.py").msg("m2").at(9).result(false, "ok").at(10)
        .bash("pytest -q tests/").msg("m3").at(12).result(true, "1 failed").at(40)
        .prompt("that is wrong, revert it").at(400)
        .edit("cli.py").msg("m4").at(402)
        .prompt("still broken").at(800)
        .bash("git diff").at(810).bash("gh pr create --fill").at(820)
        .result(false, "https://github.com/o/r/pull/7").at(830)
        .prLink("https://github.com/o/r/pull/8").at(840)
        .interrupt().at(845)
        .prompt("fine").at(900).say("Done with the flag now").at(905);
    t.session("b").sessionValue("agent_percentage", 100.0).sessionValue("model", "claude-x")
        .prompt("why did you delete the tests").at(0).think("hmm").at(1)
        .tool("mcp__github__search", null, null).at(2).set("tool_category", null)
        .tool("Grep", null, null).at(3).set("tool_category", "NotACategory")
        .prompt("x").at(4).set("char_count", null).set("turn_type", "user_prompt")
        .say("unknown kinds follow").at(5).set("word_count", null)
        .prompt("y").set("turn_type", "odd_type").set("role", "odd_role")
        .bash("gh pr create").result(false, "no url here")
        .read("a.py").sidechain().read("b.py").sidechain();
    t.session("c").read("x.py").sidechain().at(1).edit("x.py").sidechain().at(2); // sub-agent only
    t.session("d"); // a sessions row without conversations
    t.session("e").sessionValue("agent_percentage", 40.0).prompt("one").set("turn_number", null)
        .prompt("two").prompt("three").set("turn_number", 2) // tie with "two"
        .prompt("no, stop").edit("f.py").prompt("ok").set("timestamp", null);
    t.session("f").sessionValue("repo_id", "o/excluded").prompt("hello").set("repo_id", "o/excluded")
        .say("hi").set("repo_id", "o/excluded");
    t.session("g").prompt("orphan: no sessions row").say("ok");
    return t;
  }

  /** Writes the tables as a SWE-chat folder (without g's sessions row), conversations in {@code order}. */
  static Path write(Path dir, Table sessions, Table conv, int[] order) throws Exception {
    Files.createDirectories(dir);
    Table s = sessions.where(sessions.stringColumn("session_id").isNotEqualTo("g"));
    IngestWriter.writeParquet(s, dir.resolve("sessions.parquet"));
    IngestWriter.writeParquet(order == null ? conv : reordered(conv, order), dir.resolve("conversations.parquet"));
    return dir;
  }

  /** The rows of {@code t} in {@code order} ({@code Table.rows} keeps table order). */
  static Table reordered(Table t, int[] order) {
    Table s = Table.create(t.name());
    for (Column<?> c : t.columns()) s.addColumns(c.subset(order));
    return s;
  }

  static Dataset inMemory(Path dir, Set<String> exclude) throws Exception {
    SweChatFolder.Tables t = SweChatFolder.read(dir, exclude);
    return Dataset.of(t.sessions(), t.conversations(), "test");
  }

  @Test
  void handBuiltSessionsInFileOrder() throws Exception {
    Transcripts t = edgeCases();
    Table sessions = t.sessionsTable(), conv = t.conversations();
    Path dir = write(tmp.resolve("ordered"), sessions, conv, null);
    Table expected = Features.of(Dataset.of(
        sessions.where(sessions.stringColumn("session_id").isNotEqualTo("g")), conv, "x"),
        FeatureOptions.defaults());
    // the edge cases are really there
    assertThat(expected.stringColumn("session_id").asList()).containsExactly("a", "b", "c", "d", "e", "f", "g");
    assertThat(FeaturesTest.n(expected, "a", "pr_count")).isEqualTo(2);
    assertThat(FeaturesTest.d(expected, "a", "pushback_rate")).isGreaterThan(0);
    assertThat(FeaturesTest.n(expected, "c", "is_subagent")).isEqualTo(1);
    assertThat(FeaturesTest.n(expected, "a", "late_pause_count")).isPositive();
    for (int threads : new int[] {1, 2, 3}) {
      List<long[]> calls = new ArrayList<>();
      Features.Result r = ParquetFeatures.compute(dir, Set.of(), FeatureOptions.defaults(), threads,
          (stage, rows, total) -> calls.add(new long[] {rows, total}));
      assertSameTable(expected, r.table());
      assertThat(calls).isNotEmpty();
      assertThat(calls.get(calls.size() - 1)[0]).isLessThanOrEqualTo(conv.rowCount());
    }
    // and so does the sidechain option
    FeatureOptions side = FeatureOptions.defaults().withIncludeSidechain(true);
    assertSameTable(Features.of(inMemory(dir, Set.of()), side), ParquetFeatures.of(dir, Set.of(), side));
  }

  @Test
  void shuffledFileIsSortedByDuckDb() throws Exception {
    Transcripts t = edgeCases();
    Table sessions = t.sessionsTable(), conv = t.conversations();
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < conv.rowCount(); i++) idx.add(i);
    Collections.shuffle(idx, new Random(7));
    int[] order = idx.stream().mapToInt(Integer::intValue).toArray();
    Path dir = write(tmp.resolve("shuffled"), sessions, conv, order);
    Table expected = Features.of(Dataset.of(
        sessions.where(sessions.stringColumn("session_id").isNotEqualTo("g")), reordered(conv, order), "x"),
        FeatureOptions.defaults());
    for (int threads : new int[] {1, 2}) {
      assertSameTable(expected, ParquetFeatures.compute(dir, Set.of(), FeatureOptions.defaults(), threads,
          dev.personas.ProgressListener.NONE).table());
    }
  }

  @Test
  void excludedRepositoriesAndTurnLabels() throws Exception {
    Transcripts t = edgeCases();
    Path dir = write(tmp.resolve("excl"), t.sessionsTable(), t.conversations(), null);
    Path labels = tmp.resolve("labels.jsonl");
    Files.writeString(labels, "{\"turn_id\":\"a:1\",\"prompt_pushback\":true}\n"
        + "{\"turn_id\":\"a:15\",\"prompt_pushback\":false}\n{\"turn_id\":\"b:1\",\"prompt_pushback\":1}\n"
        + "{\"turn_id\":\"zz:1\",\"prompt_pushback\":1}\n");
    FeatureOptions o = FeatureOptions.labels(labels);
    Set<String> ex = Set.of("o/excluded");
    Features.Result expected = Features.compute(inMemory(dir, ex), o);
    Features.Result actual = ParquetFeatures.compute(dir, ex, o, 2, dev.personas.ProgressListener.NONE);
    assertThat(expected.table().stringColumn("session_id").asList()).doesNotContain("f");
    assertThat(expected.table().columnNames()).contains("prompt_pushback");
    assertSameTable(expected.table(), actual.table());
    assertThat(actual.problems()).isEqualTo(expected.problems());
  }

  @Test
  void manyRowGroupsArePartitionedBySessionIdRanges() throws Exception {
    Transcripts t = edgeCases();
    Path small = write(tmp.resolve("small"), t.sessionsTable(), t.conversations(), null);
    Path dir = tmp.resolve("big");
    Files.createDirectories(dir);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      st.execute("SET TimeZone='UTC'");
      for (String name : List.of("sessions", "conversations")) {
        // 400 copies of every session (ids suffixed), grouped by copy, 2,048-row row groups
        st.execute("COPY (SELECT * REPLACE (session_id || '-' || lpad(CAST(k AS VARCHAR), 3, '0') AS session_id)"
            + " FROM range(400) r(k), read_parquet('" + small.resolve(name + ".parquet") + "')"
            + " ORDER BY k, session_id, " + (name.equals("sessions") ? "1" : "turn_number NULLS LAST, turn_id")
            + ") TO '" + dir.resolve(name + ".parquet") + "' (FORMAT parquet, ROW_GROUP_SIZE 2048)");
      }
      List<String> filters = ParquetFeatures.partitions(st, dir.resolve("conversations.parquet"), 3);
      assertThat(filters).hasSize(3);
      assertThat(filters.get(0)).contains("session_id <").contains("IS NULL");
    }
    Table expected = Features.of(inMemory(dir, Set.of()), FeatureOptions.defaults());
    assertThat(expected.rowCount()).isEqualTo(7 * 400);
    for (int threads : new int[] {2, 3}) {
      assertSameTable(expected, ParquetFeatures.compute(dir, Set.of(), FeatureOptions.defaults(), threads,
          dev.personas.ProgressListener.NONE).table());
    }
  }

  @Test
  void comparisonNoticesOneChangedValue() throws Exception {
    Transcripts t = edgeCases();
    Table f = Features.of(t.dataset(), FeatureOptions.defaults());
    Table g = f.copy();
    g.doubleColumn("words_per_prompt").set(0, g.doubleColumn("words_per_prompt").getDouble(0) + 1e-9);
    assertThatThrownBy(() -> assertSameTable(f, g)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("words_per_prompt");
    Table h = f.copy();
    h.intColumn("late_pause_count").setMissing(0);
    assertThatThrownBy(() -> assertSameTable(f, h)).isInstanceOf(AssertionError.class);
  }

  @Test
  void folderWithoutConversationsAndBadFolders() throws Exception {
    Transcripts t = edgeCases();
    Path dir = tmp.resolve("sessions-only");
    Files.createDirectories(dir);
    IngestWriter.writeParquet(t.sessionsTable(), dir.resolve("sessions.parquet"));
    assertSameTable(Features.of(inMemory(dir, Set.of()), FeatureOptions.defaults()),
        ParquetFeatures.of(dir, Set.of(), FeatureOptions.defaults()));
    assertThatThrownBy(() -> ParquetFeatures.of(tmp.resolve("nothing"), Set.of(), FeatureOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nothing");
    Path bad = tmp.resolve("bad");
    Files.createDirectories(bad);
    Files.writeString(bad.resolve("sessions.parquet"), "not parquet");
    assertThatThrownBy(() -> ParquetFeatures.of(bad, Set.of(), FeatureOptions.defaults()))
        .hasMessageContaining(bad.toString());
    assertThatThrownBy(() -> ParquetFeatures.compute(dir, Set.of(), FeatureOptions.defaults(), 0,
        dev.personas.ProgressListener.NONE)).isInstanceOf(IllegalArgumentException.class);
  }
}
