package dev.personas.load.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonLinesTest {
  @Test
  void fastTimestampsAgreeWithJavaTime() {
    for (String s : List.of("2026-03-01T10:00:00Z", "2026-03-01T10:00:00.1Z", "2026-02-28T23:59:59.123456789Z",
        "2024-02-29T00:00:00.000Z", "1970-01-01T00:00:00Z")) {
      assertThat(JsonLines.fastUtc(s)).as(s).isEqualTo(Instant.parse(s));
    }
    assertThat(JsonLines.fastUtc("2026-02-30T10:00:00Z")).isNull();
    assertThat(JsonLines.fastUtc("2026-03-01T10:00:00+02:00")).isNull();
    assertThat(JsonLines.instant("2026-03-01T10:00:00+02:00")).isEqualTo(OffsetDateTime.parse("2026-03-01T10:00:00+02:00").toInstant());
    assertThat(JsonLines.instant("2026-02-30T10:00:00Z")).isNull();
    assertThat(JsonLines.instant("yesterday")).isNull();
  }

  @Test
  void splitsLinesOfAnyLengthAcrossBufferRefills() throws Exception {
    Random rnd = new Random(42);
    List<String> lines = new ArrayList<>();
    StringBuilder all = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      int len = rnd.nextInt(10) == 0 ? 70_000 + rnd.nextInt(70_000) : rnd.nextInt(40);
      StringBuilder l = new StringBuilder();
      for (int k = 0; k < len; k++) l.append((char) ('a' + rnd.nextInt(26)));
      lines.add(l.toString());
      all.append(l).append(i % 7 == 0 ? "\r\n" : "\n");
    }
    all.append("tail without newline");
    // a stream that returns few bytes per read, to exercise refills
    InputStream in = new ByteArrayInputStream(all.toString().getBytes(StandardCharsets.UTF_8)) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 1 + (int) (System.identityHashCode(this) % 3) + 4093));
      }
    };
    JsonLines jl = new JsonLines(in);
    for (int i = 0; i < lines.size(); i++) {
      assertThat(jl.next()).isTrue();
      assertThat(jl.length()).as("line " + (i + 1)).isEqualTo(lines.get(i).length());
      assertThat(jl.terminated()).isTrue();
    }
    assertThat(jl.next()).isTrue();
    assertThat(jl.terminated()).isFalse();
    assertThat(jl.lineNumber()).isEqualTo(301);
    assertThat(jl.next()).isFalse();
    byte[] b = "abcdefgh\nij".getBytes(StandardCharsets.UTF_8);
    for (int from = 0; from < b.length; from++) {
      assertThat(JsonLines.indexOf(b, (byte) '\n', from, b.length)).isEqualTo(from <= 8 ? 8 : -1);
    }
  }
}
