package dev.personas.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestTest {

  @TempDir Path tmp;

  private static Manifest.Row row(String fig, String sha) {
    return new Manifest.Row(fig, fig.substring(0, fig.indexOf('/')), "fp", "1", sha);
  }

  @Test
  void rowsAreMergedByFigurePathAndSorted() throws Exception {
    Manifest.merge(tmp, List.of(row("b/x.png", "1"), row("a/z.png", "2")));
    Manifest.merge(tmp, List.of(row("a/y.svg", "3"), row("b/x.png", "4")));
    assertThat(Files.readString(tmp.resolve("MANIFEST.tsv"))).isEqualTo(
        Manifest.HEADER + "\n"
            + "a/y.svg\ta\tfp\t1\t3\n"
            + "a/z.png\ta\tfp\t1\t2\n"
            + "b/x.png\tb\tfp\t1\t4\n");
  }

  @Test
  void orderOfUpdatesDoesNotMatter() throws Exception {
    Path p = tmp.resolve("p");
    Path q = tmp.resolve("q");
    Manifest.merge(p, List.of(row("n1/a.png", "1")));
    Manifest.merge(p, List.of(row("n2/b.png", "2")));
    Manifest.merge(q, List.of(row("n2/b.png", "2")));
    Manifest.merge(q, List.of(row("n1/a.png", "1")));
    assertThat(Files.readAllBytes(p.resolve(Manifest.FILE))).isEqualTo(Files.readAllBytes(q.resolve(Manifest.FILE)));
  }

  @Test
  void damagedRowsAreDroppedOnUpdate() throws Exception {
    Files.writeString(tmp.resolve(Manifest.FILE), Manifest.HEADER + "\nbroken line\nn/a.png\tn\tfp\t1\tab\n");
    assertThat(Manifest.read(tmp)).containsExactly(row("n/a.png", "ab"));
    Manifest.merge(tmp, List.of(row("n/b.png", "cd")));
    assertThat(Files.readString(tmp.resolve(Manifest.FILE))).doesNotContain("broken");
    assertThat(Manifest.read(tmp)).hasSize(2);
  }

  @Test
  void fieldsMayNotHoldTabs() {
    assertThatThrownBy(() -> new Manifest.Row("a\tb", "n", "f", "s", "h"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a\tb");
  }

  @Test
  void missingManifestReadsAsEmpty() {
    assertThat(Manifest.read(tmp.resolve("none"))).isEmpty();
  }
}
