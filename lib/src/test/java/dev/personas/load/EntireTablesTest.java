package dev.personas.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.personas.schema.Schema;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** Issue 3: the checkpoints, commits and repositories tables from hand-written Entire trees and a git repository. */
class EntireTablesTest {
  @TempDir Path tmp;

  static int row(Table t, String col, String value) {
    for (int i = 0; i < t.rowCount(); i++) if (value.equals(t.stringColumn(col).get(i))) return i;
    throw new AssertionError(value + " not in " + col);
  }

  static int row(Table t, String checkpoint, String session, boolean unused) {
    for (int i = 0; i < t.rowCount(); i++) {
      if (checkpoint.equals(t.stringColumn("checkpoint_id").get(i)) && session.equals(t.stringColumn("session_id").get(i))) return i;
    }
    throw new AssertionError(checkpoint + "/" + session + " not in checkpoints");
  }

  /** The shared test tree with a full commits export (plus one bad line) instead of its short one. */
  Path tree() throws Exception {
    Path root = TestTrees.entireRepo(tmp.resolve("src"));
    TestTrees.write(root.resolve("acme+widgets/_commits.jsonl"),
        "{\"repo_id\":\"acme/widgets\",\"commit_sha\":\"c1\",\"parents\":[\"p0\"],\"author_name\":\"Alice\","
            + "\"author_date\":\"2026-03-01T11:05:00+01:00\",\"committer_date\":\"2026-03-01T10:06:00+00:00\","
            + "\"subject\":\"Add widget\",\"checkpoint_ids\":[\"aa11111111\"],"
            + "\"files\":[{\"path\":\"a.txt\",\"added\":3,\"deleted\":1},{\"path\":\"logo.png\",\"added\":null,\"deleted\":null}]}\n"
            + "{\"commit_sha\":\"c2\",\"parents\":[\"c1\",\"x\"],\"author_name\":\"Alice\",\"author_date\":\"2026-03-01T10:10:00+00:00\","
            + "\"committer_date\":\"2026-03-01T10:10:00+00:00\",\"subject\":\"Merge\",\"checkpoint_ids\":[\"bb22222222\",\"cc33333333\"],\"files\":[]}\n"
            + "this line is not json\n"
            + "{\"commit_sha\":\"c3\",\"author_name\":\"Carol\",\"checkpoint_ids\":[\"dd44444444\"],"
            + "\"files\":[{\"path\":\"b.txt\",\"added\":10,\"deleted\":0}]}\n"
            + "{\"author_name\":\"Nobody\"}\n");
    return root;
  }

