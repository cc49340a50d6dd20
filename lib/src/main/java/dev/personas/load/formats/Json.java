package dev.personas.load.formats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.personas.load.CappedText;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Set;

/** Shared Jackson objects and null-safe accessors for the format parsers (package-private). */
final class Json {
  private Json() {}

  /** Parsers never close the caller's stream (the caller opened it and closes it). */
  static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
      .disable(JsonFactory.Feature.INTERN_FIELD_NAMES) // no String.intern() of one-off keys
      .build();
  static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY).build();

  /** Epoch values below this are taken as seconds, at or above as milliseconds (year 5138 in s). */
  static final long EPOCH_MS_THRESHOLD = 100_000_000_000L;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /**
   * Reads the value at the parser's current token into a tree like {@code readValueAsTree}, but
   * skips (without decoding) the values of fields named in {@code skip}, at any depth: bulky
   * fields a parser never looks at (encrypted reasoning, duplicated command output, system
   * prompts) then cost only a byte scan.
   */
  static JsonNode readTree(JsonParser p, Set<String> skip) throws IOException {
    return readTree(p, skip, null, null, null);
  }

  /** Which string values of a tree are only stored (so read through a {@link CappedText}). */
  @FunctionalInterface
  interface CapRule {
    /**
     * @param parent name of the field holding the enclosing object (null: the record itself)
     * @param field the field's name
     */
    boolean capped(String parent, String field);
  }

  /**
   * A string value read through a {@link CappedText}: {@link #textValue} is the head, {@link
   * #chars} and {@link #words} count the whole string.
   */
  static final class CappedTextNode extends com.fasterxml.jackson.databind.node.TextNode {
    private static final long serialVersionUID = 1L;
    final int chars, words;

    CappedTextNode(CappedText c) {
      super(c.text());
      this.chars = c.chars();
      this.words = c.words();
    }

    /** Puts the head on a row's content with the whole string's counts. */
    void into(dev.personas.load.Turn t) {
      t.content = textValue();
      t.contentChars = chars;
      t.contentWords = words;
    }
  }

  /**
   * {@link #readTree(JsonParser, Set)} where the string values of the fields {@code rule} names
   * are read through {@code cap} into {@link CappedTextNode}s (a value no longer than the cap
   * gives a plain text node).
   */
  static JsonNode readTree(JsonParser p, Set<String> skip, CappedText cap, CapRule rule) throws IOException {
    return readTree(p, skip, cap, rule, null);
  }

  private static JsonNode readTree(JsonParser p, Set<String> skip, CappedText cap, CapRule rule,
      String parent) throws IOException {
    JsonToken t = p.currentToken();
    if (t == null) return null;
    switch (t) {
      case START_OBJECT: {
        ObjectNode o = NODES.objectNode();
        JsonToken f;
        while ((f = p.nextToken()) == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          JsonToken v = p.nextToken();
          if (skip.contains(name)) {
            p.skipChildren();
            continue;
          }
          if (v == JsonToken.VALUE_STRING && rule != null && rule.capped(parent, name)) {
            p.getText(cap.reset());
            o.set(name, cap.truncated() ? new CappedTextNode(cap) : NODES.textNode(cap.text()));
            continue;
          }
          o.set(name, readTree(p, skip, cap, rule, name));
        }
        if (f != JsonToken.END_OBJECT) throw new JsonParseException(p, "object not closed");
        return o;
      }
      case START_ARRAY: {
        ArrayNode a = NODES.arrayNode();
        JsonToken e;
        while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
          if (e == null) throw new JsonParseException(p, "array not closed");
          a.add(readTree(p, skip, cap, rule, parent));
        }
        return a;
      }
      case VALUE_STRING:
        return NODES.textNode(p.getText());
      case VALUE_NUMBER_INT:
        switch (p.getNumberType()) {
          case INT: return NODES.numberNode(p.getIntValue());
          case LONG: return NODES.numberNode(p.getLongValue());
          default: return NODES.numberNode(p.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT:
        return NODES.numberNode(p.getDoubleValue());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        throw new JsonParseException(p, "unexpected token " + t);
    }
  }

  /** Text of a textual field, or null when missing, null or not textual. */
  static String text(JsonNode n, String field) {
    if (n == null) return null;
    JsonNode v = n.get(field);
    return v != null && v.isTextual() ? v.textValue() : null;
  }

  /** Text of a textual or scalar field (numbers and booleans as their text), or null. */
  static String scalar(JsonNode n, String field) {
    if (n == null) return null;
    JsonNode v = n.get(field);
    if (v == null || v.isNull() || v.isContainerNode()) return null;
    return v.asText();
  }

  /** A non-blank text field or null. */
  static String nonBlank(JsonNode n, String field) {
    String s = text(n, field);
    return s == null || s.isBlank() ? null : s;
  }

  /** An integral field, or null when missing or not a number. */
  static Long lng(JsonNode n, String field) {
    if (n == null) return null;
    JsonNode v = n.get(field);
    return v != null && v.isNumber() ? v.longValue() : null;
  }

  /** Object child or null. */
  static JsonNode obj(JsonNode n, String field) {
    if (n == null) return null;
    JsonNode v = n.get(field);
    return v != null && v.isObject() ? v : null;
  }

  /** Array child or null. */
  static JsonNode arr(JsonNode n, String field) {
    if (n == null) return null;
    JsonNode v = n.get(field);
    return v != null && v.isArray() ? v : null;
  }

  static boolean bool(JsonNode n, String field) {
    if (n == null) return false;
    JsonNode v = n.get(field);
    return v != null && v.asBoolean(false);
  }

  /** Sum of two nullable longs (null only when both are null). */
  static Long plus(Long a, Long b) {
    if (a == null) return b;
    if (b == null) return a;
    return a + b;
  }

  /** a - b, clamped at 0; null when a is null. */
  static Long minus(Long a, Long b) {
    if (a == null) return null;
    if (b == null) return a;
    return Math.max(0, a - b);
  }

  /**
   * An ISO-8601 instant ({@code 2026-06-10T10:44:53.375Z}, with an offset, or without a zone, then
   * taken as UTC) or null when missing or unparsable.
   */
  static Instant instant(String s) {
    if (s == null || s.length() < 10) return null;
    Instant fast = JsonLines.fastUtc(s); // the common yyyy-MM-ddTHH:mm:ss[.f]Z without java.time's parser
    if (fast != null) return fast;
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(s).toInstant();
      } catch (DateTimeParseException e2) {
        try {
          return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e3) {
          return null;
        }
      }
    }
  }

  /** The instant of a textual (ISO) or numeric (epoch ms, or s when small) field, or null. */
  static Instant instant(JsonNode n, String field) {
    if (n == null) return null;
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) return null;
    if (v.isNumber()) return epoch(v.longValue());
    if (v.isTextual()) return instant(v.textValue());
    return null;
  }

  /** Epoch milliseconds (or seconds, when below {@link #EPOCH_MS_THRESHOLD}) as an instant. */
  static Instant epoch(long v) {
    if (v <= 0) return null;
    return v < EPOCH_MS_THRESHOLD ? Instant.ofEpochSecond(v) : Instant.ofEpochMilli(v);
  }

  /** JSON text of a node (used only for {@code tool_input_json}); null for null/missing. */
  static String write(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) return null;
    try {
      return MAPPER.writeValueAsString(n);
    } catch (IOException e) {
      return null;
    }
  }

  /** Parses a JSON text held in a string field (Codex {@code arguments}); null if not JSON. */
  static JsonNode parseEmbedded(String s) {
    if (s == null) return null;
    int i = 0;
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
    if (i == s.length() || (s.charAt(i) != '{' && s.charAt(i) != '[')) return null;
    try (JsonParser p = FACTORY.createParser(s)) {
      return p.nextToken() == null ? null : readTree(p, Set.of());
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Concatenated text of a content value: a string, or an array of blocks whose {@code text} (or
   * {@code content} string) fields are joined with newlines. Null when there is no text.
   */
  static String contentText(JsonNode content) {
    if (content == null || content.isNull()) return null;
    if (content.isTextual()) return content.textValue();
    if (content.isArray()) {
      StringBuilder sb = null;
      for (JsonNode b : content) {
        String t = b.isTextual() ? b.textValue() : text(b, "text");
        if (t == null) t = text(b, "content");
        if (t == null) continue;
        if (sb == null) sb = new StringBuilder(t.length());
        else sb.append('\n');
        sb.append(t);
      }
      return sb == null ? null : sb.toString();
    }
    if (content.isObject()) {
      String t = text(content, "text");
      if (t == null) t = text(content, "content");
      if (t == null) t = text(content, "output");
      return t;
    }
    return content.asText();
  }
}
