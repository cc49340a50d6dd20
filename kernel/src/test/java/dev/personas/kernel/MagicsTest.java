package dev.personas.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MagicsTest {

    @Test
    void magicLinesAreTakenOutAndBlankedWithSameOffsets() {
        String cell = "%jars lib/*.jar  other/*.jar\nint x = 1;\n  %MAVEN g:a:1\nx";
        Magics.ParsedCell p = Magics.parse(cell);
        assertThat(p.magics()).containsExactly(
                new Magics.Call("jars", List.of("lib/*.jar", "other/*.jar"), 1),
                new Magics.Call("maven", List.of("g:a:1"), 3));
        assertThat(p.code()).hasSameSizeAs(cell);
        assertThat(p.code().split("\n", -1)).containsExactly(" ".repeat(28), "int x = 1;", " ".repeat(14), "x");
    }

    @Test
    void moduloAndPercentInsideCodeAreNotMagics() {
        String cell = "int r = 7\n  % 2;\nString s = \"%jars x\";";
        Magics.ParsedCell p = Magics.parse(cell);
        assertThat(p.magics()).isEmpty();
        assertThat(p.code()).isEqualTo(cell);
    }

    @Test
    void magicWithoutArguments() {
        assertThat(Magics.parse("%classpath").magics()).containsExactly(new Magics.Call("classpath", List.of(), 1));
    }

    @Test
    void globExpandsToSortedJarsRecursively(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("a/b"));
        Files.writeString(dir.resolve("z.jar"), "");
        Files.writeString(dir.resolve("a/y.jar"), "");
        Files.writeString(dir.resolve("a/b/x.jar"), "");
        Files.writeString(dir.resolve("a/notes.txt"), "");
        assertThat(Magics.expandGlob("*.jar", dir)).containsExactly(dir.resolve("z.jar"));
        assertThat(Magics.expandGlob(dir + "/**.jar", Path.of("/")))
                .containsExactly(dir.resolve("a/b/x.jar"), dir.resolve("a/y.jar"), dir.resolve("z.jar"));
        assertThat(Magics.expandGlob("a/*/*.jar", dir)).containsExactly(dir.resolve("a/b/x.jar"));
    }

    @Test
    void globWithoutMatchNamesThePattern(@TempDir Path dir) {
        assertThatThrownBy(() -> Magics.expandGlob("nothing/*.jar", dir))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nothing/*.jar");
    }

    @Test
    void classpathEntriesResolveRelativeAndRejectMissing(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("classes"));
        Files.writeString(dir.resolve("x.jar"), "");
        assertThat(Magics.classpathEntries("classes" + java.io.File.pathSeparator + "x.jar", dir))
                .containsExactly(dir.resolve("classes"), dir.resolve("x.jar"));
        assertThatThrownBy(() -> Magics.classpathEntries("missing.jar", dir))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing.jar");
    }

    @Test
    void mavenCoordinatesAreChecked() {
        assertThat(Magics.checkCoordinate("g:a:1.0")).isEqualTo("g:a:1.0");
        assertThat(Magics.checkCoordinate("g:a:jar:linux:1.0")).isEqualTo("g:a:jar:linux:1.0");
        assertThatThrownBy(() -> Magics.checkCoordinate("g:a")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("g:a");
        assertThatThrownBy(() -> Magics.checkCoordinate("g::1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("g::1");
    }
}
