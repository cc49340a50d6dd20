package dev.personas.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.personas.load.formats.JsonLines;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A code commit carrying {@code Entire-Checkpoint:} trailers: one row of {@code commits}
 * ({@link dev.personas.schema.Schema#COMMITS}).
 *
 * @param author the author's name as written in the commit (pseudonymised when the table is built)
 * @param checkpointIds trailer ids in message order, lower case
 * @param added lines added over all files (numstat; binary files 0)
 * @param removed lines removed over all files
 * @param source {@code git} or {@code commits-jsonl}
 * @param sourcePath repository path or export file
 */
record CodeCommit(String sha, String repoId, String author, Instant authoredAt, Instant committedAt,
    String subject, List<String> checkpointIds, int parentCount, int filesChanged, long added,
    long removed, String source, String sourcePath) {

  /**
   * Reads a {@code _commits.jsonl} export (one JSON object per line: {@code commit_sha, parents[],
   * author_name, author_date, committer_date} (ISO-8601 with offset), {@code subject,
   * checkpoint_ids[], files[{path, added, deleted}]}, {@code added}/{@code deleted} null for binary
   * files). A line that is not such an object (unparsable, no {@code commit_sha}) is skipped and
   * reported as (line number, reason); the others are kept.
   *
   * @param repoId the folder's repository id (a line's own {@code repo_id} is not used)
   * @throws IOException when the file cannot be read
   */
  static List<CodeCommit> readJsonl(Path file, String repoId, List<IngestReport.LineProblem> problems)
      throws IOException {
    List<CodeCommit> out = new ArrayList<>();
    try (InputStream in = Decompress.open(file);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      long line = 0;
      for (String s = r.readLine(); s != null; s = r.readLine()) {
        line++;
        if (s.isBlank()) continue;
        JsonNode n;
        try {
          n = JsonLines.tree(s);
        } catch (IOException e) {
          problems.add(new IngestReport.LineProblem(line, "not JSON: " + e.getMessage().lines().findFirst().orElse("")));
          continue;
        }
        String sha = n == null ? null : JsonLines.str(n, "commit_sha");
        if (sha == null || sha.isBlank()) {
          problems.add(new IngestReport.LineProblem(line, "no commit_sha"));
          continue;
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode id : n.path("checkpoint_ids")) if (id.isTextual()) ids.add(id.textValue().toLowerCase());
        int files = 0;
        long added = 0, removed = 0;
        for (JsonNode f : n.path("files")) {
          files++;
          if (f.path("added").isNumber()) added += f.path("added").longValue();
          if (f.path("deleted").isNumber()) removed += f.path("deleted").longValue();
        }
        out.add(new CodeCommit(sha, repoId, JsonLines.str(n, "author_name"),
            time(JsonLines.str(n, "author_date")), time(JsonLines.str(n, "committer_date")),
            JsonLines.str(n, "subject"), List.copyOf(ids), n.path("parents").size(), files, added,
            removed, "commits-jsonl", file.toString()));
      }
    }
    return out;
  }

  private static Instant time(String s) {
    if (s == null || s.isBlank()) return null;
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      return JsonLines.instant(s);
    }
  }
}
