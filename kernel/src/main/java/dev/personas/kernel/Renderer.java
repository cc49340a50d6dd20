package dev.personas.kernel;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

/**
 * Turns a value into a Jupyter MIME bundle (mime type to data; binary data base64-encoded).
 * Rich types are recognised by class name through reflection, so the kernel has no compile-time
 * dependency on Tablesaw or XChart. In order of precedence:
 * <ol>
 *   <li>any object with a public no-argument {@code mimeBundle()} returning {@code Map<String,String>}:
 *       that bundle, with a {@code text/plain} fallback added when missing;</li>
 *   <li>{@code tech.tablesaw.api.Table}: {@code text/html} and {@code text/plain}, showing at most
 *       {@link Limits#maxRows()} rows and {@link Limits#maxColumns()} columns (head and tail);</li>
 *   <li>{@link BufferedImage}: {@code image/png} (ImageIO; deterministic bytes);</li>
 *   <li>XChart charts ({@code org.knowm.xchart.internal.chartpart.Chart} subclasses): {@code image/png}
 *       via {@code BitmapEncoder.getBitmapBytes} and {@code image/svg+xml} via
 *       {@code VectorGraphicsEncoder.saveVectorGraphic} (SVG only when VectorGraphics2D is present);</li>
 *   <li>{@link CharSequence}: {@code text/plain}, unquoted; arrays: {@code Arrays.deepToString};
 *       anything else: {@code text/plain} of {@code String.valueOf}.</li>
 * </ol>
 * Bundles are {@link LinkedHashMap}s with a stable key order; they never hold ids or timestamps.
 */
public final class Renderer {

    /** MIME type of plain text. */
    public static final String TEXT = "text/plain";
    /** MIME type of HTML. */
    public static final String HTML = "text/html";
    /** MIME type of Markdown. */
    public static final String MARKDOWN = "text/markdown";
    /** MIME type of PNG images (base64 data). */
    public static final String PNG = "image/png";
    /** MIME type of SVG images (XML text). */
    public static final String SVG = "image/svg+xml";

    static final String TABLE_CLASS = "tech.tablesaw.api.Table";
    static final String XCHART_CLASS = "org.knowm.xchart.internal.chartpart.Chart";

    /**
     * Row and column limits for table display.
     *
     * @param maxRows rows shown (head and tail halves) before eliding, at least 2
     * @param maxColumns columns shown (head and tail halves) before eliding, at least 2
     * @param maxCellChars characters per cell before truncating with an ellipsis, at least 4
     */
    public record Limits(int maxRows, int maxColumns, int maxCellChars) {
        public Limits {
            if (maxRows < 2) {
                throw new IllegalArgumentException("maxRows must be >= 2: " + maxRows);
            }
            if (maxColumns < 2) {
                throw new IllegalArgumentException("maxColumns must be >= 2: " + maxColumns);
            }
            if (maxCellChars < 4) {
                throw new IllegalArgumentException("maxCellChars must be >= 4: " + maxCellChars);
            }
        }

        /** 20 rows, 20 columns, 60 characters per cell. */
        public static Limits defaults() {
            return new Limits(20, 20, 60);
        }
    }

    private volatile Limits limits = Limits.defaults();

    /** The current table limits. */
    public Limits limits() {
        return limits;
    }

    /** Sets the table limits used from now on. */
    public void setLimits(Limits limits) {
        this.limits = java.util.Objects.requireNonNull(limits, "limits");
    }

