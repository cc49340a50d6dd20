package dev.personas.load;

import dev.personas.schema.Schema;
import java.util.Objects;
import tech.tablesaw.api.Table;

/**
 * A loaded dataset in the canonical tables (see {@link Schema}): {@code sessions} (one row per
 * session, sorted by {@code session_id}) and {@code conversations} (one row per transcript record,
 * sorted by {@code session_id, turn_number}), plus the optional SWE-chat tables {@code commits},
 * {@code checkpoints}, {@code repositories} (null when the source has none; from Entire sources in
 * the columns of {@link Schema#COMMITS}, {@link Schema#CHECKPOINTS}, {@link Schema#REPOSITORIES},
 * from a SWE-chat release as its files have them).
 *
 * @param fingerprint hex hash of the inputs and options that produced the dataset
 */
public record Dataset(Table sessions, Table conversations, Table commits, Table checkpoints,
    Table repositories, String fingerprint) {
  public Dataset {
    Objects.requireNonNull(sessions, "sessions");
    Objects.requireNonNull(conversations, "conversations");
    Objects.requireNonNull(fingerprint, "fingerprint");
  }

  /** A dataset of just the two main tables. */
  public static Dataset of(Table sessions, Table conversations, String fingerprint) {
    return new Dataset(sessions, conversations, null, null, null, fingerprint);
  }
}
