package dev.personas.types;

import static org.assertj.core.api.Assertions.assertThat;

import dev.personas.features.FeatureOptions;
import dev.personas.features.Features;
import dev.personas.load.Ingest;
import dev.personas.load.IngestOptions;
import dev.personas.synth.Generator;
import dev.personas.synth.SynthOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smile.validation.metric.AdjustedRandIndex;
import tech.tablesaw.api.Table;

/**
 * Issue 6's acceptance check on planted data: the synthetic generator (seven planted session
 * types) written as SWE-chat parquet, ingested, turned into features, clustered with the default
 * options: the chosen k is 7 and the types match the planted ones with ARI &gt;= 0.9.
 */
class SessionTypesSynthTest {
  @Test
  void recoversPlantedSessionTypes(@TempDir Path out) throws Exception {
    SynthOptions o = SynthOptions.defaults().withSessions(700).withNoise(0)
        .withFormats(Set.of(SynthOptions.Format.PARQUET));
    Generator.write(o, out);
    var ingest = Ingest.load(List.of(out), IngestOptions.defaults().withRawUserIds(true));
    Table features = Features.of(ingest.dataset(), FeatureOptions.defaults());
    assertThat(features.rowCount()).isEqualTo(700);
    Map<String, String> truth = new HashMap<>();
    List<String> lines = Files.readAllLines(out.resolve("truth/sessions.csv"));
    int col = List.of(lines.get(0).split(",")).indexOf("planted_type");
    for (String line : lines.subList(1, lines.size())) {
      String[] p = line.split(",");
      truth.put(p[0], p[col]);
    }
    SessionTypeModel m = SessionTypes.fit(features,
        TypeOptions.defaults().withEngine(EngineOptions.defaults().withBootstraps(20, 0.8, 1)));
    Table a = m.assignments();
    List<String> labels = new ArrayList<>(new TreeSet<>(truth.values()));
    int[] t = new int[a.rowCount()];
    for (int i = 0; i < t.length; i++) {
      String v = truth.get(a.stringColumn("session_id").get(i));
      assertThat(v).as("truth for " + a.stringColumn("session_id").get(i)).isNotNull();
      t[i] = labels.indexOf(v);
    }
    assertThat(labels).hasSize(7);
    assertThat(m.k()).isEqualTo(7);
    assertThat(AdjustedRandIndex.of(t, a.intColumn("type_id").asIntArray())).isGreaterThanOrEqualTo(0.9);
    assertThat(m.types()).allSatisfy(ty -> assertThat(ty.stable()).isTrue());
  }
}
