package dev.personas.load.formats;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What detection sees of a file head (package-private): the field names of the first JSON record
 * (top level and one level down), with scalar values as text. The head may end anywhere, so the
 * probe keeps what it could read before the end or the first syntax error.
 *
 * @param fields top-level fields in file order: scalar -> its text, object -> a map of its own
 *     fields (scalars as text, containers as {@link #CONTAINER}), array -> {@link #CONTAINER}
 * @param complete whether the first record was read to its closing brace
 */
record HeadProbe(Map<String, Object> fields, boolean complete) {
  /** Marker value for a nested container whose content the probe skipped. */
  static final String CONTAINER = "\u0000container";

  private static final HeadProbe NONE = new HeadProbe(Map.of(), false);
  private static final ThreadLocal<Object[]> LAST = new ThreadLocal<>();

  /** The probe of {@code head} (cached per thread for the last head seen). */
  static HeadProbe of(String head) {
    if (head == null) return NONE;
    Object[] last = LAST.get();
    if (last != null && last[0] == head) return (HeadProbe) last[1];
    HeadProbe p = parse(head);
    LAST.set(new Object[] {head, p});
    return p;
  }

  private static HeadProbe parse(String head) {
    int i = 0;
    int n = head.length();
    if (n > 0 && head.charAt(0) == '\uFEFF') i = 1;
    while (i < n && Character.isWhitespace(head.charAt(i))) i++;
    if (i == n || head.charAt(i) != '{') return NONE;
    Map<String, Object> top = new LinkedHashMap<>();
    boolean complete = false;
    try (JsonParser p = Json.FACTORY.createParser(head.substring(i))) {
      p.nextToken(); // START_OBJECT
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        if (v == JsonToken.START_OBJECT) {
          Map<String, Object> sub = new LinkedHashMap<>();
          top.put(name, sub);
          JsonToken u;
          while ((u = p.nextToken()) == JsonToken.FIELD_NAME) {
            String sn = p.currentName();
            JsonToken sv = p.nextToken();
            if (sv.isStructStart()) {
              sub.put(sn, CONTAINER);
              p.skipChildren();
            } else {
              sub.put(sn, sv == JsonToken.VALUE_NULL ? null : p.getText());
            }
          }
          if (u != JsonToken.END_OBJECT) break;
        } else if (v == JsonToken.START_ARRAY) {
          top.put(name, CONTAINER);
          p.skipChildren();
        } else if (v != null) {
          top.put(name, v == JsonToken.VALUE_NULL ? null : p.getText());
        } else {
          break;
        }
      }
      complete = t == JsonToken.END_OBJECT;
    } catch (IOException | RuntimeException e) {
      // head ends mid-record or is not JSON: keep what was read
    }
    return new HeadProbe(Collections.unmodifiableMap(top), complete);
  }

  boolean has(String field) {
    return fields.containsKey(field);
  }

  /** Scalar text of a top-level field, or null (also for containers). */
  String str(String field) {
    Object v = fields.get(field);
    return v instanceof String s && !s.equals(CONTAINER) ? s : null;
  }

  /** The nested field map of a top-level object field, or an empty map. */
  @SuppressWarnings("unchecked")
  Map<String, Object> sub(String field) {
    Object v = fields.get(field);
    return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  boolean isObject(String field) {
    return fields.get(field) instanceof Map;
  }
}
