package dev.personas.synth;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Users, their planted personas, their share of the sessions, and the per-session random streams.
 * Everything derives from {@link SynthOptions#seed()}; a session's stream depends only on the seed
 * and its global index, so sessions can be built in parallel and in any order.
 */
final class Population {
  private Population() {}

  static final long DAY_MS = 86_400_000L;

  static long mix(long seed, long salt, long index) {
    long z = seed * 0x9E3779B97F4A7C15L + salt * 0xBF58476D1CE4E5B9L + index * 0x94D049BB133111EBL;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Largest-remainder apportionment of {@code total} over {@code weights}. */
  static int[] apportion(int total, double[] weights) {
    double sum = 0;
    for (double w : weights) sum += w;
    int[] out = new int[weights.length];
    double[] rem = new double[weights.length];
    int used = 0;
    for (int i = 0; i < weights.length; i++) {
      double q = total * weights[i] / sum;
      out[i] = (int) Math.floor(q);
      rem[i] = q - out[i];
      used += out[i];
    }
    Integer[] order = new Integer[weights.length];
    for (int i = 0; i < order.length; i++) order[i] = i;
    Arrays.sort(order, (a, b) -> rem[a] != rem[b] ? Double.compare(rem[b], rem[a]) : Integer.compare(a, b));
    for (int k = 0; used < total; k++, used++) out[order[k % order.length]]++;
    return out;
  }

  private static <T> void shuffle(T[] a, SplittableRandom r) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      T x = a[i];
      a[i] = a[j];
      a[j] = x;
    }
  }

  private static void shuffle(boolean[] a, SplittableRandom r) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      boolean x = a[i];
      a[i] = a[j];
      a[j] = x;
    }
  }

  static List<SynthUser> users(SynthOptions o) {
    int n = o.users();
    SplittableRandom r = new SplittableRandom(mix(o.seed(), 1, 0));
    Persona[] ps = Persona.values();
    double[] shares = new double[ps.length];
    for (int i = 0; i < ps.length; i++) shares[i] = ps[i].share;
    int[] counts = apportion(n, shares);
    Persona[] assigned = new Persona[n];
    int k = 0;
    for (int i = 0; i < ps.length; i++) for (int j = 0; j < counts[i]; j++) assigned[k++] = ps[i];
    shuffle(assigned, r);
    int codexUsers = (int) Math.round(o.codexShare() * n);
    boolean[] codex = new boolean[n];
    for (int i = 0; i < codexUsers; i++) codex[i] = true;
    shuffle(codex, r);
    List<SynthUser> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      SplittableRandom u = new SplittableRandom(mix(o.seed(), 2, i));
      String id = "u" + String.format("%010x", u.nextLong() & 0xFFFFFFFFFFL);
      int nRepos = 1 + u.nextInt(3);
      List<String> repos = new ArrayList<>(nRepos);
      int[] langs = new int[nRepos];
      for (int j = 0; j < nRepos; j++) {
        String repo = Vocab.pick(u, Vocab.OWNERS) + "/" + Vocab.pick(u, Vocab.PROJECTS);
        if (repos.contains(repo)) repo = repo + "-" + (j + 1);
        repos.add(repo);
        langs[j] = u.nextInt(Vocab.LANGS.length);
      }
      String dev = Vocab.pick(u, Vocab.DEVS) + (u.nextInt(90) + 10);
      double handsOn = switch (assigned[i]) {
        case BUILDER, FIXER -> 0.5;
        case OPERATOR -> 0.6;
        case EXPLORER -> 0.4;
        default -> 0.25;
      };
      out.add(new SynthUser(i, id, assigned[i], codex[i], List.copyOf(repos), langs, dev, handsOn));
    }
    return out;
  }

  /** Sessions per user: at least 3 when there are enough sessions, the rest by lognormal weight. */
  static int[] sessionsPerUser(SynthOptions o) {
    int n = o.users();
    int base = o.sessions() >= 3 * n ? 3 : 1;
    SplittableRandom r = new SplittableRandom(mix(o.seed(), 3, 0));
    double[] w = new double[n];
    for (int i = 0; i < n; i++) w[i] = StrictMath.exp(0.6 * SessionBuilder.gaussian(r));
    int[] extra = apportion(o.sessions() - base * n, w);
    for (int i = 0; i < n; i++) extra[i] += base;
    return extra;
  }

  static long baseMs(SynthOptions o) {
    return LocalDate.parse(o.baseDate()).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  /** Sorted start times (epoch ms) of one user's sessions, in working hours of the calendar. */
  static long[] starts(SynthOptions o, SynthUser u, int count) {
    SplittableRandom r = new SplittableRandom(mix(o.seed(), 4, u.index()));
    long base = baseMs(o);
    long[] out = new long[count];
    int tz = r.nextInt(12) - 4;
    for (int i = 0; i < count; i++) {
      int day = r.nextInt(o.days());
      long ms = base + day * DAY_MS + (8L + tz + r.nextInt(13)) * 3_600_000L + r.nextInt(3_600_000);
      out[i] = Math.max(base, ms);
    }
    Arrays.sort(out);
    // sessions of one user never overlap in the plan: keep at least 2 hours apart
    for (int i = 1; i < count; i++) out[i] = Math.max(out[i], out[i - 1] + 2 * 3_600_000L);
    return out;
  }

  static SessionType drawType(SplittableRandom r, Persona p) {
    double u = r.nextDouble();
    SessionType[] ts = SessionType.values();
    for (SessionType t : ts) {
      if ((u -= p.weight(t)) < 0) return t;
    }
    return ts[ts.length - 1];
  }

  private static final String[] BRANCH_KIND = {"fix", "feat", "chore", "refactor", "docs"};

  /** Builds session {@code global} (0-based over the whole dataset) of {@code u}. */
  static SynthSession session(SynthOptions o, SynthUser u, int global, long startMs) {
    SplittableRandom r = new SplittableRandom(mix(o.seed(), 5, global));
    SynthSession s = head(o, u, global, startMs, r);
    return new SessionBuilder(r, s, o.noise()).build();
  }

  /**
   * The identity of session {@code global} without its events: planted type, repo, language,
   * ids, model, branch; the first draws of {@code r} (the session's stream), so
   * {@link #session} continues the same stream with the events. Cheap (no text).
   */
  static SynthSession head(SynthOptions o, SynthUser u, int global, long startMs) {
    return head(o, u, global, startMs, new SplittableRandom(mix(o.seed(), 5, global)));
  }

  private static SynthSession head(SynthOptions o, SynthUser u, int global, long startMs,
      SplittableRandom r) {
    SynthSession s = new SynthSession();
    s.index = global;
    s.user = u;
    s.type = drawType(r, u.persona());
    int repo = r.nextInt(u.repos().size());
    s.repoId = u.repos().get(repo);
    s.lang = Vocab.LANGS[u.langs()[repo]];
    s.startMs = startMs;
    if (u.codex()) {
      // UUID v7 layout: 48-bit millisecond timestamp first, like Codex rollout ids
      String hex = String.format("%012x", startMs);
      String rnd = SessionBuilder.uuid(r);
      s.sessionId = hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-7" + rnd.substring(15, 18)
          + "-" + rnd.substring(19);
      s.model = r.nextDouble() < 0.7 ? "gpt-5.5" : "gpt-5.3-codex";
      s.cwd = "/home/" + u.dev() + "/src/" + s.repoId.substring(s.repoId.indexOf('/') + 1);
    } else {
      s.sessionId = SessionBuilder.uuid(r);
      s.model = r.nextDouble() < 0.65 ? "claude-opus-4-6" : "claude-sonnet-4-6";
      s.cwd = "/Users/" + u.dev() + "/code/" + s.repoId.substring(s.repoId.indexOf('/') + 1);
    }
    StringBuilder cp = new StringBuilder(12);
    for (int i = 0; i < 12; i++) cp.append(Character.forDigit(r.nextInt(16), 16));
    s.checkpointId = cp.toString();
    StringBuilder ch = new StringBuilder(40);
    for (int i = 0; i < 40; i++) ch.append(Character.forDigit(r.nextInt(16), 16));
    s.commitHash = ch.toString();
    s.branch = Vocab.pick(r, BRANCH_KIND) + "/" + Vocab.pick(r, Vocab.THINGS).replace(' ', '-');
    s.turnIdSeed = Long.toHexString(r.nextLong());
    return s;
  }

  /** Every session of the dataset, sequentially, in user order then start time. */
  static void each(SynthOptions o, java.util.function.Consumer<SynthSession> c) {
    List<SynthUser> us = users(o);
    int[] per = sessionsPerUser(o);
    int g = 0;
    for (SynthUser u : us) {
      long[] st = starts(o, u, per[u.index()]);
      for (long t : st) c.accept(session(o, u, g++, t));
    }
  }
}
