package dev.personas.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RendererTest {

    /** Stands in for a Tablesaw column: public getString(int). */
    public static final class FakeColumn {
        private final List<String> values;

        FakeColumn(List<String> values) {
            this.values = values;
        }

        public String getString(int row) {
            return values.get(row);
        }
    }

    /** Has the mimeBundle() hook of lib's figure objects. */
    public static final class Figure {
        public Map<String, String> mimeBundle() {
            return Map.of("image/png", "AAAA");
        }

        @Override
        public String toString() {
            return "Figure";
        }
    }

    private static Renderer.TableView table(String name, int rows, int cols) {
        List<String> names = new ArrayList<>();
        List<Object> columns = new ArrayList<>();
        for (int c = 0; c < cols; c++) {
            names.add("c" + c);
            List<String> values = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                values.add(r + "/" + c);
            }
            columns.add(new FakeColumn(values));
        }
        return new Renderer.TableView(name, rows, names, null, columns);
    }

    @Test
    void stringsAreUnquotedAndArraysElementWise() {
        Renderer r = new Renderer();
        assertThat(r.render("hi")).containsExactly(Map.entry("text/plain", "hi"));
        assertThat(r.render(new int[] {1, 2})).containsExactly(Map.entry("text/plain", "[1, 2]"));
        assertThat(r.render(new String[][] {{"a"}, {"b", "c"}})).containsEntry("text/plain", "[[a], [b, c]]");
        assertThat(r.render(null)).isEmpty();
    }

    @Test
    void mimeBundleObjectsRenderAsTheirBundleWithTextFallback() {
        assertThat(new Renderer().render(new Figure()))
                .containsExactly(Map.entry("image/png", "AAAA"), Map.entry("text/plain", "Figure"));
    }

    @Test
    void smallTableShowsEveryCellEscaped() {
        List<Object> cols = List.of(new FakeColumn(List.of("<a&b>", "2")));
        Renderer.TableView t = new Renderer.TableView("t", 2, List.of("x\"y"), null, cols);
        String html = Renderer.tableHtml(t, Renderer.Limits.defaults());
        assertThat(html).startsWith("<table class=\"workbench-table\">\n<caption>t \u00b7 2 rows \u00d7 1 columns</caption>")
                .contains("<th>x&quot;y</th>")
                .contains("<tr><th>0</th><td>&lt;a&amp;b&gt;</td></tr>")
                .contains("<tr><th>1</th><td>2</td></tr>")
                .doesNotContain("\u2026");
        assertThat(Renderer.tableText(t, Renderer.Limits.defaults()))
                .isEqualTo("t \u00b7 2 rows \u00d7 1 columns\n  | x\"y\n0 | <a&b>\n1 | 2");
    }

    @Test
    void largeTableIsElidedToHeadAndTailRowsAndColumns() {
        Renderer.TableView t = table("big", 100, 30);
        Renderer.Limits limits = new Renderer.Limits(4, 4, 60);
        String html = Renderer.tableHtml(t, limits);
        assertThat(html).contains("<th>c0</th><th>c1</th><th>\u2026</th><th>c28</th><th>c29</th>")
                .contains("<tr><th>1</th><td>1/0</td><td>1/1</td><td>\u2026</td><td>1/28</td><td>1/29</td></tr>")
                .contains("<tr><th>99</th>")
                .doesNotContain("<tr><th>2</th>")
                .doesNotContain("c15");
        String text = Renderer.tableText(t, limits);
        assertThat(text.split("\n")).hasSize(1 + 1 + 5);
        assertThat(text).contains("\n\u2026  | \u2026    | \u2026    | \u2026 | \u2026     | \u2026\n")
                .contains("\n99 | 99/0 | 99/1 | \u2026 | 99/28 | 99/29");
    }

    @Test
    void shownIndicesSplitHeadAndTail() {
        assertThat(Renderer.shown(3, 5)).containsExactly(0, 1, 2);
        assertThat(Renderer.shown(10, 5)).containsExactly(0, 1, 2, -1, 8, 9);
        assertThat(Renderer.shown(0, 5)).isEmpty();
    }

    @Test
    void longCellsAreClipped() {
        assertThat(Renderer.clip("abcdefgh", 5)).isEqualTo("abcd\u2026");
        assertThat(Renderer.clip("abc", 5)).isEqualTo("abc");
    }

    @Test
    void limitsAreValidated() {
        assertThatThrownBy(() -> new Renderer.Limits(1, 10, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxRows").hasMessageContaining("1");
        assertThatThrownBy(() -> new Renderer.Limits(10, 0, 10)).hasMessageContaining("maxColumns");
        assertThatThrownBy(() -> new Renderer.Limits(10, 10, 3)).hasMessageContaining("maxCellChars");
    }

    @Test
    void bufferedImageBecomesDeterministicPng() {
        BufferedImage img = new BufferedImage(5, 2, BufferedImage.TYPE_INT_RGB);
        img.setRGB(1, 1, Color.RED.getRGB());
        Map<String, Object> first = new Renderer().render(img);
        Map<String, Object> second = new Renderer().render(img);
        assertThat(first).isEqualTo(second).containsEntry("text/plain", "BufferedImage 5x2");
        byte[] png = Base64.getDecoder().decode((String) first.get("image/png"));
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        assertThat(java.nio.ByteBuffer.wrap(png, 16, 8).getInt()).isEqualTo(5);
    }

    @Test
    void classNamesAreMatchedThroughTheHierarchy() {
        assertThat(Renderer.isA(java.util.ArrayList.class, "java.util.AbstractList")).isTrue();
        assertThat(Renderer.isA(java.util.ArrayList.class, "java.util.Collection")).isTrue();
        assertThat(Renderer.isA(String.class, Renderer.TABLE_CLASS)).isFalse();
    }
}
