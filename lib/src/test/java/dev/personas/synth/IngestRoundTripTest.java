package dev.personas.synth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.personas.features.FeatureOptions;
import dev.personas.features.Features;
import dev.personas.load.Ingest;
import dev.personas.load.IngestOptions;
import dev.personas.load.IngestReport;
import dev.personas.load.IngestResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * The generated Entire tree goes through the real loaders ({@link Ingest#load}) and feature
 * extraction ({@link Features#of}): zero skipped records except the deliberately truncated last
 * lines, identities from the sessions.csv mapping, and the features computed from the transcripts
 * equal the generator's own signals.
 */
class IngestRoundTripTest {
  @TempDir Path tmp;

  @Test
  void loadersIngestTheTreeAndFeaturesMatchThePlantedSignals() throws Exception {
    SynthOptions o = SynthOptions.defaults().withUsers(8).withSessions(40).withSeed(99)
        .withNoise(0.9).withCodexShare(0.5).withCompression(SynthOptions.Compression.XZ);
    Generator.write(o, tmp);
    IngestResult res = Ingest.load(List.of(tmp.resolve("entire")),
        IngestOptions.defaults().withUserMapping(tmp.resolve("sessions.csv")).withRawUserIds(true));
    Map<String, SynthSession> model = new HashMap<>();
    Population.each(o, s -> model.put(s.sessionId, s));

    Table sessions = res.dataset().sessions();
    assertThat(sessions.rowCount()).isEqualTo(40);
    for (Row r : sessions) {
      SynthSession s = model.get(r.getString("session_id"));
      assertThat(s).as(r.getString("session_id")).isNotNull();
      assertThat(r.getString("user_id")).isEqualTo(s.user.userId());
      assertThat(r.getString("agent")).isEqualTo(s.agent());
      assertThat(r.getString("repo_id")).isEqualTo(s.repoId);
      assertThat(r.getDouble("agent_percentage")).isCloseTo(s.agentPercentage(), org.assertj.core.api.Assertions.within(0.06));
    }
    // skipped records: exactly the deliberately truncated last lines
    int truncated = 0;
    for (SynthSession s : model.values()) if (s.truncateLast) truncated++;
    List<String> unexpected = new ArrayList<>();
    long skipped = 0;
    for (IngestReport.FileEntry f : res.report().files()) {
      skipped += f.skipped();
      if (f.skipped() > 1) unexpected.add(f.path() + " " + f.problems());
    }
    assertThat(unexpected).isEmpty();
    assertThat(truncated).isPositive();
    assertThat(skipped).isEqualTo(truncated);

    Table feats = Features.of(res.dataset(), FeatureOptions.defaults());
    List<String> diffs = new ArrayList<>();
    String[] exact = {"iteration_count", "edit_iteration_count", "research_iteration_count",
        "tests_run_count", "diff_reviewed", "course_correction_count"};
    for (Row r : feats) {
      SynthSession s = model.get(r.getString("session_id"));
      Map<String, Double> m = ModelSignals.of(s);
      for (String k : exact) {
        double got = ((Number) r.getObject(k)).doubleValue();
        if (got != m.get(k)) diffs.add(s.type.id() + "/" + s.agent() + " " + k + " features=" + got + " model=" + m.get(k));
      }
      double dens = r.getDouble("tool_call_density");
      if (Math.abs(dens - m.get("tool_call_density")) > 1e-9) {
        diffs.add(s.type.id() + "/" + s.agent() + " tool_call_density features=" + dens + " model=" + m.get("tool_call_density"));
      }
    }
    assertThat(diffs).isEmpty();
  }
}
