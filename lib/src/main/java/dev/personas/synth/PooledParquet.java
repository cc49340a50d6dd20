package dev.personas.synth;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * The parquet-only generator for large datasets: every session keeps its own identity and planted
 * truth (user, planted type drawn from the user's persona, repo, language, session id, model,
 * start time: the first draws of its stream, {@link Population#head}), but only a pool of sessions
 * is built event by event; the others reuse the rows of a pooled session with the same planted
 * type, agent and project language.
 *
 * <p><b>Pool.</b> Session {@code i} is built when {@code i % stride == 0}, {@code stride =
 * ceil(sessions / pool)} (so a dataset of at most {@code pool} sessions is built entirely and
 * equals the exact rendering); a session whose (type, agent, language) has no pooled session yet
 * is built too. A reusing session {@code i} takes pooled session number {@code mix(seed, 7, i) mod
 * n} of its kind, scales every time offset by {@code exp(0.15 z)} ({@code z} standard normal from
 * {@code mix(seed, 8, i)}, so durations and pauses vary, median unchanged), gets its own session id,
 * turn ids, model, user, repo and timestamps, and its message and tool-call ids carry an 8-hex tag
 * from {@code mix(seed, 9, i)} just before their 6-character sequence suffix (compact ids,
 * {@link SessionBuilder.Ids}). Its {@code sessions} row (tokens, prompts, attribution) and the
 * {@code mess} of {@code truth/sessions.csv} are the pooled session's.
 *
 * <p>Why: building a session's events and text costs about 0.7 ms of one core, 400,000 sessions
 * about 270 CPU seconds before anything is written; with a pool of {@value #POOL} the build is 2%
 * of that and the rows are expanded inside DuckDB ({@link ParquetSink}). Per batch of sessions,
 * heads and built sessions are made in parallel, then the first session of each new kind is built
 * and every built session's template rows are rendered ({@link ParquetSink#prepare}) in parallel;
 * only the appends run in generation order, so the output is the same on any number of cores.
 * The planted structure is
 * kept: per-session features of a reusing session equal its pooled session's (up to the time
 * scale), and the type mix of every user follows its persona. The population's medians and rates
 * stay those of the exact rendering because the pool is a systematic sample of the sessions
 * ({@code PooledParquetTest}).
 *
 * <p>Rows per session: about 190 on average (the events of the recipes, median session much
 * smaller), so 400,000 sessions give about 76 million {@code conversations} rows. SWE-chat's
 * release has about 460 rows per session (2,692,480 rows, 5,851 sessions); in the development
 * corpus about 38% of Claude Code transcript records are metadata (progress, file snapshots,
 * system, attachment and queue records: no prompt, message or tool call), which the generator
 * does not produce; its message rows per session are calibrated through the published
 * per-session medians instead (iteration count, tool-call density; {@code CalibrationTest}).
 */
final class PooledParquet {
  private PooledParquet() {}

  /** Default number of sessions built event by event. */
  static final int POOL = 8_192;
  private static final int BATCH = 4096;

  /** Rows written and sessions with deliberate mess. */
  record Result(long rows, int messed) {}

  /**
   * Writes {@code sessions.parquet}, {@code conversations.parquet} into {@code out} and one line
   * per session (generation order) into {@code truth} (header already written).
   */
  static Result write(SynthOptions o, Path out, List<SynthUser> users, int[] userOf, long[] startOf,
      int pool, BufferedWriter truth) throws IOException {
    return write(o, out, users, userOf, startOf, pool, Runtime.getRuntime().availableProcessors(),
        ParquetSink.PART_ROWS, truth);
  }

  /**
   * As {@link #write(SynthOptions, Path, List, int[], long[], int, BufferedWriter)}, on {@code threads}
   * threads with part files of about {@code partRows} rows ({@link ParquetSink}); the bytes do not
   * depend on {@code threads}.
   */
  static Result write(SynthOptions o, Path out, List<SynthUser> users, int[] userOf, long[] startOf,
      int pool, int threads, long partRows, BufferedWriter truth) throws IOException {
    if (pool < 1) throw new IllegalArgumentException("pool must be >= 1, got " + pool);
    int total = userOf.length;
    int stride = (int) ((total + (long) pool - 1) / pool);
    Map<Integer, List<ParquetSink.Template>> byKind = new HashMap<>();
    Set<Integer> kinds = new HashSet<>(); // kinds with a template once the sessions so far are written
    int[] messed = {0};
    // batch k is appended on the writer thread while batch k + 1 is built (at most one pending);
    // the sink lives on that thread (DuckDB's appenders belong to the thread that made them)
    ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "synth-writer");
      t.setDaemon(true);
      return t;
    });
    try {
      ParquetSink sink = await(writer.submit(() -> new ParquetSink(out, threads, partRows)));
      Future<?> pending = null;
      try {
        for (int from = 0; from < total; from += BATCH) {
          int to = Math.min(total, from + BATCH);
          // built sessions and heads of the others, in parallel; written in order
          SynthSession[] batch = new SynthSession[to - from];
          int f = from;
          IntStream.range(from, to).parallel().forEach(i -> {
            SynthUser u = users.get(userOf[i]);
            batch[i - f] = i % stride == 0 ? Population.session(o, u, i, startOf[i])
                : Population.head(o, u, i, startOf[i]);
          });
          // a session whose kind has no template yet is built too (the first of its kind)
          boolean[] first = new boolean[to - from];
          for (int i = from; i < to; i++) {
            SynthSession s = batch[i - from];
            int kind = kind(s);
            if (s.events == null && !kinds.contains(kind)) first[i - from] = true;
            kinds.add(kind);
          }
          // build those and prepare every template's rows in parallel; append in order
          ParquetSink.Prepared[] prepared = new ParquetSink.Prepared[to - from];
          IntStream.range(from, to).parallel().forEach(i -> {
            SynthSession s = batch[i - f];
            if (first[i - f]) batch[i - f] = s = Population.session(o, s.user, i, startOf[i]);
            if (s.events != null) {
              prepared[i - f] = ParquetSink.prepare(s);
              s.events = null; // only the prepared rows are needed from here on
            }
          });
          await(pending);
          pending = writer.submit(() -> {
            for (int i = f; i < to; i++) {
              SynthSession s = batch[i - f];
              int kind = kind(s);
              ParquetSink.Template t;
              if (prepared[i - f] == null) {
                List<ParquetSink.Template> ts = byKind.get(kind);
                t = ts.get((int) Math.floorMod(Population.mix(o.seed(), 7, i), (long) ts.size()));
                double scale = StrictMath.exp(0.15 * SessionBuilder.gaussian(
                    new SplittableRandom(Population.mix(o.seed(), 8, i))));
                sink.instance(s, t, scale, tag(Population.mix(o.seed(), 9, i)));
              } else {
                t = sink.template(prepared[i - f]);
                byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(t);
                sink.instance(s, t, 1.0, null);
              }
              if (!t.mess().isEmpty()) messed[0]++;
              truth.write(s.sessionId + "," + s.user.userId() + "," + s.repoId + "," + s.agent() + ","
                  + s.type.id() + "," + s.user.persona().id() + "," + t.mess() + "\n");
            }
            return null;
          });
        }
        await(pending);
      } catch (Throwable e) {
        if (pending != null) pending.cancel(false);
        writer.submit(() -> {
          sink.abort();
          return null;
        });
        throw e;
      }
      await(writer.submit(() -> {
        sink.close();
        return null;
      }));
      return new Result(sink.rows(), messed[0]);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } finally {
      writer.shutdownNow();
    }
  }

  /** Waits for {@code f} (null: nothing to wait for) and returns its value, rethrowing its failure. */
  private static <T> T await(Future<T> f) throws IOException {
    if (f == null) return null;
    try {
      return f.get();
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof IOException io) throw io;
      if (c instanceof UncheckedIOException u) throw u.getCause();
      if (c instanceof RuntimeException r) throw r;
      if (c instanceof Error err) throw err;
      throw new IllegalStateException(c);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while writing sessions", e);
    }
  }

  /** The low 32 bits of {@code v} as 8 lowercase hex digits (as {@code %08x}). */
  static String tag(long v) {
    char[] c = new char[8];
    for (int k = 7; k >= 0; k--, v >>>= 4) c[k] = Character.forDigit((int) (v & 0xF), 16);
    return new String(c);
  }

  /** Planted type, agent and project language of a session, as one key. */
  private static int kind(SynthSession s) {
    int lang = 0;
    while (Vocab.LANGS[lang] != s.lang) lang++;
    return (s.type.ordinal() * 2 + (s.user.codex() ? 1 : 0)) * Vocab.LANGS.length + lang;
  }
}
