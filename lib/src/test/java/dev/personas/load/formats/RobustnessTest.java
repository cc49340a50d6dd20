package dev.personas.load.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Bad input never aborts a parse: bad bytes, odd line endings, huge lines, empty files. */
class RobustnessTest {

  private static RecordingSink parse(dev.personas.load.TranscriptFormat f, byte[] bytes)
      throws IOException {
    RecordingSink s = new RecordingSink();
    f.parse(new ByteArrayInputStream(bytes), s);
    return s;
  }

  @Test
  void invalidUtf8LineIsSkippedAndTheRestKept() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(line("first prompt"));
    b.writeBytes("{\"timestamp\":\"2026-01-01T00:00:01Z\",\"type\":\"event_msg\",\"payload\":{\"type\":\"user_message\",\"message\":\"bad "
        .getBytes(StandardCharsets.UTF_8));
    b.write(0xC3); // a lone lead byte, then a quote: invalid UTF-8
    b.writeBytes("\"}}\n".getBytes(StandardCharsets.UTF_8));
    b.writeBytes(line("third prompt"));
    RecordingSink s = parse(new CodexRolloutFormat(), b.toByteArray());
    assertThat(s.ofType("user_prompt")).extracting(t -> t.content)
        .containsExactly("first prompt", "third prompt");
    assertThat(s.problems).hasSize(1).first().asString().startsWith("2: ");
  }

  @Test
  void crlfBomAndBlankLinesAreFine() throws IOException {
    String text = "\uFEFF" + new String(line("a"), StandardCharsets.UTF_8).replace("\n", "\r\n")
        + "\r\n   \r\n" + new String(line("b"), StandardCharsets.UTF_8).strip();
    RecordingSink s = parse(new CodexRolloutFormat(), text.getBytes(StandardCharsets.UTF_8));
    assertThat(s.ofType("user_prompt")).extracting(t -> t.content).containsExactly("a", "b");
    assertThat(s.problems).isEmpty();
  }

  @Test
  void linesLongerThanTheBufferAndTrickleReads() throws IOException {
    String big = "x".repeat(300_000);
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(line(big));
    b.writeBytes(line("short"));
    InputStream trickle = new FilterInputStream(new ByteArrayInputStream(b.toByteArray())) {
      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        return super.read(buf, off, Math.min(len, 7));
      }
    };
    RecordingSink s = new RecordingSink();
    new CodexRolloutFormat().parse(trickle, s);
    assertThat(s.ofType("user_prompt")).extracting(t -> t.content.length())
        .containsExactly(300_000, 5);
    assertThat(s.problems).isEmpty();
  }

  @Test
  void emptyAndNonJsonInputs() throws IOException {
    for (var f : Formats.all()) {
      RecordingSink empty = parse(f, new byte[0]);
      assertThat(empty.turns).as(f.id()).isEmpty();
      RecordingSink junk = parse(f, "hello\nworld\n".getBytes(StandardCharsets.UTF_8));
      assertThat(junk.turns).as(f.id()).isEmpty();
      assertThat(junk.problems).as(f.id()).isNotEmpty();
    }
  }

  @Test
  void parsersLeaveTheCallersStreamOpen() throws IOException {
    String[] samples = {OpenCodeFormatsTest.EXPORT, GeminiFormatsTest.DOC, RareFormatsTest.KIRO,
        CodexRolloutFormatTest.ROLLOUT};
    for (var f : Formats.all()) {
      for (String text : samples) {
        boolean[] closed = {false};
        InputStream in = new FilterInputStream(
            new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))) {
          @Override
          public void close() throws IOException {
            closed[0] = true;
            super.close();
          }
        };
        f.parse(in, new RecordingSink());
        assertThat(closed[0]).as(f.id()).isFalse();
      }
    }
  }

  @Test
  void nonObjectLinesAreProblems() throws IOException {
    String glued = new String(line("two"), StandardCharsets.UTF_8).strip()
        + new String(line("three"), StandardCharsets.UTF_8).strip() + " tail\n";
    byte[] text = ("[1,2]\n\"str\"\n" + new String(line("one"), StandardCharsets.UTF_8) + glued)
        .getBytes(StandardCharsets.UTF_8);
    RecordingSink s = parse(new CodexRolloutFormat(), text);
    // two records glued on line 4 are both kept; the garbage after them is reported
    assertThat(s.ofType("user_prompt")).extracting(t -> t.content)
        .containsExactly("one", "two", "three");
    assertThat(s.problems).hasSize(3);
    assertThat(s.problems.get(2)).startsWith("4: malformed JSON");
  }

  private static byte[] line(String prompt) {
    return ("{\"timestamp\":\"2026-01-01T00:00:00Z\",\"type\":\"event_msg\",\"payload\":"
        + "{\"type\":\"user_message\",\"message\":\"" + prompt + "\"}}\n")
        .getBytes(StandardCharsets.UTF_8);
  }
}
