package dev.personas.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import smile.clustering.KMeans;
import smile.clustering.PartitionClustering;
import smile.math.MathEx;
import smile.validation.metric.AdjustedRandIndex;

/**
 * The planted types and personas are recoverable from the deterministic signals of the
 * session-features issue with a plain method (standardised signals, k-means with restarts), so
 * the downstream targets (types ARI >= 0.9, personas ARI >= 0.8) are reachable.
 */
class SeparabilityTest {
  static final List<String> FEATURES = List.of("iteration_count", "tool_call_density",
      "edit_share", "research_share", "shell_share", "agent_share", "todo_share", "build_share",
      "git_share", "net_share", "interrupt_rate", "tests_attempted", "diff_reviewed",
      "edit_focus", "prompt_length_ratio", "words_per_prompt", "course_correction_count",
      "tool_diversity");

  record Result(double typeAri, double personaAri, int sessions, int users) {}

  static Result recover(SynthOptions o, long seed) {
    List<SynthSession> ss = new ArrayList<>();
    Population.each(o, s -> {
      s.events = s.events; // keep
      ss.add(s);
    });
    int n = ss.size();
    double[][] x = new double[n][FEATURES.size()];
    int[] truth = new int[n];
    for (int i = 0; i < n; i++) {
      Map<String, Double> m = ModelSignals.of(ss.get(i));
      for (int j = 0; j < FEATURES.size(); j++) {
        String f = FEATURES.get(j);
        double v = m.get(f);
        if (!Double.isFinite(v)) v = 0;
        if (f.equals("iteration_count") || f.equals("tool_call_density") || f.equals("words_per_prompt")
            || f.equals("course_correction_count")) v = Math.log1p(v);
        if (f.equals("prompt_length_ratio")) v = Math.log(Math.max(v, 0.05));
        x[i][j] = v;
      }
      truth[i] = ss.get(i).type.ordinal();
    }
    standardise(x);
    MathEx.setSeed(seed);
    KMeans km = PartitionClustering.run(10, () -> KMeans.fit(x, SessionType.values().length, 100, 1e-4));
    double typeAri = AdjustedRandIndex.of(truth, km.y);
    // users: share of their sessions in each recovered type
    Map<String, double[]> vec = new LinkedHashMap<>();
    Map<String, Integer> persona = new HashMap<>();
    for (int i = 0; i < n; i++) {
      SynthSession s = ss.get(i);
      vec.computeIfAbsent(s.user.userId(), k -> new double[km.k])[km.y[i]]++;
      persona.put(s.user.userId(), s.user.persona().ordinal());
    }
    double[][] ux = new double[vec.size()][];
    int[] ut = new int[vec.size()];
    int k = 0;
    for (Map.Entry<String, double[]> e : vec.entrySet()) {
      double[] v = e.getValue();
      double tot = 0;
      for (double d : v) tot += d;
      for (int j = 0; j < v.length; j++) v[j] /= tot;
      ux[k] = v;
      ut[k++] = persona.get(e.getKey());
    }
    MathEx.setSeed(seed + 1);
    KMeans ukm = PartitionClustering.run(20, () -> KMeans.fit(ux, Persona.values().length, 100, 1e-4));
    return new Result(typeAri, AdjustedRandIndex.of(ut, ukm.y), n, ux.length);
  }

  static void standardise(double[][] x) {
    int d = x[0].length;
    for (int j = 0; j < d; j++) {
      double m = 0, s = 0;
      for (double[] r : x) m += r[j];
      m /= x.length;
      for (double[] r : x) s += (r[j] - m) * (r[j] - m);
      s = Math.sqrt(s / x.length);
      for (double[] r : x) r[j] = s == 0 ? 0 : (r[j] - m) / s;
    }
  }

  @Test
  void plantedTypesAndPersonasAreRecoverable() {
    Result r = recover(SynthOptions.defaults().withUsers(150).withSessions(3000), 7);
    System.out.printf("separability: %d sessions, %d users, type ARI %.3f, persona ARI %.3f%n",
        r.sessions(), r.users(), r.typeAri(), r.personaAri());
    assertThat(r.typeAri()).isGreaterThanOrEqualTo(0.9);
    assertThat(r.personaAri()).isGreaterThanOrEqualTo(0.8);
  }
}
