package dev.personas.types;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Runs indexed tasks on a fixed number of threads and returns their results in index order. Each
 * task must compute from its index alone (its own seed, no shared mutable state), so the results do
 * not depend on thread timing.
 */
final class Parallel {
  private Parallel() {}

  static <T> List<T> map(int count, int threads, IntFunction<T> task) {
    List<T> out = new ArrayList<>(count);
    if (threads <= 1 || count <= 1) {
      for (int i = 0; i < count; i++) out.add(task.apply(i));
      return out;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, count), r -> {
      Thread t = new Thread(r, "types-worker");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<T>> fs = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        final int idx = i;
        fs.add(pool.submit(() -> task.apply(idx)));
      }
      for (Future<T> f : fs) out.add(f.get());
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException re) throw re;
      if (c instanceof Error er) throw er;
      throw new IllegalStateException(c);
    } finally {
      pool.shutdownNow();
    }
  }
}
