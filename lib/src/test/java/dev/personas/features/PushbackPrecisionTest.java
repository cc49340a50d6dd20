package dev.personas.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.personas.testing.Corpus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Precision of the pushback lexicon on real prompts. The sample: the lexicon hits among the prompts
 * after the first of each real Claude Code session of the development corpus (test repositories
 * and agent-team messages left out), deduplicated by text, the first 100 in SHA-256 order. Each was
 * labelled by hand as pushback (1: the user corrects or rejects what the agent did, asks to undo
 * it, or reports a failure or pastes an error back) or not (0: the matched words mean something
 * else). Only the 16-hex-digit SHA-256 prefix of each prompt and its label are stored
 * ({@code pushback-labels.csv}); no text, no session ids.
 */
class PushbackPrecisionTest {
  @Test
  void storedLabelsReproduceTheMeasuredPrecision() throws IOException {
    Map<String, Integer> labels = new LinkedHashMap<>();
    try (InputStream in = getClass().getResourceAsStream("pushback-labels.csv")) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int i = 1; i < lines.length; i++) {
        String[] f = lines[i].trim().split(",");
        labels.put(f[0], Integer.parseInt(f[1]));
      }
    }
    assertThat(labels).hasSize(100);

    TreeSet<String> hits = new TreeSet<>();
    for (CorpusPrompts.Prompt p : CorpusPrompts.read(Corpus.unpacked())) {
      if (p.rank() >= 1 && PushbackLexicon.matches(p.text())) hits.add(p.hash());
    }
    // the labelled prompts are exactly the sample the rule above draws: if the lexicon or the
    // prompt parsing changes, the sample changes and the labels must be redone
    List<String> sample = new ArrayList<>(hits).subList(0, 100);
    assertThat(labels.keySet()).containsExactlyElementsOf(sample);

    double precision = labels.values().stream().mapToInt(Integer::intValue).sum() / 100.0;
    assertThat(precision).isEqualTo(PushbackLexicon.MEASURED_PRECISION);
  }
}
