package dev.personas.kernel;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Line magics of the workbench kernel, modelled on IJava's: {@code %classpath PATH},
 * {@code %jars GLOB...} and {@code %maven group:artifact:version...}.
 *
 * <p>A magic is a line whose first non-blank character is {@code %} followed by a letter. Magic lines
 * may appear anywhere in a cell; they run before the cell's Java code, in order, and are blanked out
 * (replaced by spaces) so that offsets, line and column numbers in error messages still match the cell.
 */
public final class Magics {

    private static final Pattern MAGIC_LINE = Pattern.compile("^[ \\t]*%([A-Za-z][A-Za-z0-9_-]*)(.*)$");

    /** Names of the supported line magics. */
    public static final List<String> NAMES = List.of("classpath", "jars", "maven");

    private Magics() {
    }

    /**
     * One magic invocation.
     *
     * @param name the magic name without {@code %}, lower case
     * @param args the whitespace-separated arguments
     * @param line the 1-based cell line of the magic
     */
    public record Call(String name, List<String> args, int line) {
        public Call {
            Objects.requireNonNull(name, "name");
            args = List.copyOf(args);
        }
    }

    /**
     * A cell with its magics taken out.
     *
     * @param magics the magic calls in cell order
     * @param code the cell with every magic line blanked out (same length, so offsets, lines and
     *     columns still match the original cell)
     */
    public record ParsedCell(List<Call> magics, String code) {
        public ParsedCell {
            magics = List.copyOf(magics);
            Objects.requireNonNull(code, "code");
        }
    }

    /** Separates magic lines from Java code. Never fails: unknown magics are reported when run. */
    public static ParsedCell parse(String cell) {
        Objects.requireNonNull(cell, "cell");
        String[] lines = cell.split("\n", -1);
        List<Call> calls = new ArrayList<>();
        StringBuilder code = new StringBuilder(cell.length());
        for (int i = 0; i < lines.length; i++) {
            Matcher m = MAGIC_LINE.matcher(lines[i]);
            if (m.matches()) {
                String rest = m.group(2).strip();
                List<String> args = rest.isEmpty() ? List.of() : List.of(rest.split("\\s+"));
                calls.add(new Call(m.group(1).toLowerCase(Locale.ROOT), args, i + 1));
                code.append(" ".repeat(lines[i].length()));
            } else {
                code.append(lines[i]);
            }
            if (i < lines.length - 1) {
                code.append('\n');
            }
        }
        return new ParsedCell(calls, code.toString());
    }

    /**
     * Splits a {@code %classpath} argument into paths: entries separated by the platform path
     * separator, relative ones resolved against {@code base}.
     *
     * @throws IllegalArgumentException if an entry does not exist
     */
    public static List<Path> classpathEntries(String arg, Path base) {
        List<Path> out = new ArrayList<>();
        for (String part : arg.split(Pattern.quote(File.pathSeparator))) {
            if (part.isBlank()) {
                continue;
            }
            Path p = base.resolve(part.strip()).toAbsolutePath().normalize();
            if (!Files.exists(p)) {
                throw new IllegalArgumentException("%classpath entry does not exist: " + p);
            }
            out.add(p);
        }
        return out;
    }

    /**
     * Expands a {@code %jars} glob ({@code *}, {@code **}, {@code ?}, {@code {a,b}}) into the matching
     * {@code .jar} files in lexicographic order; a relative glob is resolved against {@code base}.
     *
     * @throws IllegalArgumentException if nothing matches
     */
    public static List<Path> expandGlob(String glob, Path base) {
        Path globPath = base.resolve(glob).normalize();
        String full = globPath.toString();
        // the fixed directory prefix: everything before the first segment holding a glob character
        String[] segments = full.split(Pattern.quote(File.separator), -1);
        StringBuilder root = new StringBuilder();
        int i = 0;
        for (; i < segments.length - 1; i++) {
            if (segments[i].matches(".*[*?\\[{].*")) {
                break;
            }
            root.append(segments[i]).append(File.separator);
        }
        Path rootDir = root.length() == 0 ? base : Path.of(root.toString());
        List<Path> out = new ArrayList<>();
        if (Files.isDirectory(rootDir)) {
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + full);
            try (Stream<Path> walk = Files.walk(rootDir)) {
                walk.filter(Files::isRegularFile)
                        .filter(matcher::matches)
                        .filter(p -> p.getFileName().toString().endsWith(".jar"))
                        .sorted()
                        .forEach(out::add);
            } catch (IOException e) {
                throw new IllegalArgumentException("%jars cannot read " + rootDir + ": " + e.getMessage(), e);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("%jars matched no .jar file: " + glob);
        }
        return out;
    }

    /**
     * Checks a Maven coordinate {@code group:artifact[:extension[:classifier]]:version}.
     *
     * @throws IllegalArgumentException if it does not have 3 to 5 non-empty parts
     */
    public static String checkCoordinate(String coords) {
        String[] parts = coords.split(":", -1);
        if (parts.length < 3 || parts.length > 5) {
            throw new IllegalArgumentException("%maven expects group:artifact:version, got: " + coords);
        }
        for (String p : parts) {
            if (p.isBlank()) {
                throw new IllegalArgumentException("%maven coordinate has an empty part: " + coords);
            }
        }
        return coords;
    }
}
