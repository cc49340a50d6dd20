package dev.personas.bench;

import dev.personas.features.PushbackLexicon;
import dev.personas.features.ShellSignals;
import dev.personas.load.ConversationSink;
import dev.personas.load.ToolTaxonomy;
import dev.personas.load.formats.ClaudeCodeFormat;
import dev.personas.load.formats.CodexRolloutFormat;
import dev.personas.load.formats.InjectedText;
import dev.personas.load.formats.JsonLines;
import dev.personas.types.ClusterIndices;
import dev.personas.types.KMeans;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * JMH microbenchmarks of the hot paths not covered by {@link FeaturesBench} (feature pass) and the
 * whole-corpus mains (issue 9), single-threaded, on hand-written synthetic inputs (no corpus data):
 *
 * <ul>
 *   <li>{@code claudeParse}, {@code codexParse}: record parsing per format, a ~2 MB transcript of
 *       300 prompt cycles (prompt, assistant text, Bash/Read/Edit calls and results) parsed into the
 *       real {@link ConversationSink} (char/word counts, tool category, capping); score per
 *       transcript, so MB/s = size / score (sizes printed by {@code main}).
 *   <li>{@code lineSplit}: splitting a transcript into records ({@link JsonLines}), no JSON parse.
 *   <li>{@code classifyRecords}: the per-record classification the rows are segmented by:
 *       {@link InjectedText#classify} of user texts, {@link ToolTaxonomy#category} of tool calls,
 *       {@link ShellSignals} tests and {@link PushbackLexicon}, over 1,000 prompts and commands.
 *   <li>{@code kmeansAssign}: one full assignment pass of 20,000 x 22 rows to 12 centroids
 *       ({@link KMeans#assign}); {@code kmeansSingle}: one seeded k-means++ run to convergence (k = 8).
 *   <li>{@code silhouetteExact}: the exact silhouette of 2,000 rows from coordinates;
 *       {@code silhouetteCached}: the same from the cached pairwise distance matrix (how the sweep
 *       scores each k); {@code distanceMatrix}: building that matrix.
 * </ul>
 * Run: {@code bench/jmh.sh HotPathsBench} (or any JMH regex); {@code java ... HotPathsBench} prints
 * the input sizes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class HotPathsBench {
  byte[] claude;
  byte[] codex;
  String[] prompts;
  String[] commands;
  String[] tools;
  double[] x;
  int n = 20_000;
  int d = 22;
  double[] centroids;
  int[] labels;
  int[] silRows;
  int[] silLabels;
  ClusterIndices.Distances dm;

  static final String[] CMDS = {"ls -la src", "git status", "git diff HEAD~1", "npm test",
      "python -m pytest -q tests/test_api.py", "cat README.md | head -50", "go build ./...",
      "curl -s localhost:8080/health", "gh pr create --fill", "make -j4", "grep -rn TODO src",
      "cd web && pnpm run build"};
  static final String[] PROMPTS = {"add a settings page with a dark mode toggle",
      "that is wrong, revert it", "tests are still failing after your change", "ok",
      "<system-reminder>remember the rules</system-reminder>", "now update the docs and push",
      "why did you change the API? keep the old name", "[Request interrupted by user]"};

  @Setup
  public void setup() {
    claude = claudeTranscript(300).getBytes(StandardCharsets.UTF_8);
    codex = codexTranscript(300).getBytes(StandardCharsets.UTF_8);
    SplittableRandom r = new SplittableRandom(42);
    prompts = new String[1000];
    commands = new String[1000];
    tools = new String[1000];
    String[] names = {"Bash", "Read", "Edit", "exec_command", "apply_patch", "mcp__gh__list", "Grep",
        "TodoWrite", "shell", "WebFetch"};
    for (int i = 0; i < 1000; i++) {
      prompts[i] = PROMPTS[r.nextInt(PROMPTS.length)] + " " + i;
      commands[i] = CMDS[r.nextInt(CMDS.length)];
      tools[i] = names[r.nextInt(names.length)];
    }
    x = new double[n * d];
    for (int i = 0; i < n; i++) {
      int c = i % 8;
      for (int j = 0; j < d; j++) x[i * d + j] = r.nextGaussian() + (j % 8 == c ? 3 : 0);
    }
    centroids = new double[12 * d];
    for (int q = 0; q < 12; q++) System.arraycopy(x, (q * 1597) * d, centroids, q * d, d);
    labels = new int[n];
    silRows = new int[2000];
    for (int i = 0; i < silRows.length; i++) silRows[i] = i * 10;
    silLabels = new int[n];
    for (int i = 0; i < n; i++) silLabels[i] = i % 8;
    dm = ClusterIndices.distances(x, d, silRows, 1);
  }

  static String esc(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  static String ts(int sec) {
    return java.time.Instant.ofEpochSecond(1_780_000_000L + sec).toString().replace("Z", ".123Z");
  }

  /** A Claude Code session log: per cycle a prompt, assistant text, 3 tool calls and results. */
  static String claudeTranscript(int cycles) {
    StringBuilder sb = new StringBuilder();
    String env = "\"sessionId\":\"s1\",\"cwd\":\"/home/u/proj\",\"version\":\"2.0.1\",\"gitBranch\":\"main\"";
    String filler = "x".repeat(900);
    int t = 0;
    for (int c = 0; c < cycles; c++) {
      String p = PROMPTS[c % PROMPTS.length];
      sb.append("{\"type\":\"user\",\"uuid\":\"u").append(c).append("\",").append(env)
          .append(",\"timestamp\":\"").append(ts(t += 30)).append("\",\"message\":{\"role\":\"user\",\"content\":\"")
          .append(esc(p)).append("\"}}\n");
      String mid = "msg_" + c;
      String usage = ",\"usage\":{\"input_tokens\":12,\"output_tokens\":345,\"cache_read_input_tokens\":20000}";
      sb.append("{\"type\":\"assistant\",\"uuid\":\"a").append(c).append("\",").append(env)
          .append(",\"timestamp\":\"").append(ts(t += 5)).append("\",\"message\":{\"id\":\"").append(mid)
          .append("\",\"model\":\"claude-opus-4\",\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"I will look at the code and run the tests first. ")
          .append(filler, 0, 300).append("\"}]").append(usage).append("}}\n");
      for (int k = 0; k < 3; k++) {
        String id = "toolu_" + c + "_" + k;
        String input = switch (k) {
          case 0 -> "{\"command\":\"" + esc(CMDS[(c + k) % CMDS.length]) + "\",\"description\":\"run\"}";
          case 1 -> "{\"file_path\":\"/home/u/proj/src/app" + (c % 7) + ".ts\"}";
          default -> "{\"file_path\":\"/home/u/proj/src/app" + (c % 7) + ".ts\",\"old_string\":\"a\",\"new_string\":\"b\"}";
        };
        String name = k == 0 ? "Bash" : k == 1 ? "Read" : "Edit";
        sb.append("{\"type\":\"assistant\",\"uuid\":\"t").append(c).append(k).append("\",").append(env)
            .append(",\"timestamp\":\"").append(ts(t += 2)).append("\",\"message\":{\"id\":\"").append(mid)
            .append("\",\"model\":\"claude-opus-4\",\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"")
            .append(id).append("\",\"name\":\"").append(name).append("\",\"input\":").append(input)
            .append("}]").append(usage).append("}}\n");
        sb.append("{\"type\":\"user\",\"uuid\":\"r").append(c).append(k).append("\",").append(env)
            .append(",\"timestamp\":\"").append(ts(t += 3)).append("\",\"message\":{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"")
            .append(id).append("\",\"content\":\"").append(filler).append("\",\"is_error\":false}]},\"toolUseResult\":{\"stdout\":\"")
            .append(filler, 0, 400).append("\",\"interrupted\":false}}\n");
      }
    }
    return sb.toString();
  }

  /** A Codex rollout: per cycle a prompt (two copies), reasoning, text, 3 calls, outputs, tokens. */
  static String codexTranscript(int cycles) {
    StringBuilder sb = new StringBuilder();
    String filler = "y".repeat(900);
    int t = 0;
    sb.append("{\"timestamp\":\"").append(ts(0)).append("\",\"type\":\"session_meta\",\"payload\":{\"id\":\"c1\",\"cwd\":\"/home/u/proj\",\"git\":{\"repository_url\":\"https://github.com/o/r\"}}}\n");
    sb.append("{\"timestamp\":\"").append(ts(1)).append("\",\"type\":\"turn_context\",\"payload\":{\"model\":\"gpt-5-codex\"}}\n");
    for (int c = 0; c < cycles; c++) {
      String p = esc(PROMPTS[c % PROMPTS.length].replace("<", "").replace("[", ""));
      sb.append("{\"timestamp\":\"").append(ts(t += 30)).append("\",\"type\":\"response_item\",\"payload\":{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"").append(p).append("\"}]}}\n");
      sb.append("{\"timestamp\":\"").append(ts(t)).append("\",\"type\":\"event_msg\",\"payload\":{\"type\":\"user_message\",\"message\":\"").append(p).append("\"}}\n");
      sb.append("{\"timestamp\":\"").append(ts(t += 2)).append("\",\"type\":\"response_item\",\"payload\":{\"type\":\"reasoning\",\"summary\":[{\"type\":\"summary_text\",\"text\":\"Planning the change\"}],\"encrypted_content\":\"").append(filler, 0, 600).append("\"}}\n");
      sb.append("{\"timestamp\":\"").append(ts(t += 2)).append("\",\"type\":\"response_item\",\"payload\":{\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\",\"text\":\"I will run the tests. ").append(filler, 0, 300).append("\"}]}}\n");
      for (int k = 0; k < 3; k++) {
        String id = "call_" + c + "_" + k;
        if (k == 2) {
          sb.append("{\"timestamp\":\"").append(ts(t += 2)).append("\",\"type\":\"response_item\",\"payload\":{\"type\":\"custom_tool_call\",\"name\":\"apply_patch\",\"call_id\":\"").append(id)
              .append("\",\"input\":\"*** Begin Patch\\n*** Update File: src/app").append(c % 7).append(".ts\\n@@\\n-a\\n+b\\n*** End Patch\"}}\n");
        } else {
          String cmd = esc(esc(CMDS[(c + k) % CMDS.length]));
          sb.append("{\"timestamp\":\"").append(ts(t += 2)).append("\",\"type\":\"response_item\",\"payload\":{\"type\":\"function_call\",\"name\":\"exec_command\",\"arguments\":\"{\\\"cmd\\\":\\\"")
              .append(cmd).append("\\\",\\\"workdir\\\":\\\"/home/u/proj\\\"}\",\"call_id\":\"").append(id).append("\"}}\n");
        }
        sb.append("{\"timestamp\":\"").append(ts(t += 3)).append("\",\"type\":\"response_item\",\"payload\":{\"type\":\"function_call_output\",\"call_id\":\"").append(id)
            .append("\",\"output\":\"Exit code: 0\\nWall time: 1.2 seconds\\nOutput:\\n").append(filler).append("\"}}\n");
      }
      sb.append("{\"timestamp\":\"").append(ts(t += 1)).append("\",\"type\":\"event_msg\",\"payload\":{\"type\":\"token_count\",\"info\":{\"total_token_usage\":{\"input_tokens\":").append(1000 * c)
          .append(",\"cached_input_tokens\":").append(800 * c).append(",\"output_tokens\":").append(50 * c)
          .append("},\"last_token_usage\":{\"input_tokens\":1000,\"cached_input_tokens\":800,\"output_tokens\":50}}}}\n");
    }
    return sb.toString();
  }

  static ConversationSink parse(dev.personas.load.TranscriptFormat f, byte[] b) throws IOException {
    ConversationSink s = new ConversationSink(10_000, 10_000);
    f.parse(new ByteArrayInputStream(b), s);
    return s;
  }

  @Benchmark
  public int claudeParse() throws IOException {
    return parse(new ClaudeCodeFormat(), claude).size();
  }

  @Benchmark
  public int codexParse() throws IOException {
    return parse(new CodexRolloutFormat(), codex).size();
  }

  @Benchmark
  public long lineSplit() throws IOException {
    JsonLines l = new JsonLines(new ByteArrayInputStream(claude));
    long len = 0;
    while (l.next()) len += l.length();
    return len;
  }

  @Benchmark
  public void classifyRecords(Blackhole bh) {
    for (int i = 0; i < prompts.length; i++) {
      bh.consume(InjectedText.classify(prompts[i]));
      bh.consume(PushbackLexicon.matches(prompts[i]));
      bh.consume(ToolTaxonomy.category(tools[i], commands[i]));
      bh.consume(ShellSignals.isTestRun(commands[i]));
      bh.consume(ShellSignals.isDiffReview(commands[i]));
      bh.consume(ShellSignals.isPrCreate(commands[i]));
    }
  }

  @Benchmark
  public double kmeansAssign() {
    return KMeans.assign(x, n, d, centroids, 12, labels, null);
  }

  @Benchmark
  public double kmeansSingle() {
    return KMeans.single(x, n, d, 8, 7L, KMeans.MAX_ITER).wcss();
  }

  @Benchmark
  public double silhouetteExact() {
    return ClusterIndices.mean(ClusterIndices.silhouette(x, d, silLabels, 8, silRows, 1));
  }

  @Benchmark
  public double silhouetteCached() {
    return ClusterIndices.mean(ClusterIndices.silhouette(dm, silLabels, 8, 1));
  }

  @Benchmark
  public int distanceMatrix() {
    return ClusterIndices.distances(x, d, silRows, 1).dist().length;
  }

  /** Prints the synthetic inputs' sizes (for MB/s = bytes / score). */
  public static void main(String[] args) throws IOException {
    HotPathsBench b = new HotPathsBench();
    b.setup();
    System.out.printf("claude transcript %d bytes, %d rows; codex rollout %d bytes, %d rows%n",
        b.claude.length, parse(new ClaudeCodeFormat(), b.claude).size(), b.codex.length,
        parse(new CodexRolloutFormat(), b.codex).size());
  }
}