    /**
     * Renders {@code value}.
     *
     * @return the bundle, or an empty map for {@code null}
     * @throws RenderException if a rich renderer fails (for example the chart cannot be encoded)
     */
    public Map<String, Object> render(Object value) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (value == null) {
            return out;
        }
        Map<String, String> custom = customBundle(value);
        if (custom != null) {
            out.putAll(custom);
            out.putIfAbsent(TEXT, String.valueOf(value));
            return out;
        }
        if (isA(value.getClass(), TABLE_CLASS)) {
            TableView t = TableView.of(value);
            out.put(TEXT, tableText(t, limits));
            out.put(HTML, tableHtml(t, limits));
            return out;
        }
        if (value instanceof BufferedImage img) {
            out.put(TEXT, "BufferedImage " + img.getWidth() + "x" + img.getHeight());
            out.put(PNG, base64(png(img)));
            return out;
        }
        if (isA(value.getClass(), XCHART_CLASS)) {
            out.put(TEXT, value.getClass().getSimpleName());
            out.put(PNG, base64(xchartPng(value)));
            String svg = xchartSvg(value);
            if (svg != null) {
                out.put(SVG, svg);
            }
            return out;
        }
        out.put(TEXT, plain(value));
        return out;
    }

    /** Plain-text form of a value: strings unquoted, arrays element-wise. */
    public static String plain(Object value) {
        if (value == null) {
            return "null";
        }
        if (value.getClass().isArray()) {
            return Arrays.deepToString(new Object[] {value}).replaceAll("^\\[|]$", "");
        }
        return String.valueOf(value);
    }

    /** True if {@code type} or one of its superclasses or interfaces is named {@code className}. */
    static boolean isA(Class<?> type, String className) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(className)) {
                return true;
            }
            for (Class<?> i : c.getInterfaces()) {
                if (isA(i, className)) {
                    return true;
                }
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> customBundle(Object value) {
        Method m;
        try {
            m = value.getClass().getMethod("mimeBundle");
        } catch (NoSuchMethodException e) {
            return null;
        }
        if (!Modifier.isPublic(m.getModifiers()) || !Map.class.isAssignableFrom(m.getReturnType())) {
            return null;
        }
        Object result = invoke(m, value);
        if (result == null) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : ((Map<Object, Object>) result).entrySet()) {
            if (e.getKey() != null && e.getValue() != null) {
                out.put(String.valueOf(e.getKey()), String.valueOf(e.getValue()));
            }
        }
        return out;
    }

    /** PNG bytes of an image (ImageIO writes no timestamps, so equal images give equal bytes). */
    public static byte[] png(BufferedImage img) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, "png", bytes)) {
                throw new RenderException("no PNG writer for image type " + img.getType(), null);
            }
        } catch (IOException e) {
            throw new RenderException("cannot encode PNG: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] xchartPng(Object chart) {
        ClassLoader cl = chart.getClass().getClassLoader();
        try {
            Class<?> encoder = Class.forName("org.knowm.xchart.BitmapEncoder", true, cl);
            Object format = enumConstant(Class.forName("org.knowm.xchart.BitmapEncoder$BitmapFormat", true, cl), "PNG");
            Method m = findStatic(encoder, "getBitmapBytes", 2, null);
            return (byte[]) invoke(m, null, chart, format);
        } catch (ClassNotFoundException e) {
            throw new RenderException("XChart BitmapEncoder not found: " + e.getMessage(), e);
        }
    }

    private static String xchartSvg(Object chart) {
        ClassLoader cl = chart.getClass().getClassLoader();
        try {
            Class.forName("de.erichseifert.vectorgraphics2d.VectorGraphics2D", false, cl);
            Class<?> encoder = Class.forName("org.knowm.xchart.VectorGraphicsEncoder", true, cl);
            Object format = enumConstant(
                    Class.forName("org.knowm.xchart.VectorGraphicsEncoder$VectorGraphicsFormat", true, cl), "SVG");
            Method m = findStatic(encoder, "saveVectorGraphic", 3, OutputStream.class);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            invoke(m, null, chart, bytes, format);
            return bytes.toString(StandardCharsets.UTF_8);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    private static Object enumConstant(Class<?> enumType, String name) {
        for (Object c : enumType.getEnumConstants()) {
            if (((Enum<?>) c).name().equals(name)) {
                return c;
            }
        }
        throw new RenderException("no constant " + name + " in " + enumType.getName(), null);
    }

    private static Method findStatic(Class<?> type, String name, int arity, Class<?> secondParam) {
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == arity && Modifier.isStatic(m.getModifiers())
                    && (secondParam == null || m.getParameterTypes()[1] == secondParam)) {
                return m;
            }
        }
        throw new RenderException("no method " + name + " in " + type.getName(), null);
    }

    static Object invoke(Method m, Object target, Object... args) {
        try {
            m.setAccessible(true);
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new RenderException(m.getName() + " failed: " + cause, cause);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new RenderException("cannot call " + m.getName() + ": " + e, e);
        }
    }

    /** A table seen through reflection: name, shape and cell strings. */
    record TableView(String name, int rows, List<String> columns, Object table, List<Object> columnObjects) {

        static TableView of(Object table) {
            Class<?> t = table.getClass();
            try {
                String name = (String) invoke(t.getMethod("name"), table);
                int rows = (Integer) invoke(t.getMethod("rowCount"), table);
                @SuppressWarnings("unchecked")
                List<String> names = new ArrayList<>((List<String>) invoke(t.getMethod("columnNames"), table));
                @SuppressWarnings("unchecked")
                List<Object> cols = new ArrayList<>((List<Object>) invoke(t.getMethod("columns"), table));
                return new TableView(name, rows, names, table, cols);
            } catch (NoSuchMethodException e) {
                throw new RenderException("not a Tablesaw table: " + e.getMessage(), e);
            }
        }

        String cell(int row, int col) {
            Object column = columnObjects.get(col);
            try {
                Method m = column.getClass().getMethod("getString", int.class);
                Object s = invoke(m, column, row);
                return s == null ? "" : s.toString();
            } catch (NoSuchMethodException e) {
                throw new RenderException("column without getString: " + column.getClass().getName(), e);
            }
        }
    }

    /** Indices to show out of {@code n} with at most {@code max} shown; -1 marks the elision. */
    static int[] shown(int n, int max) {
        if (n <= max) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        int head = (max + 1) / 2;
        int tail = max - head;
        int[] idx = new int[max + 1];
        for (int i = 0; i < head; i++) {
            idx[i] = i;
        }
        idx[head] = -1;
        for (int i = 0; i < tail; i++) {
            idx[head + 1 + i] = n - tail + i;
        }
        return idx;
    }

    static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }

    static String caption(TableView t) {
        String name = t.name() == null || t.name().isBlank() ? "Table" : t.name();
        return name + " \u00b7 " + t.rows() + " rows \u00d7 " + t.columns().size() + " columns";
    }

    static String tableHtml(TableView t, Limits limits) {
        int[] rows = shown(t.rows(), limits.maxRows());
        int[] cols = shown(t.columns().size(), limits.maxColumns());
        StringBuilder sb = new StringBuilder();
        sb.append("<table class=\"workbench-table\">\n<caption>").append(escape(caption(t))).append("</caption>\n");
        sb.append("<thead><tr><th></th>");
        for (int c : cols) {
            sb.append("<th>").append(c < 0 ? "\u2026" : escape(clip(t.columns().get(c), limits.maxCellChars())))
                    .append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (int r : rows) {
            sb.append("<tr><th>").append(r < 0 ? "\u2026" : Integer.toString(r)).append("</th>");
            for (int c : cols) {
                String v = r < 0 || c < 0 ? "\u2026" : escape(clip(t.cell(r, c), limits.maxCellChars()));
                sb.append("<td>").append(v).append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody>\n</table>");
        return sb.toString();
    }

    static String tableText(TableView t, Limits limits) {
        int[] rows = shown(t.rows(), limits.maxRows());
        int[] cols = shown(t.columns().size(), limits.maxColumns());
        List<String[]> grid = new ArrayList<>();
        String[] header = new String[cols.length + 1];
        header[0] = "";
        for (int j = 0; j < cols.length; j++) {
            header[j + 1] = cols[j] < 0 ? "\u2026" : clip(t.columns().get(cols[j]), limits.maxCellChars());
        }
        grid.add(header);
        for (int r : rows) {
            String[] line = new String[cols.length + 1];
            line[0] = r < 0 ? "\u2026" : Integer.toString(r);
            for (int j = 0; j < cols.length; j++) {
                line[j + 1] = r < 0 || cols[j] < 0 ? "\u2026" : clip(t.cell(r, cols[j]), limits.maxCellChars());
            }
            grid.add(line);
        }
        int[] width = new int[cols.length + 1];
        for (String[] line : grid) {
            for (int j = 0; j < line.length; j++) {
                width[j] = Math.max(width[j], line[j].length());
            }
        }
        StringBuilder sb = new StringBuilder(caption(t)).append('\n');
        for (String[] line : grid) {
            StringBuilder l = new StringBuilder();
            for (int j = 0; j < line.length; j++) {
                if (j > 0) {
                    l.append(" | ");
                }
                l.append(line[j]).append(" ".repeat(width[j] - line[j].length()));
            }
            sb.append(l.toString().stripTrailing()).append('\n');
        }
        return sb.toString().stripTrailing();
    }

    /** Escapes {@code & < > "} for HTML text and attribute values. */
    public static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }

    /** A rendering failure; the message names the type and the reason. */
    public static final class RenderException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RenderException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
