package dev.personas.cli;

import java.io.PrintStream;

/**
 * Stage messages for long work: shown on stderr when it is a terminal, silent otherwise (CI, pipes),
 * so outputs stay identical however the command is run.
 */
final class Progress {
  private final PrintStream err;
  private final boolean on;

  Progress(PrintStream err) {
    this.err = err;
    this.on = System.console() != null;
  }

  void stage(String what) {
    if (on) err.println("… " + what);
  }
}
