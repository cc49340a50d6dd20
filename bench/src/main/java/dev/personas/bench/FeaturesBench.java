package dev.personas.bench;

import dev.personas.features.FeatureOptions;
import dev.personas.features.Features;
import dev.personas.load.Dataset;
import dev.personas.load.ToolTaxonomy;
import dev.personas.schema.Schema;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * {@link Features#of} on a synthetic conversations table shaped like the development corpus
 * (about 400 records per session: prompts, assistant text sharing message ids, tool calls with
 * realistic shell commands and results). Run:
 * {@code java -cp bench/target/classes:<lib classpath> org.openjdk.jmh.Main FeaturesBench}
 * or {@code java ... dev.personas.bench.FeaturesBench} for a quick single-shot timing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class FeaturesBench {
  @Param({"1000"})
  public int sessions;

  @Param({"400"})
  public int recordsPerSession;

  Dataset dataset;

  @Setup
  public void setup() {
    dataset = synthetic(sessions, recordsPerSession, 42L);
  }

  @Benchmark
  public Table features() {
    return Features.of(dataset, FeatureOptions.defaults());
  }

  private static final String[] COMMANDS = {"ls -la", "git status", "git diff", "npm test",
      "python -m pytest -q", "cat README.md", "go build ./...", "curl -s localhost:8080",
      "gh pr create --fill", "make", "grep -rn foo src"};
  private static final String[] TOOLS = {"Read", "Edit", "Write", "Grep", "Glob", "Bash", "Bash",
      "Bash", "TodoWrite", "Task", "WebFetch"};
  private static final String[] PROMPTS = {"add a settings page", "that is wrong, revert it",
      "tests are still failing", "ok", "now update the docs and push",
      "why did you change the API? keep the old name"};

  /** A seeded synthetic dataset (same seed, same tables). */
  public static Dataset synthetic(int sessions, int perSession, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Table conv = Schema.emptyConversations();
    Table ses = Schema.emptySessions();
    Instant t0 = Instant.parse("2026-03-01T00:00:00Z");
    for (int s = 0; s < sessions; s++) {
      String sid = String.format("s%06d", s);
      ses.stringColumn("session_id").append(sid);
      ses.stringColumn("user_id").append("u" + (s % 40));
      ses.stringColumn("agent").append("Claude Code");
      ses.doubleColumn("agent_percentage").append(rnd.nextInt(101));
      for (Column<?> c : ses.columns()) if (c.size() == s) c.appendMissing();
      long t = t0.getEpochSecond() + s * 86_400L;
      String msg = null;
      String lastCall = null;
      for (int r = 0; r < perSession; r++) {
        t += rnd.nextInt(1, 30) + (rnd.nextInt(50) == 0 ? 600 : 0);
        int kind = r == 0 ? 0 : rnd.nextInt(20);
        String role, type, content = "", tool = "", command = "", file = "", callId = "";
        boolean error = false;
        if (kind == 0) {
          role = "user"; type = "user_prompt"; content = PROMPTS[rnd.nextInt(PROMPTS.length)];
          msg = null;
        } else if (kind < 6) {
          role = "assistant"; type = "assistant_response";
          content = "I will look at the code and make the change now.";
          if (msg == null || rnd.nextInt(3) == 0) msg = "msg_" + s + "_" + r;
        } else if (kind < 13) {
          role = "tool_use"; type = "tool_use"; tool = TOOLS[rnd.nextInt(TOOLS.length)];
          if (tool.equals("Bash")) command = COMMANDS[rnd.nextInt(COMMANDS.length)];
          if (tool.equals("Edit") || tool.equals("Write") || tool.equals("Read")) {
            file = "src/f" + rnd.nextInt(8) + ".java";
          }
          callId = "call_" + s + "_" + r;
          lastCall = callId;
          if (msg == null) msg = "msg_" + s + "_" + r;
        } else {
          role = "tool_result"; type = "tool_result"; callId = lastCall == null ? "" : lastCall;
          content = rnd.nextInt(10) == 0 ? "error: failed" : "https://github.com/o/r/pull/" + s;
          error = content.startsWith("error");
          msg = null;
        }
        conv.stringColumn("turn_id").append(sid + ":" + r);
        conv.stringColumn("session_id").append(sid);
        conv.stringColumn("repo_id").append("o/r");
        conv.stringColumn("user_id").append("u" + (s % 40));
        conv.intColumn("turn_number").append(r);
        conv.stringColumn("role").append(role);
        conv.stringColumn("turn_type").append(type);
        ((BooleanColumn) conv.column("is_conversational")).append(kind < 6);
        conv.stringColumn("content").append(content);
        conv.intColumn("char_count").append(content.length());
        conv.intColumn("word_count").append(content.isEmpty() ? 0 : content.split(" ").length);
        conv.stringColumn("model").append("claude-opus-4-6");
        ((InstantColumn) conv.column("timestamp")).append(Instant.ofEpochSecond(t));
        ((LongColumn) conv.column("input_tokens")).append(10L);
        ((LongColumn) conv.column("output_tokens")).append(20L);
        ((LongColumn) conv.column("cache_read_input_tokens")).append(1000L);
        conv.stringColumn("tool_name").append(tool);
        conv.stringColumn("tool_call_id").append(callId);
        conv.stringColumn("tool_category").append(tool.isEmpty() ? "" : ToolTaxonomy.category(tool, command));
        conv.stringColumn("file_path").append(file);
        conv.stringColumn("command").append(command);
        conv.stringColumn("pattern").append("");
        conv.stringColumn("tool_input_json").append("");
        ((BooleanColumn) conv.column("is_error")).append(error);
        ((BooleanColumn) conv.column("is_interrupt")).append(false);
        ((BooleanColumn) conv.column("is_sidechain")).append(false);
        conv.stringColumn("agent").append("Claude Code");
        conv.stringColumn("message_id").append(role.equals("assistant") || role.equals("tool_use") ? msg : "");
        conv.stringColumn("event").append("");
      }
    }
    return Dataset.of(ses, conv, "synthetic-" + seed);
  }

  /** Quick timing without JMH: args sessions, records per session, repetitions. */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int per = args.length > 1 ? Integer.parseInt(args[1]) : 400;
    int reps = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    Dataset d = synthetic(n, per, 42L);
    System.out.printf("rows %d sessions %d%n", d.conversations().rowCount(), n);
    for (int i = 0; i < reps; i++) {
      long a = System.nanoTime();
      Table t = Features.of(d, FeatureOptions.defaults());
      System.out.printf("run %d: %.1f ms (%d x %d)%n", i, (System.nanoTime() - a) / 1e6,
          t.rowCount(), t.columnCount());
    }
  }
}
