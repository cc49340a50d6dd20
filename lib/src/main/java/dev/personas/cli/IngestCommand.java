package dev.personas.cli;

import dev.personas.load.IngestResult;
import dev.personas.load.IngestWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ingest SRC... --out DIR}: any sources into the SWE-chat tables as parquet, plus the report. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = {"Read agent sessions from any supported source into the SWE-chat tables.",
        "Writes DIR/sessions.parquet, DIR/conversations.parquet (and commits etc. when present) "
            + "and DIR/ingest-report.json."})
final class IngestCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", paramLabel = "SRC",
      description = "Entire checkpoint folders or git repositories, transcript files or folders, "
          + "agent homes, SWE-chat parquet folders")
  List<Path> sources;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
  Path out;

  @Option(names = "--agent-home", paramLabel = "HOME",
      description = "also read HOME/.claude/projects and HOME/.codex/sessions")
  Path agentHome;

  @Mixin Sources src;

  /** Runs {@code ingest ARGS...} as the command line would; returns the exit code. */
  static int run(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "ingest";
    System.arraycopy(args, 0, all, 1, args.length);
    return Main.commandLine().execute(all);
  }

  @Override
  public Integer call() throws Exception {
    java.util.List<Path> all = new java.util.ArrayList<>(sources == null ? List.of() : sources);
    if (agentHome != null) all.addAll(dev.personas.load.SourceTree.agentHomeTranscripts(agentHome));
    if (all.isEmpty()) throw new IllegalArgumentException("no SRC given (and no --agent-home)");
    IngestResult r;
    try (Progress progress = new Progress(System.err)) {
      progress.stage("reading " + all.size() + " source(s)");
      r = src.load(all, progress);
      progress.stage("writing " + out);
      IngestWriter.write(r, out);
    }
    var t = r.report().totals();
    System.out.printf(java.util.Locale.ROOT,
        "ingested %d sessions, %d records from %d files (%d records skipped, %d unsupported files) into %s%n",
        r.dataset().sessions().rowCount(), r.dataset().conversations().rowCount(), t.files(),
        t.skipped(), t.unsupported(), out);
    return 0;
  }
}
