package dev.personas.kernel;

import java.util.List;
import java.util.Objects;

/**
 * A failed cell, in the shape of a Jupyter {@code error} output: {@code ename}, {@code evalue} and
 * traceback lines (no newlines inside a line, no ANSI colours, no timestamps).
 */
public final class CellError extends Exception {
    private static final long serialVersionUID = 1L;

    /** ename of compile errors. */
    public static final String COMPILATION = "CompilationError";
    /** ename of interrupted cells. */
    public static final String INTERRUPTED = "Interrupted";
    /** ename of failed magics. */
    public static final String MAGIC = "MagicError";

    private final String ename;
    private final String evalue;
    private final List<String> traceback;

    public CellError(String ename, String evalue, List<String> traceback) {
        super(ename + ": " + evalue, null, false, false);
        this.ename = Objects.requireNonNull(ename, "ename");
        this.evalue = evalue == null ? "" : evalue;
        this.traceback = List.copyOf(traceback);
    }

    public String ename() {
        return ename;
    }

    public String evalue() {
        return evalue;
    }

    public List<String> traceback() {
        return traceback;
    }
}
