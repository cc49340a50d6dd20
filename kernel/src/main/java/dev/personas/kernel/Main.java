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

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream log = System.err;
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
        JupyterConnection connection = new JupyterConnection(props);
        WorkbenchKernel kernel = new WorkbenchKernel(
                WorkbenchKernel.parseClasspath(System.getenv(WorkbenchKernel.ENV_CLASSPATH)), log);
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        kernel.start();
        connection.waitUntilClose();
        System.exit(0);
    }
}
