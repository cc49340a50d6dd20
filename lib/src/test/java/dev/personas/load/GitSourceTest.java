package dev.personas.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class GitSourceTest {
  @TempDir Path tmp;

  static ObjectId commit(Repository repo, ObjectId parent, Map<String, String> files, String author, String msg)
      throws Exception {
    return commit(repo, parent, files, author, msg, 1_770_000_000_000L);
  }

  static ObjectId commit(Repository repo, ObjectId parent, Map<String, String> files, String author, String msg,
      long millis) throws Exception {
    try (ObjectInserter ins = repo.newObjectInserter()) {
      DirCache dc = DirCache.newInCore();
      DirCacheBuilder b = dc.builder();
      for (Map.Entry<String, String> f : new TreeMap<>(files).entrySet()) {
        DirCacheEntry e = new DirCacheEntry(f.getKey());
        e.setFileMode(FileMode.REGULAR_FILE);
        e.setObjectId(ins.insert(Constants.OBJ_BLOB, f.getValue().getBytes(StandardCharsets.UTF_8)));
        b.add(e);
      }
      b.finish();
      ObjectId tree = dc.writeTree(ins);
      CommitBuilder cb = new CommitBuilder();
      cb.setTreeId(tree);
      if (parent != null) cb.setParentId(parent);
      PersonIdent who = new PersonIdent(author, author.toLowerCase() + "@example.org", millis, 0);
      cb.setAuthor(who);
      cb.setCommitter(who);
      cb.setMessage(msg);
      ObjectId id = ins.insert(cb);
      ins.flush();
      return id;
    }
  }

  static void setRef(Repository repo, String name, ObjectId id) throws Exception {
    RefUpdate u = repo.updateRef(name);
    u.setNewObjectId(id);
    u.setForceUpdate(true);
    assertThat(u.update()).isIn(RefUpdate.Result.NEW, RefUpdate.Result.FORCED, RefUpdate.Result.FAST_FORWARD);
  }

  @Test
  void readsCheckpointRefsWithoutCheckout() throws Exception {
    Path dir = tmp.resolve("gizmo");
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      Repository repo = git.getRepository();
      StoredConfig cfg = repo.getConfig();
      cfg.setString("remote", "origin", "url", "git@github.com:acme/gizmo.git");
      cfg.save();
      // a code commit by Alice carrying the trailer of checkpoint ab12345678
      ObjectId code = commit(repo, null, Map.of("src/App.java", "class App {}"), "Alice",
          "Add app\n\nEntire-Checkpoint: ab12345678cd\n");
      setRef(repo, "refs/heads/main", code);
      // checkpoint branch: first commit by Bob adds checkpoint ab12345678cd, second by Dana adds ef...
      Map<String, String> v1 = new TreeMap<>();
      v1.put("ab/12345678cd/metadata.json", TestTrees.checkpointMeta("ab12345678cd"));
      v1.put("ab/12345678cd/0/metadata.json",
          TestTrees.sessionMeta("ab12345678cd", "G1", "2026-03-01T10:05:00Z", "Claude Code", 1, 2, 3, 4));
      v1.put("ab/12345678cd/0/full.jsonl", TestTrees.claude("G1", 0, 2));
      ObjectId c1 = commit(repo, null, v1, "Bob", "Checkpoint: ab12345678cd\n");
      v1.put("ef/98765432ab/metadata.json", TestTrees.checkpointMeta("ef98765432ab"));
      v1.put("ef/98765432ab/0/metadata.json",
          TestTrees.sessionMeta("ef98765432ab", "G2", "2026-03-02T10:05:00Z", "Codex", 1, 2, 3, 4));
      v1.put("ef/98765432ab/0/transcript.jsonl", TestTrees.compact("codex", 3));
      ObjectId c2 = commit(repo, c1, v1, "Dana", "Checkpoint: ef98765432ab\n");
      setRef(repo, "refs/heads/entire/checkpoints/v1", c2);
      // a shadow branch: work tree plus .entire/metadata/<session>/
      ObjectId sh = commit(repo, code, Map.of("src/App.java", "class App { int x; }",
          ".entire/metadata/G3/full.jsonl", TestTrees.claude("G3", 0, 1)), "Erin", "wip");
      setRef(repo, "refs/heads/entire/abc1234-def567", sh);
    }
    assertThat(GitSource.isRepository(dir)).isTrue();
    // nothing checked out: the work tree holds no checkpoint files
    assertThat(Files.exists(dir.resolve("ab"))).isFalse();

    IngestResult r = Ingest.load(List.of(dir), IngestOptions.defaults().withRawUserIds(true));
    Table s = r.dataset().sessions();
    assertThat(s.stringColumn("session_id").asList()).containsExactly("G1", "G2", "G3");
    assertThat(s.stringColumn("repo_id").unique().asList()).containsExactly("acme/gizmo");
    // trailer author first, then the checkpoint-branch commit author, then the repository
    assertThat(s.stringColumn("user_id").asList()).containsExactly("Alice", "Dana", "acme/gizmo");
    assertThat(s.stringColumn("agent").asList()).containsExactly("Claude Code", "Codex", "Claude Code");
    assertThat(s.stringColumn("source").asList()).containsExactly("entire", "entire", "entire-shadow");
    Table c = r.dataset().conversations();
    assertThat(c.where(c.stringColumn("session_id").isEqualTo("G1")).rowCount()).isEqualTo(4);
    assertThat(c.where(c.stringColumn("session_id").isEqualTo("G2")).rowCount()).isEqualTo(6);
    assertThat(c.where(c.stringColumn("session_id").isEqualTo("G3")).rowCount()).isEqualTo(2);
    assertThat(s.stringColumn("source_path").get(0)).startsWith("git:").contains("refs/heads/entire/checkpoints/v1");
    // the shadow branch's work tree files are not read as transcripts
    assertThat(r.report().files()).noneSatisfy(f -> assertThat(f.path()).endsWith("App.java"));
  }

  @Test
  void ownerRepoFromRemoteUrls() {
    assertThat(GitSource.ownerRepo("https://github.com/acme/gizmo.git")).isEqualTo("acme/gizmo");
    assertThat(GitSource.ownerRepo("git@github.com:acme/gizmo.git")).isEqualTo("acme/gizmo");
    assertThat(GitSource.ownerRepo("ssh://git@host:22/acme/gizmo/")).isEqualTo("acme/gizmo");
    assertThat(GitSource.ownerRepo(null)).isNull();
  }
}
