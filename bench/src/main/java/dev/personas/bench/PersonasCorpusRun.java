package dev.personas.bench;

import dev.personas.features.FeatureOptions;
import dev.personas.features.Features;
import dev.personas.load.Ingest;
import dev.personas.load.IngestOptions;
import dev.personas.load.IngestResult;
import dev.personas.personas.Landscape;
import dev.personas.personas.PersonaModel;
import dev.personas.personas.PersonaOptions;
import dev.personas.personas.Personas;
import dev.personas.personas.PersonasReport;
import dev.personas.types.SessionTypeModel;
import dev.personas.types.SessionTypes;
import dev.personas.types.TypeOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tech.tablesaw.api.Table;

/**
 * The whole pipeline on the real development corpus, timed per stage: ingest of
 * {@code $WORKBENCH_CORPUS_DIR/entire} ({@link Ingest#load}), features, session types (defaults),
 * personas (defaults), and every personas output written to {@code OUT} (outside the repository:
 * the outputs name real pseudonymous users). Repositories the corpus README marks as test fixtures
 * ({@code computermode/test-repo}, {@code adrianmg/test-repo}) are left out of the population.
 *
 * <p>Usage: {@code java -cp ... dev.personas.bench.PersonasCorpusRun OUT}. Prints counts, stage
 * times, the k sweep, the personas and the notes; no prompt text.
 */
public final class PersonasCorpusRun {
  private PersonasCorpusRun() {}

  static final Set<String> FIXTURE_REPOS = Set.of("computermode/test-repo", "adrianmg/test-repo");

  public static void main(String[] args) throws Exception {
    Path corpus = Path.of(System.getenv().getOrDefault("WORKBENCH_CORPUS_DIR", "/work/corpus-unpacked"));
    Path out = Path.of(args.length > 0 ? args[0] : "/tmp/personas-corpus-run");
    long t0 = System.nanoTime();
    IngestResult in = Ingest.load(List.of(corpus.resolve("entire")), IngestOptions.defaults());
    long t1 = System.nanoTime();
    Table all = Features.of(in.dataset(), FeatureOptions.defaults());
    Table features = all.where(all.stringColumn("repo_id").isNotIn(FIXTURE_REPOS));
    long t2 = System.nanoTime();
    SessionTypeModel types = SessionTypes.fit(features, TypeOptions.defaults());
    long t3 = System.nanoTime();
    PersonaModel m = Personas.fit(features, types.assignments(), PersonaOptions.defaults());
    long t4 = System.nanoTime();
    PersonasReport.write(m, features, out);
    long t5 = System.nanoTime();
    System.out.printf(Locale.ROOT,
        "sessions=%d (population %d after fixtures), conversation rows=%d, users=%d%n"
            + "ingest=%.1fs features=%.1fs types=%.1fs (k=%d) personas=%.1fs write=%.1fs%n",
        in.dataset().sessions().rowCount(), features.rowCount(),
        in.dataset().conversations().rowCount(), features.stringColumn("user_id").countUnique(),
        (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, types.k(), (t4 - t3) / 1e9,
        (t5 - t4) / 1e9);
    System.out.println(types.selection().print());
    System.out.println(m.selection().print());
    System.out.println(m.personas().selectColumns("persona_id", "persona_name", "size", "share",
        "share_ci_low", "share_ci_high", "decisive_users", "stability", "unstable",
        "nearest_published", "published_distance").print());
    for (int i = 0; i < m.personas().rowCount(); i++) {
      System.out.println(m.personas().stringColumn("persona_id").get(i) + ": "
          + m.personas().stringColumn("description").get(i));
    }
    System.out.println(m.users().countBy("persona_name").print());
    System.out.println(m.users().countBy("nearest_published").print());
    System.out.println(Landscape.of(features, m).countBy("quadrant").print());
    m.notes().forEach(System.out::println);
    System.out.println(m.problems().size() + " vector problems");
  }
}
