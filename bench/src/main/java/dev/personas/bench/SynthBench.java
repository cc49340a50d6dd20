package dev.personas.bench;

import dev.personas.synth.Generator;
import dev.personas.synth.SynthOptions;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Whole-run benchmark of the synthetic generator:
 * {@code java -cp ... dev.personas.bench.SynthBench SESSIONS USERS FORMAT OUT_DIR}
 * (defaults 400000 sessions, 20000 users, parquet, a temp folder). Prints wall seconds, process
 * CPU seconds (JVM and DuckDB threads), sessions/s, conversation rows, rows/s, output bytes, peak
 * Java heap (sum of the heap pools' peaks) and peak resident memory of the process (Linux
 * {@code VmHWM}: heap plus DuckDB's native memory). Timings depend on the machine and its load;
 * they are reported, never asserted. {@code bench/synth.sh} runs it.
 */
public final class SynthBench {
  private SynthBench() {}

  public static void main(String[] args) throws Exception {
    int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 400_000;
    int users = args.length > 1 ? Integer.parseInt(args[1]) : Math.max(1, sessions / 20);
    String format = args.length > 2 ? args[2] : "parquet";
    Path out = args.length > 3 ? Path.of(args[3]) : Files.createTempDirectory("synth-bench");
    SynthOptions o = SynthOptions.defaults().withSessions(sessions).withUsers(users)
        .withFormats(SynthOptions.parseFormats(format));
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    Generator.Summary s = Generator.write(o, out);
    double wall = (System.nanoTime() - t0) / 1e9;
    double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
    long peakHeap = 0;
    for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == java.lang.management.MemoryType.HEAP) peakHeap += pool.getPeakUsage().getUsed();
    }
    long bytes;
    try (var w = Files.walk(out)) {
      bytes = w.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
    System.out.println(String.format(Locale.ROOT,
        "synth %s: %d sessions, %d users, %d conversation rows, %.1f s wall, %.1f s cpu, "
            + "%.0f sessions/s, %.0f rows/s, %d output bytes, peak heap %d MB, peak rss %s MB, "
            + "%d cores, load %.1f",
        format, s.sessions(), s.users(), s.conversationRows(), wall, cpu, s.sessions() / wall,
        s.conversationRows() / wall, bytes, peakHeap >> 20, peakRssMb(),
        Runtime.getRuntime().availableProcessors(), os.getSystemLoadAverage()));
  }

  /** Peak resident set size in MB from /proc/self/status, or "n/a" off Linux. */
  static String peakRssMb() {
    try {
      for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (l.startsWith("VmHWM:")) return Long.toString(Long.parseLong(l.replaceAll("[^0-9]", "")) >> 10);
      }
    } catch (java.io.IOException | RuntimeException e) {
      // not Linux
    }
    return "n/a";
  }
}
