package dev.personas.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JShellSessionTest {

    private static JShellSession session;
    private static int count;

    @BeforeAll
    static void start() {
        session = new JShellSession(List.of(), new Renderer(), new MavenResolver(Path.of("target/no-repo")),
                Path.of("."), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stop() {
        session.close();
    }

    private static Optional<Map<String, Object>> run(String cell) throws CellError {
        return session.execute(++count, cell, () -> false);
    }

    @Test
    void lastExpressionValueIsRenderedAndDeclarationsAreSilent() throws CellError {
        assertThat(run("int x = 20;\nString s = \"v\";")).isEmpty();
        assertThat(run("s + (x + 1)")).contains(Map.of("text/plain", "v21"));
        assertThat(run("x")).contains(Map.of("text/plain", "20"));
        assertThat(run("x = 3")).contains(Map.of("text/plain", "3"));
        assertThat(run("Object o = null;\no")).isEmpty();
        assertThat(run("void m() {}\nm()")).isEmpty();
    }

    @Test
    void compileErrorNamesCellLineAndColumn() {
        assertThatThrownBy(() -> run("int a = 1;\n\nint b = a *\n      missing;"))
                .isInstanceOfSatisfying(CellError.class, e -> {
                    assertThat(e.ename()).isEqualTo(CellError.COMPILATION);
                    assertThat(e.evalue()).startsWith("cell line 4, column 7: cannot find symbol");
                    assertThat(e.traceback()).contains("          missing;", "          ^");
                });
    }

    @Test
    void runtimeErrorListsUserFramesFirstWithCellLines() {
        assertThatThrownBy(() -> run("String boom(String s) {\n  return s.trim();\n}\n// call it\nboom(null)"))
                .isInstanceOfSatisfying(CellError.class, e -> {
                    assertThat(e.ename()).isEqualTo("java.lang.NullPointerException");
                    assertThat(e.traceback().get(0)).startsWith("java.lang.NullPointerException");
                    assertThat(e.traceback().get(1)).matches("    at boom \\(cell \\[\\d+\\] line 2\\)");
                    assertThat(e.traceback().get(2)).matches("    at <cell> \\(cell \\[\\d+\\] line 5\\)");
                });
    }

    @Test
    void libraryFramesFollowTheUserFrames() {
        assertThatThrownBy(() -> run("Integer.parseInt(\"x1\")"))
                .isInstanceOfSatisfying(CellError.class, e -> {
                    assertThat(e.ename()).isEqualTo("java.lang.NumberFormatException");
                    assertThat(e.traceback().get(1)).contains("<cell>");
                    assertThat(e.traceback().get(2)).isEqualTo("  in library code:");
                    assertThat(e.traceback().get(3)).contains("java.lang.NumberFormatException.forInputString");
                    assertThat(e.traceback()).noneMatch(l -> l.contains("jdk.jshell"));
                });
    }

    @Test
    void errorStopsTheRestOfTheCell() {
        assertThatThrownBy(() -> run("int before = 1;\nint bad = 1 / 0;\nint after = 2;")).isInstanceOf(CellError.class);
        assertThatThrownBy(() -> run("after")).isInstanceOfSatisfying(CellError.class,
                e -> assertThat(e.ename()).isEqualTo(CellError.COMPILATION));
    }

    @Test
    void cancelledCellStopsAnEndlessLoop() throws Exception {
        AtomicBoolean cancelled = new AtomicBoolean();
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(500);
            } catch (InterruptedException ignored) {
                return;
            }
            cancelled.set(true);
            while (!Thread.currentThread().isInterrupted()) {
                session.interrupt();
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        stopper.start();
        try {
            assertThatThrownBy(() -> session.execute(++count, "long spins = 0;\nwhile (true) { spins++; }", cancelled::get))
                    .isInstanceOfSatisfying(CellError.class, e -> assertThat(e.ename()).isEqualTo(CellError.INTERRUPTED));
        } finally {
            stopper.interrupt();
            stopper.join();
        }
        assertThat(run("spins >= 0")).contains(Map.of("text/plain", "true")); // session still usable
    }

    @Test
    void unknownMagicIsAnError() {
        assertThatThrownBy(() -> run("%shell ls")).isInstanceOfSatisfying(CellError.class, e -> {
            assertThat(e.ename()).isEqualTo(CellError.MAGIC);
            assertThat(e.evalue()).contains("cell line 1").contains("%shell");
        });
    }

    @Test
    void completionIsCompleteAndInspect() throws CellError {
        run("String someLongName = \"\";");
        JShellSession.Completion c = session.complete("int k = 0;\nsomeLon", 18);
        assertThat(c.matches()).containsExactly("someLongName");
        assertThat(c.start()).isEqualTo(11);
        assertThat(c.end()).isEqualTo(18);
        assertThat(session.isComplete("if (true) {")).isEqualTo("    ");
        assertThat(session.isComplete("int q = 1;")).isEqualTo("complete");
        assertThat(session.isComplete("")).isEqualTo("complete");
        assertThat(session.inspect("Math.max", 8, false)).hasValueSatisfying(s -> assertThat(s).contains("max("));
        assertThat(session.inspect("   ", 1, false)).isEmpty();
        assertThat(session.inspect("someLongName.length()", 4, false)).contains("someLongName:java.lang.String");
    }

    @Test
    void displayHelperIsPredefined() throws CellError {
        assertThat(run("display(null);\nhtml(\"<b>x</b>\");\nmarkdown(\"*m*\")")).isEmpty(); // void: no value
    }
}
