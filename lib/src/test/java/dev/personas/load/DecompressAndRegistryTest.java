package dev.personas.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

class DecompressAndRegistryTest {
  static final String TEXT = "{\"type\":\"user\",\"uuid\":\"1\",\"sessionId\":\"s\",\"message\":{\"content\":\"hi\"}}\n";

  static byte[] gzip(String s) throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(b)) {
      g.write(s.getBytes(StandardCharsets.UTF_8));
    }
    return b.toByteArray();
  }

  static byte[] xz(String s) throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (XZOutputStream x = new XZOutputStream(b, new LZMA2Options())) {
      x.write(s.getBytes(StandardCharsets.UTF_8));
    }
    return b.toByteArray();
  }

  static String read(byte[] b) throws Exception {
    try (InputStream in = Decompress.wrap(new ByteArrayInputStream(b))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void decompressesByMagicBytes() throws Exception {
    assertThat(read(gzip(TEXT))).isEqualTo(TEXT);
    assertThat(read(xz(TEXT))).isEqualTo(TEXT);
    assertThat(read(TEXT.getBytes(StandardCharsets.UTF_8))).isEqualTo(TEXT);
    assertThat(read(new byte[0])).isEmpty();
    assertThat(Decompress.kind(gzip(TEXT), 6)).isEqualTo("gzip");
    assertThat(Decompress.kind(xz(TEXT), 6)).isEqualTo("xz");
  }

  @Test
  void registryIsSortedByIdAndDetectsByContent() {
    var ids = TranscriptFormats.all().stream().map(TranscriptFormat::id).toList();
    assertThat(ids).contains("claude-code-jsonl", "entire-compact-v1").isSorted();
    assertThat(TranscriptFormats.detect(TEXT).map(TranscriptFormat::id)).contains("claude-code-jsonl");
    assertThat(TranscriptFormats.detect("# a markdown file\n\nhello")).isEmpty();
    assertThat(TranscriptFormats.detect("")).isEmpty();
    assertThat(TranscriptFormats.detect("\uFEFF" + TEXT).map(TranscriptFormat::id)).contains("claude-code-jsonl");
    assertThatThrownBy(() -> TranscriptFormats.byId("nope")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nope");
  }

  @Test
  void agentNames() {
    assertThat(AgentNames.fromEntireMetadata(null)).isEqualTo("Claude Code");
    assertThat(AgentNames.fromEntireMetadata("Agent")).isEqualTo("Claude Code");
    assertThat(AgentNames.canonical("Claude Code (shadow)")).isEqualTo("Claude Code");
    assertThat(AgentNames.canonical("Codex CLI")).isEqualTo("Codex");
    assertThat(AgentNames.canonical("Opencode")).isEqualTo("OpenCode");
    assertThat(AgentNames.canonical("gemini-cli")).isEqualTo("Gemini CLI");
    assertThat(AgentNames.canonical("Roger Roger Agent")).isEqualTo("Roger Roger Agent");
  }
}
