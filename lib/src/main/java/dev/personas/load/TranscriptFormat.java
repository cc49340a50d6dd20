package dev.personas.load;

import java.io.IOException;
import java.io.InputStream;

/**
 * One agent-transcript format: detection by content (never by file name) and a streaming parser.
 * Implementations are stateless and thread-safe; the registry is {@link TranscriptFormats}.
 */
public interface TranscriptFormat {
  /** Stable id, as in the corpus's sessions.csv {@code format} column (e.g. claude-code-jsonl). */
  String id();

  /** The SWE-chat agent name this format implies (Claude Code, Codex, ...). */
  String agent();

  /**
   * Whether this format's parser should read the file.
   *
   * @param head the first bytes of the decompressed file (up to 64 KiB) decoded as UTF-8; may end
   *     mid-line or mid-character
   */
  boolean detect(String head);

  /**
   * Streams the decompressed file record by record into the sink. Never holds the whole file as
   * one String (except formats that are one JSON document, which are parsed as a token stream).
   * Bad records go to {@link TranscriptSink#problem} and parsing continues; only I/O failures throw.
   */
  void parse(InputStream in, TranscriptSink sink) throws IOException;
}
