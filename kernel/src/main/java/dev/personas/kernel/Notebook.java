package dev.personas.kernel;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The notebook-side API of the kernel. Every kernel session predefines
 * {@code display(Object)}, {@code html(String)} and {@code markdown(String)}, which delegate here;
 * user code may also call these static methods directly.
 *
 * <p>Outside a running kernel (no sink installed) the calls print the {@code text/plain} form to
 * {@code System.out}, so code that calls them also works in plain Java.
 */
public final class Notebook {

    private static volatile Consumer<Map<String, Object>> sink;
    private static final Renderer RENDERER = new Renderer();

    private Notebook() {
    }

    /** Installs the kernel's display sink (kernel use). */
    static void install(Consumer<Map<String, Object>> displaySink) {
        sink = displaySink;
    }

    /** The renderer used by {@link #display(Object)}; its table limits may be changed. */
    public static Renderer renderer() {
        return RENDERER;
    }

    /**
     * Displays {@code value} as a {@code display_data} output, rendered by {@link Renderer}.
     * {@code null} displays nothing.
     */
    public static void display(Object value) {
        emit(RENDERER.render(value));
    }

    /** Displays {@code html} as {@code text/html} (with the same text as {@code text/plain} fallback). */
    public static void html(String html) {
        Objects.requireNonNull(html, "html");
        Map<String, Object> b = new LinkedHashMap<>();
        b.put(Renderer.TEXT, html);
        b.put(Renderer.HTML, html);
        emit(b);
    }

    /** Displays {@code markdown} as {@code text/markdown} (with the same text as {@code text/plain}). */
    public static void markdown(String markdown) {
        Objects.requireNonNull(markdown, "markdown");
        Map<String, Object> b = new LinkedHashMap<>();
        b.put(Renderer.TEXT, markdown);
        b.put(Renderer.MARKDOWN, markdown);
        emit(b);
    }

    private static void emit(Map<String, Object> bundle) {
        if (bundle.isEmpty()) {
            return;
        }
        Consumer<Map<String, Object>> s = sink;
        if (s != null) {
            s.accept(bundle);
        } else {
            System.out.println(bundle.get(Renderer.TEXT));
        }
    }
}
