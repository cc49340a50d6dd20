package dev.personas.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import jdk.jshell.JShell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CellSplitterTest {

    private static JShell shell;

    @BeforeAll
    static void start() {
        shell = JShell.builder().executionEngine("local").build();
    }

    @AfterAll
    static void stop() {
        shell.close();
    }

    private static List<CellSplitter.Snippet> split(String cell) {
        return CellSplitter.split(cell, shell.sourceCodeAnalysis());
    }

    @Test
    void severalSnippetsWithOffsets() {
        String cell = "int x = 1;\nString s = \"a;b\";  x + 1";
        List<CellSplitter.Snippet> parts = split(cell);
        assertThat(parts).extracting(CellSplitter.Snippet::source)
                .containsExactly("int x = 1;", "String s = \"a;b\";", "x + 1");
        for (CellSplitter.Snippet p : parts) {
            String withoutAddedSemicolon = p.source().endsWith(";") ? p.source() : p.source();
            assertThat(cell.substring(p.offset())).startsWith(withoutAddedSemicolon);
        }
        assertThat(parts).allMatch(CellSplitter.Snippet::complete);
    }

    @Test
    void multiLineDeclarationThenExpressionStartsOnItsOwnLine() {
        String cell = "int div(int a) {\n  return 10 / a;\n}\n\nint r = div(2);";
        List<CellSplitter.Snippet> parts = split(cell);
        assertThat(parts).hasSize(2);
        assertThat(parts.get(1).source()).isEqualTo("int r = div(2);");
        assertThat(CellSplitter.position(cell, parts.get(1).offset())).isEqualTo(new CellSplitter.Position(5, 1));
    }

    @Test
    void incompleteRestIsOneLastSnippet() {
        String cell = "int a = 1;\nvoid f() {\n  a++;";
        List<CellSplitter.Snippet> parts = split(cell);
        assertThat(parts).hasSize(2);
        assertThat(parts.get(1).complete()).isFalse();
        assertThat(parts.get(1).source()).startsWith("void f() {");
        assertThat(CellSplitter.position(cell, parts.get(1).offset()).line()).isEqualTo(2);
    }

    @Test
    void blankAndCommentOnlyCellsHaveNoSnippets() {
        assertThat(split("  \n\t\n")).isEmpty();
        assertThat(split("// just a note\n")).isEmpty();
    }

    @Test
    void positionsAreOneBasedLinesAndColumns() {
        String text = "ab\ncd\n";
        assertThat(CellSplitter.position(text, 0)).isEqualTo(new CellSplitter.Position(1, 1));
        assertThat(CellSplitter.position(text, 4)).isEqualTo(new CellSplitter.Position(2, 2));
        assertThat(CellSplitter.position(text, 6)).isEqualTo(new CellSplitter.Position(3, 1));
        assertThatThrownBy(() -> CellSplitter.position(text, 7)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("7");
        assertThat(CellSplitter.lineText(text, 2)).isEqualTo("cd");
        assertThat(CellSplitter.lineText(text, 9)).isEmpty();
    }
}
