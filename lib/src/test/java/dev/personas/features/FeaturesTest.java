package dev.personas.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.personas.load.Dataset;
import dev.personas.load.ToolTaxonomy;
import dev.personas.schema.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

class FeaturesTest {

  static int row(Table t, String sid) {
    for (int i = 0; i < t.rowCount(); i++) if (t.stringColumn("session_id").get(i).equals(sid)) return i;
    throw new AssertionError("no row " + sid);
  }

  static double d(Table t, String sid, String col) {
    return t.doubleColumn(col).getDouble(row(t, sid));
  }

  static Integer n(Table t, String sid, String col) {
    int r = row(t, sid);
    return t.intColumn(col).isMissing(r) ? null : t.intColumn(col).getInt(r);
  }

  static String s(Table t, String sid, String col) {
    return t.stringColumn(col).get(row(t, sid));
  }

  @Test
  void splittingSessionsAcrossThreadsChangesNothing() {
    Transcripts tr = new Transcripts();
    for (int k = 0; k < 9; k++) {
      tr.session("s" + k).prompt("fix the parser " + k).read("a.py").edit("a.py").bash("pytest")
          .prompt("no, undo that").edit("b.py").interrupt();
    }
    var ds = tr.dataset();
    Table one = Features.compute(ds, FeatureOptions.defaults(), 1).table();
    for (int parts : new int[] {2, 5, 40}) {
      Table split = Features.compute(ds, FeatureOptions.defaults(), parts).table();
      assertThat(split.rowCount()).isEqualTo(9);
      assertThat(split.columnNames()).isEqualTo(one.columnNames());
      for (String col : one.columnNames()) {
        for (int i = 0; i < one.rowCount(); i++) {
          assertThat(split.column(col).getString(i)).as("parts %d, %s row %d", parts, col, i)
              .isEqualTo(one.column(col).getString(i));
        }
      }
    }
  }

  @Test
  void noPromptsOnlyToolCalls() {
    Table t = new Transcripts().session("a").read("x.py").edit("x.py").bash("ls").features();
    assertThat(t.rowCount()).isEqualTo(1);
    assertThat(n(t, "a", "iteration_count")).isZero();
    assertThat(n(t, "a", "n_tool_calls")).isEqualTo(3);
    assertThat(d(t, "a", "tool_call_density")).isNaN();
    assertThat(d(t, "a", "actions_per_prompt")).isNaN();
    assertThat(d(t, "a", "words_per_prompt")).isNaN();
    assertThat(d(t, "a", "interrupt_rate")).isNaN();
    assertThat(d(t, "a", "pushback_rate")).isNaN();
    assertThat(n(t, "a", "edit_iteration_count")).isZero(); // no segment without a prompt
    assertThat(n(t, "a", "research_iteration_count")).isZero();
    assertThat(d(t, "a", "prompt_length_ratio")).isEqualTo(1.0);
    assertThat(s(t, "a", "task_size")).isEqualTo("small");
    assertThat(d(t, "a", "tool_diversity")).isEqualTo(1.0);
    assertThat(d(t, "a", "edit_focus")).isEqualTo(1.0);
    assertThat(d(t, "a", "tool_read_share")).isCloseTo(1 / 3.0, within(1e-12));
    assertThat(d(t, "a", "shell_share")).isCloseTo(1 / 3.0, within(1e-12));
  }

