package dev.personas.features;

import dev.personas.load.ConversationSink;
import dev.personas.load.Dataset;
import dev.personas.load.Decompress;
import dev.personas.load.TranscriptFormat;
import dev.personas.load.TranscriptFormats;
import dev.personas.schema.Schema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.TreeMap;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.Table;

/**
 * Test-only stand-in for the ingest stage: the development corpus's sessions.csv transcripts parsed
 * with the registered {@link TranscriptFormats} into canonical tables (one transcript per session,
 * as listed; no Entire metadata). Test repositories are left out.
 */
final class CorpusDataset {
  private CorpusDataset() {}

  static Dataset build(Path corpus) throws IOException {
    Table conv = Schema.emptyConversations();
    Table ses = Schema.emptySessions();
    TreeMap<String, String[]> rows = new TreeMap<>();
    try (BufferedReader r = Files.newBufferedReader(corpus.resolve("sessions.csv"))) {
      r.readLine();
      String line;
      while ((line = r.readLine()) != null) {
        String[] f = line.split(",", -1);
        if (f.length < 6 || CorpusPrompts.TEST_REPOS.contains(f[0]) || f[5].isEmpty()) continue;
        rows.put(f[1], f);
      }
    }
    for (String[] f : rows.values()) {
      Path file = corpus.resolve(f[5]);
      if (!Files.isRegularFile(file)) continue;
      Optional<TranscriptFormat> fmt;
      try (InputStream in = Decompress.open(file)) {
        fmt = TranscriptFormats.detect(TranscriptFormats.head(in));
      }
      if (fmt.isEmpty()) continue;
      ConversationSink sink = new ConversationSink(10_000, 10_000);
      try (InputStream in = Decompress.open(file)) {
        fmt.get().parse(in, sink);
      }
      sink.appendTo(conv, f[1], f[0], f[2], f[3], 0);
      sink.release();
      ses.stringColumn("session_id").append(f[1]);
      ses.stringColumn("user_id").append(f[2]);
      ses.stringColumn("repo_id").append(f[0]);
      ses.stringColumn("agent").append(f[3]);
      for (var c : ses.columns()) if (c.size() < ses.stringColumn("session_id").size()) c.appendMissing();
    }
    return Dataset.of(ses, conv, "corpus-test");
  }

  /** Dev aid: prints corpus feature summaries. */
  public static void main(String[] args) throws IOException {
    long t0 = System.nanoTime();
    Dataset d = build(Path.of(args[0]));
    long t1 = System.nanoTime();
    Table f = Features.of(d, FeatureOptions.defaults());
    long t2 = System.nanoTime();
    System.out.printf("rows %d sessions %d build %.1fs features %.3fs%n", d.conversations().rowCount(),
        f.rowCount(), (t1 - t0) / 1e9, (t2 - t1) / 1e9);
    if (args.length > 2) System.out.println(f.summary().printAll());
    if (args.length > 1) f.write().csv(args[1]);
    for (int rep = 0; rep < 2; rep++) {
      long a = System.nanoTime();
      Features.of(d, FeatureOptions.defaults());
      long b = System.nanoTime();
      var conv = d.conversations();
      int hits = 0;
      for (int i = 0; i < conv.rowCount(); i++) {
        if (conv.stringColumn("turn_type").get(i).equals("user_prompt")
            && PushbackLexicon.matches(conv.stringColumn("content").get(i))) hits++;
      }
      long c = System.nanoTime();
      for (int i = 0; i < conv.rowCount(); i++) {
        String cmd = conv.stringColumn("command").get(i);
        if (!cmd.isEmpty()) { ShellSignals.isDiffReview(cmd); ShellSignals.isTestRun(cmd); ShellSignals.isPrCreate(cmd); }
      }
      long e = System.nanoTime();
      System.out.printf("features %.3fs lexicon %.3fs (%d) shell %.3fs%n", (b - a) / 1e9, (c - b) / 1e9, hits, (e - c) / 1e9);
    }
  }
}
