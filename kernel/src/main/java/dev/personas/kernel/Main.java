package dev.personas.kernel;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/**
 * Entry point: {@code java dev.personas.kernel.Main CONNECTION_FILE}. Reads the Jupyter connection
 * file, takes the user classpath from {@code WORKBENCH_CLASSPATH}, serves until shutdown and exits.
 * Exit code 2 on a bad command line or an unreadable connection file.
 */
public final class Main {

    /** CPU time of this process so far in ms (user + system), -1 if unknown. */
    private static long processCpuMillis() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime() / 1_000_000;
        }
        return -1;
    }

    /** Argument of the class-data-sharing training run (see {@link #train()}). */
    static final String TRAIN = "--train-cds";

    private Main() {
    }

    /**
     * Training run for the launcher's AppCDS archive ({@code -XX:ArchiveClassesAtExit}): binds a Jupyter
     * connection on free local ports, builds a JShell session, evaluates and renders a few values, and
     * closes, so that the classes of a kernel start and of a first cell are loaded once and archived.
     * Prints nothing to stdout.
     */
    static void train() throws Exception {
        LogManager.getLogManager().reset();
        Logger.getLogger("").setLevel(Level.OFF);
        int[] ports = new int[5];
        for (int i = 0; i < ports.length; i++) {
            try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                ports[i] = s.getLocalPort();
            }
        }
        String json = "{\"ip\": \"127.0.0.1\", \"transport\": \"tcp\", \"signature_scheme\": \"hmac-sha256\", "
                + "\"key\": \"training\", \"control_port\": " + ports[0] + ", \"shell_port\": " + ports[1]
                + ", \"stdin_port\": " + ports[2] + ", \"hb_port\": " + ports[3] + ", \"iopub_port\": " + ports[4] + "}";
        JupyterConnection connection = new JupyterConnection(KernelConnectionProperties.parse(json));
        PrintStream quiet = new PrintStream(java.io.OutputStream.nullOutputStream(), true,
                java.nio.charset.StandardCharsets.UTF_8);
        WorkbenchKernel kernel = new WorkbenchKernel(java.util.List.of(), quiet);
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        try (JShellSession session = new JShellSession(java.util.List.of(), new Renderer(),
                MavenResolver.fromEnvironment(), Path.of("").toAbsolutePath(), quiet)) {
            session.execute(1, "int x = 1;\nString s = \"a\" + x;\ns", () -> false);
            session.execute(2, "var img = new java.awt.image.BufferedImage(2, 2, java.awt.image.BufferedImage.TYPE_INT_RGB);\nimg",
                    () -> false);
            session.complete("Math.ab", 7);
            session.isComplete("int y = 1;");
            try {
                session.execute(3, "int z = 1 / 0;", () -> false);
            } catch (CellError expected) {
                // the error path is part of the training
            }
        }
        connection.close();
    }

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        long jvmUptimeAtMain = System.getenv("WORKBENCH_KERNEL_TRACE") == null ? -1
                : java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        PrintStream log = System.err;
        if (args.length == 1 && args[0].equals(TRAIN)) {
            train();
            System.exit(0);
        }
        if (args.length != 1) {
            log.println("usage: workbench-kernel CONNECTION_FILE");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        String json;
        try {
            json = Files.readString(file);
        } catch (Exception e) {
            log.println("workbench-kernel: cannot read connection file " + file + ": " + e);
            System.exit(2);
            return;
        }
        // the protocol library logs every message at INFO through java.util.logging: keep the log quiet
        LogManager.getLogManager().reset();
        Logger.getLogger("").setLevel(Level.SEVERE);

        KernelConnectionProperties props = KernelConnectionProperties.parse(json);
        long tParsed = System.nanoTime();
        JupyterConnection connection = new JupyterConnection(props);
        long tConnection = System.nanoTime();
        WorkbenchKernel kernel = new WorkbenchKernel(
                WorkbenchKernel.parseClasspath(System.getenv(WorkbenchKernel.ENV_CLASSPATH)), log);
        kernel.becomeHandlerForConnection(connection);
        long tKernel = System.nanoTime();
        connection.connect();
        kernel.start();
        if (System.getenv("WORKBENCH_KERNEL_TRACE") != null) {
            log.println("workbench-kernel: listening " + (System.nanoTime() - t0) / 1_000_000
                    + " ms after main() started, JVM uptime at main() " + jvmUptimeAtMain + " ms; parse "
                    + (tParsed - t0) / 1_000_000 + " ms, connection " + (tConnection - tParsed) / 1_000_000
                    + " ms, kernel " + (tKernel - tConnection) / 1_000_000 + " ms; process CPU "
                    + processCpuMillis() + " ms");
        }
        connection.waitUntilClose();
        System.exit(0);
    }
}
