package dev.personas.cli;

import dev.personas.synth.Generator;
import dev.personas.synth.SynthOptions;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code generate --out DIR}: seeded synthetic sessions with planted session types and personas. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = {"Generate SWE-chat-style sessions with planted session types and personas.",
        "entire: Claude Code / Codex transcripts in an Entire v1 checkpoint tree plus sessions.csv; "
            + "parquet: sessions.parquet and conversations.parquet. Truth in DIR/truth/. "
            + "Same options, same bytes."})
final class GenerateCommand implements Callable<Integer> {
  @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
  Path out;

  @Option(names = "--users", description = "users (default: ${DEFAULT-VALUE})", defaultValue = "60")
  int users;

  @Option(names = "--sessions", description = "sessions (default: ${DEFAULT-VALUE})", defaultValue = "800")
  int sessions;

  @Option(names = "--seed", description = "seed (default: ${DEFAULT-VALUE})", defaultValue = "42")
  long seed;

  @Option(names = "--format", description = "entire, parquet or both (default: ${DEFAULT-VALUE})",
      defaultValue = "entire")
  String format;

  @Option(names = "--noise", description = "0..1, deliberate mess in transcripts (default: ${DEFAULT-VALUE})",
      defaultValue = "0.3")
  double noise;

  @Option(names = "--codex-share", description = "0..1, share of Codex users (default: ${DEFAULT-VALUE})",
      defaultValue = "0.25")
  double codexShare;

  @Option(names = "--compression", description = "none, gz or xz (default: ${DEFAULT-VALUE})",
      defaultValue = "none")
  String compression;

  @Override
  public Integer call() throws Exception {
    Properties p = SynthOptions.defaults().toProperties();
    p.setProperty("users", Integer.toString(users));
    p.setProperty("sessions", Integer.toString(sessions));
    p.setProperty("seed", Long.toString(seed));
    p.setProperty("formats", format);
    p.setProperty("noise", Double.toString(noise));
    p.setProperty("codex_share", Double.toString(codexShare));
    p.setProperty("compression", compression);
    SynthOptions o = SynthOptions.fromProperties(p);
    Generator.Summary s = Generator.write(o, out);
    System.out.printf(Locale.ROOT, "generated %d users, %d sessions, %d conversation rows into %s%n",
        s.users(), s.sessions(), s.conversationRows(), out);
    return 0;
  }
}