  @Test
  void onePromptSegmentMeasures() {
    Table t = new Transcripts().session("a")
        .read("a.py").prompt("add a flag")
        .say("I will read the files first").msg("m1")
        .read("a.py").msg("m1").read("b.py").msg("m1")
        .edit("a.py").msg("m2").edit("a.py").msg("m2").edit("b.py").msg("m3")
        .say("done now").msg("m4")
        .features();
    assertThat(n(t, "a", "iteration_count")).isEqualTo(1);
    assertThat(n(t, "a", "n_tool_calls")).isEqualTo(6);
    assertThat(d(t, "a", "tool_call_density")).isEqualTo(6.0);
    assertThat(d(t, "a", "actions_per_prompt")).isEqualTo(5.0); // the read before the prompt is in no segment
    assertThat(d(t, "a", "model_calls_per_prompt")).isEqualTo(4.0);
    assertThat(d(t, "a", "words_per_prompt")).isEqualTo(8.0);
    assertThat(n(t, "a", "edit_iteration_count")).isEqualTo(1);
    assertThat(n(t, "a", "research_iteration_count")).isEqualTo(1);
    assertThat(d(t, "a", "tool_diversity")).isCloseTo(2 / 6.0, within(1e-12));
    assertThat(d(t, "a", "edit_focus")).isCloseTo(2 / 3.0, within(1e-12));
    assertThat(n(t, "a", "tool_edit_count")).isEqualTo(3);
    assertThat(n(t, "a", "tool_read_count")).isEqualTo(3);
    assertThat(d(t, "a", "tool_edit_share")).isEqualTo(0.5);
    assertThat(t.longColumn("total_user_chars").get(0)).isEqualTo(10L);
    assertThat(d(t, "a", "prompt_length_ratio")).isEqualTo(1.0);
  }

  @Test
  void segmentsCountEditAndResearchRounds() {
    Table t = new Transcripts().session("a")
        .prompt("one").edit("a").tool("Write", "b", null)
        .prompt("two").tool("Grep", null, null).tool("WebFetch", null, null)
        .prompt("three").bash("grep -r foo .")   // shell grep is category grep: research
        .prompt("four").bash("ls")
        .features();
    assertThat(n(t, "a", "iteration_count")).isEqualTo(4);
    assertThat(n(t, "a", "edit_iteration_count")).isEqualTo(1);
    assertThat(n(t, "a", "research_iteration_count")).isEqualTo(2);
    assertThat(s(t, "a", "task_size")).isEqualTo("medium");
  }

  @Test
  void callsBeforeTheFirstPromptCountForNoSegment() {
    // found by the Python reference (issue 9): an edit or read before the first prompt used to mark
    // the first segment as an editing / research round
    Table t = new Transcripts().session("a")
        .edit("a.py").read("b.py").prompt("one").bash("ls").prompt("two").edit("c.py")
        .features();
    assertThat(n(t, "a", "iteration_count")).isEqualTo(2);
    assertThat(n(t, "a", "edit_iteration_count")).isEqualTo(1);
    assertThat(n(t, "a", "research_iteration_count")).isZero();
  }

  @Test
  void noTimestampsGiveEmptyTimeFeatures() {
    Table t = new Transcripts().session("a").prompt("hi").say("hello").prompt("bye").features();
    int r = row(t, "a");
    assertThat(t.column("started_at").isMissing(r)).isTrue();
    assertThat(t.column("ended_at").isMissing(r)).isTrue();
    assertThat(d(t, "a", "duration_s")).isNaN();
    assertThat(d(t, "a", "median_pause_seconds")).isNaN();
    assertThat(n(t, "a", "late_pause_count")).isNull();
    assertThat(n(t, "a", "iteration_count")).isEqualTo(2);
  }

  @Test
  void sessionTimesComeFromSessionsTableFirst() {
    Table t = new Transcripts().session("a")
        .sessionValue("created_at", Transcripts.T0.minusSeconds(100))
        .prompt("hi").at(0).say("x").at(30)
        .features();
    assertThat(d(t, "a", "duration_s")).isEqualTo(130.0);
    assertThat(d(t, "a", "median_pause_seconds")).isEqualTo(30.0);
  }

  @Test
  void interruptionAsLastRecord() {
    Table t = new Transcripts().session("a")
        .prompt("do it").at(0).bash("make").at(5).interrupt().at(6).features();
    assertThat(n(t, "a", "iteration_count")).isEqualTo(1);
    assertThat(n(t, "a", "interrupt_count")).isEqualTo(1);
    assertThat(d(t, "a", "interrupt_rate")).isEqualTo(1.0);
    assertThat(d(t, "a", "duration_s")).isEqualTo(6.0);
    // the interruption is not a message: one gap (prompt -> tool call)
    assertThat(d(t, "a", "median_pause_seconds")).isEqualTo(5.0);
  }

