/**
 * Stage 1, load: sources of agent sessions into the canonical tables
 * ({@link dev.personas.schema.Schema}).
 *
 * <p>Entry points:
 * <ul>
 *   <li>{@link dev.personas.load.Ingest#load(java.util.List, dev.personas.load.IngestOptions)}:
 *       folders (Entire checkpoint layouts, raw transcripts), git repositories (checkpoint refs via
 *       JGit), SWE-chat parquet folders and folders written by {@link dev.personas.load.IngestWriter},
 *       single files; gzip/xz transparently. Returns an {@link dev.personas.load.IngestResult}
 *       ({@link dev.personas.load.Dataset} + {@link dev.personas.load.IngestReport}).
 *   <li>{@link dev.personas.load.Ingest#loadAgentHome}: {@code ~/.claude/projects} and
 *       {@code ~/.codex/sessions} of a home folder given as a parameter.
 *   <li>{@link dev.personas.load.IngestWriter#write}: {@code sessions.parquet},
 *       {@code conversations.parquet}, {@code ingest-report.json}.
 *   <li>{@link dev.personas.load.TranscriptFormats}: the {@link java.util.ServiceLoader} registry of
 *       {@link dev.personas.load.TranscriptFormat}s (detection by content).
 *   <li>{@link dev.personas.load.ConversationSink}: Turns to conversations columns.
 * </ul>
 */
package dev.personas.load;
