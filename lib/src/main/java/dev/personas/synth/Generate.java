package dev.personas.synth;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Command line for {@link Generator#write}:
 *
 * <pre>
 *   java -cp ... dev.personas.synth.Generate --out DIR [--users N] [--sessions N] [--seed N]
 *       [--format entire|parquet|both] [--noise 0..1] [--codex-share 0..1]
 *       [--compression none|gz|xz] [--base-date 2026-03-02] [--days N]
 * </pre>
 *
 * Defaults are {@link SynthOptions#defaults()}. Prints one summary line (users, sessions, rows,
 * bytes) and exits 0; exits 2 with a message on a bad parameter.
 */
public final class Generate {
  private Generate() {}

  public static void main(String[] args) throws Exception {
    SynthOptions d = SynthOptions.defaults();
    java.util.Properties p = d.toProperties();
    Path out = null;
    SynthOptions o;
    try {
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        if (a.equals("-h") || a.equals("--help")) {
          System.out.println("usage: Generate --out DIR [--users N] [--sessions N] [--seed N] "
              + "[--format entire|parquet|both] [--noise 0..1] [--codex-share 0..1] "
              + "[--compression none|gz|xz] [--base-date YYYY-MM-DD] [--days N]");
          return;
        }
        if (i + 1 >= args.length) throw new IllegalArgumentException("missing value after " + a);
        String v = args[++i];
        switch (a) {
          case "--out" -> out = Path.of(v);
          case "--users" -> p.setProperty("users", v);
          case "--sessions" -> p.setProperty("sessions", v);
          case "--seed" -> p.setProperty("seed", v);
          case "--format", "--formats" -> p.setProperty("formats", v);
          case "--noise" -> p.setProperty("noise", v);
          case "--codex-share" -> p.setProperty("codex_share", v);
          case "--compression" -> p.setProperty("compression", v);
          case "--base-date" -> p.setProperty("base_date", v);
          case "--days" -> p.setProperty("days", v);
          default -> throw new IllegalArgumentException("unknown option '" + a + "'");
        }
      }
      if (out == null) throw new IllegalArgumentException("--out DIR is required");
      o = SynthOptions.fromProperties(p);
    } catch (IllegalArgumentException e) {
      System.err.println("generate: " + e.getMessage());
      System.exit(2);
      return;
    }
    Generator.Summary s = Generator.write(o, out);
    System.out.println(String.format(Locale.ROOT,
        "generated %d users, %d sessions (%d with deliberate mess), %d conversation rows, %d transcript bytes into %s",
        s.users(), s.sessions(), s.messedSessions(), s.conversationRows(), s.transcriptBytes(), out));
  }
}
