package dev.personas.load;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * What an ingest run read and what it skipped, written as {@code ingest-report.json} by
 * {@link IngestWriter}. Deterministic: entries sorted by path / session id, no wall-clock values.
 *
 * @param files one entry per source file read or rejected, sorted by path
 * @param sessionsWithoutRecords sessions that have a {@code sessions} row but no readable record
 *     (no transcript, transcript missing, unsupported or unreadable), sorted by session id
 * @param duplicates session ids seen more than once (which copy was kept and why)
 * @param totals sums over {@code files}
 * @param fingerprint hex SHA-256 over a hash of the bytes of every file read (transcripts parsed:
 *     CRC-32C, CRC-32 and length, {@link Fingerprint.ContentHash}; metadata, repository
 *     descriptors, mapping file, parquet files: SHA-256), keyed by source index and relative path
 *     (so the same data elsewhere gives the same value), and {@link IngestOptions#canonical()};
 *     superseded cumulative copies that were not read do not enter it
 * @param options {@link IngestOptions#canonical()}
 */
@JsonPropertyOrder({"fingerprint", "options", "totals", "files", "sessionsWithoutRecords", "duplicates"})
public record IngestReport(List<FileEntry> files, List<SessionNote> sessionsWithoutRecords,
    List<SessionNote> duplicates, Totals totals, String fingerprint, String options) {

  /**
   * One source file.
   *
   * @param path the file ({@link Blob#origin()}); several chunks of one transcript are joined by
   *     " + "
   * @param format detected format id, {@code entire-metadata}, {@code entire-commits} (a
   *     {@code _commits.jsonl} with unreadable lines), {@code swe-chat-parquet}, or null
   *     when no format accepted it
   * @param bytes decompressed bytes read
   * @param rows records kept (conversations rows produced)
   * @param skipped records skipped
   * @param sessions sessions this file produced (0 or 1 for transcripts)
   * @param problems skipped records: line and reason
   * @param warnings kept records with a defect: line and reason
   * @param note a whole-file remark (e.g. not a transcript / unsupported format), or null
   */
  @JsonPropertyOrder({"path", "format", "bytes", "rows", "skipped", "sessions", "note", "problems", "warnings"})
  public record FileEntry(String path, String format, long bytes, long rows, long skipped,
      int sessions, List<LineProblem> problems, List<LineProblem> warnings, String note) {}

  /** A problem at a line (0 = the whole file). */
  @JsonPropertyOrder({"line", "reason"})
  public record LineProblem(long line, String reason) {}

  /** A session worth a remark. */
  @JsonPropertyOrder({"sessionId", "repoId", "reason"})
  public record SessionNote(String sessionId, String repoId, String reason) {}

  /**
   * Totals.
   *
   * @param files files in {@link #files}
   * @param transcripts files parsed as transcripts
   * @param unsupported files no format accepted
   * @param bytes decompressed transcript bytes read
   * @param rows conversations rows
   * @param skipped records skipped
   * @param warnings kept records with a defect
   * @param sessions sessions rows
   * @param checkpoints checkpoints rows (0 when the dataset has no such table)
   * @param commits commits rows
   * @param repositories repositories rows
   * @param skippedShare skipped / (rows + skipped), 0 when both are 0
   */
  @JsonPropertyOrder({"files", "transcripts", "unsupported", "bytes", "rows", "skipped", "warnings",
      "sessions", "checkpoints", "commits", "repositories", "skippedShare"})
  public record Totals(int files, int transcripts, int unsupported, long bytes, long rows,
      long skipped, long warnings, int sessions, int checkpoints, int commits, int repositories,
      @com.fasterxml.jackson.annotation.JsonIgnore double skippedShare) {
    /** {@link #skippedShare} as written to JSON: fixed precision, 6 decimals. */
    @com.fasterxml.jackson.annotation.JsonProperty("skippedShare")
    public java.math.BigDecimal skippedShareFixed() {
      return java.math.BigDecimal.valueOf(skippedShare).setScale(6, java.math.RoundingMode.HALF_EVEN);
    }
  }
}
