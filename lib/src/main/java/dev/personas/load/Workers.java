package dev.personas.load;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** Parallel map over a list on an ingest run's worker pool, with results in list order. */
final class Workers {
  private Workers() {}

  /** A function that may throw an IOException. */
  @FunctionalInterface
  interface IoFunction<T, R> {
    R apply(T t) throws IOException;
  }

  /**
   * {@code f} of every item, in the order of {@code items} whatever order the tasks run in.
   *
   * @param pool worker threads; null runs everything on the calling thread, in order
   * @param submitOrder order in which tasks are handed to the pool (e.g. largest first so that
   *     every thread stays busy to the end), or null for list order
   * @throws IOException the first (in list order) IOException a task threw; a RuntimeException
   *     or Error of a task is rethrown as it is
   */
  static <T, R> List<R> map(ExecutorService pool, List<T> items, Comparator<T> submitOrder,
      IoFunction<T, R> f) throws IOException {
    List<R> out = new ArrayList<>(items.size());
    if (pool == null) {
      for (T t : items) out.add(f.apply(t));
      return out;
    }
    List<Integer> order = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) order.add(i);
    if (submitOrder != null) {
      order.sort(Comparator.comparing((Integer i) -> items.get(i), submitOrder).thenComparing(i -> i));
    }
    List<Future<R>> fs = new ArrayList<>(Collections.nCopies(items.size(), null));
    for (int i : order) {
      T t = items.get(i);
      fs.set(i, pool.submit(() -> f.apply(t)));
    }
    for (Future<R> fu : fs) {
      try {
        out.add(fu.get());
      } catch (ExecutionException e) {
        for (Future<R> other : fs) other.cancel(true);
        Throwable c = e.getCause();
        if (c instanceof IOException io) throw io;
        if (c instanceof RuntimeException re) throw re;
        if (c instanceof Error er) throw er;
        throw new IllegalStateException(c);
      } catch (InterruptedException e) {
        for (Future<R> other : fs) other.cancel(true);
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }
    return out;
  }
}
