package dev.personas.kernel;

import java.lang.reflect.Field;
import java.util.Map;

import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * JShell's in-process execution engine ({@link LocalExecutionControl}) that also hands the kernel the
 * live object behind a variable, so values can be rendered richly (tables, images, charts) instead of
 * as JShell's quoted {@code toString}.
 *
 * <p>Interrupts use {@link LocalExecutionControl#stop()}: on JDK 17 it stops the snippet thread; on
 * JDK 21+ the engine instruments snippet bytecode with stop checks (JDK 25 verified), so loops in
 * user code stop on both. A loop inside library code stops only on JDK 17 or when the library
 * honours {@link Thread#interrupt()}.
 */
final class CapturingExecutionControl extends LocalExecutionControl {

    private Object captured;

    /** Reads the static field {@code varName} of snippet class {@code className}, keeping the object. */
    @Override
    public String varValue(String className, String varName)
            throws RunException, EngineTerminationException, InternalException {
        try {
            Class<?> type = findClass(className);
            Field f = type.getDeclaredField(varName);
            f.setAccessible(true);
            captured = f.get(null);
            return "";
        } catch (ReflectiveOperationException | RuntimeException e) {
            captured = null;
            return super.varValue(className, varName);
        }
    }

    /** The object read by the last {@link #varValue} call, then forgets it. */
    Object takeCaptured() {
        Object o = captured;
        captured = null;
        return o;
    }

    /** Provider that remembers the control it generated. */
    static final class Provider implements ExecutionControlProvider {
        private volatile CapturingExecutionControl last;

        @Override
        public String name() {
            return "workbench-local";
        }

        @Override
        public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
            last = new CapturingExecutionControl();
            return last;
        }

        CapturingExecutionControl control() {
            return last;
        }
    }
}
