package dev.personas.types;

import static org.assertj.core.api.Assertions.assertThat;

import dev.personas.features.FeatureOptions;
import dev.personas.features.Features;
import dev.personas.load.Ingest;
import dev.personas.load.IngestOptions;
import dev.personas.testing.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * Session types on the real development corpus (read at run time from ../shared/corpus, nothing
 * copied): ingest, features, then the default session-type fit. Prints a summary (k, sizes, names,
 * stability, silhouette) to the test output; asserts only properties that must hold on any data.
 */
class SessionTypesCorpusTest {
  @Test
  void fitsTheDevelopmentCorpus() throws Exception {
    Path entire = Corpus.unpacked().resolve("entire");
    assertThat(Files.isDirectory(entire)).isTrue();
    var ingest = Ingest.load(List.of(entire), IngestOptions.defaults());
    Table features = Features.of(ingest.dataset(), FeatureOptions.defaults());
    assertThat(features.rowCount()).isGreaterThan(100);
    TypeOptions o = TypeOptions.defaults().withEngine(EngineOptions.defaults().withBootstraps(20, 0.8, 1));
    SessionTypeModel m = SessionTypes.fit(features, o);

    Table a = m.assignments();
    assertThat(a.rowCount()).isEqualTo(features.rowCount());
    assertThat(a.intColumn("type_id").min()).isEqualTo(1.0);
    assertThat(a.intColumn("type_id").max()).isEqualTo(m.k());
    assertThat(m.k()).isBetween(2, 12);
    Set<String> names = new HashSet<>();
    m.types().forEach(t -> names.add(t.name()));
    assertThat(names).hasSize(m.k());
    assertThat(m.profiles().intColumn("size").sum()).isEqualTo((double) features.rowCount());
    // the persisted model places the same sessions in the same types
    SessionTypeModel loaded = SessionTypeModel.fromJson(m.toJson());
    assertThat(loaded.assign(features).intColumn("type_id").asIntArray())
        .containsExactly(m.assign(features).intColumn("type_id").asIntArray());

    System.out.println("corpus sessions=" + features.rowCount() + " features=" + m.doc().features().size()
        + " missing=" + m.doc().missingDefaultFeatures() + " imputed cells=" + m.doc().imputedCells());
    System.out.println(m.selection().print());
    System.out.println(m.configuration().print());
    for (var t : m.types()) {
      System.out.printf(java.util.Locale.ROOT, "type %d %-60s n=%4d share=%.3f jaccard=%.2f stable=%s%n  %s%n",
          t.typeId(), t.name(), t.size(), t.share(), t.meanJaccard(), t.stable(), t.description());
    }
    System.out.println(m.shapes().print());
  }
}
