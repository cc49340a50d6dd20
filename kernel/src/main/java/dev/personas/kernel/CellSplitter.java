package dev.personas.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

/**
 * Splits the Java source of one notebook cell into JShell snippets, remembering where each snippet
 * starts in the cell so that compile errors and stack frames can be reported as cell line and column.
 *
 * <p>Splitting uses {@link SourceCodeAnalysis#analyzeCompletion(String)} repeatedly on the rest of the
 * cell, as the {@code jshell} tool does. A trailing piece that is not complete (for example an unclosed
 * brace) is returned as one last snippet so that its evaluation yields JShell's own diagnostic.
 */
public final class CellSplitter {

    private CellSplitter() {
    }

    /**
     * One snippet of a cell.
     *
     * @param source the snippet source to evaluate (JShell may have appended a semicolon)
     * @param offset the character offset in the cell where {@code source} starts
     * @param complete false when the snippet was the incomplete remainder of the cell
     */
    public record Snippet(String source, int offset, boolean complete) {
        public Snippet {
            Objects.requireNonNull(source, "source");
            if (offset < 0) {
                throw new IllegalArgumentException("offset must be >= 0: " + offset);
            }
        }
    }

    /**
     * Splits {@code cell} into snippets in source order.
     *
     * @param cell the cell source (magic lines already blanked out)
     * @param analysis the JShell source analysis to use
     * @return the snippets, empty when the cell holds only whitespace and comments
     */
    public static List<Snippet> split(String cell, SourceCodeAnalysis analysis) {
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(analysis, "analysis");
        List<Snippet> out = new ArrayList<>();
        int consumed = 0;
        String rest = cell;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            Completeness c = info.completeness();
            if (c == Completeness.EMPTY) {
                break;
            }
            if (!c.isComplete() || info.remaining() == null) {
                out.add(new Snippet(rest.strip(), consumed + leadingWhitespace(rest), false));
                break;
            }
            String remaining = info.remaining();
            int used = rest.length() - remaining.length();
            if (used <= 0) {
                // defensive: analysis made no progress; hand the rest over as one snippet
                out.add(new Snippet(rest.strip(), consumed + leadingWhitespace(rest), false));
                break;
            }
            String chunk = rest.substring(0, used);
            String source = info.source();
            int at = consumed + locate(chunk, source);
            int lead = leadingWhitespace(source);
            out.add(new Snippet(source.substring(lead), at + lead, true));
            consumed += used;
            rest = remaining;
        }
        return out;
    }

    /** Offset of {@code source} inside {@code chunk}, ignoring a semicolon JShell may have appended. */
    static int locate(String chunk, String source) {
        String probe = source;
        int idx = chunk.indexOf(probe);
        if (idx < 0 && probe.endsWith(";")) {
            probe = probe.substring(0, probe.length() - 1);
            idx = probe.isEmpty() ? -1 : chunk.indexOf(probe);
        }
        if (idx < 0) {
            // comments were stripped: fall back to the first token after leading whitespace/comments
            int lead = probe.isEmpty() ? -1 : chunk.indexOf(firstLine(probe));
            return lead >= 0 ? lead : leadingWhitespace(chunk);
        }
        return idx;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static int leadingWhitespace(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * A 1-based line and column.
     *
     * @param line 1-based line number
     * @param column 1-based column number
     */
    public record Position(int line, int column) {
    }

    /**
     * Converts a character offset in {@code text} into a 1-based line and column.
     *
     * @throws IllegalArgumentException if {@code offset} is negative or beyond the end of {@code text}
     */
    public static Position position(String text, int offset) {
        if (offset < 0 || offset > text.length()) {
            throw new IllegalArgumentException("offset out of range 0.." + text.length() + ": " + offset);
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Position(line, offset - lineStart + 1);
    }

    /** The text of the 1-based {@code line} of {@code text}, without its line terminator ("" if absent). */
    public static String lineText(String text, int line) {
        String[] lines = text.split("\n", -1);
        return line >= 1 && line <= lines.length ? lines[line - 1] : "";
    }
}
