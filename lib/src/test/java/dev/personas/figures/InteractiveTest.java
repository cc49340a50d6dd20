package dev.personas.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class InteractiveTest {

  @TempDir Path tmp;

  private Path fakePlotly() throws Exception {
    return Files.writeString(tmp.resolve("fake-plotly.js"), "/* FAKE-PLOTLY-2 */ var s='</script>';");
  }

  private static Table embedding() {
    return Table.create("emb", DoubleColumn.create("pc1", 1, 2, 3, 4), DoubleColumn.create("pc2", 2, 1, 4, 3),
        StringColumn.create("type", "b", "a", "b", "a"), StringColumn.create("id", "s1", "s2", "s\"3", "s4"));
  }

  @Test
  void htmlInlinesPlotlyWithoutCdnAndIsDeterministic() throws Exception {
    FigureStore store = FigureStore.at(tmp.resolve("figs")).withPlotlyJs(fakePlotly()).withContext("fp", 3);
    Figure f = store.saveHtml(Interactive.scatter("Embedding by type", embedding(), "pc1", "pc2", "type", "id"),
        "03-session-types", "embedding");
    Path html = tmp.resolve("figs/03-session-types/embedding.html");
    assertThat(f.htmlPath()).isEqualTo(html);
    String page = Files.readString(html);
    assertThat(page).contains("/* FAKE-PLOTLY-2 */").contains("<\\/script>")
        .doesNotContain("cdn.plot.ly").doesNotContain("<script src").doesNotContain("https://")
        .contains("<div id=\"03-session-types-embedding\"></div>")
        .contains("document.getElementById('03-session-types-embedding')")
        .contains("<title>Embedding by type</title>")
        .contains("name: 'a (2)'").contains("name: 'b (2)'")
        .contains("color: '#0072B2'")
        .contains("\"s\u201D3\"");
    assertThat(page.indexOf("name: 'a (2)'")).isLessThan(page.indexOf("name: 'b (2)'"));
    Figure again = store.saveHtml(Interactive.scatter("Embedding by type", embedding(), "pc1", "pc2", "type", "id"),
        "03-session-types", "embedding");
    assertThat(again.sha256()).isEqualTo(f.sha256());
    assertThat(Manifest.read(tmp.resolve("figs"))).extracting(Manifest.Row::figure)
        .containsExactly("03-session-types/embedding.html");
    assertThat(f.mimeBundle()).containsOnlyKeys("text/html", "text/plain");
    assertThat(f.mimeBundle().get("text/html")).contains("03-session-types/embedding.html");
  }

  @Test
  void realPlotlyBundleWhenFetched() throws Exception {
    Path js = Figures.projectRoot().resolve(Interactive.DEFAULT_PLOTLY);
    assumeTrue(Files.isRegularFile(js), "run bin/fetch-plotly to enable this test");
    String page = Interactive.page(Interactive.scatter("t", "x", "y", new double[] {1}, new double[] {2}, null, null),
        "d", "t", js);
    // the bundle's config schema names https://cdn.plot.ly/ as the (unused, geo-only) topojson default;
    // what matters is that no script is loaded from anywhere
    assertThat(page).contains("plotly.js (basic - minified) v2.35.3").doesNotContain("cdn.plot.ly/plotly")
        .doesNotContain("<script src");
    assertThat(page.length()).isGreaterThan(1_000_000);
  }

  @Test
  void badDivIdAndMismatchedInputsThrow() throws Exception {
    Path js = fakePlotly();
    var fig = Interactive.scatter("t", "x", "y", new double[] {1}, new double[] {2}, null, null);
    assertThatThrownBy(() -> Interactive.page(fig, "1bad id", "t", js)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1bad id");
    assertThatThrownBy(() -> Interactive.scatter("t", "x", "y", new double[] {1}, new double[] {2}, List.of("a", "b"), null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("groups");
  }

  @Test
  void missingPlotlyFileIsAClearError() {
    FigureStore store = FigureStore.at(tmp).withPlotlyJs(tmp.resolve("nope.js"));
    var fig = Interactive.scatter("t", "x", "y", new double[] {1}, new double[] {2}, null, null);
    assertThatThrownBy(() -> store.saveHtml(fig, "nb", "x")).hasMessageContaining("nope.js");
    if (System.getenv(Interactive.ENV_PLOTLY) == null
        && !Files.isRegularFile(Figures.projectRoot().resolve(Interactive.DEFAULT_PLOTLY))) {
      assertThatThrownBy(Interactive::plotlyJs).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(Interactive.ENV_PLOTLY).hasMessageContaining(Interactive.DEFAULT_PLOTLY);
    }
  }
}
