package dev.personas.synth;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * Parameters of one synthetic dataset. Same options, same bytes: every random choice is derived
 * from {@link #seed}, timestamps start from {@link #baseDate} (no wall clock).
 *
 * @param users number of users (1..10,000,000); each gets one planted persona
 * @param sessions number of sessions (>= users); every user gets at least one session, at least
 *     three when {@code sessions >= 3 * users}
 * @param seed master seed; each user and each session derive their own stream from it
 * @param formats what to write: {@link Format#ENTIRE} (Claude Code / Codex transcripts in an
 *     Entire v1 checkpoint tree plus {@code sessions.csv}) and/or {@link Format#PARQUET}
 *     (SWE-chat-schema {@code sessions.parquet} and {@code conversations.parquet})
 * @param noise 0..1, probability scale of deliberate mess in the Entire transcripts (injected system
 *     text, slash-command echoes, sidechain records, missing timestamps, a truncated last line);
 *     0 writes clean transcripts. Parquet output is never messed up.
 * @param codexShare 0..1, the agent mix: share of users whose sessions are Codex CLI rollouts
 *     (the rest are Claude Code)
 * @param compression compression of transcript files in the Entire tree
 * @param baseDate first day of the synthetic calendar (UTC, ISO date); sessions spread over the
 *     following {@link #days} days
 * @param days length of the calendar in days (1..3650)
 */
public record SynthOptions(int users, int sessions, long seed, Set<Format> formats, double noise,
    double codexShare, Compression compression, String baseDate, int days) {

  /** Output formats. */
  public enum Format { ENTIRE, PARQUET }

  /** Compression of transcript files ({@code full.jsonl}, {@code full.jsonl.gz}, {@code .xz}). */
  public enum Compression {
    NONE(""), GZ(".gz"), XZ(".xz");
    /** File name suffix. */
    public final String suffix;
    Compression(String suffix) { this.suffix = suffix; }
  }

  public SynthOptions {
    if (users < 1 || users > 10_000_000) {
      throw new IllegalArgumentException("users must be in 1..10000000, got " + users);
    }
    if (sessions < users) {
      throw new IllegalArgumentException(
          "sessions must be >= users (" + users + "), got " + sessions);
    }
    if (formats == null || formats.isEmpty()) {
      throw new IllegalArgumentException("formats must name at least one format, got " + formats);
    }
    formats = Set.copyOf(EnumSet.copyOf(formats));
    if (!(noise >= 0 && noise <= 1)) {
      throw new IllegalArgumentException("noise must be in 0..1, got " + noise);
    }
    if (!(codexShare >= 0 && codexShare <= 1)) {
      throw new IllegalArgumentException("codexShare must be in 0..1, got " + codexShare);
    }
    if (compression == null) throw new IllegalArgumentException("compression must not be null");
    try {
      java.time.LocalDate.parse(baseDate);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("baseDate must be an ISO date (2026-03-01), got " + baseDate);
    }
    if (days < 1 || days > 3650) throw new IllegalArgumentException("days must be in 1..3650, got " + days);
  }

  /**
   * Defaults, which are also the parameters of the embedded sample {@code data/sample/}: 60 users,
   * 600 sessions, seed 42, Entire layout, noise 0.3, 25% Codex users, xz-compressed transcripts,
   * calendar from 2026-03-02 over 180 days.
   */
  public static SynthOptions defaults() {
    return new SynthOptions(60, 600, 42L, Set.of(Format.ENTIRE), 0.3, 0.25, Compression.XZ,
        "2026-03-02", 180);
  }

  public SynthOptions withUsers(int v) { return new SynthOptions(v, sessions, seed, formats, noise, codexShare, compression, baseDate, days); }
  public SynthOptions withSessions(int v) { return new SynthOptions(users, v, seed, formats, noise, codexShare, compression, baseDate, days); }
  public SynthOptions withSeed(long v) { return new SynthOptions(users, sessions, v, formats, noise, codexShare, compression, baseDate, days); }
  public SynthOptions withFormats(Set<Format> v) { return new SynthOptions(users, sessions, seed, v, noise, codexShare, compression, baseDate, days); }
  public SynthOptions withNoise(double v) { return new SynthOptions(users, sessions, seed, formats, v, codexShare, compression, baseDate, days); }
  public SynthOptions withCodexShare(double v) { return new SynthOptions(users, sessions, seed, formats, noise, v, compression, baseDate, days); }
  public SynthOptions withCompression(Compression v) { return new SynthOptions(users, sessions, seed, formats, noise, codexShare, v, baseDate, days); }
  public SynthOptions withBaseDate(String v) { return new SynthOptions(users, sessions, seed, formats, noise, codexShare, compression, v, days); }
  public SynthOptions withDays(int v) { return new SynthOptions(users, sessions, seed, formats, noise, codexShare, compression, baseDate, v); }

  /** The options as properties (keys: users, sessions, seed, formats, noise, codex_share, compression, base_date, days). */
  public Properties toProperties() {
    Properties p = new Properties();
    p.setProperty("users", Integer.toString(users));
    p.setProperty("sessions", Integer.toString(sessions));
    p.setProperty("seed", Long.toString(seed));
    p.setProperty("formats", formatsString());
    p.setProperty("noise", String.format(Locale.ROOT, "%.3f", noise));
    p.setProperty("codex_share", String.format(Locale.ROOT, "%.3f", codexShare));
    p.setProperty("compression", compression.name().toLowerCase(Locale.ROOT));
    p.setProperty("base_date", baseDate);
    p.setProperty("days", Integer.toString(days));
    return p;
  }

  /**
   * Inverse of {@link #toProperties()}; missing keys take {@link #defaults()}.
   *
   * @throws IllegalArgumentException naming a value that does not parse or is out of range
   */
  public static SynthOptions fromProperties(Properties p) {
    SynthOptions d = defaults();
    return new SynthOptions(
        (int) num(p, "users", d.users),
        (int) num(p, "sessions", d.sessions),
        (long) num(p, "seed", d.seed),
        parseFormats(p.getProperty("formats", d.formatsString())),
        num(p, "noise", d.noise),
        num(p, "codex_share", d.codexShare),
        parseCompression(p.getProperty("compression", d.compression.name())),
        p.getProperty("base_date", d.baseDate),
        (int) num(p, "days", d.days));
  }

  private static double num(Properties p, String key, double dflt) {
    String v = p.getProperty(key);
    if (v == null) return dflt;
    try {
      if (key.equals("noise") || key.equals("codex_share")) return Double.parseDouble(v.strip());
      long x = Long.parseLong(v.strip());
      if (!key.equals("seed") && (x > Integer.MAX_VALUE || x < Integer.MIN_VALUE)) {
        throw new IllegalArgumentException(key + " out of range: " + v);
      }
      return x;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " is not a number: '" + v + "'");
    }
  }

  /** Formats as a comma-separated lowercase list in enum order ("entire,parquet"). */
  public String formatsString() {
    StringBuilder b = new StringBuilder();
    for (Format f : EnumSet.copyOf(formats)) {
      if (b.length() > 0) b.append(',');
      b.append(f.name().toLowerCase(Locale.ROOT));
    }
    return b.toString();
  }

  /**
   * Parses "entire", "parquet", "entire,parquet" or "both".
   *
   * @throws IllegalArgumentException naming an unknown format
   */
  public static Set<Format> parseFormats(String s) {
    EnumSet<Format> out = EnumSet.noneOf(Format.class);
    for (String part : s.split(",")) {
      String t = part.strip().toLowerCase(Locale.ROOT);
      if (t.isEmpty()) continue;
      switch (t) {
        case "entire" -> out.add(Format.ENTIRE);
        case "parquet" -> out.add(Format.PARQUET);
        case "both", "all" -> out.addAll(EnumSet.allOf(Format.class));
        default -> throw new IllegalArgumentException("unknown format '" + part + "' (entire|parquet|both)");
      }
    }
    if (out.isEmpty()) throw new IllegalArgumentException("no format in '" + s + "'");
    return out;
  }

  /**
   * Parses none|gz|xz.
   *
   * @throws IllegalArgumentException naming an unknown value
   */
  public static Compression parseCompression(String s) {
    try {
      return Compression.valueOf(s.strip().toUpperCase(Locale.ROOT));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("unknown compression '" + s + "' (none|gz|xz)");
    }
  }
}
