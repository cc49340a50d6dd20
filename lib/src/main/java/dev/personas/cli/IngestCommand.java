package dev.personas.cli;

import dev.personas.load.Ingest;
import dev.personas.load.IngestOptions;
import dev.personas.load.IngestReport;
import dev.personas.load.IngestResult;
import dev.personas.load.IngestWriter;
import dev.personas.load.SourceTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code workbench ingest SRC... --out DIR}: reads sources with {@link Ingest#load} and writes
 * {@code DIR/sessions.parquet}, {@code DIR/conversations.parquet} and {@code DIR/ingest-report.json}
 * with {@link IngestWriter}. Prints one summary line (sessions, rows, skipped, unsupported files,
 * fingerprint). Exit code 0 on success, 2 on bad parameters.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Read agent sessions (Entire checkpoints, git repositories, raw transcripts, "
        + "SWE-chat parquet) into sessions/conversations parquet plus ingest-report.json.")
public final class IngestCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", paramLabel = "SRC", description = "Folders, git repositories, files.")
  List<Path> sources = new ArrayList<>();

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
  Path out;

  @Option(names = "--agent-home", paramLabel = "HOME",
      description = "Also read HOME/.claude/projects and HOME/.codex/sessions.")
  Path agentHome;

  @Option(names = "--mapping", paramLabel = "FILE", description = "session_id,user_id mapping (CSV or JSONL).")
  Path mapping;

  @Option(names = "--raw-user-ids", description = "Keep user ids as found (default: salted hash).")
  boolean rawUserIds;

  @Option(names = "--salt", description = "Pseudonymisation salt (default: ${DEFAULT-VALUE}).")
  String salt = IngestOptions.defaults().salt();

  @Option(names = "--exclude-repo", paramLabel = "OWNER/REPO",
      description = "Repositories to leave out (default: dayhaysoos/nimbus).")
  List<String> exclude;

  @Option(names = "--include-all-repos", description = "Exclude no repository.")
  boolean includeAll;

  @Option(names = "--threads", description = "Parser threads (default: cores).")
  Integer threads;

  @Option(names = "--max-content-chars", description = "Cap of content and tool_input_json (default: ${DEFAULT-VALUE}).")
  int maxChars = 10_000;

  @Option(names = "--repo-id", description = "repo_id for transcripts of unknown repository.")
  String repoId;

  @Override
  public Integer call() throws Exception {
    List<Path> all = new ArrayList<>(sources);
    if (agentHome != null) all.addAll(SourceTree.agentHomeTranscripts(agentHome));
    if (all.isEmpty()) throw new IllegalArgumentException("no sources given (SRC... or --agent-home)");
    Set<String> ex = includeAll ? Set.of() : exclude == null ? IngestOptions.SWECHAT_EXCLUDED : new HashSet<>(exclude);
    IngestOptions o = IngestOptions.defaults().withUserMapping(mapping).withRawUserIds(rawUserIds)
        .withSalt(salt).withExcludeRepos(ex).withMaxContentChars(maxChars).withMaxToolInputChars(maxChars)
        .withDefaultRepoId(repoId);
    if (threads != null) o = o.withThreads(threads);
    IngestResult r = Ingest.load(all, o);
    IngestWriter.write(r, out);
    IngestReport.Totals t = r.report().totals();
    System.out.printf(Locale.ROOT,
        "%d sessions, %d rows, %d records skipped (%.4f%%), %d unsupported files, %d sessions without records -> %s (fingerprint %s)%n",
        t.sessions(), t.rows(), t.skipped(), 100 * t.skippedShare(), t.unsupported(),
        r.report().sessionsWithoutRecords().size(), out, r.report().fingerprint());
    return 0;
  }

  /** Runs the command; exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command and returns its exit code (2 for bad parameters). */
  public static int run(String... args) {
    CommandLine cl = new CommandLine(new IngestCommand());
    cl.setExecutionExceptionHandler((e, c, p) -> {
      if (e instanceof IllegalArgumentException) {
        c.getErr().println("ingest: " + e.getMessage());
        return 2;
      }
      throw e;
    });
    return cl.execute(args);
  }
}
