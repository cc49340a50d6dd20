package dev.personas.kernel;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Supplier;

import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;

/**
 * {@code System.out} / {@code System.err} of the kernel: bytes are buffered and published as Jupyter
 * {@code stream} messages to the cell that is running, on every {@link #flush()} (a
 * {@code println} on an auto-flushing {@link PrintStream}), when the buffer passes 32 KiB, and
 * by the kernel's periodic flusher for partial lines. Chunks follow the program's own flushes,
 * so re-runs produce the same stream outputs. With no cell running the text goes to
 * {@code fallback} (the kernel log).
 */
final class StreamPublisher extends OutputStream {

    private static final int MAX_BUFFER = 32 * 1024;

    private final PublishStream.StreamType type;
    private final Supplier<ShellReplyEnvironment> env;
    private final PrintStream fallback;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    StreamPublisher(PublishStream.StreamType type, Supplier<ShellReplyEnvironment> env, PrintStream fallback) {
        this.type = Objects.requireNonNull(type);
        this.env = Objects.requireNonNull(env);
        this.fallback = Objects.requireNonNull(fallback);
    }

    @Override
    public synchronized void write(int b) {
        buffer.write(b);
        if (buffer.size() >= MAX_BUFFER) {
            flush();
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        buffer.write(b, off, len);
        if (buffer.size() >= MAX_BUFFER) {
            flush();
        }
    }

    @Override
    public synchronized void flush() {
        if (buffer.size() == 0) {
            return;
        }
        byte[] bytes = buffer.toByteArray();
        int end = completeUtf8Prefix(bytes);
        buffer.reset();
        buffer.write(bytes, end, bytes.length - end);
        if (end == 0) {
            return;
        }
        String text = new String(bytes, 0, end, StandardCharsets.UTF_8);
        ShellReplyEnvironment e = env.get();
        if (e != null) {
            e.publish(new PublishStream(type, text));
        } else {
            fallback.print(text);
            fallback.flush();
        }
    }

    /** Length of the longest prefix of {@code b} that does not end inside a UTF-8 sequence. */
    static int completeUtf8Prefix(byte[] b) {
        int n = b.length;
        for (int back = 1; back <= Math.min(3, n); back++) {
            int c = b[n - back] & 0xFF;
            if ((c & 0xC0) == 0x80) {
                continue; // continuation byte: look further back for the lead byte
            }
            int need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
            return need > back ? n - back : n;
        }
        return n;
    }
}
