package dev.personas.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.personas.load.formats.JsonLines;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A researcher's session -> user mapping file (the first source of {@code user_id}, issue 3
 * "Identity"): CSV with a header row naming {@code session_id} and {@code user_id} columns (any
 * order, other columns ignored, RFC 4180 quoting), or JSON lines with those two fields (detected by a
 * leading '{'). Gzip/xz compressed files are read transparently. Rows with an empty id are ignored;
 * for a repeated session id the first row wins.
 */
public final class UserMapping {
  private final Map<String, String> map;

  private UserMapping(Map<String, String> map) {
    this.map = map;
  }

  /** An empty mapping. */
  public static UserMapping none() {
    return new UserMapping(Map.of());
  }

  /**
   * Reads a mapping file.
   *
   * @throws IllegalArgumentException if the file has no {@code session_id}/{@code user_id} header
   * @throws IOException if it cannot be read
   */
  public static UserMapping read(Path file) throws IOException {
    Map<String, String> m = new HashMap<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(Decompress.open(file), StandardCharsets.UTF_8))) {
      String first = r.readLine();
      while (first != null && first.isBlank()) first = r.readLine();
      if (first == null) return new UserMapping(m);
      if (first.stripLeading().startsWith("{")) {
        for (String line = first; line != null; line = r.readLine()) {
          if (line.isBlank()) continue;
          try {
            JsonNode n = JsonLines.tree(line);
            put(m, JsonLines.str(n, "session_id"), JsonLines.str(n, "user_id"));
          } catch (IOException e) {
            // a malformed mapping line is ignored; the session falls back to the next identity source
          }
        }
      } else {
        List<String> header = splitCsv(first);
        int si = header.indexOf("session_id"), ui = header.indexOf("user_id");
        if (si < 0 || ui < 0) {
          throw new IllegalArgumentException("mapping file " + file + " lacks session_id/user_id header: " + header);
        }
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          if (line.isBlank()) continue;
          List<String> f = splitCsv(line);
          if (f.size() > Math.max(si, ui)) put(m, f.get(si), f.get(ui));
        }
      }
    }
    return new UserMapping(m);
  }

  private static void put(Map<String, String> m, String s, String u) {
    if (s != null && !s.isBlank() && u != null && !u.isBlank()) m.putIfAbsent(s.strip(), u.strip());
  }

  /** The user of a session, or null. */
  public String user(String sessionId) {
    return sessionId == null ? null : map.get(sessionId);
  }

  /** Number of sessions mapped. */
  public int size() {
    return map.size();
  }

  static List<String> splitCsv(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    boolean q = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (q) {
        if (c == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            sb.append('"');
            i++;
          } else {
            q = false;
          }
        } else {
          sb.append(c);
        }
      } else if (c == '"') {
        q = true;
      } else if (c == ',') {
        out.add(sb.toString());
        sb.setLength(0);
      } else {
        sb.append(c);
      }
    }
    out.add(sb.toString());
    return out;
  }
}
