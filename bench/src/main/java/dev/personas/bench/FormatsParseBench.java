package dev.personas.bench;

import dev.personas.load.SessionInfo;
import dev.personas.load.TranscriptFormat;
import dev.personas.load.TranscriptSink;
import dev.personas.load.Turn;
import dev.personas.load.formats.Formats;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Throughput of the non-Claude transcript parsers ({@code dev.personas.load.formats}) over every
 * transcript of a corpus folder that one of them detects (by content). Each file is streamed from
 * disk (with its {@code .001...} continuation chunks) into a sink that only counts rows and touches
 * their text, as the real sink's copy would. Prints MB/s and files/s per round, single-threaded and
 * with a pool of {@code threads} workers, the parse threads' CPU time (MB per CPU-second, which
 * does not depend on other load on the machine), and peak heap.
 *
 * <p>Usage: {@code FormatsParseBench CORPUS_DIR [rounds=5] [threads=2]}; run with {@code -Xmx2g}.
 */
public final class FormatsParseBench {
  private FormatsParseBench() {}

  record Job(Path file, TranscriptFormat format, long bytes) {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) throw new IllegalArgumentException("usage: CORPUS_DIR [rounds] [threads]");
    Path root = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    if (rounds < 1) throw new IllegalArgumentException("rounds must be >= 1: " + rounds);
    if (threads < 1) throw new IllegalArgumentException("threads must be >= 1: " + threads);
    List<TranscriptFormat> formats = Formats.all();
    List<Job> jobs = new ArrayList<>();
    List<String> lines = Files.readAllLines(root.resolve("sessions.csv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split(",", -1);
      if (c.length < 6 || c[5].isEmpty()) continue;
      Path f = root.resolve(c[5]);
      String head;
      try (InputStream in = Files.newInputStream(f)) {
        head = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
      }
      for (TranscriptFormat fmt : formats) {
        if (fmt.detect(head)) {
          jobs.add(new Job(f, fmt, size(f)));
          break;
        }
      }
    }
    // largest first, for an even spread over the workers
    jobs.sort((a, b) -> Long.compare(b.bytes, a.bytes));
    long total = jobs.stream().mapToLong(Job::bytes).sum();
    System.out.printf(Locale.ROOT, "files=%d bytes=%.1f MB%n", jobs.size(), total / 1e6);
    for (int r = 1; r <= rounds; r++) {
      run("single", jobs, 1, total);
    }
    for (int r = 1; r <= rounds; r++) {
      run("threads=" + threads, jobs, threads, total);
    }
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
    }
    System.out.printf(Locale.ROOT, "peak heap (sum of pool peaks) %.0f MB%n", peak / 1e6);
  }

  private static void run(String label, List<Job> jobs, int threads, long total) throws Exception {
    AtomicLong rows = new AtomicLong();
    AtomicLong problems = new AtomicLong();
    AtomicLong cpuNanos = new AtomicLong();
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long t0 = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> fs = new ArrayList<>();
      for (Job j : jobs) {
        fs.add(pool.submit(() -> {
          CountingSink sink = new CountingSink();
          long c0 = mx.getCurrentThreadCpuTime();
          try (InputStream in = open(j.file)) {
            j.format.parse(in, sink);
          }
          cpuNanos.addAndGet(mx.getCurrentThreadCpuTime() - c0);
          rows.addAndGet(sink.rows);
          problems.addAndGet(sink.problems);
          return null;
        }));
      }
      for (Future<?> f : fs) f.get();
    } finally {
      pool.shutdown();
    }
    double s = (System.nanoTime() - t0) / 1e9;
    double cpu = cpuNanos.get() / 1e9;
    System.out.printf(Locale.ROOT, "%-10s %6.2f s  %7.1f MB/s  %7.1f files/s  cpu %6.2f s"
        + " (%6.1f MB per cpu-s)  rows=%d problems=%d%n", label, s, total / 1e6 / s,
        jobs.size() / s, cpu, total / 1e6 / cpu, rows.get(), problems.get());
  }

  static final class CountingSink implements TranscriptSink {
    final SessionInfo info = new SessionInfo();
    long rows;
    long problems;
    long chars;

    @Override
    public void turn(Turn t) {
      rows++;
      if (t.content != null) chars += t.content.length();
      if (t.toolInputJson != null) chars += t.toolInputJson.length();
    }

    @Override
    public void problem(long line, String reason) {
      problems++;
    }

    @Override
    public SessionInfo session() {
      return info;
    }
  }

  static InputStream open(Path file) throws IOException {
    List<InputStream> parts = new ArrayList<>();
    parts.add(Files.newInputStream(file));
    for (int i = 1; ; i++) {
      Path next = file.resolveSibling(file.getFileName() + String.format(Locale.ROOT, ".%03d", i));
      if (!Files.exists(next)) break;
      parts.add(Files.newInputStream(next));
    }
    return new BufferedInputStream(new SequenceInputStream(Collections.enumeration(parts)), 1 << 16);
  }

  static long size(Path file) throws IOException {
    long n = Files.size(file);
    for (int i = 1; ; i++) {
      Path next = file.resolveSibling(file.getFileName() + String.format(Locale.ROOT, ".%03d", i));
      if (!Files.exists(next)) return n;
      n += Files.size(next);
    }
  }
}
