package dev.personas.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.personas.schema.Schema;
import dev.personas.testing.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * Acceptance on the real development corpus (issue 3 "Done when"): every session of sessions.csv
 * whose transcript is in a registered format becomes a session with the right user_id (raw mode,
 * sessions.csv as the mapping file) and agent; session counts per repository match; under 0.5% of
 * records skipped, each with a reason. Reads the corpus at run time; copies nothing from it.
 */
class CorpusAcceptanceTest {
  static Path corpus;
  static IngestResult result;
  static List<String[]> csv;

  @BeforeAll
  static void load() throws Exception {
    corpus = Corpus.unpacked();
    Path mapping = corpus.resolve("sessions.csv");
    csv = Files.readAllLines(mapping).stream().skip(1).filter(l -> !l.isBlank())
        .map(l -> UserMapping.splitCsv(l).toArray(String[]::new)).toList();
    result = Ingest.load(List.of(corpus.resolve("entire")),
        IngestOptions.defaults().withRawUserIds(true).withUserMapping(mapping));
  }

  @Test
  void everySessionWithASupportedTranscriptIsLoadedWithItsUserAndAgent() {
    Table s = result.dataset().sessions();
    Schema.requireColumns(s, Schema.SESSIONS);
    Map<String, Integer> row = new HashMap<>();
    for (int i = 0; i < s.rowCount(); i++) row.put(s.stringColumn("session_id").get(i), i);
    Set<String> supported = TranscriptFormats.all().stream().map(TranscriptFormat::id).collect(Collectors.toSet());
    Table c = result.dataset().conversations();
    Map<String, Integer> rows = new HashMap<>();
    for (String id : c.stringColumn("session_id")) rows.merge(id, 1, Integer::sum);
    int checked = 0;
    for (String[] f : csv) {
      String repo = f[0], sid = f[1], user = f[2], agent = f[3], format = f[4];
      assertThat(row).as("session " + sid).containsKey(sid);
      int i = row.get(sid);
      assertThat(s.stringColumn("repo_id").get(i)).as(sid).isEqualTo(repo);
      assertThat(s.stringColumn("user_id").get(i)).as(sid).isEqualTo(user);
      assertThat(s.stringColumn("agent").get(i)).as(sid).isEqualTo(AgentNames.fromEntireMetadata(agent));
      if (supported.contains(format)) {
        assertThat(rows.getOrDefault(sid, 0)).as("rows of " + sid + " (" + format + ")").isPositive();
        checked++;
      }
    }
    // every session with a transcript (981 sessions, 67 without one), all twelve formats
    assertThat(checked).isGreaterThanOrEqualTo(900);
  }

