package dev.personas.figures;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rich text for notebook output: the kernel displays any object with {@code mimeBundle()}.
 * {@code Show.markdown("## Data\nfingerprint `abc`")} renders as Markdown in Jupyter and on GitHub.
 *
 * @param mime the main MIME type ({@code text/markdown} or {@code text/html})
 * @param content the text in that type
 * @param plain the {@code text/plain} fallback
 */
public record Show(String mime, String content, String plain) {

  public Show {
    if (mime == null || content == null || plain == null) {
      throw new IllegalArgumentException("mime, content and plain must not be null");
    }
  }

  /** Markdown output; plain text is the Markdown source. */
  public static Show markdown(String markdown) {
    if (markdown == null) throw new IllegalArgumentException("markdown must not be null");
    return new Show("text/markdown", markdown, markdown);
  }

  /** HTML output; plain text is the HTML with tags removed and whitespace collapsed. */
  public static Show html(String html) {
    if (html == null) throw new IllegalArgumentException("html must not be null");
    String plain = html.replaceAll("(?s)<[^>]*>", " ").replace("&lt;", "<").replace("&gt;", ">")
        .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&").replaceAll("\\s+", " ").strip();
    return new Show("text/html", html, plain);
  }

  /** {@code {mime: content, "text/plain": plain}} (one entry when mime is text/plain). */
  public Map<String, String> mimeBundle() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(mime, content);
    m.put("text/plain", plain);
    return m;
  }

  @Override
  public String toString() {
    return plain;
  }

  /** Escapes {@code & < > " '} for HTML text and attributes. */
  public static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