  @Test
  void folderSourceGivesCheckpointsCommitsAndRepositories() throws Exception {
    IngestResult r = Ingest.load(List.of(tree()), IngestOptions.defaults());
    Table s = r.dataset().sessions();
    Table cp = r.dataset().checkpoints();
    Schema.requireColumns(cp, Schema.CHECKPOINTS);
    assertThat(cp.columnNames()).hasSize(Schema.CHECKPOINTS.size());
    // one row per distinct (checkpoint, session) with metadata: S1 x2, S2, S3, S4 (v2 main only), S6,
    // the early session x2; S5 (shadow, no metadata) has none
    assertThat(cp.rowCount()).isEqualTo(8);
    assertThat(cp.stringColumn("checkpoint_id").asList()).isSorted();
    assertThat(cp.stringColumn("session_id").unique().asList()).doesNotContain("S5");
    int a = row(cp, "aa11111111", "S1", true), b = row(cp, "bb22222222", "S1", true);
    assertThat(cp.longColumn("input_tokens").get(a)).isEqualTo(10L);
    assertThat(cp.longColumn("input_tokens").get(b)).isEqualTo(5L);
    assertThat(cp.longColumn("agent_lines").get(b)).isEqualTo(30L);
    assertThat(cp.longColumn("human_added_lines").get(b)).isEqualTo(10L);
    assertThat(cp.longColumn("total_committed_lines").get(b)).isEqualTo(40L);
    assertThat(cp.intColumn("turn_count").get(a)).isEqualTo(9);
    assertThat(cp.longColumn("api_call_count").isMissing(a)).isTrue(); // not in the metadata
    assertThat(cp.instantColumn("created_at").get(a)).isEqualTo(Instant.parse("2026-03-01T10:05:00Z"));
    assertThat(cp.stringColumn("strategy").get(a)).isEqualTo("manual-commit");
    assertThat(cp.stringColumn("agent").get(row(cp, "cc33333333", "S3", true))).isEqualTo("Claude Code");
    assertThat(cp.stringColumn("agent").get(row(cp, "cc33333333", "S2", true))).isEqualTo("Codex");
    // the session's user and the linking commit
    int s1 = row(s, "session_id", "S1");
    assertThat(cp.stringColumn("user_id").get(a)).isEqualTo(s.stringColumn("user_id").get(s1));
    assertThat(cp.stringColumn("commit_sha").get(a)).isEqualTo("c1");
    assertThat(cp.stringColumn("commit_sha").get(row(cp, "cc33333333", "S3", true))).isEqualTo("c2");
    assertThat(cp.stringColumn("commit_sha").isMissing(row(cp, "ee55555555", "S6", true))).isTrue();
    assertThat(cp.stringColumn("source_path").get(a)).endsWith("v1/aa/11111111/0/metadata.json");
    // session sums are the checkpoint sums
    assertThat(s.longColumn("input_tokens").get(s1)).isEqualTo(15L);

    Table cm = r.dataset().commits();
    Schema.requireColumns(cm, Schema.COMMITS);
    assertThat(cm.stringColumn("sha").asList()).containsExactly("c1", "c2", "c3");
    int c1 = 0, c2 = 1, c3 = 2;
    assertThat(cm.instantColumn("authored_at").get(c1)).isEqualTo(Instant.parse("2026-03-01T10:05:00Z"));
    assertThat(cm.instantColumn("committed_at").get(c1)).isEqualTo(Instant.parse("2026-03-01T10:06:00Z"));
    assertThat(cm.intColumn("files_changed_count").get(c1)).isEqualTo(2);
    assertThat(cm.longColumn("added_lines").get(c1)).isEqualTo(3L);
    assertThat(cm.longColumn("removed_lines").get(c1)).isEqualTo(1L);
    assertThat(cm.stringColumn("checkpoint_ids").get(c2)).isEqualTo("bb22222222,cc33333333");
    assertThat(cm.intColumn("checkpoint_count").get(c2)).isEqualTo(2);
    assertThat(cm.intColumn("parent_count").get(c2)).isEqualTo(2);
    assertThat(cm.instantColumn("authored_at").isMissing(c3)).isTrue();
    // the author is pseudonymised as session users are: Alice's commit joins Alice's session
    assertThat(cm.stringColumn("user_id").get(c1)).isEqualTo(s.stringColumn("user_id").get(s1)).doesNotContain("Alice");
    assertThat(cm.stringColumn("source").unique().asList()).containsExactly("commits-jsonl");
    // the two bad lines are reported with their line numbers, the rest kept
    IngestReport.FileEntry log = r.report().files().stream().filter(f -> "entire-commits".equals(f.format()))
        .findFirst().orElseThrow();
    assertThat(log.path()).endsWith("_commits.jsonl");
    assertThat(log.problems()).extracting(IngestReport.LineProblem::line).containsExactly(3L, 5L);
    assertThat(log.skipped()).isEqualTo(2);
    // not a transcript
    assertThat(r.report().totals().transcripts()).isEqualTo(
        (int) r.report().files().stream().filter(f -> f.format() != null && !f.format().equals("entire-commits")
            && !f.format().equals("entire-metadata")).count());

    Table repos = r.dataset().repositories();
    Schema.requireColumns(repos, Schema.REPOSITORIES);
    assertThat(repos.stringColumn("repo_id").asList()).containsExactly("acme/widgets");
    assertThat(repos.intColumn("session_count").get(0)).isEqualTo(s.rowCount());
    assertThat(repos.intColumn("checkpoint_count").get(0)).isEqualTo(7);
    assertThat(repos.intColumn("commit_count").get(0)).isEqualTo(3);
    assertThat(repos.stringColumn("session_sources").get(0)).isEqualTo("entire,entire-shadow");
    assertThat(repos.stringColumn("source").get(0)).isEqualTo("folder");
    assertThat(repos.instantColumn("first_session_at").get(0)).isEqualTo(s.instantColumn("created_at").min());
    assertThat(repos.instantColumn("last_session_at").get(0)).isEqualTo(s.instantColumn("ended_at").max());

    IngestReport.Totals t = r.report().totals();
    assertThat(t.checkpoints()).isEqualTo(8);
    assertThat(t.commits()).isEqualTo(3);
    assertThat(t.repositories()).isEqualTo(1);
  }

  @Test
  void rawTranscriptsAloneGiveNoEntireTables() throws Exception {
    TestTrees.write(tmp.resolve("raw/x.jsonl"), TestTrees.claude("R1", 0, 2));
    IngestResult r = Ingest.load(List.of(tmp.resolve("raw")), IngestOptions.defaults());
    assertThat(r.dataset().sessions().rowCount()).isEqualTo(1);
    assertThat(r.dataset().checkpoints()).isNull();
    assertThat(r.dataset().commits()).isNull();
    assertThat(r.dataset().repositories()).isNull();
    assertThat(r.report().totals().checkpoints()).isZero();
  }

