package dev.personas.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;

class FigureStoreTest {

  @TempDir Path tmp;

  @Test
  void sameChartTwiceGivesIdenticalPngAndSvgBytes() throws Exception {
    for (Map.Entry<String, Chart<?, ?>> e : FigureSamples.charts().entrySet()) {
      Chart<?, ?> again = FigureSamples.charts().get(e.getKey());
      assertThat(FigureStore.png(again)).as(e.getKey()).isEqualTo(FigureStore.png(e.getValue()));
      assertThat(FigureStore.svg(again)).as(e.getKey()).isEqualTo(FigureStore.svg(e.getValue()));
    }
  }

  @Test
  void savesPngAndSvgWithManifestRowsAndMimeBundle() throws Exception {
    FigureStore store = FigureStore.at(tmp).withContext("abc123", 7L);
    XYChart chart = FigureSamples.charts().values().stream().filter(XYChart.class::isInstance)
        .map(XYChart.class::cast).findFirst().orElseThrow();
    Figure f = store.save(chart, "05-reproduce-swe-chat", "agent-percentage");

    Path png = tmp.resolve("05-reproduce-swe-chat/agent-percentage.png");
    Path svg = tmp.resolve("05-reproduce-swe-chat/agent-percentage.svg");
    assertThat(f.pngPath()).isEqualTo(png);
    assertThat(f.svgPath()).isEqualTo(svg);
    BufferedImage img = ImageIO.read(png.toFile());
    assertThat(img.getWidth()).isEqualTo(Theme.WIDTH);
    assertThat(img.getHeight()).isEqualTo(Theme.HEIGHT);
    String svgText = Files.readString(svg);
    // VectorGraphics2D draws text as glyph outlines, so the SVG does not depend on fonts at view time
    assertThat(svgText).startsWith("<?xml").contains("<svg").contains("viewBox=\"0 0 800 500\"").contains("<path")
        .doesNotContain("<text");

    assertThat(f.sha256().get(0)).isEqualTo(FigureStore.sha256(Files.readAllBytes(png)));
    assertThat(Manifest.read(tmp)).containsExactly(
        new Manifest.Row("05-reproduce-swe-chat/agent-percentage.png", "05-reproduce-swe-chat", "abc123", "7",
            f.sha256().get(0)),
        new Manifest.Row("05-reproduce-swe-chat/agent-percentage.svg", "05-reproduce-swe-chat", "abc123", "7",
            f.sha256().get(1)));

    Map<String, String> mime = f.mimeBundle();
    assertThat(mime).containsOnlyKeys("image/png", "text/plain");
    byte[] decoded = Base64.getDecoder().decode(mime.get("image/png"));
    assertThat(decoded).isEqualTo(Files.readAllBytes(png));
    assertThat(ImageIO.read(new ByteArrayInputStream(decoded))).isNotNull();
    assertThat(mime.get("text/plain")).doesNotContain("\n").contains(chart.getTitle())
        .contains("05-reproduce-swe-chat/agent-percentage.png").doesNotContain(tmp.toString());
    assertThat(Files.list(tmp.resolve("05-reproduce-swe-chat")).map(p -> p.getFileName().toString()))
        .containsExactlyInAnyOrder("agent-percentage.png", "agent-percentage.svg");
  }

  @Test
  void rejectsBadNames() {
    FigureStore store = FigureStore.at(tmp);
    XYChart chart = new XYChart(10, 10);
    assertThatThrownBy(() -> store.save(chart, "../escape", "x")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("../escape");
    assertThatThrownBy(() -> store.save(chart, "nb", "a b")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a b");
    assertThatThrownBy(() -> store.withContext("has\ttab", 1)).isInstanceOf(IllegalArgumentException.class);
  }

  /** Temurin 25 where this project's machines have it; the cross-JDK check runs only when present. */
  private static final Path JDK25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

  @Test
  void twoSeparateJvmsWriteIdenticalFiles() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    Process pa = startSamples(java, a);
    Process pb = startSamples(java, b);
    Process p25 = Files.isExecutable(JDK25) ? startSamples(JDK25.toString(), tmp.resolve("jdk25")) : null;
    Path c = tmp.resolve("c"); // and this JVM
    FigureSamples.main(new String[] {c.toString()});
    finish(pa);
    finish(pb);
    List<Path> files = list(a);
    assertThat(files).hasSize(2 * FigureSamples.charts().size() + 1);
    List<Path> others = new ArrayList<>(List.of(b, c));
    if (p25 != null) {
      finish(p25);
      others.add(tmp.resolve("jdk25"));
    }
    for (Path other : others) {
      assertThat(list(other)).as(other.toString()).isEqualTo(files);
      for (Path rel : files) {
        assertThat(Files.readAllBytes(other.resolve(rel))).as(other + ": " + rel)
            .isEqualTo(Files.readAllBytes(a.resolve(rel)));
      }
    }
  }

  private static List<Path> list(Path root) throws Exception {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    }
  }

  private static Process startSamples(String java, Path out) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(java, "-Djava.awt.headless=true", "-cp",
        System.getProperty("java.class.path"), FigureSamples.class.getName(), out.toString()));
    return new ProcessBuilder(cmd).redirectErrorStream(true).start();
  }

  private static void finish(Process p) throws Exception {
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
  }
}
