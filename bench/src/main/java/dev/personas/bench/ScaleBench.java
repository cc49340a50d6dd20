package dev.personas.bench;

import dev.personas.features.FeatureOptions;
import dev.personas.features.FeatureWriter;
import dev.personas.features.Features;
import dev.personas.features.ParquetFeatures;
import dev.personas.load.IngestOptions;
import dev.personas.types.SessionTypeModel;
import dev.personas.types.SessionTypes;
import dev.personas.types.TypeOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import tech.tablesaw.api.Table;

/**
 * Whole-pipeline scale benchmark (issue 9): a SWE-chat parquet folder goes to the feature table by
 * streaming {@code conversations} through DuckDB ({@link ParquetFeatures}), then to session types
 * with the {@code types} command's defaults (k = 2..12, 100 bootstraps, seed 42). Prints per stage
 * the wall and process CPU seconds, conversation rows per second, the peak heap (sum of the heap
 * pools' peak usage since the stage began) and the load average; writes the feature table and the
 * types model under OUT.
 *
 * <p>Usage: {@code ScaleBench DIR OUT [threads]} (threads: partitions streamed in parallel,
 * default: cores).
 */
public final class ScaleBench {
  private ScaleBench() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    Path out = Path.of(args.length > 1 ? args[1] : "bench/target/scale");
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
    Files.createDirectories(out);
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    System.out.printf(Locale.ROOT, "scale: %s, %d threads, max heap %.0f MB, load average %.1f%n", dir,
        threads, Runtime.getRuntime().maxMemory() / 1048576.0, os.getSystemLoadAverage());

    resetPeaks();
    long cpu0 = os.getProcessCpuTime(), t0 = System.nanoTime();
    AtomicLong rows = new AtomicLong(), lastPrint = new AtomicLong();
    Features.Result r = ParquetFeatures.compute(dir, IngestOptions.SWECHAT_EXCLUDED, FeatureOptions.defaults(),
        threads, (stage, n, total) -> {
          rows.set(n);
          if (n - lastPrint.get() >= 10_000_000) {
            lastPrint.set(n);
            System.out.printf(Locale.ROOT, "  ... %,d of %,d rows, %.0f s%n", n, total,
                (System.nanoTime() - t0) / 1e9);
          }
        });
    Table f = r.table();
    FeatureWriter.write(f, out.resolve("features.parquet"));
    double fs = (System.nanoTime() - t0) / 1e9, fc = (os.getProcessCpuTime() - cpu0) / 1e9;
    System.out.printf(Locale.ROOT,
        "features: %d sessions x %d columns from %,d conversation rows: %.1f s wall, %.1f s CPU, "
            + "%,.0f rows/s, peak heap %.0f MB, load average %.1f%n",
        f.rowCount(), f.columnCount(), rows.get(), fs, fc, rows.get() / fs, peakHeapMb(), os.getSystemLoadAverage());

    resetPeaks();
    cpu0 = os.getProcessCpuTime();
    long t1 = System.nanoTime();
    SessionTypeModel m = SessionTypes.fit(f, TypeOptions.defaults());
    m.write(out.resolve("types"));
    double ts = (System.nanoTime() - t1) / 1e9, tc = (os.getProcessCpuTime() - cpu0) / 1e9;
    System.out.printf(Locale.ROOT,
        "types: k = %d of 2..12 from %d sessions: %.1f s wall, %.1f s CPU, peak heap %.0f MB, load average %.1f%n",
        m.k(), f.rowCount(), ts, tc, peakHeapMb(), os.getSystemLoadAverage());
    System.out.printf(Locale.ROOT, "total: %.1f s wall (limit 300 s)%n", fs + ts);
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) p.resetPeakUsage();
  }

  private static double peakHeapMb() {
    long peak = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) peak += p.getPeakUsage().getUsed();
    }
    return peak / 1048576.0;
  }
}
