package dev.personas.kernel;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.Documentation;
import jdk.jshell.SourceCodeAnalysis.Suggestion;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * One JShell session of the kernel: evaluates cells, completes, inspects and interrupts.
 *
 * <p>Not thread-safe except {@link #interrupt()}, which may be called from any thread while
 * {@link #execute} runs on another.
 */
public final class JShellSession implements AutoCloseable {

    /**
     * Prelude of every session: common imports and {@code display(Object)}, {@code html(String)},
     * {@code markdown(String)} as static imports of {@link Notebook}.
     */
    static final String PRELUDE = "import java.io.*; import java.nio.file.*; import java.util.*; "
            + "import java.util.function.*; import java.util.stream.*; "
            + "import static dev.personas.kernel.Notebook.*;";

    private static final String SNIPPET_CLASS_PREFIX = "REPL.$JShell$";
    private static final int MAX_LIBRARY_FRAMES = 12;

    private final CapturingExecutionControl.Provider provider = new CapturingExecutionControl.Provider();
    private final JShell shell;
    private final Renderer renderer;
    private final MavenResolver maven;
    private final Path workingDir;
    private final Map<String, Origin> origins = new ConcurrentHashMap<>();
    private final Set<Path> classpath = new LinkedHashSet<>();
    private volatile boolean running;

    /** Where a snippet came from: execution count of its cell and the cell line it starts on. */
    record Origin(int cell, int line) {
    }

    /**
     * Creates the session, puts the kernel's own classes and {@code userClasspath} on its classpath
     * and defines the default imports and helpers.
     *
     * @param userClasspath entries for {@code WORKBENCH_CLASSPATH}, in order
     * @param renderer renderer for values
     * @param maven resolver for {@code %maven}
     * @param workingDir base for relative {@code %classpath} / {@code %jars} arguments
     * @param out stream JShell uses for its own messages
     */
    public JShellSession(List<Path> userClasspath, Renderer renderer, MavenResolver maven, Path workingDir,
                         PrintStream out) {
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.maven = Objects.requireNonNull(maven, "maven");
        this.workingDir = Objects.requireNonNull(workingDir, "workingDir");
        this.shell = JShell.builder()
                .executionEngine(provider, Map.of())
                .out(out).err(out)
                .compilerOptions("-Xlint:none")
                .build();
        List<Path> initial = new ArrayList<>();
        initial.add(selfLocation());
        initial.addAll(userClasspath);
        addClasspath(initial);
        evalQuietly(PRELUDE);
    }

    private static Path selfLocation() {
        try {
            return Path.of(Notebook.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (Exception e) {
            throw new IllegalStateException("cannot locate the kernel classes: " + e, e);
        }
    }

    private void evalQuietly(String code) {
        String rest = code;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(rest);
            for (SnippetEvent ev : shell.eval(info.source())) {
                if (ev.status() == Snippet.Status.REJECTED) {
                    throw new IllegalStateException("kernel prelude rejected: " + info.source());
                }
            }
            rest = info.remaining();
        }
    }

    /** Adds jars or class directories to the session classpath (compile and run time), each once. */
    public void addClasspath(List<Path> entries) {
        List<String> fresh = new ArrayList<>();
        for (Path entry : entries) {
            Path p = entry.toAbsolutePath().normalize();
            if (classpath.add(p)) {
                fresh.add(p.toString());
            }
        }
        if (!fresh.isEmpty()) {
            shell.addToClasspath(String.join(java.io.File.pathSeparator, fresh));
        }
    }

    /** The entries added so far, in order. */
    public List<Path> classpath() {
        return List.copyOf(classpath);
    }

    /**
     * Runs one cell: its magics first, then its snippets in order, stopping at the first error.
     *
     * @param count the execution count of the cell (for stack traces)
     * @param cell the cell source
     * @return the rendered value of the last snippet when it is an expression with a non-null value
     * @throws CellError on a compile error, an exception, a failed magic or an interrupt
     */
    public Optional<Map<String, Object>> execute(int count, String cell, BooleanSupplier cancelled) throws CellError {
        Magics.ParsedCell parsed = Magics.parse(cell);
        for (Magics.Call call : parsed.magics()) {
            runMagic(call);
        }
        String code = parsed.code();
        List<CellSplitter.Snippet> snippets = CellSplitter.split(code, shell.sourceCodeAnalysis());
        Object value = null;
        boolean hasValue = false;
        running = true;
        try {
            for (int i = 0; i < snippets.size(); i++) {
                CellSplitter.Snippet sn = snippets.get(i);
                if (cancelled.getAsBoolean()) {
                    throw interrupted();
                }
                List<SnippetEvent> events = shell.eval(sn.source());
                if (cancelled.getAsBoolean()) {
                    throw interrupted();
                }
                SnippetEvent main = events.stream().filter(e -> e.causeSnippet() == null).findFirst()
                        .orElse(events.isEmpty() ? null : events.get(0));
                if (main == null) {
                    continue;
                }
                Snippet snippet = main.snippet();
                origins.put(snippet.id(), new Origin(count, CellSplitter.position(code, sn.offset()).line()));
                checkCompiled(main, sn, code);
                if (main.exception() != null) {
                    throw runtimeError(main.exception());
                }
                if (i == snippets.size() - 1) {
                    Optional<Object> v = valueOf(snippet);
                    hasValue = v.isPresent();
                    value = v.orElse(null);
                }
            }
        } finally {
            running = false;
        }
        if (!hasValue || value == null) {
            return Optional.empty();
        }
        return Optional.of(renderer.render(value));
    }

    private void runMagic(Magics.Call call) throws CellError {
        try {
            List<Path> added = new ArrayList<>();
            switch (call.name()) {
                case "classpath" -> {
                    requireArgs(call);
                    for (String a : call.args()) {
                        added.addAll(Magics.classpathEntries(a, workingDir));
                    }
                }
                case "jars" -> {
                    requireArgs(call);
                    for (String a : call.args()) {
                        added.addAll(Magics.expandGlob(a, workingDir));
                    }
                }
                case "maven" -> {
                    requireArgs(call);
                    for (String a : call.args()) {
                        added.addAll(maven.resolve(a));
                    }
                }
                default -> throw new IllegalArgumentException("unknown magic %" + call.name()
                        + " (known: " + Magics.NAMES.stream().map(n -> "%" + n).collect(Collectors.joining(", ")) + ")");
            }
            addClasspath(added);
        } catch (IllegalArgumentException e) {
            throw new CellError(CellError.MAGIC, "cell line " + call.line() + ": " + e.getMessage(),
                    List.of(CellError.MAGIC + ": cell line " + call.line() + ": " + e.getMessage()));
        }
    }

    private static void requireArgs(Magics.Call call) {
        if (call.args().isEmpty()) {
            throw new IllegalArgumentException("%" + call.name() + " needs an argument");
        }
    }

    private Optional<Object> valueOf(Snippet snippet) {
        VarSnippet var = null;
        if (snippet instanceof VarSnippet v && v.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
            var = v;
        } else if (snippet instanceof ExpressionSnippet e
                && (e.subKind() == Snippet.SubKind.VAR_VALUE_SUBKIND || e.subKind() == Snippet.SubKind.ASSIGNMENT_SUBKIND)) {
            var = shell.variables().filter(v -> v.name().equals(e.name()))
                    .filter(v -> shell.status(v).isActive()).reduce((a, b) -> b).orElse(null);
        }
        if (var == null) {
            return Optional.empty();
        }
        CapturingExecutionControl control = provider.control();
        try {
            shell.varValue(var);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return Optional.empty();
        }
        return Optional.ofNullable(control.takeCaptured());
    }

    private void checkCompiled(SnippetEvent ev, CellSplitter.Snippet sn, String code) throws CellError {
        Snippet.Status st = ev.status();
        if (st != Snippet.Status.REJECTED && st != Snippet.Status.RECOVERABLE_NOT_DEFINED) {
            return;
        }
        List<Diag> diags = shell.diagnostics(ev.snippet()).filter(Diag::isError).collect(Collectors.toList());
        List<String> tb = new ArrayList<>();
        String first = null;
        for (Diag d : diags) {
            long pos = d.getStartPosition() >= 0 ? d.getStartPosition() : d.getPosition();
            int off = sn.offset() + (int) Math.max(0, Math.min(pos < 0 ? 0 : pos, sn.source().length()));
            off = Math.min(off, code.length());
            CellSplitter.Position p = CellSplitter.position(code, off);
            String msg = d.getMessage(Locale.ROOT).replace("\r", "");
            String head = "cell line " + p.line() + ", column " + p.column() + ": " + msg.split("\n")[0];
            if (first == null) {
                first = head;
            }
            tb.add(head);
            for (String extra : msg.split("\n")) {
                if (!extra.equals(msg.split("\n")[0])) {
                    tb.add("  " + extra);
                }
            }
            tb.add("    " + CellSplitter.lineText(code, p.line()));
            tb.add("    " + " ".repeat(Math.max(0, p.column() - 1)) + "^");
        }
        if (first == null) {
            CellSplitter.Position p = CellSplitter.position(code, Math.min(sn.offset(), code.length()));
            String unresolved = unresolved(ev.snippet());
            first = "cell line " + p.line() + ", column " + p.column() + ": "
                    + (unresolved.isEmpty() ? "snippet not accepted" : "cannot find symbol: " + unresolved);
            tb.add(first);
        }
        tb.add(0, CellError.COMPILATION + ": " + first);
        throw new CellError(CellError.COMPILATION, first, tb);
    }

    private String unresolved(Snippet s) {
        if (s instanceof jdk.jshell.DeclarationSnippet d) {
            return shell.unresolvedDependencies(d).collect(Collectors.joining(", "));
        }
        return "";
    }

    static CellError interrupted() {
        String msg = "cell interrupted";
        return new CellError(CellError.INTERRUPTED, msg, List.of(CellError.INTERRUPTED + ": " + msg));
    }

    /** Converts a snippet exception into ename, evalue and a traceback with the user's frames first. */
    CellError runtimeError(JShellException ex) {
        String ename;
        if (ex instanceof EvalException ee) {
            ename = ee.getExceptionClassName();
        } else if (ex instanceof UnresolvedReferenceException) {
            ename = "UnresolvedReference";
        } else {
            ename = ex.getClass().getName();
        }
        String evalue = ex.getMessage() == null ? "" : ex.getMessage();
        if (ex instanceof UnresolvedReferenceException ure) {
            evalue = "'" + ure.getSnippet().toString().strip() + "' uses an undeclared name: "
                    + unresolved(ure.getSnippet());
        }
        List<String> tb = new ArrayList<>();
        tb.add(ename + (evalue.isEmpty() ? "" : ": " + evalue));
        appendFrames(ex.getStackTrace(), tb);
        Throwable cause = ex.getCause();
        int depth = 0;
        while (cause != null && depth++ < 8) {
            String cname = cause instanceof EvalException ce ? ce.getExceptionClassName() : cause.getClass().getName();
            tb.add("Caused by: " + cname + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
            appendFrames(cause.getStackTrace(), tb);
            cause = cause.getCause();
        }
        List<String> lines = new ArrayList<>();
        for (String l : tb) {
            lines.addAll(List.of(l.replace("\r", "").split("\n")));
        }
        return new CellError(ename, evalue, lines);
    }

    /** User (snippet) frames first, mapped to cell lines; then the library frames above them. */
    void appendFrames(StackTraceElement[] frames, List<String> tb) {
        int lastUser = -1;
        for (int i = 0; i < frames.length; i++) {
            if (isUserFrame(frames[i])) {
                lastUser = i;
            }
        }
        int end = lastUser >= 0 ? lastUser + 1 : Math.min(frames.length, MAX_LIBRARY_FRAMES);
        List<String> library = new ArrayList<>();
        for (int i = 0; i < end; i++) {
            StackTraceElement f = frames[i];
            if (isUserFrame(f)) {
                tb.add("    at " + describeUserFrame(f));
            } else if (lastUser < 0 || i < lastUser) {
                library.add("    at " + f);
            }
        }
        if (!library.isEmpty()) {
            tb.add("  in library code:");
            library.stream().limit(MAX_LIBRARY_FRAMES).forEach(tb::add);
            if (library.size() > MAX_LIBRARY_FRAMES) {
                tb.add("    ... " + (library.size() - MAX_LIBRARY_FRAMES) + " more");
            }
        }
    }

    static boolean isUserFrame(StackTraceElement f) {
        String file = f.getFileName();
        return f.getClassName().startsWith(SNIPPET_CLASS_PREFIX)
                || (file != null && file.matches("#\\d+") && !f.getClassName().contains("."));
    }

    String describeUserFrame(StackTraceElement f) {
        String file = f.getFileName() == null ? "" : f.getFileName();
        String method = f.getMethodName().isEmpty() || f.getMethodName().equals("do_it$") ? "<cell>" : f.getMethodName();
        Origin o = file.startsWith("#") ? origins.get(file.substring(1)) : null;
        if (o == null || f.getLineNumber() < 1) {
            return method + " (" + file + ":" + f.getLineNumber() + ")";
        }
        return method + " (cell [" + o.cell() + "] line " + (o.line() + f.getLineNumber() - 1) + ")";
    }

    /**
     * Stops the snippet that is running, if any. Safe to call from any thread. The cell as a whole
     * stops when the {@code cancelled} supplier given to {@link #execute} turns true.
     */
    public void interrupt() {
        if (running) {
            shell.stop();
        }
    }

    /** True while {@link #execute} runs. */
    public boolean isRunning() {
        return running;
    }

    /**
     * Completion candidates at {@code cursor}.
     *
     * @return the candidates (de-duplicated, JShell's order) and the replaced range [start, cursor)
     */
    public Completion complete(String cell, int cursor) {
        int cur = Math.max(0, Math.min(cursor, cell.length()));
        String code = Magics.parse(cell).code();
        int start = snippetStart(code, cur);
        String snippet = code.substring(start, cur);
        int[] anchor = new int[1];
        List<Suggestion> suggestions = shell.sourceCodeAnalysis().completionSuggestions(snippet, snippet.length(), anchor);
        List<String> matches = suggestions.stream()
                .sorted((a, b) -> Boolean.compare(b.matchesType(), a.matchesType()))
                .map(Suggestion::continuation).distinct().collect(Collectors.toList());
        return new Completion(matches, start + anchor[0], cur);
    }

    /**
     * Completion result.
     *
     * @param matches candidate replacements
     * @param start start of the replaced range in the cell
     * @param end end (exclusive) of the replaced range in the cell
     */
    public record Completion(List<String> matches, int start, int end) {
        public Completion {
            matches = List.copyOf(matches);
        }
    }

    /** Offset where the snippet holding {@code cursor} starts. */
    private int snippetStart(String code, int cursor) {
        String rest = code.substring(0, cursor);
        int start = 0;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(rest);
            String remaining = info.remaining();
            if (!info.completeness().isComplete() || remaining == null || remaining.isBlank()
                    || remaining.length() >= rest.length()) {
                break;
            }
            start += rest.length() - remaining.length();
            rest = remaining;
        }
        while (start < cursor && Character.isWhitespace(code.charAt(start))) {
            start++;
        }
        return start;
    }

    /**
     * Jupyter's is_complete answer for {@code cell}: {@code "complete"}, {@code "invalid"}, or the
     * indent to continue an incomplete cell with.
     */
    public String isComplete(String cell) {
        String rest = Magics.parse(cell).code();
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(rest);
            Completeness c = info.completeness();
            if (c == Completeness.DEFINITELY_INCOMPLETE || c == Completeness.CONSIDERED_INCOMPLETE) {
                return "    ";
            }
            if (c == Completeness.UNKNOWN) {
                return "invalid";
            }
            if (c == Completeness.EMPTY || info.remaining() == null) {
                break;
            }
            rest = info.remaining();
        }
        return "complete";
    }

    /**
     * Signature and javadoc summary of the element at {@code cursor} (JShell's documentation of
     * methods, constructors, types and session variables), or empty when nothing is found.
     *
     * @param detail true for the full javadoc, false for its first sentence
     */
    public Optional<String> inspect(String cell, int cursor, boolean detail) {
        String code = Magics.parse(cell).code();
        int cur = Math.max(0, Math.min(cursor, code.length()));
        int end = cur;
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
            end++;
        }
        int start = snippetStart(code, cur);
        String snippet = code.substring(start, end);
        List<Documentation> docs = shell.sourceCodeAnalysis().documentation(snippet + "(", snippet.length() + 1, true);
        if (docs.isEmpty()) {
            docs = shell.sourceCodeAnalysis().documentation(snippet, snippet.length(), true);
        }
        if (docs.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder();
        for (Documentation d : docs) {
            if (sb.length() > 0) {
                sb.append("\n\n");
            }
            sb.append(d.signature());
            String javadoc = d.javadoc();
            if (javadoc != null && !javadoc.isBlank()) {
                sb.append('\n').append(detail ? javadoc.strip() : summary(javadoc));
            }
        }
        return Optional.of(sb.toString());
    }

    /** First sentence (or paragraph) of a rendered javadoc text. */
    static String summary(String javadoc) {
        String t = javadoc.strip();
        int para = t.indexOf("\n\n");
        if (para > 0) {
            t = t.substring(0, para);
        }
        int dot = t.indexOf(". ");
        return (dot > 0 ? t.substring(0, dot + 1) : t).strip();
    }

    @Override
    public void close() {
        shell.close();
    }
}
