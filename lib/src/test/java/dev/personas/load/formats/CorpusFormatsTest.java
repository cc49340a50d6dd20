package dev.personas.load.formats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.personas.load.TranscriptFormat;
import dev.personas.testing.Corpus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Runs every parser of this package over the development corpus (read at test time, never copied):
 * each session whose sessions.csv format is one of ours is claimed by exactly that format, parses
 * without exception, and skips under 0.5% of records. Claude Code and Entire compact files are
 * claimed by none of ours.
 */
class CorpusFormatsTest {

  static final class Stats {
    long files, records, rows, prompts, toolCalls, problems, bytes;
  }

  @Test
  void everyCorpusTranscriptIsClaimedAndParsed() throws IOException {
    Path root = Corpus.unpacked();
    List<TranscriptFormat> ours = Formats.all();
    Map<String, TranscriptFormat> byId = new TreeMap<>();
    for (TranscriptFormat f : ours) byId.put(f.id(), f);
    Map<String, Stats> stats = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    int foreign = 0;
    try (BufferedReader r = Files.newBufferedReader(root.resolve("sessions.csv"))) {
      String header = r.readLine();
      assertThat(header).startsWith("repo_id,session_id,user_id,agent,format,transcript");
      String line;
      while ((line = r.readLine()) != null) {
        String[] c = line.split(",", -1);
        String format = c[4];
        String transcript = c[5];
        if (transcript.isEmpty()) continue;
        Path file = root.resolve(transcript);
        String head = head(file);
        List<String> claims = new ArrayList<>();
        for (TranscriptFormat f : ours) if (f.detect(head)) claims.add(f.id());
        if (!byId.containsKey(format)) {
          foreign++;
          if (!claims.isEmpty()) failures.add(transcript + " (" + format + ") claimed by " + claims);
          continue;
        }
        if (!claims.equals(List.of(format))) {
          failures.add(transcript + " (" + format + ") claimed by " + claims);
          continue;
        }
        Stats s = stats.computeIfAbsent(format, k -> new Stats());
        RecordingSink sink = new RecordingSink(false);
        try (InputStream in = open(file)) {
          byId.get(format).parse(in, sink);
        }
        s.files++;
        s.bytes += size(file);
        s.records += records(file, format);
        s.rows += sink.count;
        s.prompts += sink.prompts;
        s.toolCalls += sink.toolUses;
        s.problems += sink.problems.size();
        if (sink.count == 0) failures.add(transcript + " gave no rows");
        // synthetic fixtures (test repositories, tiny files) may lack any session id
        if (sink.info.sessionId == null && !transcript.contains("test-repo")
            && size(file) > 1000) {
          failures.add(transcript + " has no session id");
        }
      }
    }
    System.out.println("format                files  MB     records   rows     prompts  tools    problems");
    for (Map.Entry<String, Stats> e : stats.entrySet()) {
      Stats s = e.getValue();
      System.out.printf("%-21s %5d %6.1f %9d %8d %8d %8d %8d%n", e.getKey(), s.files,
          s.bytes / 1e6, s.records, s.rows, s.prompts, s.toolCalls, s.problems);
    }
    assertThat(failures).isEmpty();
    assertThat(foreign).as("Claude Code / compact files checked").isGreaterThan(500);
    assertThat(stats.keySet()).containsAll(List.of("codex-rollout-jsonl", "opencode-export-json",
        "gemini-json", "gemini-jsonl", "copilot-events-jsonl"));
    for (Map.Entry<String, Stats> e : stats.entrySet()) {
      Stats s = e.getValue();
      assertThat(s.problems).as(e.getKey() + " skipped records").isLessThan(
          Math.max(1, s.records / 200));
      assertThat(s.rows).as(e.getKey() + " rows").isGreaterThan(0);
    }
    assertThat(stats.get("codex-rollout-jsonl").prompts).isGreaterThan(500);
    assertThat(stats.get("codex-rollout-jsonl").toolCalls).isGreaterThan(10_000);
  }

  /** The first 64 KiB decoded as UTF-8 (may end mid-line or mid-character), as the registry does. */
  static String head(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] b = in.readNBytes(64 * 1024);
      return new String(b, StandardCharsets.UTF_8);
    }
  }

  /** The file and its continuation chunks {@code .001, .002, ...} as one stream. */
  static InputStream open(Path file) throws IOException {
    List<InputStream> parts = new ArrayList<>();
    parts.add(Files.newInputStream(file));
    for (int i = 1; ; i++) {
      Path next = file.resolveSibling(file.getFileName() + String.format(".%03d", i));
      if (!Files.exists(next)) break;
      parts.add(Files.newInputStream(next));
    }
    return new SequenceInputStream(Collections.enumeration(parts));
  }

  static long size(Path file) throws IOException {
    long n = Files.size(file);
    for (int i = 1; ; i++) {
      Path next = file.resolveSibling(file.getFileName() + String.format(".%03d", i));
      if (!Files.exists(next)) return n;
      n += Files.size(next);
    }
  }

  /** Records: non-blank lines of JSONL files, message/history elements of documents. */
  static long records(Path file, String format) throws IOException {
    if (format.equals("opencode-export-json") || format.equals("gemini-json")
        || format.equals("kiro-json")) {
      long n = 0;
      try (InputStream in = open(file); JsonParser p = Json.FACTORY.createParser(in)) {
        p.nextToken();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          JsonToken t = p.nextToken();
          if ((name.equals("messages") || name.equals("history")) && t == JsonToken.START_ARRAY) {
            while (p.nextToken() == JsonToken.START_OBJECT) {
              n++;
              p.skipChildren();
            }
          } else {
            p.skipChildren();
          }
        }
      } catch (IOException e) {
        // truncated document: count what was read
      }
      return n;
    }
    long n = 0;
    try (BufferedReader r = new BufferedReader(new java.io.InputStreamReader(open(file),
        StandardCharsets.UTF_8))) {
      String l;
      while ((l = r.readLine()) != null) if (!l.isBlank()) n++;
    }
    return n;
  }

  @Test
  void serviceFileRegistersEveryFormat() {
    List<String> ids = new ArrayList<>();
    for (TranscriptFormat f : ServiceLoader.load(TranscriptFormat.class)) ids.add(f.id());
    assertThat(ids).containsAll(Formats.all().stream().map(TranscriptFormat::id).toList());
  }
}
