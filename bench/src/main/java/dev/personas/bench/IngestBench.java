package dev.personas.bench;

import dev.personas.load.Ingest;
import dev.personas.load.IngestOptions;
import dev.personas.load.IngestResult;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Whole-corpus ingest benchmark (issue 3 "Speed and memory"): loads the development corpus's Entire
 * folder {@code runs} times and prints, per run, MB/s of decompressed raw transcript (wall clock, and
 * per CPU-second of the process, which does not depend on other load on the machine), sessions/s,
 * rows, and the peak heap (sum of the heap memory pools' peak usage, reset before each run).
 *
 * <p>Usage: {@code IngestBench [corpusEntireDir] [runs] [threads]}; defaults
 * {@code /work/corpus-unpacked/entire}, 3, available processors. Run with {@code -Xmx2g}
 * (bench/ingest.sh).
 */
public final class IngestBench {
  private IngestBench() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "/work/corpus-unpacked/entire");
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
    if (runs < 1) throw new IllegalArgumentException("runs " + runs + " < 1");
    IngestOptions o = IngestOptions.defaults().withThreads(threads);
    System.out.printf(Locale.ROOT, "ingest benchmark: %s, threads=%d, max heap=%d MiB%n", dir, threads,
        Runtime.getRuntime().maxMemory() >> 20);
    for (int r = 1; r <= runs; r++) {
      System.gc();
      for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) p.resetPeakUsage();
      var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      long c0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      IngestResult res = Ingest.load(List.of(dir), o);
      double s = (System.nanoTime() - t0) / 1e9;
      double cpu = (os.getProcessCpuTime() - c0) / 1e9;
      long peak = 0;
      for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
        if (p.getType() == MemoryType.HEAP) peak += p.getPeakUsage().getUsed();
      }
      var tot = res.report().totals();
      System.out.printf(Locale.ROOT,
          "run %d: %.2f s wall, %.2f s CPU, %.1f MB raw transcript -> %.1f MB/s wall (%.1f MB per CPU-second), %d sessions -> %.1f sessions/s, %d rows, %d skipped (%.4f%%), peak heap %d MiB%n",
          r, s, cpu, tot.bytes() / 1e6, tot.bytes() / 1e6 / s, tot.bytes() / 1e6 / cpu, tot.sessions(), tot.sessions() / s, tot.rows(),
          tot.skipped(), 100 * tot.skippedShare(), peak >> 20);
    }
  }
}
