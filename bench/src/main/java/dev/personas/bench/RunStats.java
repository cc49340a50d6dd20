package dev.personas.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/** Peak heap (sum of the heap pools' peak usage) and peak RSS of this process, for bench mains. */
final class RunStats {
  private RunStats() {}

  /**
   * Loads and initialises the named classes (static state: compiled patterns, the format registry,
   * Tablesaw's classpath scan for readers and writers), so that a timed run excludes what is the
   * Java counterpart of the Python reference's module imports; none of the measured work runs.
   */
  static void importClasses(String... names) {
    ClassLoader l = RunStats.class.getClassLoader();
    for (String n : names) {
      try {
        Class.forName(n, true, l);
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("no class " + n, e);
      }
    }
  }

  static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) p.resetPeakUsage();
  }

  static long peakHeapBytes() {
    long peak = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) peak += p.getPeakUsage().getUsed();
    }
    return peak;
  }

  /** VmHWM of /proc/self/status in KiB (peak resident set), -1 when unavailable. */
  static long maxRssKib() {
    try {
      for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (l.startsWith("VmHWM:")) return Long.parseLong(l.replaceAll("[^0-9]", ""));
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  static double cpuSeconds() {
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return os.getProcessCpuTime() / 1e9;
  }
}