  @Test
  void gitRepositoryCommitsWithTrailersAreWalkedWithNumstat() throws Exception {
    Path dir = tmp.resolve("gizmo");
    ObjectId root, second, third;
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      Repository repo = git.getRepository();
      StoredConfig cfg = repo.getConfig();
      cfg.setString("remote", "origin", "url", "https://github.com/acme/gizmo.git");
      cfg.save();
      Map<String, String> files = new TreeMap<>();
      files.put("src/App.java", "a\nb\nc\n");
      root = GitSourceTest.commit(repo, null, files, "Alice", "Initial\n\nEntire-Checkpoint: ab12345678cd\n");
      files.put("src/App.java", "a\nB\nc\nd\n");
      files.put("README.md", "hello\n");
      second = GitSourceTest.commit(repo, root, files, "Alice", "No trailer here\n", 1_770_000_100_000L);
      files.remove("README.md");
      files.put("src/Util.java", "u\n");
      third = GitSourceTest.commit(repo, second, files, "Bob",
          "Split util\n\nbody\n\nEntire-Checkpoint: ef98765432ab\nEntire-Checkpoint: AB12345678CD\n",
          1_770_000_200_000L);
      GitSourceTest.setRef(repo, "refs/heads/main", third);
      Map<String, String> v1 = new TreeMap<>();
      v1.put("ab/12345678cd/metadata.json", TestTrees.checkpointMeta("ab12345678cd"));
      v1.put("ab/12345678cd/0/metadata.json",
          TestTrees.sessionMeta("ab12345678cd", "G1", "2026-03-01T10:05:00.123456789Z", "Claude Code", 1, 2, 3, 4));
      v1.put("ab/12345678cd/0/full.jsonl", TestTrees.claude("G1", 0, 2));
      v1.put("ef/98765432ab/metadata.json", TestTrees.checkpointMeta("ef98765432ab"));
      v1.put("ef/98765432ab/0/metadata.json",
          TestTrees.sessionMeta("ef98765432ab", "G1", "2026-03-01T10:09:00Z", "Claude Code", 5, 6, 7, 8));
      v1.put("ef/98765432ab/0/full.jsonl", TestTrees.claude("G1", 0, 3));
      GitSourceTest.setRef(repo, "refs/heads/entire/checkpoints/v1",
          GitSourceTest.commit(repo, null, v1, "Bob", "Checkpoints\n"));
    }
    IngestResult r = Ingest.load(List.of(dir), IngestOptions.defaults());
    Table cm = r.dataset().commits();
    assertThat(cm.stringColumn("sha").asList()).containsExactlyInAnyOrder(root.getName(), third.getName());
    assertThat(cm.stringColumn("sha").asList()).isSorted();
    int ri = row(cm, "sha", root.getName()), ti = row(cm, "sha", third.getName());
    // root commit: against the empty tree
    assertThat(cm.intColumn("files_changed_count").get(ri)).isEqualTo(1);
    assertThat(cm.longColumn("added_lines").get(ri)).isEqualTo(3L);
    assertThat(cm.longColumn("removed_lines").get(ri)).isEqualTo(0L);
    assertThat(cm.intColumn("parent_count").get(ri)).isEqualTo(0);
    // third commit: README.md deleted (1 line), Util.java added (1 line), App.java unchanged
    assertThat(cm.intColumn("files_changed_count").get(ti)).isEqualTo(2);
    assertThat(cm.longColumn("added_lines").get(ti)).isEqualTo(1L);
    assertThat(cm.longColumn("removed_lines").get(ti)).isEqualTo(1L);
    assertThat(cm.stringColumn("checkpoint_ids").get(ti)).isEqualTo("ef98765432ab,ab12345678cd");
    assertThat(cm.stringColumn("subject").get(ti)).isEqualTo("Split util");
    assertThat(cm.instantColumn("authored_at").get(ti)).isEqualTo(Instant.ofEpochMilli(1_770_000_200_000L));
    assertThat(cm.stringColumn("repo_id").unique().asList()).containsExactly("acme/gizmo");
    assertThat(cm.stringColumn("source").unique().asList()).containsExactly("git");
    // the newest commit naming the session's first checkpoint (Bob's) gives the session's user;
    // his commit row carries the same pseudonym, Alice's another one
    Table s = r.dataset().sessions();
    assertThat(cm.stringColumn("user_id").get(ti)).isEqualTo(s.stringColumn("user_id").get(0));
    assertThat(cm.stringColumn("user_id").get(ri)).isNotEqualTo(s.stringColumn("user_id").get(0));

    Table cp = r.dataset().checkpoints();
    assertThat(cp.stringColumn("checkpoint_id").asList()).containsExactly("ab12345678cd", "ef98765432ab");
    assertThat(cp.stringColumn("commit_sha").asList()).containsExactly(root.getName(), third.getName());
    // created_at as the loaders parse timestamps (milliseconds)
    assertThat(cp.instantColumn("created_at").get(0)).isEqualTo(Instant.parse("2026-03-01T10:05:00.123Z"));
    assertThat(cp.stringColumn("source_path").get(0)).startsWith("git:");
    Table repos = r.dataset().repositories();
    assertThat(repos.stringColumn("repo_id").asList()).containsExactly("acme/gizmo");
    assertThat(repos.intColumn("session_count").get(0)).isEqualTo(1);
    assertThat(repos.intColumn("checkpoint_count").get(0)).isEqualTo(2);
    assertThat(repos.intColumn("commit_count").get(0)).isEqualTo(2);
    assertThat(repos.stringColumn("source").get(0)).isEqualTo("git");
  }
}
