package dev.personas.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.personas.load.formats.JsonLines;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CappedTextTest {
  /** Random text of words, runs of whitespace (ASCII and not), surrogate pairs. */
  private static String text(SplittableRandom r, int len) {
    String[] pieces = {"a", "word", " ", "  ", "\n", "\t", "\u00e9t\u00e9", "\u2003", "\uD83D\uDE00", "x\u00a0y", "\u3000"};
    StringBuilder sb = new StringBuilder();
    while (sb.length() < len) sb.append(pieces[r.nextInt(pieces.length)]);
    return sb.toString();
  }

  @Test
  void equalsCountsAndCapOfTheWholeTextForAnyChunking() {
    SplittableRandom r = new SplittableRandom(7);
    for (int round = 0; round < 300; round++) {
      String s = text(r, r.nextInt(1, 400));
      int cap = r.nextInt(1, 60);
      CappedText c = new CappedText(cap);
      char[] a = s.toCharArray();
      for (int i = 0; i < a.length; ) {
        int n = Math.min(a.length - i, r.nextInt(1, 50));
        c.write(a, i, n);
        i += n;
      }
      assertThat(c.chars()).isEqualTo(s.length());
      assertThat(c.words()).isEqualTo(ConversationSink.wordCount(s));
      assertThat(c.text()).isEqualTo(ConversationSink.cap(s, cap));
      assertThat(c.truncated()).isEqualTo(s.length() > cap);
    }
  }

  @Test
  void capNeverSplitsASurrogatePairAndShortTextsAreWhole() {
    CappedText c = new CappedText(3);
    c.write("ab\uD83D\uDE00cd");
    assertThat(c.text()).isEqualTo("ab");
    assertThat(c.chars()).isEqualTo(6);
    c.reset().write("ab\uD83D\uDE00");
    assertThat(c.text()).isEqualTo("ab");
    assertThat(c.truncated()).isTrue();
    c.reset().write("abc");
    assertThat(c.text()).isEqualTo("abc");
    assertThat(c.truncated()).isFalse();
    assertThat(c.reset().text()).isEmpty();
    assertThat(c.words()).isZero();
    CappedText uncapped = new CappedText(Integer.MAX_VALUE);
    uncapped.write("no cap at all");
    assertThat(uncapped.text()).isEqualTo("no cap at all");
    assertThatThrownBy(() -> new CappedText(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cap 0");
  }

  @Test
  void piecesJoinLikeAStringBuilderThatSeparatesOnlyAfterNonEmptyText() {
    CappedText c = new CappedText(100);
    c.piece();
    c.write("");
    c.piece();
    c.write("one two");
    c.piece();
    c.write("[image]");
    assertThat(c.text()).isEqualTo("one two\n[image]");
    assertThat(c.words()).isEqualTo(3);
    assertThat(c.chars()).isEqualTo(15);
  }

  @Test
  void readsAJsonStringThroughJacksonSegmentBySegment() throws Exception {
    // longer than Jackson's text segments, with escapes and multi-byte UTF-8
    String s = text(new SplittableRandom(3), 300_000);
    String json = "{\"content\":" + JsonLines.MAPPER.writeValueAsString(s) + "}";
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    CappedText c = new CappedText(10_000);
    try (JsonParser p = JsonLines.FACTORY.createParser(b, 0, b.length)) {
      assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
      p.nextToken();
      assertThat(p.nextToken()).isEqualTo(JsonToken.VALUE_STRING);
      p.getText(c);
    }
    assertThat(c.chars()).isEqualTo(s.length());
    assertThat(c.words()).isEqualTo(ConversationSink.wordCount(s));
    assertThat(c.text()).isEqualTo(ConversationSink.cap(s, 10_000));
  }
}
