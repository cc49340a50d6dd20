package dev.personas.cli;

import dev.personas.Workbench;
import dev.personas.load.Ingest;
import dev.personas.load.IngestOptions;
import dev.personas.load.IngestResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** Options shared by every command that reads sources: users file, excluded repos, ids. */
final class Sources {
  @Option(names = {"--users-file", "--mapping", "--user-mapping"}, paramLabel = "FILE",
      description = "session -> user mapping (CSV or JSONL with session_id,user_id); default: "
          + "sessions.csv beside a single source folder when it has those columns")
  Path usersFile;

  @Option(names = "--exclude-repo", paramLabel = "OWNER/REPO",
      description = "leave out a repository (repeatable); default: dayhaysoos/nimbus")
  List<String> excludeRepos = new ArrayList<>();

  @Option(names = "--raw-user-ids", description = "keep user ids as found (default: salted pseudonyms)")
  boolean rawUserIds;

  @Option(names = "--salt", defaultValue = "persona-workbench", description = "pseudonymisation salt")
  String salt;

  @Option(names = "--include-all-repos", description = "exclude no repository (not even dayhaysoos/nimbus)")
  boolean includeAllRepos;

  @Option(names = "--threads", paramLabel = "N", description = "parser threads (default: cores)")
  Integer threads;

  @Option(names = "--max-content-chars", paramLabel = "N",
      description = "cap of content and tool_input_json in chars (default: 10000, as SWE-chat)")
  Integer maxContentChars;

  @Option(names = "--repo-id", paramLabel = "ID", description = "repo_id for transcripts of unknown repository")
  String repoId;

  IngestOptions options(List<Path> sources) {
    IngestOptions o = IngestOptions.defaults().withRawUserIds(rawUserIds).withSalt(salt);
    Set<String> ex = new LinkedHashSet<>(includeAllRepos ? Set.of() : IngestOptions.SWECHAT_EXCLUDED);
    ex.addAll(excludeRepos);
    o = o.withExcludeRepos(ex);
    if (threads != null) {
      if (threads < 1) throw new IllegalArgumentException("--threads " + threads + " must be >= 1");
      o = o.withThreads(threads);
    }
    if (maxContentChars != null) {
      o = o.withMaxContentChars(maxContentChars).withMaxToolInputChars(maxContentChars);
    }
    if (repoId != null) o = o.withDefaultRepoId(repoId);
    if (usersFile != null) {
      if (!Files.isRegularFile(usersFile)) {
        throw new IllegalArgumentException("--users-file " + usersFile + " is not a file");
      }
      return o.withUserMapping(usersFile);
    }
    if (sources.size() == 1 && Files.isDirectory(sources.get(0))) {
      IngestOptions auto = Workbench.ingestOptions(sources.get(0));
      if (auto.userMapping() != null) o = o.withUserMapping(auto.userMapping());
    }
    return o;
  }

  IngestResult load(List<Path> sources) throws IOException {
    return load(sources, dev.personas.ProgressListener.NONE);
  }

  IngestResult load(List<Path> sources, dev.personas.ProgressListener progress) throws IOException {
    for (Path p : sources) {
      if (!Files.exists(p)) throw new IllegalArgumentException("source " + p + " does not exist");
    }
    return Ingest.load(sources, options(sources), progress);
  }
}
