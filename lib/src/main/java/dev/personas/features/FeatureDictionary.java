package dev.personas.features;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.personas.load.ToolTaxonomy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The feature dictionary: one {@link FeatureSpec} per column of {@link Features#of} (issue 4), kept
 * here in one place and exported to the resource {@code dev/personas/features/features.json} by
 * {@link #main} (a test checks the resource is up to date). {@code highWords}/{@code lowWords} are
 * what the session-type namer says about a type high or low on the feature.
 */
public final class FeatureDictionary {
  private FeatureDictionary() {}

  static final String BIGSPIN = "Bigspin, \"Coding personas\" (Potts and Sudhof, 2026), deterministic"
      + " signals of bigspinai/plugins preprocessing/enrich.py, as restated in issue 4";
  static final String SWECHAT = "SWE-chat (Baumann et al., arXiv 2604.20779), repository"
      + " SALT-NLP/SWE-chat, as restated in issue 4 and shared/reference/published.md";
  static final String ANTHROPIC = "Anthropic, \"Agentic coding and persistent returns to expertise\""
      + " (June 2026), as restated in issue 4";
  static final String WORKBENCH = "Persona Workbench, issue 4 (context columns), from the canonical"
      + " sessions/conversations tables (dev.personas.schema.Schema)";

  private static final List<FeatureSpec> ALL = build();
  private static final Map<String, FeatureSpec> BY_NAME = index();

  /**
   * The documented default feature set for session-type clustering: numeric, mostly Bigspin's
   * deterministic signals plus SWE-chat tool-category shares and Anthropic's output per prompt.
   * Left out on purpose: identifiers and times, raw totals that only measure session length
   * (tokens, characters, tool counts), outcomes ({@code has_pr}, {@code pr_count}), derived
   * duplicates ({@code tests_attempted}, {@code task_size}, {@code actions_per_prompt}), the
   * heuristic {@code pushback_rate} and {@code agent_percentage} (often unknown). Counts are heavy
   * tailed: the clustering stage should transform (e.g. log1p) and scale them, and impute missing
   * values (sessions without prompts or timestamps).
   */
  public static final List<String> DEFAULT_CLUSTERING_SET = List.of(
      "iteration_count", "tool_call_density", "edit_iteration_count", "research_iteration_count",
      "tool_diversity", "edit_focus", "course_correction_count", "late_pause_count",
      "median_pause_seconds", "prompt_length_ratio", "tests_run_count", "diff_reviewed",
      "shell_share", "tool_read_share", "tool_grep_share", "tool_edit_share", "tool_write_share",
      "tool_bash_build_share", "tool_git_gh_share", "tool_agent_share", "interrupt_rate",
      "words_per_prompt");

  /** Every entry, in feature-table column order. */
  public static List<FeatureSpec> all() {
    return ALL;
  }

  /**
   * The entry of one column.
   *
   * @throws IllegalArgumentException naming an unknown feature
   */
  public static FeatureSpec get(String name) {
    FeatureSpec s = BY_NAME.get(name);
    if (s == null) throw new IllegalArgumentException("unknown feature: '" + name + "'");
    return s;
  }

  /** Whether {@code name} is a dictionary entry. */
  public static boolean contains(String name) {
    return BY_NAME.containsKey(name);
  }

  /**
   * The dictionary as a table: one row per feature, 7 STRING columns {@code name, unit, kind,
   * definition, source, high_words, low_words}.
   */
  public static Table table() {
    StringColumn[] c = {StringColumn.create("name"), StringColumn.create("unit"),
        StringColumn.create("kind"), StringColumn.create("definition"), StringColumn.create("source"),
        StringColumn.create("high_words"), StringColumn.create("low_words")};
    for (FeatureSpec s : ALL) {
      c[0].append(s.name()); c[1].append(s.unit()); c[2].append(s.kind());
      c[3].append(s.definition()); c[4].append(s.source()); c[5].append(s.highWords());
      c[6].append(s.lowWords());
    }
    return Table.create("feature_dictionary", c);
  }

  /** The dictionary as pretty-printed JSON ({@code {"features": [...]}}, LF line ends, fixed key order). */
  public static String toJson() {
    ObjectMapper m = new ObjectMapper();
    ObjectNode root = m.createObjectNode();
    ArrayNode arr = root.putArray("features");
    for (FeatureSpec s : ALL) {
      ObjectNode o = arr.addObject();
      o.put("name", s.name());
      o.put("unit", s.unit());
      o.put("kind", s.kind());
      o.put("definition", s.definition());
      o.put("source", s.source());
      o.put("highWords", s.highWords());
      o.put("lowWords", s.lowWords());
    }
    DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    try {
      return m.writer(pp).writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The JSON stored in the resource {@code features.json} (what {@link #main} last wrote). */
  public static String storedJson() {
    try (InputStream in = FeatureDictionary.class.getResourceAsStream("features.json")) {
      if (in == null) throw new IllegalStateException("resource features.json missing");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Writes {@link #toJson()} to {@code args[0]} (default
   * {@code lib/src/main/resources/dev/personas/features/features.json}).
   */
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0]
        : "lib/src/main/resources/dev/personas/features/features.json");
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, toJson(), StandardCharsets.UTF_8);
    System.out.println("wrote " + ALL.size() + " features to " + out);
  }

  private static Map<String, FeatureSpec> index() {
    Map<String, FeatureSpec> m = new LinkedHashMap<>();
    for (FeatureSpec s : ALL) {
      if (m.put(s.name(), s) != null) throw new IllegalStateException("duplicate " + s.name());
    }
    return m;
  }

  private static FeatureSpec f(String name, String unit, String kind, String def, String src,
      String high, String low) {
    return new FeatureSpec(name, unit, kind, def, src, high, low);
  }

  private static List<FeatureSpec> build() {
    List<FeatureSpec> l = new ArrayList<>();
    // context
    l.add(f("session_id", "id", "id", "The session's id (key of sessions).", WORKBENCH, "", ""));
    l.add(f("user_id", "id", "id", "Pseudonymous user id from sessions, else from conversations.",
        WORKBENCH, "", ""));
    l.add(f("repo_id", "id", "id", "Repository (owner/name) from sessions, else from conversations.",
        WORKBENCH, "", ""));
    l.add(f("agent", "name", "category", "Coding agent (Claude Code, Codex, ...) from sessions, else"
        + " from conversations.", WORKBENCH, "", ""));
    l.add(f("model", "name", "category", "Model from sessions, else the first model named in"
        + " conversations.", WORKBENCH, "", ""));
    l.add(f("started_at", "UTC instant", "time", "sessions.created_at, else the earliest record"
        + " timestamp; empty when neither exists.", WORKBENCH, "", ""));
    l.add(f("ended_at", "UTC instant", "time", "sessions.ended_at, else the latest record"
        + " timestamp; empty when neither exists.", WORKBENCH, "", ""));
    l.add(f("duration_s", "seconds", "duration", "ended_at - started_at in seconds; empty when"
        + " either is empty.", WORKBENCH, "long sessions", "short sessions"));
    l.add(f("n_tool_calls", "tool calls", "count", "Number of tool_use records.", WORKBENCH,
        "many tool calls", "few tool calls"));
    l.add(f("n_tool_errors", "tool results", "count", "Number of tool_result records with"
        + " is_error.", WORKBENCH, "many tool errors", "few tool errors"));
    l.add(f("total_user_chars", "characters", "count", "Sum of char_count over user prompts.",
        WORKBENCH, "long prompting", "little prompting"));
    l.add(f("output_tokens", "tokens", "count", "sessions.output_tokens, else the sum over distinct"
        + " assistant messages in conversations; empty when unknown.", WORKBENCH,
        "much model output", "little model output"));
    l.add(f("input_tokens", "tokens", "count", "sessions.input_tokens, else the sum over distinct"
        + " assistant messages in conversations; empty when unknown.", WORKBENCH,
        "much model input", "little model input"));
    l.add(f("cache_read_tokens", "tokens", "count", "sessions.cache_read_tokens, else the sum of"
        + " cache_read_input_tokens over distinct assistant messages; empty when unknown.",
        WORKBENCH, "heavy context reuse", "little context reuse"));
    l.add(f("is_subagent", "0/1", "binary", "1 when every record of the session is a sidechain"
        + " (sub-agent) record.", WORKBENCH, "sub-agent sessions", "top-level sessions"));
    // Bigspin
    l.add(f("iteration_count", "prompts", "count", "Number of user prompts (turn_type user_prompt,"
        + " not an interruption).", BIGSPIN, "many prompts", "few prompts"));
    l.add(f("tool_call_density", "tool calls per prompt", "ratio", "Tool calls / user prompts;"
        + " empty without prompts.", BIGSPIN, "many tool calls per prompt",
        "few tool calls per prompt"));
    l.add(f("edit_iteration_count", "segments", "count", "Segments (a prompt and everything up to"
        + " the next) with at least one edit or write call.", BIGSPIN, "many editing rounds",
        "few editing rounds"));
    l.add(f("research_iteration_count", "segments", "count", "Segments with at least one read,"
        + " grep, glob or web call.", BIGSPIN, "much research", "little research"));
    l.add(f("tool_diversity", "distinct tools per call", "ratio", "Distinct tool names / tool calls"
        + " with a name; empty without tool calls.", BIGSPIN, "varied tools", "repetitive tools"));
    l.add(f("edit_focus", "share 0..1", "share", "Edit/write calls on the most-edited file / all"
        + " edit/write calls (calls without a path count as one file '<unknown>'); empty without"
        + " edits.", BIGSPIN, "focused on one file", "edits spread over files"));
    l.add(f("course_correction_count", "prompts", "count", "User prompts of 1 to 60 characters"
        + " with an edit/write call since the previous prompt.", BIGSPIN, "frequent short"
        + " corrections", "few corrections"));
    l.add(f("late_pause_count", "gaps", "count", "Gaps of 300 s or more among the second half"
        + " (from index floor(n/2)) of the session's n gaps between consecutive messages in time"
        + " order; empty with no gap.", BIGSPIN, "long pauses late on", "no late pauses"));
    l.add(f("median_pause_seconds", "seconds", "duration", "Median gap between consecutive"
        + " messages in time order, each capped at 86,400 s; empty with no gap.", BIGSPIN,
        "slow back-and-forth", "rapid back-and-forth"));
    l.add(f("prompt_length_ratio", "ratio", "ratio", "Mean characters of second-half prompts"
        + " (from index floor(n/2)) / mean of first-half prompts; 1.0 with fewer than 4 prompts;"
        + " empty when the first half has no characters.", BIGSPIN, "prompts grow longer",
        "prompts grow shorter"));
    l.add(f("task_size", "bin", "category", "small (<= 3 prompts), medium (4-15), large (16-50),"
        + " very_large (> 50).", BIGSPIN, "", ""));
    l.add(f("tests_attempted", "0/1", "binary", "1 when tests_run_count > 0.", BIGSPIN,
        "tests run", "no tests run"));
    l.add(f("tests_run_count", "shell commands", "count", "Shell commands that invoke a test"
        + " runner (" + String.join(", ", ShellSignals.TEST_RUNNERS) + "; whole words).", BIGSPIN,
        "frequent test runs", "no test runs"));
    l.add(f("diff_reviewed", "0/1", "binary", "1 when one of the shell commands from index"
        + " floor(0.75 n) on (the last 25% of n) runs git diff, git status, git show or git log"
        + " -p.", BIGSPIN, "diff reviewed at the end", "no final diff review"));
    l.add(f("has_pr", "0/1", "binary", "1 when pr_count > 0.", BIGSPIN, "opens a pull request",
        "no pull request"));
    l.add(f("pr_count", "pull requests", "count", "Distinct pull-request URLs from Claude pr-link"
        + " records and from results (not is_error) of gh pr create commands, plus such records"
        + " without a URL.", BIGSPIN, "several pull requests", "no pull request"));
    for (String cat : ToolTaxonomy.CATEGORIES) {
      l.add(f(Features.toolCountColumn(cat), "tool calls", "count", "Tool calls of SWE-chat"
          + " category '" + cat + "'.", SWECHAT, "many " + cat + " calls", "few " + cat + " calls"));
    }
    for (String cat : ToolTaxonomy.CATEGORIES) {
      l.add(f(Features.toolShareColumn(cat), "share 0..1", "share", "Tool calls of SWE-chat"
          + " category '" + cat + "' / all tool calls; empty without tool calls.", SWECHAT,
          "heavy " + cat + " use", "little " + cat + " use"));
    }
    l.add(f("shell_share", "share 0..1", "share", "Tool calls of categories bash:file, bash:build,"
        + " bash:net, bash and git/gh / all tool calls; empty without tool calls.", SWECHAT,
        "shell-heavy", "little shell use"));
    l.add(f("interrupt_count", "records", "count", "Records marked is_interrupt (each agent's"
        + " interruption marker).", SWECHAT, "frequent interruptions", "no interruptions"));
    l.add(f("interrupt_rate", "interruptions per prompt", "ratio", "interrupt_count / user"
        + " prompts; empty without prompts.", SWECHAT, "frequent interruptions",
        "no interruptions"));
    l.add(f("agent_percentage", "percent 0..100", "ratio", "sessions.agent_percentage: share of"
        + " committed lines written by the agent; empty when unknown.", SWECHAT,
        "agent-written code", "human-written code"));
    l.add(f("coding_mode", "mode", "category", "Human-only when agent_percentage is 0, Vibe coding"
        + " when >= 99, Collaborative otherwise, empty when unknown.", SWECHAT, "", ""));
    l.add(f("pushback_rate", "share 0..1", "share", "HEURISTIC: share of the prompts after the"
        + " first that match the pushback lexicon (PushbackLexicon: undo/revert, wrong, broken,"
        + " doesn't work, still failing, I said, you missed, never mind, stop, why did you,"
        + " pasted errors); empty with fewer than 2 prompts.", SWECHAT + "; lexicon: Persona"
        + " Workbench", "frequent pushback", "little pushback"));
    l.add(f("actions_per_prompt", "tool calls per prompt", "ratio", "Tool calls inside segments"
        + " / user prompts (the mean over segments); empty without prompts.", ANTHROPIC,
        "many actions per prompt", "few actions per prompt"));
    l.add(f("model_calls_per_prompt", "responses per prompt", "ratio", "Distinct assistant"
        + " message ids inside segments (records without an id count one each) / user prompts;"
        + " empty without prompts.", ANTHROPIC, "many model calls per prompt",
        "few model calls per prompt"));
    l.add(f("words_per_prompt", "words per prompt", "ratio", "Words of assistant text"
        + " (assistant_response records) inside segments / user prompts; empty without prompts.",
        ANTHROPIC, "verbose agent output", "terse agent output"));
    return List.copyOf(l);
  }
}
