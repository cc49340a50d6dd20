package dev.personas.load.formats;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/**
 * Token-stream reading of formats that are one JSON document (package-private): the top-level
 * object's fields are visited in order; a message array is read one element at a time with
 * {@code readValueAsTree}, so only one message is ever held as a tree. A document that breaks off
 * (cut file) or has a syntax error yields one problem with the parser's line and keeps every
 * message read before it.
 */
final class Documents {
  private Documents() {}

  /** Receives the top-level fields of the document. */
  interface Fields {
    /**
     * Called with the parser on the field's value token; must consume the whole value (read it,
     * iterate it with {@link #elements}, or {@code skipChildren}).
     */
    void field(String name, JsonParser p) throws IOException;
  }

  /** Receives one array element (a tree) and the 1-based line where it starts. */
  interface Element {
    void element(JsonNode node, long line) throws IOException;
  }

  /** Streams {@code in} as one JSON object. */
  static void read(InputStream in, Emit out, Fields fields) throws IOException {
    try (JsonParser p = Json.FACTORY.createParser(in)) {
      try {
        JsonToken t = p.nextToken();
        if (t == null) {
          out.problem(0, "empty file");
          return;
        }
        if (t != JsonToken.START_OBJECT) {
          out.problem(p.currentLocation().getLineNr(), "not a JSON object document");
          return;
        }
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          fields.field(name, p);
        }
        if (t != JsonToken.END_OBJECT) {
          out.problem(p.currentLocation().getLineNr(), "document does not end properly");
        }
      } catch (JsonProcessingException e) {
        long line = e.getLocation() != null ? e.getLocation().getLineNr() : 0;
        out.problem(Math.max(line, 0), "malformed or truncated JSON document: "
            + e.getOriginalMessage());
      }
    }
  }

  /**
   * Iterates an array value element by element; non-object elements are reported and skipped.
   * A non-array value is skipped with a problem.
   */
  static void elements(JsonParser p, Emit out, Element each) throws IOException {
    elements(p, out, Set.of(), each);
  }

  /** As {@link #elements(JsonParser, Emit, Element)}, skipping the named fields undecoded. */
  static void elements(JsonParser p, Emit out, Set<String> skip, Element each)
      throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      out.problem(p.currentLocation().getLineNr(), "expected an array for '" + p.currentName()
          + "'");
      p.skipChildren();
      return;
    }
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t == null) throw new JsonProcessingException("array not closed", p.currentLocation()) {};
      long line = p.currentLocation().getLineNr();
      if (t != JsonToken.START_OBJECT) {
        out.problem(line, "array element is not an object");
        p.skipChildren();
        continue;
      }
      JsonNode node = Json.readTree(p, skip);
      out.records++;
      try {
        each.element(node, line);
      } catch (RuntimeException e) {
        out.problem(line, "unreadable record: " + e);
      }
    }
  }

  /** Reads the current value as a tree (for small header objects). */
  static JsonNode tree(JsonParser p) throws IOException {
    return Json.readTree(p, java.util.Set.of());
  }
}
