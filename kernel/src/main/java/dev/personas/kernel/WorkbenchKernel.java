package dev.personas.kernel;

import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.publish.PublishDisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;

/**
 * The Persona Workbench Jupyter kernel: JShell behind the Jupyter protocol of
 * {@code org.dflib.jjava:jupyter-jvm-basekernel}.
 *
 * <p>The kernel answers {@code kernel_info_request} at once and builds its {@link JShellSession} in the
 * background; the first execute/complete/inspect request waits for it. Cells run on the shell
 * thread; {@code interrupt_request} arrives on the control thread and stops the cell through
 * {@link JShellSession#interrupt()}.
 *
 * <p>Outputs are reproducible: no display ids, no timestamps, no log lines; values render through
 * {@link Renderer}.
 */
public final class WorkbenchKernel extends BaseKernel {

    /** Environment variable with the user classpath (path-separator separated, may be empty). */
    public static final String ENV_CLASSPATH = "WORKBENCH_CLASSPATH";

    private final CompletableFuture<JShellSession> session = new CompletableFuture<>();
    private final AtomicBoolean sessionStarted = new AtomicBoolean();
    private final List<Path> userClasspath;
    private final PrintStream log;
    private final PrintStream out;
    private final PrintStream err;
    private final ScheduledExecutorService flusher;
    private volatile ShellReplyEnvironment current;
    private volatile AtomicBoolean cancel;

