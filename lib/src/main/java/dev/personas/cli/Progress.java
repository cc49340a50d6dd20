package dev.personas.cli;

import dev.personas.ProgressListener;
import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of long work on stderr: a line per stage and a progress bar (me.tongfei progressbar) per
 * counted step (transcripts parsed, values of k, bootstrap rounds). Shown only when stderr belongs
 * to a terminal; silent otherwise (CI, pipes), so outputs stay identical however a command is run.
 */
public final class Progress implements ProgressListener, AutoCloseable {
  private final PrintStream err;
  private final boolean on;
  private ProgressBar bar;
  private String barStage;
  private long barDone;

  /** Progress on {@code err}, on when this JVM has a console. */
  public Progress(PrintStream err) {
    this(err, System.console() != null);
  }

  /** Progress on {@code err}, shown when {@code on}. */
  public Progress(PrintStream err, boolean on) {
    this.err = err;
    this.on = on;
  }

  /** Announces a stage without a count. */
  public synchronized void stage(String what) {
    if (!on) return;
    closeBar();
    err.println("… " + what);
  }

  @Override
  public synchronized void update(String stage, long done, long total) {
    if (!on) return;
    if (bar == null || !stage.equals(barStage)) {
      closeBar();
      bar = new ProgressBarBuilder().setTaskName(stage).setInitialMax(total)
          .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200)
          .setConsumer(new ConsoleProgressBarConsumer(err, 100)).build();
      barStage = stage;
      barDone = 0;
    }
    // worker threads may report out of order: the bar only moves forward
    if (done > barDone) {
      barDone = done;
      bar.stepTo(done);
    }
    if (done >= total) closeBar();
  }

  private void closeBar() {
    if (bar != null) {
      bar.close();
      bar = null;
      barStage = null;
    }
  }

  @Override
  public synchronized void close() {
    closeBar();
  }
}
