package dev.personas.synth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.personas.load.Ingest;
import dev.personas.load.IngestOptions;
import dev.personas.load.IngestResult;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.XZInputStream;
import tech.tablesaw.api.Table;

/**
 * Sessions written as several cumulative checkpoints (issue 5): every later checkpoint's transcript
 * starts with the earlier one's bytes, metadata marks where the new part begins and reports the
 * checkpoint's own increments, and the loader merges the checkpoints back into one session whose
 * sums equal the generated session's.
 */
class CumulativeCheckpointsTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;

  static byte[] read(Path f) throws Exception {
    try (InputStream in = new XZInputStream(Files.newInputStream(f))) {
      return in.readAllBytes();
    }
  }

  @Test
  void multiCheckpointSessionsAreCumulativeAndMergeBack() throws Exception {
    SynthOptions o = SynthOptions.defaults().withUsers(10).withSessions(80).withSeed(7)
        .withCodexShare(0.5).withCompression(SynthOptions.Compression.XZ);
    Generator.write(o, tmp);
    Map<String, SynthSession> model = new HashMap<>();
    Population.each(o, s -> model.put(s.sessionId, s));
    int multi = 0, codexMulti = 0;
    for (SynthSession s : model.values()) {
      int[] cuts = Generator.checkpointCuts(s);
      String[] ids = Generator.checkpointIds(s, cuts.length + 1);
      assertThat(ids[ids.length - 1]).isEqualTo(s.checkpointId);
      assertThat(Arrays.stream(ids).distinct().count()).isEqualTo(ids.length);
      if (cuts.length == 0) continue;
      multi++;
      if (s.user.codex()) codexMulti++;
      assertThat(s.promptCount()).isBetween(2, Generator.MULTI_CHECKPOINT_MAX_PROMPTS);
      byte[] prev = new byte[0];
      long in = 0, out = 0, agentLines = 0, committed = 0;
      int prevTurns = 0;
      for (int k = 0; k < ids.length; k++) {
        Path dir = tmp.resolve(Generator.checkpointDir(s, ids[k]));
        byte[] now = read(dir.resolve("0/full.jsonl.xz"));
        // cumulative: starts with the previous checkpoint's transcript, and adds to it
        assertThat(now.length).isGreaterThan(prev.length);
        assertThat(Arrays.copyOf(now, prev.length)).isEqualTo(prev);
        JsonNode meta = JSON.readTree(dir.resolve("0/metadata.json").toFile());
        assertThat(meta.get("session_id").asText()).isEqualTo(s.sessionId);
        assertThat(meta.get("checkpoint_id").asText()).isEqualTo(ids[k]);
        long lines = 0;
        for (byte b : prev) if (b == '\n') lines++;
        assertThat(meta.get("checkpoint_transcript_start").asLong()).isEqualTo(lines);
        int turns = meta.path("session_metrics").path("turn_count").asInt();
        assertThat(turns).isGreaterThan(prevTurns);
        prevTurns = turns;
        in += meta.path("token_usage").path("input_tokens").asLong();
        out += meta.path("token_usage").path("output_tokens").asLong();
        agentLines += meta.path("initial_attribution").path("agent_lines").asLong();
        committed += meta.path("initial_attribution").path("total_committed").asLong();
        JsonNode cp = JSON.readTree(dir.resolve("metadata.json").toFile());
        assertThat(cp.get("checkpoint_id").asText()).isEqualTo(ids[k]);
        prev = now;
      }
      // the increments add up to the session
      assertThat(prevTurns).isEqualTo(s.promptCount());
      assertThat(in).isEqualTo(s.sum(e -> e.inTok));
      assertThat(out).isEqualTo(s.sum(e -> e.outTok));
      assertThat(agentLines).isEqualTo(s.agentLines);
      assertThat(committed).isEqualTo(s.totalCommitted());
    }
    assertThat(multi).isGreaterThanOrEqualTo(5);
    assertThat(codexMulti).isPositive();
    assertThat(multi).isLessThan(model.size() / 2);

    // the loader merges them: one session each, the longest transcript, per-checkpoint rows
    IngestResult r = Ingest.load(List.of(tmp.resolve("entire")), IngestOptions.defaults().withRawUserIds(true));
    Table sessions = r.dataset().sessions();
    assertThat(sessions.rowCount()).isEqualTo(model.size());
    Table cps = r.dataset().checkpoints();
    assertThat(cps.rowCount()).isEqualTo(model.size() + model.values().stream()
        .mapToInt(s -> Generator.checkpointCuts(s).length).sum());
    for (int i = 0; i < sessions.rowCount(); i++) {
      SynthSession s = model.get(sessions.stringColumn("session_id").get(i));
      assertThat(sessions.longColumn("input_tokens").get(i)).isEqualTo(s.sum(e -> e.inTok));
      assertThat(sessions.longColumn("agent_lines").get(i)).isEqualTo(s.agentLines);
      assertThat(sessions.stringColumn("source_path").get(i)).contains(s.checkpointId.substring(2));
    }
  }
}
