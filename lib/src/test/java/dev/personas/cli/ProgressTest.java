package dev.personas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.personas.ProgressListener;
import dev.personas.types.ClusterEngine;
import dev.personas.types.EngineOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

public class ProgressTest {
  /** Every update a listener received, as "stage done/total". */
  public static final class Recorder implements ProgressListener {
    public final List<String> calls = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void update(String stage, long done, long total) {
      calls.add(stage + " " + done + "/" + total);
    }

    public long count(String stage) {
      return calls.stream().filter(c -> c.startsWith(stage + " ")).count();
    }
  }

  @Test
  void barOnATerminalSilenceElsewhere() {
    ByteArrayOutputStream shown = new ByteArrayOutputStream();
    try (Progress p = new Progress(new PrintStream(shown, true, StandardCharsets.UTF_8), true)) {
      p.stage("reading 1 source(s)");
      for (int i = 1; i <= 10; i++) p.update("parsing transcripts (sessions)", i, 10);
    }
    String s = shown.toString(StandardCharsets.UTF_8);
    assertThat(s).contains("… reading 1 source(s)").contains("parsing transcripts (sessions)")
        .contains("10/10");

    ByteArrayOutputStream quiet = new ByteArrayOutputStream();
    try (Progress p = new Progress(new PrintStream(quiet, true, StandardCharsets.UTF_8), false)) {
      p.stage("reading");
      p.update("x", 1, 1);
    }
    assertThat(quiet.size()).isZero();
  }

  @Test
  void clusteringReportsEachKAndEachBootstrapRound() {
    SplittableRandom rnd = new SplittableRandom(3);
    double[][] x = new double[120][2];
    for (int i = 0; i < x.length; i++) {
      x[i][0] = (i % 3) * 10 + rnd.nextGaussian();
      x[i][1] = rnd.nextGaussian();
    }
    Recorder r = new Recorder();
    ClusterEngine.run(x, EngineOptions.defaults().withK(2, 5).withRestarts(2)
        .withBootstraps(7, 0.8, 1).withThreads(2), r);
    assertThat(r.count(ClusterEngine.SWEEP_STAGE)).isEqualTo(4);
    assertThat(r.calls).contains(ClusterEngine.SWEEP_STAGE + " 4/4");
    assertThat(r.count(ClusterEngine.BOOTSTRAP_STAGE)).isEqualTo(7);
    assertThat(r.calls).contains(ClusterEngine.BOOTSTRAP_STAGE + " 7/7");
  }
}