  @Test
  void injectedTextIsNotAPrompt() {
    Table t = new Transcripts().session("a").injected("<system-reminder>x</system-reminder>")
        .prompt("real").features();
    assertThat(n(t, "a", "iteration_count")).isEqualTo(1);
  }

  @Test
  void courseCorrectionLengthBoundaries() {
    String c60 = "x".repeat(60);
    String c61 = "x".repeat(61);
    Table t = new Transcripts().session("a")
        .prompt("start")
        .edit("f").prompt("y")            // 1 char after edit: counts
        .edit("f").say("done").bash("ls").prompt(c60) // 60 chars, edit earlier in segment: counts
        .edit("f").prompt(c61)            // 61: no
        .read("f").prompt("ok")           // no edit since last prompt: no
        .edit("f").prompt("")             // 0 chars: no
        .features();
    assertThat(n(t, "a", "course_correction_count")).isEqualTo(2);
  }

  @Test
  void latePausesInSecondHalfOfGaps() {
    // message times 0,10,410,420,820,1320 -> gaps 10,400,10,400,500; second half = gaps[2..4]
    Table t = new Transcripts().session("a")
        .prompt("a").at(0).say("b").at(10).prompt("c").at(410).say("d").at(420)
        .prompt("e").at(820).say("f").at(1320).features();
    assertThat(n(t, "a", "late_pause_count")).isEqualTo(2);
    assertThat(d(t, "a", "median_pause_seconds")).isEqualTo(400.0);
  }

  @Test
  void gapsAreInTimeOrderAndMessagesGroupById() {
    // three records of one assistant message (m1) are one message timed by its first record
    Table t = new Transcripts().session("a")
        .prompt("a").at(0)
        .say("t").msg("m1").at(2).tool("Read", "x", null).msg("m1").at(3)
        .tool("Read", "y", null).msg("m1").at(4)
        .result(false, "ok").at(8)
        .prompt("b").at(20)
        .features();
    // messages at 0, 2, 8, 20 -> gaps 2, 6, 12
    assertThat(d(t, "a", "median_pause_seconds")).isEqualTo(6.0);
    assertThat(d(t, "a", "model_calls_per_prompt")).isEqualTo(0.5);
  }

  @Test
  void pauseCapAt86400Seconds() {
    Table t = new Transcripts().session("a")
        .prompt("a").at(0).say("b").at(200_000).prompt("c").at(400_000).features();
    assertThat(d(t, "a", "median_pause_seconds")).isEqualTo(86_400.0);
    assertThat(n(t, "a", "late_pause_count")).isEqualTo(1);
  }

  @Test
  void singleTimedMessageHasNoGap() {
    Table t = new Transcripts().session("a").prompt("a").at(0).say("b").features();
    assertThat(d(t, "a", "median_pause_seconds")).isNaN();
    assertThat(n(t, "a", "late_pause_count")).isNull();
    assertThat(d(t, "a", "duration_s")).isEqualTo(0.0);
  }

  @Test
  void promptLengthRatio() {
    Transcripts x = new Transcripts();
    x.session("three").prompt("aaaa").prompt("b").prompt("c");
    x.session("four").prompt("x".repeat(10)).prompt("x".repeat(10)).prompt("x".repeat(20))
        .prompt("x".repeat(20));
    x.session("five").prompt("x".repeat(10)).prompt("x".repeat(10)).prompt("x".repeat(30))
        .prompt("x".repeat(30)).prompt("x".repeat(30));
    Table t = x.features();
    assertThat(d(t, "three", "prompt_length_ratio")).isEqualTo(1.0);
    assertThat(d(t, "four", "prompt_length_ratio")).isEqualTo(2.0);
    assertThat(d(t, "five", "prompt_length_ratio")).isEqualTo(3.0);
  }

