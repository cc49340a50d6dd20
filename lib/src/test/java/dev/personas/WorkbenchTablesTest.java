package dev.personas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.personas.schema.Schema;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** The facade exposes the Entire tables: as loaded, or empty with the canonical columns. */
class WorkbenchTablesTest {
  @TempDir Path tmp;

  static void write(Path p, String s) throws Exception {
    Files.createDirectories(p.getParent());
    Files.writeString(p, s);
  }

  static String meta(String cp, String sid, String at) {
    return "{\"checkpoint_id\":\"" + cp + "\",\"session_id\":\"" + sid + "\",\"strategy\":\"manual-commit\","
        + "\"created_at\":\"" + at + "\",\"files_touched\":[\"a.txt\"],\"agent\":\"Claude Code\","
        + "\"token_usage\":{\"input_tokens\":4,\"output_tokens\":2,\"api_call_count\":1}}";
  }

  @Test
  void checkpointsCommitsAndRepositoriesOfAnEntireFolder() throws Exception {
    Path repo = tmp.resolve("data/acme+tools");
    write(repo.resolve("v1/aa/bbbbbbbbbb/0/metadata.json"), meta("aabbbbbbbbbb", "W1", "2026-03-01T10:00:00Z"));
    write(repo.resolve("v1/cc/dddddddddd/0/metadata.json"), meta("ccdddddddddd", "W1", "2026-03-01T11:00:00Z"));
    write(repo.resolve("_commits.jsonl"), "{\"commit_sha\":\"f00\",\"author_name\":\"Ann\","
        + "\"author_date\":\"2026-03-01T11:00:00+00:00\",\"subject\":\"x\",\"checkpoint_ids\":[\"ccdddddddddd\"],"
        + "\"files\":[{\"path\":\"a.txt\",\"added\":2,\"deleted\":1}]}\n");
    Workbench wb = Workbench.open("test", tmp.resolve("data"));
    Table cp = wb.checkpoints();
    assertThat(cp.stringColumn("checkpoint_id").asList()).containsExactly("aabbbbbbbbbb", "ccdddddddddd");
    assertThat(cp.intColumn("files_touched_count").asList()).containsExactly(1, 1);
    assertThat(cp.stringColumn("commit_sha").get(1)).isEqualTo("f00");
    assertThat(wb.commits().stringColumn("sha").asList()).containsExactly("f00");
    assertThat(wb.commits().longColumn("added_lines").get(0)).isEqualTo(2L);
    Table repos = wb.repositories();
    assertThat(repos.stringColumn("repo_id").asList()).containsExactly("acme/tools");
    assertThat(repos.intColumn("checkpoint_count").get(0)).isEqualTo(2);
    assertThat(repos.intColumn("commit_count").get(0)).isEqualTo(1);
  }

  @Test
  void emptyTablesWithTheCanonicalColumnsWhenTheDataHasNone() throws Exception {
    write(tmp.resolve("raw/s.jsonl"), "{\"type\":\"user\",\"uuid\":\"u1\",\"sessionId\":\"R1\","
        + "\"timestamp\":\"2026-03-01T10:00:00Z\",\"message\":{\"role\":\"user\",\"content\":\"hi\"}}\n");
    Workbench wb = Workbench.open("test", tmp.resolve("raw"));
    assertThat(wb.dataset().sessions().rowCount()).isEqualTo(1);
    assertThat(wb.checkpoints().rowCount()).isZero();
    Schema.requireColumns(wb.checkpoints(), Schema.CHECKPOINTS);
    Schema.requireColumns(wb.commits(), Schema.COMMITS);
    Schema.requireColumns(wb.repositories(), Schema.REPOSITORIES);
  }
}
