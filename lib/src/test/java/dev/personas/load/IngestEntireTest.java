package dev.personas.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.personas.schema.Schema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

class IngestEntireTest {
  @TempDir Path tmp;

  static Row row(Table sessions, String id) {
    Table t = sessions.where(sessions.stringColumn("session_id").isEqualTo(id));
    assertThat(t.rowCount()).as("sessions with id " + id).isEqualTo(1);
    return t.row(0);
  }

  static Table conv(Table c, String id) {
    return c.where(c.stringColumn("session_id").isEqualTo(id));
  }

  @Test
  void entireLayoutsMergeIntoSessions() throws Exception {
    Path root = TestTrees.entireRepo(tmp.resolve("src"));
    IngestResult r = Ingest.load(List.of(root), IngestOptions.defaults().withRawUserIds(true));
    Table s = r.dataset().sessions();
    Table c = r.dataset().conversations();
    Schema.requireColumns(s, Schema.SESSIONS);
    Schema.requireColumns(c, Schema.CONVERSATIONS);
    assertThat(s.stringColumn("session_id").asList())
        .containsExactly("2026-01-05-0000aaaa-bbbb", "S1", "S2", "S3", "S4", "S5", "S6");

    // S1: longest cumulative transcript (with its continuation chunk), not both checkpoints
    Row s1 = row(s, "S1");
    Table c1 = conv(c, "S1");
    assertThat(c1.rowCount()).isEqualTo(8);
    assertThat(c1.stringColumn("content").get(6)).isEqualTo("prompt number 3");
    assertThat(s1.getInt("turn_count")).isEqualTo(4);
    assertThat(s1.getString("repo_id")).isEqualTo("acme/widgets");
    assertThat(s1.getString("user_id")).isEqualTo("Alice");
    assertThat(s1.getString("agent")).isEqualTo("Claude Code");
    assertThat(s1.getString("model")).isEqualTo("model-x");
    assertThat(s1.getString("source")).isEqualTo("entire");
    assertThat(s1.getString("source_path")).endsWith("v1/bb/22222222/0/full.jsonl");
    // token usage and attribution summed over the two checkpoints
    assertThat(s1.getLong("input_tokens")).isEqualTo(15);
    assertThat(s1.getLong("output_tokens")).isEqualTo(26);
    assertThat(s1.getLong("cache_read_tokens")).isEqualTo(10);
    assertThat(s1.getLong("agent_lines")).isEqualTo(40);
    assertThat(s1.getLong("total_committed")).isEqualTo(60);
    assertThat(s1.getLong("human_removed")).isEqualTo(4);
    assertThat(s1.getDouble("agent_percentage")).isCloseTo(100.0 * 40 / 60, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(s1.getInstant("created_at")).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
    assertThat(s1.getInstant("ended_at")).isEqualTo(Instant.parse("2026-03-01T10:03:30Z"));
    assertThat(c1.stringColumn("turn_id").get(7)).isEqualTo("S1:000007");

    // S2: compact transcript only; agent from metadata
    Row s2 = row(s, "S2");
    assertThat(s2.getString("agent")).isEqualTo("Codex");
    assertThat(conv(c, "S2").rowCount()).isEqualTo(4);
    assertThat(conv(c, "S2").stringColumn("agent").get(0)).isEqualTo("Codex");
    assertThat(s2.getString("user_id")).isEqualTo("Alice");

    // S3: metadata only: listed, never dropped
    Row s3 = row(s, "S3");
    assertThat(s3.getString("agent")).isEqualTo("Claude Code");
    assertThat(s3.getInt("turn_count")).isEqualTo(9);
    assertThat(conv(c, "S3").rowCount()).isZero();
    assertThat(r.report().sessionsWithoutRecords()).extracting(IngestReport.SessionNote::sessionId).containsExactly("S3");

    // S4: v2 full/current (gzip) preferred over the compact transcript in main; "Agent" = Claude Code
    Row s4 = row(s, "S4");
    assertThat(conv(c, "S4").rowCount()).isEqualTo(4);
    assertThat(s4.getString("agent")).isEqualTo("Claude Code");
    assertThat(s4.getString("user_id")).isEqualTo("Carol");
    assertThat(s4.getString("source_path")).endsWith("v2-full-current/dd/44444444/0/raw_transcript");

    // S5: shadow branch: no metadata, no commit author -> the repository
    Row s5 = row(s, "S5");
    assertThat(s5.getString("source")).isEqualTo("entire-shadow");
    assertThat(s5.getString("user_id")).isEqualTo("acme/widgets");
    assertThat(s5.getString("agent")).isEqualTo("Claude Code");
    assertThat(s5.getLong("output_tokens")).isEqualTo(2);
    assertThat(s5.isMissing("agent_percentage")).isTrue();

    // S6: one ref per checkpoint
    assertThat(conv(c, "S6").rowCount()).isEqualTo(2);

    // non-cumulative early slices are concatenated in checkpoint order, turn numbers continuing
    Table early = conv(c, "2026-01-05-0000aaaa-bbbb");
    assertThat(early.rowCount()).isEqualTo(10);
    assertThat(early.intColumn("turn_number").asList()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    assertThat(early.stringColumn("content").get(4)).isEqualTo("prompt number 10");

    // conversations sorted by session_id, turn_number
    List<String> ids = c.stringColumn("turn_id").asList();
    assertThat(ids).isSorted();

    // the notes file is reported as not a transcript
    assertThat(r.report().files()).anySatisfy(f -> {
      assertThat(f.path()).endsWith("notes.txt");
      assertThat(f.note()).isEqualTo(TranscriptFormats.UNSUPPORTED);
    });
    assertThat(r.report().totals().unsupported()).isEqualTo(1);
    assertThat(r.report().totals().skipped()).isZero();
    assertThat(r.report().totals().sessions()).isEqualTo(7);
  }

  @Test
  void identityFromMappingThenPseudonymised() throws Exception {
    Path root = TestTrees.entireRepo(tmp.resolve("src"));
    Path map = tmp.resolve("map.csv");
    Files.writeString(map, "repo_id,session_id,user_id\nacme/widgets,S2,bob\n\"x\",\"S6\",\"dora, d.\"\n");
    IngestResult raw = Ingest.load(List.of(root), IngestOptions.defaults().withRawUserIds(true).withUserMapping(map));
    assertThat(row(raw.dataset().sessions(), "S2").getString("user_id")).isEqualTo("bob");
    assertThat(row(raw.dataset().sessions(), "S6").getString("user_id")).isEqualTo("dora, d.");
    assertThat(row(raw.dataset().sessions(), "S1").getString("user_id")).isEqualTo("Alice");

    IngestResult p1 = Ingest.load(List.of(root), IngestOptions.defaults().withUserMapping(map));
    IngestResult p2 = Ingest.load(List.of(root), IngestOptions.defaults().withUserMapping(map).withSalt("other"));
    String a1 = row(p1.dataset().sessions(), "S1").getString("user_id");
    assertThat(a1).matches("u[0-9a-f]{10}").isNotEqualTo("Alice");
    assertThat(row(p1.dataset().sessions(), "S2").getString("user_id")).isNotEqualTo(a1).startsWith("u");
    assertThat(row(p1.dataset().sessions(), "S2").getString("user_id")).isNotEqualTo(a1);
    assertThat(row(p2.dataset().sessions(), "S1").getString("user_id")).isNotEqualTo(a1);
    // the same user gets the same pseudonym in every table
    Table c = p1.dataset().conversations();
    assertThat(conv(c, "S1").stringColumn("user_id").unique().asList()).containsExactly(a1);
    assertThat(row(p1.dataset().sessions(), "S2").getString("user_id"))
        .isEqualTo(row(p1.dataset().sessions(), "S2").getString("user_id"));
    assertThat(p1.report().fingerprint()).isNotEqualTo(p2.report().fingerprint());
  }

  @Test
  void duplicateSessionIdsKeepTheLongestAndAreReported() throws Exception {
    Path root = TestTrees.entireRepo(tmp.resolve("src"));
    Path raw = tmp.resolve("raw");
    TestTrees.write(raw.resolve("copy.jsonl"), TestTrees.claude("S1", 0, 1));
    TestTrees.write(raw.resolve("other.jsonl"), TestTrees.claude("R1", 0, 2));
    TestTrees.write(raw.resolve("empty.jsonl"), "");
    IngestResult r = Ingest.load(List.of(root, raw), IngestOptions.defaults().withRawUserIds(true)
        .withDefaultRepoId("me/local"));
    assertThat(conv(r.dataset().conversations(), "S1").rowCount()).isEqualTo(8);
    assertThat(r.report().duplicates()).singleElement().satisfies(d -> {
      assertThat(d.sessionId()).isEqualTo("S1");
      assertThat(d.reason()).contains("copy.jsonl").contains("dropped");
    });
    Row r1 = row(r.dataset().sessions(), "R1");
    assertThat(r1.getString("source")).isEqualTo("raw");
    assertThat(r1.getString("repo_id")).isEqualTo("me/local");
    assertThat(r1.getString("user_id")).isEqualTo("me/local");
    assertThat(r.report().files()).anySatisfy(f -> {
      assertThat(f.path()).endsWith("empty.jsonl");
      assertThat(f.note()).isEqualTo("empty file");
    });
  }

  @Test
  void excludedRepositoriesAreLeftOut() throws Exception {
    Path root = TestTrees.entireRepo(tmp.resolve("src"));
    IngestResult r = Ingest.load(List.of(root), IngestOptions.defaults().withExcludeRepos(java.util.Set.of("acme/widgets")));
    assertThat(r.dataset().sessions().rowCount()).isZero();
  }

  @Test
  void outputDoesNotDependOnThreads() throws Exception {
    Path root = TestTrees.entireRepo(tmp.resolve("src"));
    IngestResult a = Ingest.load(List.of(root), IngestOptions.defaults().withThreads(1));
    IngestResult b = Ingest.load(List.of(root), IngestOptions.defaults().withThreads(3));
    assertThat(a.report()).isEqualTo(b.report());
    assertThat(a.dataset().conversations().toString()).isEqualTo(b.dataset().conversations().toString());
    assertThat(a.dataset().sessions().printAll()).isEqualTo(b.dataset().sessions().printAll());
  }

  @Test
  void fingerprintDependsOnInputBytesAndOptionsNotOnLocation() throws Exception {
    Path a = TestTrees.entireRepo(tmp.resolve("a"));
    Path b = TestTrees.entireRepo(tmp.resolve("elsewhere/b"));
    String fa = Ingest.load(List.of(a), IngestOptions.defaults()).report().fingerprint();
    assertThat(fa).matches("[0-9a-f]{64}");
    assertThat(Ingest.load(List.of(b), IngestOptions.defaults()).report().fingerprint()).isEqualTo(fa);
    assertThat(Ingest.load(List.of(a), IngestOptions.defaults().withMaxContentChars(50)).report().fingerprint())
        .isNotEqualTo(fa);
    Files.writeString(b.resolve("acme+widgets/v1/bb/22222222/0/full.jsonl.001"), TestTrees.claude("S1", 4, 1));
    assertThat(Ingest.load(List.of(b), IngestOptions.defaults()).report().fingerprint()).isNotEqualTo(fa);
  }

  @Test
  void badParametersThrow() {
    assertThatThrownBy(() -> Ingest.load(List.of(tmp.resolve("missing")), IngestOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing");
    assertThatThrownBy(() -> IngestOptions.defaults().withThreads(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threads 0");
  }

  @Test
  void localAgentHome() throws Exception {
    Path home = tmp.resolve("home");
    TestTrees.write(home.resolve(".claude/projects/-home-dev-proj/H1.jsonl"), TestTrees.claude("H1", 0, 2));
    TestTrees.writeGz(home.resolve(".claude/projects/-home-dev-other/H2.jsonl.gz"), TestTrees.claude("H2", 0, 1));
    TestTrees.write(home.resolve(".claude/settings.json"), "{}");
    assertThat(SourceTree.agentHomeTranscripts(home)).hasSize(2);
    IngestResult r = Ingest.loadAgentHome(home, IngestOptions.defaults());
    assertThat(r.dataset().sessions().stringColumn("session_id").asList()).containsExactly("H1", "H2");
    assertThat(r.dataset().conversations().rowCount()).isEqualTo(6);
  }

  @Test
  void subAgentTranscriptOfALocalHomeIsItsOwnSessionNotADuplicate() throws Exception {
    Path home = tmp.resolve("home-sub");
    TestTrees.write(home.resolve(".claude/projects/-home-dev-proj/H1.jsonl"), TestTrees.claude("H1", 0, 2));
    // Claude Code writes a Task sub-agent's transcript beside the session, with the parent's sessionId
    String sub = "{\"parentUuid\":null,\"isSidechain\":true,\"agentId\":\"a1d5997\",\"type\":\"user\","
        + "\"sessionId\":\"H1\",\"uuid\":\"s1\",\"timestamp\":\"2026-02-01T10:05:00Z\","
        + "\"message\":{\"role\":\"user\",\"content\":\"List the modules\"}}\n"
        + "{\"parentUuid\":\"s1\",\"isSidechain\":true,\"agentId\":\"a1d5997\",\"type\":\"assistant\","
        + "\"sessionId\":\"H1\",\"uuid\":\"s2\",\"timestamp\":\"2026-02-01T10:05:03Z\","
        + "\"message\":{\"id\":\"m9\",\"model\":\"claude-x\",\"content\":[{\"type\":\"text\",\"text\":\"lib, cli\"}]}}\n";
    TestTrees.write(home.resolve(".claude/projects/-home-dev-proj/H1/subagents/agent-a1d5997.jsonl"), sub);
    IngestResult r = Ingest.loadAgentHome(home, IngestOptions.defaults());
    assertThat(r.report().duplicates()).isEmpty();
    Table ses = r.dataset().sessions();
    assertThat(ses.stringColumn("session_id").asList()).containsExactly("H1", "agent-a1d5997");
    assertThat(ses.intColumn("turn_count").get(1)).isZero(); // the parent agent's task is no prompt
    Table conv = r.dataset().conversations();
    Table side = conv.where(conv.stringColumn("session_id").isEqualTo("agent-a1d5997"));
    assertThat(side.rowCount()).isEqualTo(2);
    assertThat(side.booleanColumn("is_sidechain").asList()).containsOnly(true);
    Table main = conv.where(conv.stringColumn("session_id").isEqualTo("H1"));
    assertThat(main.booleanColumn("is_sidechain").asList()).containsOnly(false);
  }
}
