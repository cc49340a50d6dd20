package dev.personas.load;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Options of {@link Ingest#load}. Immutable; change with the {@code with...} methods.
 *
 * @param maxContentChars cap of {@code conversations.content} in chars (SWE-chat: 10,000)
 * @param maxToolInputChars cap of {@code conversations.tool_input_json} in chars (10,000)
 * @param threads parser threads (files are parsed in parallel; output order does not depend on it)
 * @param userMapping a researcher's mapping file (CSV with a header naming {@code session_id} and
 *     {@code user_id} columns, or JSONL objects with those fields), or null
 * @param rawUserIds true to keep user ids as found; false to pseudonymise them as
 *     {@code "u" + 10 hex chars of SHA-256(salt + ":" + id)}
 * @param salt the pseudonymisation salt
 * @param excludeRepos repositories (owner/repo) left out of every source (default
 *     {@code dayhaysoos/nimbus}, as SWE-chat does)
 * @param defaultRepoId repo_id for transcripts whose repository is not known, or null to derive one
 *     from the transcript's git remote or working directory
 */
public record IngestOptions(int maxContentChars, int maxToolInputChars, int threads,
    Path userMapping, boolean rawUserIds, String salt, Set<String> excludeRepos,
    String defaultRepoId) {
  /** SWE-chat's excluded repository. */
  public static final Set<String> SWECHAT_EXCLUDED = Set.of("dayhaysoos/nimbus");

  public IngestOptions {
    if (maxContentChars < 1) throw new IllegalArgumentException("maxContentChars " + maxContentChars + " < 1");
    if (maxToolInputChars < 1) throw new IllegalArgumentException("maxToolInputChars " + maxToolInputChars + " < 1");
    if (threads < 1) throw new IllegalArgumentException("threads " + threads + " < 1");
    Objects.requireNonNull(salt, "salt");
    excludeRepos = Set.copyOf(Objects.requireNonNull(excludeRepos, "excludeRepos"));
  }

  /** Defaults: 10,000-char caps, one thread per core, no mapping, pseudonymised ids. */
  public static IngestOptions defaults() {
    return new IngestOptions(10_000, 10_000, Runtime.getRuntime().availableProcessors(), null,
        false, "persona-workbench", SWECHAT_EXCLUDED, null);
  }

  public IngestOptions withMaxContentChars(int v) {
    return new IngestOptions(v, maxToolInputChars, threads, userMapping, rawUserIds, salt, excludeRepos, defaultRepoId);
  }

  public IngestOptions withMaxToolInputChars(int v) {
    return new IngestOptions(maxContentChars, v, threads, userMapping, rawUserIds, salt, excludeRepos, defaultRepoId);
  }

  public IngestOptions withThreads(int v) {
    return new IngestOptions(maxContentChars, maxToolInputChars, v, userMapping, rawUserIds, salt, excludeRepos, defaultRepoId);
  }

  public IngestOptions withUserMapping(Path v) {
    return new IngestOptions(maxContentChars, maxToolInputChars, threads, v, rawUserIds, salt, excludeRepos, defaultRepoId);
  }

  public IngestOptions withRawUserIds(boolean v) {
    return new IngestOptions(maxContentChars, maxToolInputChars, threads, userMapping, v, salt, excludeRepos, defaultRepoId);
  }

  public IngestOptions withSalt(String v) {
    return new IngestOptions(maxContentChars, maxToolInputChars, threads, userMapping, rawUserIds, v, excludeRepos, defaultRepoId);
  }

  public IngestOptions withExcludeRepos(Set<String> v) {
    return new IngestOptions(maxContentChars, maxToolInputChars, threads, userMapping, rawUserIds, salt, v, defaultRepoId);
  }

  public IngestOptions withDefaultRepoId(String v) {
    return new IngestOptions(maxContentChars, maxToolInputChars, threads, userMapping, rawUserIds, salt, excludeRepos, v);
  }

  /**
   * The options that change the output, as one deterministic line (thread count excluded; the
   * mapping file enters the fingerprint through its content hash, not its path).
   */
  public String canonical() {
    return "maxContentChars=" + maxContentChars + ";maxToolInputChars=" + maxToolInputChars
        + ";rawUserIds=" + rawUserIds + ";salt=" + salt + ";excludeRepos=" + new TreeSet<>(excludeRepos)
        + ";defaultRepoId=" + defaultRepoId + ";mapping=" + (userMapping != null);
  }
}
