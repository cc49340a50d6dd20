package dev.personas;

/**
 * Receives progress of long work (transcripts parsed, values of k fitted, bootstrap rounds), for a
 * progress bar on a terminal. It never changes a result: stages report the same counts whatever the
 * thread timing, only the order of calls may differ.
 *
 * <p>Calls may come from worker threads at once; implementations must be thread-safe and cheap.
 */
@FunctionalInterface
public interface ProgressListener {
  /** Ignores every update. */
  ProgressListener NONE = (stage, done, total) -> {};

  /**
   * One unit of a stage finished.
   *
   * @param stage what is being done, with its unit ("parsing transcripts (sessions)", ...); the same
   *     text for every call of one stage
   * @param done units finished so far, 1..total
   * @param total units of the stage
   */
  void update(String stage, long done, long total);
}
