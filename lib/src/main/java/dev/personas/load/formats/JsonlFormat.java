package dev.personas.load.formats;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.personas.load.TranscriptFormat;
import dev.personas.load.TranscriptSink;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/**
 * Base of the line-per-record formats: each line is parsed on its own (so one bad line never
 * desynchronises the rest) into a tree and handed to {@link Session#record}. Blank lines are
 * skipped; a line that is not a JSON object (malformed, cut mid-line, invalid UTF-8) is reported
 * with its line number and skipped. Objects glued on one line (a lost newline) are each read;
 * what follows the last complete one, if malformed, is reported.
 */
abstract class JsonlFormat implements TranscriptFormat {

  /** Per-file parse state. */
  abstract static class Session {
    final Emit out;

    Session(Emit out) {
      this.out = out;
    }

    /** One parsed record (a JSON object) at 1-based line {@code line}. */
    abstract void record(JsonNode rec, long line) throws IOException;

    /** Called once after the last line. */
    void finish() {}
  }

  /** Field names whose values this format never reads (skipped undecoded, at any depth). */
  Set<String> skipFields() {
    return Set.of();
  }

  /**
   * String fields whose values are only stored as row content, so read through a {@link
   * dev.personas.load.CappedText} at the sink's content cap (null: none).
   */
  Json.CapRule capRule() {
    return null;
  }

  /** A new parse state writing to {@code out}. */
  abstract Session session(Emit out);

  @Override
  public void parse(InputStream in, TranscriptSink sink) throws IOException {
    Emit out = new Emit(sink);
    if (out.info.agent == null) out.info.agent = agent();
    Session s = session(out);
    Lines lines = new Lines(in);
    Set<String> skip = skipFields();
    Json.CapRule rule = capRule();
    dev.personas.load.CappedText cap = rule == null ? null : new dev.personas.load.CappedText(sink.maxContentChars());
    while (lines.next()) {
      if (lines.len() == 0 || lines.blank()) continue;
      long no = lines.lineNo();
      // usually one object per line; two records glued together (a lost newline) are both read
      try (JsonParser p = Json.FACTORY.createParser(lines.buf(), lines.off(), lines.len())) {
        JsonToken t = p.nextToken();
        if (t != JsonToken.START_OBJECT) {
          out.problem(no, "not a JSON object");
          continue;
        }
        while (t == JsonToken.START_OBJECT) {
          JsonNode rec = Json.readTree(p, skip, cap, rule);
          out.records++;
          try {
            s.record(rec, no);
          } catch (RuntimeException e) {
            out.problem(no, "unreadable record: " + e);
          }
          t = p.nextToken();
        }
        if (t != null) out.problem(no, "trailing data after the JSON record");
      } catch (JsonProcessingException e) {
        out.problem(no, "malformed JSON: " + e.getOriginalMessage());
      }
    }
    s.finish();
  }
}