  @Test
  void taskSizeBins() {
    assertThat(Features.taskSize(0)).isEqualTo("small");
    assertThat(Features.taskSize(3)).isEqualTo("small");
    assertThat(Features.taskSize(4)).isEqualTo("medium");
    assertThat(Features.taskSize(15)).isEqualTo("medium");
    assertThat(Features.taskSize(16)).isEqualTo("large");
    assertThat(Features.taskSize(50)).isEqualTo("large");
    assertThat(Features.taskSize(51)).isEqualTo("very_large");
    assertThatThrownBy(() -> Features.taskSize(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
    Transcripts x = new Transcripts().session("big");
    for (int i = 0; i < 51; i++) x.prompt("p" + i);
    assertThat(s(x.features(), "big", "task_size")).isEqualTo("very_large");
  }

  @Test
  void testRunsCountShellCommandsOnly() {
    Table t = new Transcripts().session("a").prompt("go")
        .bash("cd app && npm run test -- --watch=false")
        .bash("python -m pytest -q tests/")
        .bash("cat jest.config.js")
        .tool("Read", "pytest.ini", null)
        .tool("exec_command", null, "cargo   test --all")
        .features();
    assertThat(n(t, "a", "tests_run_count")).isEqualTo(3);
    assertThat(n(t, "a", "tests_attempted")).isEqualTo(1);
    Table none = new Transcripts().session("b").prompt("go").bash("ls").features();
    assertThat(n(none, "b", "tests_attempted")).isZero();
    assertThat(n(none, "b", "tests_run_count")).isZero();
  }

  @Test
  void diffReviewInLastQuarterOfShellCommands() {
    Transcripts x = new Transcripts();
    x.session("early").prompt("p").bash("git diff").bash("ls").bash("ls").bash("ls");
    x.session("late").prompt("p").bash("ls").bash("ls").bash("ls").bash("git -C repo status");
    // 5 commands: from index floor(3.75) = 3 on
    x.session("five").prompt("p").bash("ls").bash("ls").bash("ls").bash("git log -p -3")
        .bash("ls");
    x.session("one").prompt("p").bash("git show HEAD");
    x.session("none").prompt("p").tool("Read", "f", null);
    Table t = x.features();
    assertThat(n(t, "early", "diff_reviewed")).isZero();
    assertThat(n(t, "late", "diff_reviewed")).isEqualTo(1);
    assertThat(n(t, "five", "diff_reviewed")).isEqualTo(1);
    assertThat(n(t, "one", "diff_reviewed")).isEqualTo(1);
    assertThat(n(t, "none", "diff_reviewed")).isZero();
  }

  @Test
  void pullRequestsFromPrLinkAndSuccessfulGhPrCreate() {
    String url = "https://github.com/o/r/pull/7";
    Transcripts x = new Transcripts();
    x.session("ok").prompt("ship").bash("gh pr create --title t --body b")
        .result(false, "Creating pull request\n" + url + "\n").prLink(url);
    x.session("failed").prompt("ship").bash("gh pr create --fill")
        .result(true, "pull request create failed: GraphQL error");
    x.session("link").prompt("ship").prLink("https://github.com/o/r/pull/8")
        .prLink("https://github.com/o/r/pull/9");
    x.session("nourl").prompt("ship").bash("gh pr create --fill").result(false, "done");
    x.session("view").prompt("ship").bash("gh pr view 3").result(false, url);
    Table t = x.features();
    assertThat(n(t, "ok", "pr_count")).isEqualTo(1);
    assertThat(n(t, "ok", "has_pr")).isEqualTo(1);
    assertThat(n(t, "failed", "pr_count")).isZero();
    assertThat(n(t, "failed", "has_pr")).isZero();
    assertThat(n(t, "failed", "n_tool_errors")).isEqualTo(1);
    assertThat(n(t, "link", "pr_count")).isEqualTo(2);
    assertThat(n(t, "nourl", "pr_count")).isEqualTo(1);
    assertThat(n(t, "view", "pr_count")).isZero();
  }

  @Test
  void codingModeFromAgentPercentage() {
    assertThat(Features.codingMode(0.0)).isEqualTo("Human-only");
    assertThat(Features.codingMode(0.5)).isEqualTo("Collaborative");
    assertThat(Features.codingMode(98.99)).isEqualTo("Collaborative");
    assertThat(Features.codingMode(99.0)).isEqualTo("Vibe coding");
    assertThat(Features.codingMode(null)).isEmpty();
    Transcripts x = new Transcripts();
    x.session("v").sessionValue("agent_percentage", 100.0).prompt("p");
    x.session("u").prompt("p");
    Table t = x.features();
    assertThat(s(t, "v", "coding_mode")).isEqualTo("Vibe coding");
    assertThat(d(t, "v", "agent_percentage")).isEqualTo(100.0);
    assertThat(s(t, "u", "coding_mode")).isEmpty();
    assertThat(d(t, "u", "agent_percentage")).isNaN();
  }

  @Test
  void pushbackRateOverPromptsAfterTheFirst() {
    Table t = new Transcripts().session("a")
        .prompt("undo the last thing")      // first prompt: not counted
        .prompt("that is wrong, use the other API")
        .prompt("great, now add docs")
        .features();
    assertThat(d(t, "a", "pushback_rate")).isEqualTo(0.5);
    Table one = new Transcripts().session("b").prompt("wrong").features();
    assertThat(d(one, "b", "pushback_rate")).isNaN();
  }

  @Test
  void toolSharesSumToOneAndShellShare() {
    Table t = new Transcripts().session("a").prompt("p")
        .bash("ls").bash("git status").bash("npm i").bash("curl x").bash("./run.sh")
        .tool("mcp__github__get", null, null).tool("TodoWrite", null, null)
        .tool("Task", null, null).tool("Frobnicate", null, null).edit("f")
        .features();
    double sum = 0;
    for (String c : ToolTaxonomy.CATEGORIES) sum += d(t, "a", Features.toolShareColumn(c));
    assertThat(sum).isCloseTo(1.0, within(1e-12));
    assertThat(d(t, "a", "shell_share")).isEqualTo(0.5);
    assertThat(n(t, "a", "tool_git_gh_count")).isEqualTo(1);
    assertThat(n(t, "a", "tool_bash_file_count")).isEqualTo(1);
    assertThat(n(t, "a", "tool_bash_build_count")).isEqualTo(1);
    assertThat(n(t, "a", "tool_bash_net_count")).isEqualTo(1);
    assertThat(n(t, "a", "tool_bash_count")).isEqualTo(1);
    assertThat(n(t, "a", "tool_mcp_count")).isEqualTo(1);
    assertThat(n(t, "a", "tool_todo_write_count")).isEqualTo(1);
    assertThat(n(t, "a", "tool_agent_count")).isEqualTo(1);
    assertThat(n(t, "a", "tool_other_count")).isEqualTo(1);
  }

  @Test
  void missingCategoryIsDerivedFromToolName() {
    Table t = new Transcripts().session("a").prompt("p").bash("git push")
        .set("tool_category", null).features();
    assertThat(n(t, "a", "tool_git_gh_count")).isEqualTo(1);
  }

  @Test
  void columnSafeCategoryNames() {
    assertThat(Features.columnSafe("bash:file")).isEqualTo("bash_file");
    assertThat(Features.columnSafe("git/gh")).isEqualTo("git_gh");
    assertThat(Features.columnSafe("TodoWrite")).isEqualTo("todo_write");
    assertThat(Features.columnSafe("AskUserQuestion")).isEqualTo("ask_user_question");
    assertThat(Features.columnSafe("ExitPlanMode")).isEqualTo("exit_plan_mode");
    Set<String> safe = new HashSet<>();
    for (String c : ToolTaxonomy.CATEGORIES) {
      String s = Features.columnSafe(c);
      assertThat(s).matches("[a-z0-9_]+");
      safe.add(s);
    }
    assertThat(safe).hasSize(20);
    assertThatThrownBy(() -> Features.columnSafe(" ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sidechainRecordsExcludedAndSubagentSessionsKept() {
    Transcripts x = new Transcripts();
    x.session("main").prompt("p").edit("f").tool("Read", "g", null).sidechain()
        .prompt("sub prompt").sidechain();
    x.session("sub").prompt("q").sidechain().read("x").sidechain();
    Table t = x.features();
    assertThat(n(t, "main", "n_tool_calls")).isEqualTo(1);
    assertThat(n(t, "main", "iteration_count")).isEqualTo(1);
    assertThat(n(t, "main", "is_subagent")).isZero();
    assertThat(n(t, "sub", "is_subagent")).isEqualTo(1);
    assertThat(n(t, "sub", "iteration_count")).isEqualTo(1);
    Table all = Features.of(x.dataset(), FeatureOptions.defaults().withIncludeSidechain(true));
    assertThat(n(all, "main", "n_tool_calls")).isEqualTo(2);
    assertThat(n(all, "main", "iteration_count")).isEqualTo(2);
  }

  @Test
  void tokensFromSessionsElseDistinctMessages() {
    Transcripts x = new Transcripts();
    x.session("s").sessionValue("output_tokens", 99L).prompt("p").say("a").set("output_tokens", 5L);
    x.session("c").prompt("p").say("a").msg("m").set("output_tokens", 5L)
        .tool("Read", "f", null).msg("m").set("output_tokens", 5L)
        .say("b").msg("n").set("output_tokens", 7L);
    x.session("none").prompt("p");
    Table t = x.features();
    assertThat(t.longColumn("output_tokens").get(row(t, "s"))).isEqualTo(99L);
    assertThat(t.longColumn("output_tokens").get(row(t, "c"))).isEqualTo(12L);
    assertThat(t.longColumn("output_tokens").isMissing(row(t, "none"))).isTrue();
  }

  @Test
  void rowsSortedBySessionIdAndUnsortedInputGivesSameTable() {
    Transcripts x = new Transcripts();
    x.session("b").prompt("p1").at(0).edit("f").at(1).prompt("ok").at(2).bash("git diff").at(3);
    x.session("a").prompt("q").at(0).read("f").at(5).say("r").at(9);
    x.session("c"); // a session without records
    Dataset d = x.dataset();
    Table t = Features.of(d, FeatureOptions.defaults());
    assertThat(t.stringColumn("session_id").asList()).containsExactly("a", "b", "c");
    assertThat(n(t, "c", "iteration_count")).isZero();
    Table conv = d.conversations();
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < conv.rowCount(); i++) idx.add(i);
    java.util.Collections.shuffle(idx, new Random(7));
    Table shuffled = conv.rows(idx.stream().mapToInt(Integer::intValue).toArray());
    Table t2 = Features.of(Dataset.of(d.sessions(), shuffled, "x"), FeatureOptions.defaults());
    assertThat(t2.printAll()).isEqualTo(t.printAll());
  }

  @Test
  void sessionsOnlyInConversationsStillGetARow() {
    Transcripts x = new Transcripts().session("a").prompt("p").set("user_id", "u9")
        .set("agent", "Codex");
    Table conv = x.conversations();
    Table t = Features.of(Dataset.of(Schema.emptySessions(), conv, "x"), FeatureOptions.defaults());
    assertThat(t.rowCount()).isEqualTo(1);
    assertThat(s(t, "a", "user_id")).isEqualTo("u9");
    assertThat(s(t, "a", "agent")).isEqualTo("Codex");
  }

  @Test
  void badParametersAndTables() {
    Dataset d = new Transcripts().session("a").prompt("p").dataset();
    assertThatThrownBy(() -> Features.of(null, FeatureOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Features.of(d, null)).isInstanceOf(IllegalArgumentException.class);
    Table broken = d.conversations().copy();
    broken.removeColumns("message_id");
    assertThatThrownBy(() -> Features.of(Dataset.of(d.sessions(), broken, "x"),
        FeatureOptions.defaults())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("message_id");
  }

  @Test
  void columnsMatchTheDictionaryBothWays() {
    Table t = new Transcripts().session("a").prompt("p").features();
    List<String> cols = t.columnNames();
    List<String> dict = FeatureDictionary.all().stream().map(FeatureSpec::name).toList();
    assertThat(cols).containsExactlyElementsOf(dict);
    assertThat(cols).containsExactlyElementsOf(Features.columnNames());
    for (Column<?> c : t.columns()) {
      String kind = FeatureDictionary.get(c.name()).kind();
      switch (kind) {
        case "count", "binary" -> assertThat(c.type().name()).isIn("INTEGER", "LONG");
        case "share", "ratio", "duration" -> assertThat(c.type().name()).isEqualTo("DOUBLE");
        case "time" -> assertThat(c.type().name()).isEqualTo("INSTANT");
        default -> assertThat(c.type().name()).isEqualTo("STRING");
      }
    }
  }
}