  @Test
  void sessionCountsPerRepositoryMatch() {
    Map<String, Long> expected = new TreeMap<>(csv.stream().collect(Collectors.groupingBy(f -> f[0], Collectors.counting())));
    Map<String, Long> actual = new TreeMap<>();
    for (String r : result.dataset().sessions().stringColumn("repo_id")) actual.merge(r, 1L, Long::sum);
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void fewRecordsSkippedEachWithAReason() {
    IngestReport.Totals t = result.report().totals();
    assertThat(t.rows()).isGreaterThan(200_000);
    assertThat(t.skippedShare()).isLessThan(0.005);
    for (IngestReport.FileEntry f : result.report().files()) {
      assertThat(f.problems()).allSatisfy(p -> assertThat(p.reason()).isNotBlank());
      assertThat(f.skipped()).isEqualTo(f.problems().size());
      if (f.format() == null) assertThat(f.note()).as(f.path()).isNotBlank();
    }
    // sessions without a readable record are listed
    Table s = result.dataset().sessions();
    Set<String> withRows = Set.copyOf(result.dataset().conversations().stringColumn("session_id").unique().asList());
    long empty = s.stringColumn("session_id").asList().stream().filter(x -> !withRows.contains(x)).count();
    assertThat(result.report().sessionsWithoutRecords()).hasSize((int) empty);
  }

  /** Issue 3: checkpoints, commits and repositories tables from the corpus's Entire folders. */
  @Test
  void checkpointsCommitsAndRepositoriesComeFromTheEntireFolders() throws Exception {
    Table cp = result.dataset().checkpoints();
    Table cm = result.dataset().commits();
    Table repos = result.dataset().repositories();
    Schema.requireColumns(cp, Schema.CHECKPOINTS);
    Schema.requireColumns(cm, Schema.COMMITS);
    Schema.requireColumns(repos, Schema.REPOSITORIES);
    // every (checkpoint id, session id) of a session metadata file appears, read at run time
    Set<String> rows = new java.util.HashSet<>();
    for (int i = 0; i < cp.rowCount(); i++) {
      rows.add(cp.stringColumn("checkpoint_id").get(i) + "|" + cp.stringColumn("session_id").get(i));
    }
    assertThat(rows).hasSize(cp.rowCount()); // one row per (checkpoint, session)
    Set<String> sessions = Set.copyOf(result.dataset().sessions().stringColumn("session_id").asList());
    Set<String> inMeta = new java.util.TreeSet<>();
    try (var files = Files.walk(corpus.resolve("entire"))) {
      for (Path f : files.filter(p -> p.getFileName().toString().equals("metadata.json")).toList()) {
        com.fasterxml.jackson.databind.JsonNode n;
        try {
          n = dev.personas.load.formats.JsonLines.MAPPER.readTree(f.toFile());
        } catch (java.io.IOException e) {
          continue; // reported by the loader as unreadable metadata
        }
        String sid = n.path("session_id").asText(""), cid = n.path("checkpoint_id").asText("");
        if (!sid.isEmpty() && !cid.isEmpty() && sessions.contains(sid)) inMeta.add(cid + "|" + sid);
      }
    }
    assertThat(inMeta).isNotEmpty();
    assertThat(rows).containsAll(inMeta);
    assertThat(cp.rowCount()).isEqualTo(inMeta.size());
    // commits per repository = lines of its _commits.jsonl
    Map<String, Long> expected = new TreeMap<>();
    try (var dirs = Files.list(corpus.resolve("entire"))) {
      for (Path d : dirs.sorted().toList()) {
        Path log = d.resolve("_commits.jsonl");
        if (!Files.isRegularFile(log)) continue;
        long n = Files.readAllLines(log).stream().filter(l -> !l.isBlank()).count();
        if (n > 0) expected.put(d.getFileName().toString().replace('+', '/'), n);
      }
    }
    Map<String, Long> actual = new TreeMap<>();
    for (String r : cm.stringColumn("repo_id")) actual.merge(r, 1L, Long::sum);
    assertThat(actual).isEqualTo(expected);
    // repositories: one row per repository with sessions, counts agree with the other tables
    Map<String, Long> sessionsPerRepo = new TreeMap<>();
    for (String r : result.dataset().sessions().stringColumn("repo_id")) sessionsPerRepo.merge(r, 1L, Long::sum);
    for (int i = 0; i < repos.rowCount(); i++) {
      String r = repos.stringColumn("repo_id").get(i);
      assertThat((long) repos.intColumn("session_count").getInt(i)).as(r).isEqualTo(sessionsPerRepo.getOrDefault(r, 0L));
      assertThat((long) repos.intColumn("commit_count").getInt(i)).as(r).isEqualTo(actual.getOrDefault(r, 0L));
    }
    assertThat(repos.stringColumn("repo_id").asList()).containsAll(sessionsPerRepo.keySet());
    // trailer commits link checkpoints to their code commit
    assertThat(cp.stringColumn("commit_sha").countMissing()).isLessThan(cp.rowCount());
    IngestReport.Totals t = result.report().totals();
    assertThat(t.checkpoints()).isEqualTo(cp.rowCount());
    assertThat(t.commits()).isEqualTo(cm.rowCount());
    assertThat(t.repositories()).isEqualTo(repos.rowCount());
    System.out.printf("corpus: %d checkpoint rows (%d checkpoints), %d commits, %d repositories; commits per repo %s%n",
        cp.rowCount(), cp.stringColumn("checkpoint_id").unique().size(), cm.rowCount(), repos.rowCount(), actual);
  }
}