    /**
     * @param userClasspath entries put on the JShell classpath before the first cell
     * @param log the kernel log (the process's original stderr)
     */
    public WorkbenchKernel(List<Path> userClasspath, PrintStream log) {
        super(StandardCharsets.UTF_8);
        this.userClasspath = List.copyOf(userClasspath);
        this.log = log;
        this.out = new PrintStream(new StreamPublisher(PublishStream.StreamType.OUT, () -> current, log), true,
                StandardCharsets.UTF_8);
        this.err = new PrintStream(new StreamPublisher(PublishStream.StreamType.ERR, () -> current, log), true,
                StandardCharsets.UTF_8);
        setShouldReplaceStdStreams(false);
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "workbench-stream-flusher");
            t.setDaemon(true);
            return t;
        });
    }

    /** Parses {@code WORKBENCH_CLASSPATH}: entries split on the path separator, blanks dropped. */
    public static List<Path> parseClasspath(String value) {
        List<Path> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        for (String part : value.split(Pattern.quote(File.pathSeparator))) {
            if (!part.isBlank()) {
                out.add(Path.of(part.strip()));
            }
        }
        return out;
    }

    /** Routes System.out/err to the running cell, starts the flusher and builds JShell in the background. */
    public void start() {
        System.setOut(out);
        System.setErr(err);
        // input_request is not supported: reading System.in sees end of input instead of blocking
        System.setIn(new java.io.ByteArrayInputStream(new byte[0]));
        Notebook.install(this::publishDisplay);
        flusher.scheduleWithFixedDelay(this::flushStreams, 200, 200, TimeUnit.MILLISECONDS);
        // JShell is built after the first kernel_info reply (so the reply does not compete with javac for
        // the CPU), or after 1 s if no kernel_info request comes
        flusher.schedule(this::startSession, 1, TimeUnit.SECONDS);
    }

    private void startSession() {
        if (!sessionStarted.compareAndSet(false, true)) {
            return;
        }
        Thread init = new Thread(() -> {
            try {
                List<Path> cp = new ArrayList<>();
                for (Path p : userClasspath) {
                    if (Files.exists(p)) {
                        cp.add(p);
                    } else {
                        log.println("workbench-kernel: classpath entry does not exist, skipped: " + p);
                    }
                }
                JShellSession s = new JShellSession(cp, Notebook.renderer(), MavenResolver.fromEnvironment(),
                        Path.of("").toAbsolutePath(), log);
                session.complete(s);
            } catch (Throwable t) {
                session.completeExceptionally(t);
            }
        }, "workbench-jshell-init");
        init.setDaemon(true);
        init.start();
    }

    private JShellSession session() throws CellError {
        return session(() -> false);
    }

    private JShellSession session(BooleanSupplier cancelled) throws CellError {
        startSession();
        try {
            while (true) {
                try {
                    return session.get(50, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    if (cancelled.getAsBoolean()) {
                        throw JShellSession.interrupted();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CellError("KernelError", "interrupted while starting JShell", List.of("KernelError"));
        } catch (ExecutionException e) {
            String msg = "JShell could not start: " + e.getCause();
            throw new CellError("KernelError", msg, List.of("KernelError: " + msg));
        }
    }

    @Override
    public void becomeHandlerForConnection(JupyterConnection connection) {
        super.becomeHandlerForConnection(connection);
        connection.setHandler(MessageType.EXECUTE_REQUEST, this::handleExecute);
        ShellHandler<KernelInfoRequest> info = connection.getHandler(MessageType.KERNEL_INFO_REQUEST);
        connection.setHandler(MessageType.KERNEL_INFO_REQUEST, (env, msg) -> {
            info.handle(env, msg);
            startSession();
        });
    }

    private synchronized void handleExecute(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        ExecuteRequest req = message.getContent();
        int count = req.isSilent() ? executionCount.get() : executionCount.getAndIncrement();
        env.setBusyDeferIdle();
        env.publish(new PublishExecuteInput(req.getCode(), count));
        current = env;
        AtomicBoolean cancelled = new AtomicBoolean();
        cancel = cancelled;
        try {
            Optional<Map<String, Object>> value = session(cancelled::get).execute(count, req.getCode(), cancelled::get);
            flushStreams();
            if (value.isPresent() && !value.get().isEmpty() && !req.isSilent()) {
                env.publish(new PublishExecuteResult(count, displayData(value.get())));
            }
            env.defer().reply(new ExecuteReply(count, Map.of()));
        } catch (CellError e) {
            replyError(env, count, e);
        } catch (RuntimeException | LinkageError e) {
            replyError(env, count, new CellError(e.getClass().getName(), String.valueOf(e.getMessage()),
                    List.of(e.getClass().getName() + ": " + e.getMessage())));
        } finally {
            cancel = null;
            flushStreams();
            current = null;
        }
    }

    private void replyError(ShellReplyEnvironment env, int count, CellError e) {
        flushStreams();
        env.publish(new PublishError(e.ename(), e.evalue(), e.traceback()));
        ErrorReply reply = new ErrorReply(e.ename(), e.evalue(), e.traceback());
        reply.setExecutionCount(count);
        env.defer().replyError(MessageType.EXECUTE_REPLY.error(), reply);
    }

    private void flushStreams() {
        out.flush();
        err.flush();
    }

    private void publishDisplay(Map<String, Object> bundle) {
        flushStreams();
        ShellReplyEnvironment env = current;
        if (env != null) {
            env.publish(new PublishDisplayData(displayData(bundle)));
        } else {
            log.println(bundle.get(Renderer.TEXT));
        }
    }

    static DisplayData displayData(Map<String, Object> bundle) {
        DisplayData d = new DisplayData();
        bundle.forEach(d::putData);
        return d;
    }

    @Override
    public DisplayData eval(String code) {
        try {
            return session().execute(executionCount.get(), code, () -> false)
                    .map(WorkbenchKernel::displayData).orElse(null);
        } catch (CellError e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public LanguageInfo getLanguageInfo() {
        return new LanguageInfo("java", Integer.toString(Runtime.version().feature()), "text/x-java-source",
                ".jshell", "java", "java", null);
    }

    @Override
    public String getBanner() {
        return "Java " + Runtime.version().feature() + " (JShell) :: Persona Workbench kernel";
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        try {
            JShellSession.Completion c = session().complete(code, at);
            return new ReplacementOptions(c.matches(), c.start(), c.end());
        } catch (CellError e) {
            return new ReplacementOptions(List.of(), at, at);
        }
    }

    @Override
    public String isComplete(String code) {
        try {
            return session().isComplete(code);
        } catch (CellError e) {
            return IS_COMPLETE_MAYBE;
        }
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        try {
            return session().inspect(code, at, extraDetail).map(DisplayData::new).orElse(null);
        } catch (CellError e) {
            return null;
        }
    }

    /**
     * Interrupts the running cell: marks it cancelled (no further snippet runs) and stops the running
     * snippet, repeating the stop every 50 ms for up to 5 s so that a snippet that was just starting
     * when the request came is stopped too.
     */
    @Override
    public void interrupt() {
        AtomicBoolean cancelled = cancel;
        if (cancelled == null) {
            return;
        }
        cancelled.set(true);
        Thread stopper = new Thread(() -> {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (cancel == cancelled && System.nanoTime() < end) {
                JShellSession s = session.getNow(null);
                if (s != null) {
                    s.interrupt();
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "workbench-interrupt");
        stopper.setDaemon(true);
        stopper.start();
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        interrupt();
        // the ZeroMQ threads report closed channels while the process goes down: keep the log quiet
        PrintStream none = new PrintStream(java.io.OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        System.setErr(none);
        System.setOut(none);
        Thread killer = new Thread(() -> {
            try {
                Thread.sleep(400);
            } catch (InterruptedException ignored) {
                // exit anyway
            }
            Runtime.getRuntime().halt(0);
        }, "workbench-shutdown");
        killer.setDaemon(true);
        killer.start();
    }
}
