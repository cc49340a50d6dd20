package dev.personas.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.personas.schema.Schema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

class RoundTripTest {
  @TempDir Path tmp;

  static void assertSameTable(Table a, Table b) {
    assertThat(b.columnNames()).isEqualTo(a.columnNames());
    assertThat(b.rowCount()).isEqualTo(a.rowCount());
    for (int i = 0; i < a.columnCount(); i++) {
      Column<?> x = a.column(i), y = b.column(i);
      assertThat(y.type()).as(x.name()).isEqualTo(x.type());
      for (int r = 0; r < a.rowCount(); r++) {
        assertThat(y.isMissing(r)).as(x.name() + "[" + r + "] missing").isEqualTo(x.isMissing(r));
        if (!x.isMissing(r)) assertThat(y.get(r)).as(x.name() + "[" + r + "]").isEqualTo(x.get(r));
      }
    }
  }

  @Test
  void parquetFolderReadsBackAsTheSameTables() throws Exception {
    Path src = TestTrees.entireRepo(tmp.resolve("src"));
    TestTrees.write(src.resolve("raw/x.jsonl"), ClaudeCodeFormatFixture.SESSION);
    IngestResult r = Ingest.load(List.of(src), IngestOptions.defaults());
    Path out = tmp.resolve("out");
    IngestWriter.write(r, out);
    assertThat(out.resolve("sessions.parquet")).exists();
    assertThat(out.resolve("conversations.parquet")).exists();
    String report = Files.readString(out.resolve(IngestWriter.REPORT));
    assertThat(report).contains("\"fingerprint\" : \"" + r.report().fingerprint() + "\"")
        .contains("\"skippedShare\" : 0.056604").contains("not a transcript / unsupported format");

    IngestResult back = Ingest.load(List.of(out), IngestOptions.defaults());
    assertSameTable(r.dataset().sessions(), back.dataset().sessions());
    assertSameTable(r.dataset().conversations(), back.dataset().conversations());
    assertThat(out.resolve("checkpoints.parquet")).exists();
    assertThat(out.resolve("commits.parquet")).exists();
    assertThat(out.resolve("repositories.parquet")).exists();
    assertSameTable(r.dataset().checkpoints(), back.dataset().checkpoints());
    assertSameTable(r.dataset().commits(), back.dataset().commits());
    assertSameTable(r.dataset().repositories(), back.dataset().repositories());
    assertThat(report).contains("\"checkpoints\" : " + r.dataset().checkpoints().rowCount())
        .contains("\"commits\" : 3").contains("\"repositories\" : " + r.dataset().repositories().rowCount());
    assertThat(back.report().files()).singleElement()
        .satisfies(f -> assertThat(f.format()).isEqualTo("swe-chat-parquet"));

    // the same run again writes a byte-identical report
    Path out2 = tmp.resolve("out2");
    IngestWriter.write(Ingest.load(List.of(src), IngestOptions.defaults()), out2);
    assertThat(Files.readString(out2.resolve(IngestWriter.REPORT))).isEqualTo(report);
  }

  @Test
  void sweChatFolderExcludesNimbusByDefaultAndProjectsColumns() throws Exception {
    Path src = TestTrees.entireRepo(tmp.resolve("src"));
    IngestResult r = Ingest.load(List.of(src), IngestOptions.defaults());
    // rename every repo to the excluded one in half the rows, as a SWE-chat release would hold it
    Table s = r.dataset().sessions().copy();
    for (int i = 0; i < s.rowCount(); i += 2) s.stringColumn("repo_id").set(i, "dayhaysoos/nimbus");
    Table c = r.dataset().conversations().copy();
    Set<String> nimbus = new java.util.HashSet<>();
    for (int i = 0; i < s.rowCount(); i += 2) nimbus.add(s.stringColumn("session_id").get(i));
    for (int i = 0; i < c.rowCount(); i++) {
      if (nimbus.contains(c.stringColumn("session_id").get(i))) c.stringColumn("repo_id").set(i, "dayhaysoos/nimbus");
    }
    Path out = tmp.resolve("swechat");
    IngestWriter.write(new IngestResult(Dataset.of(s, c.removeColumns("message_id", "event"), "x"), r.report()), out);
    IngestResult back = Ingest.load(List.of(out), IngestOptions.defaults());
    assertThat(back.dataset().sessions().rowCount()).isEqualTo(s.rowCount() - nimbus.size());
    assertThat(back.dataset().sessions().stringColumn("repo_id").asList()).doesNotContain("dayhaysoos/nimbus");
    // columns the release lacks come back missing, with the canonical types
    Schema.requireColumns(back.dataset().conversations(), Schema.CONVERSATIONS);
    assertThat(back.dataset().conversations().stringColumn("message_id").countMissing())
        .isEqualTo(back.dataset().conversations().rowCount());
    IngestResult all = Ingest.load(List.of(out), IngestOptions.defaults().withExcludeRepos(Set.of()));
    assertThat(all.dataset().sessions().rowCount()).isEqualTo(s.rowCount());
  }
}
