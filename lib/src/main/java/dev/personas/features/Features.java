package dev.personas.features;

import dev.personas.load.Dataset;
import dev.personas.load.ToolTaxonomy;
import dev.personas.schema.Schema;
import it.unimi.dsi.fastutil.booleans.BooleanArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The per-session feature table (issue 4): one row per session with context columns, Bigspin's
 * deterministic signals, SWE-chat's measures, Anthropic's session-shape measures and imported
 * labels. Every column is described in {@link FeatureDictionary} (name, unit, definition, source).
 *
 * <p><b>Shape.</b> Rows: the union of the {@code session_id}s of {@code sessions} and
 * {@code conversations}, sorted by {@code session_id} (String order). Columns, in order:
 * {@link #CONTEXT_COLUMNS}, {@link #BIGSPIN_COLUMNS}, {@code tool_<category>_count} and
 * {@code tool_<category>_share} for the 20 SWE-chat categories ({@link #toolCountColumn},
 * {@link #toolShareColumn}), {@link #SWECHAT_COLUMNS}, {@link #ANTHROPIC_COLUMNS}, then one column per
 * imported label (see {@link LabelImport}; a label whose name is taken gets the prefix
 * {@code label_}). Counts are INTEGER, token and character sums LONG, ratios and shares DOUBLE,
 * {@code task_size}/{@code coding_mode} STRING, times INSTANT.
 *
 * <p><b>Definitions</b> (issue 4). A <i>user prompt</i> is a {@code conversations} row with
 * {@code turn_type = user_prompt} that is not an interruption ({@code is_interrupt}); loaders give
 * injected text and tool results other turn types. A <i>segment</i> is one user prompt and every
 * record up to the next prompt; records before the first prompt belong to no segment. A <i>tool
 * call</i> is a {@code tool_use} row; its category is {@code tool_category} (SWE-chat's 20, see
 * {@link ToolTaxonomy}), computed from tool name and command when empty. Edit calls are categories
 * {@code edit} and {@code write}; research calls {@code read, grep, glob, web}. Shell commands are
 * tool calls of a shell tool ({@link ToolTaxonomy#SHELL_TOOLS}) or a shell category, with their
 * {@code command}. <i>Messages</i> (for pauses) are user prompts, assistant API responses (rows of
 * role assistant or turn type tool_use sharing one {@code message_id} are one message, timed by its
 * first timestamp; rows without a message id are one message each) and tool results; gaps are
 * taken between consecutive timed messages after sorting them by time.
 *
 * <p><b>Missing values.</b> Division by zero gives a missing value (Bigspin writes 0 there), as do
 * time features of sessions with fewer than two timed messages. {@code prompt_length_ratio} is 1.0
 * with fewer than 4 prompts, as published. Sub-agent (sidechain) records are left out unless
 * {@link FeatureOptions#includeSidechain()}.
 *
 * <p><b>Cost.</b> One pass over the conversations columns by row index (plus one index sort if the
 * table is not sorted by {@code session_id, turn_number}); no per-session tables. For a SWE-chat
 * parquet folder too large for memory, {@link ParquetFeatures} feeds the same per-record
 * accumulator from DuckDB, one session at a time, and gives the same table.
 */
public final class Features {
  private Features() {}

  /** Context columns (issue 4, "Context columns"). */
  public static final List<String> CONTEXT_COLUMNS = List.of("session_id", "user_id", "repo_id",
      "agent", "model", "started_at", "ended_at", "duration_s", "n_tool_calls", "n_tool_errors",
      "total_user_chars", "output_tokens", "input_tokens", "cache_read_tokens", "is_subagent");

  /** Bigspin's deterministic signals, with their published names. */
  public static final List<String> BIGSPIN_COLUMNS = List.of("iteration_count",
      "tool_call_density", "edit_iteration_count", "research_iteration_count", "tool_diversity",
      "edit_focus", "course_correction_count", "late_pause_count", "median_pause_seconds",
      "prompt_length_ratio", "task_size", "tests_attempted", "tests_run_count", "diff_reviewed",
      "has_pr", "pr_count");

  /** SWE-chat measures besides the per-category tool columns. */
  public static final List<String> SWECHAT_COLUMNS = List.of("shell_share", "interrupt_count",
      "interrupt_rate", "agent_percentage", "coding_mode", "pushback_rate");

  /** Anthropic's session-shape measures. */
  public static final List<String> ANTHROPIC_COLUMNS = List.of("actions_per_prompt",
      "model_calls_per_prompt", "words_per_prompt");

  /** Gap of at least this many seconds is a long pause (Bigspin). */
  public static final double LONG_PAUSE_S = 300;
  /** Each gap is capped at this many seconds (Bigspin). */
  public static final double PAUSE_CAP_S = 86_400;
  /** Longest prompt, in characters, that counts as a course correction (Bigspin). */
  public static final int COURSE_CORRECTION_MAX_CHARS = 60;

  private static final Map<String, Integer> CAT_INDEX = new HashMap<>();
  private static final String[] COUNT_COLS = new String[ToolTaxonomy.CATEGORIES.size()];
  private static final String[] SHARE_COLS = new String[ToolTaxonomy.CATEGORIES.size()];
  private static final boolean[] EDIT_CAT = new boolean[ToolTaxonomy.CATEGORIES.size()];
  private static final boolean[] RESEARCH_CAT = new boolean[ToolTaxonomy.CATEGORIES.size()];
  private static final boolean[] SHELL_CAT = new boolean[ToolTaxonomy.CATEGORIES.size()];

  static {
    for (int c = 0; c < ToolTaxonomy.CATEGORIES.size(); c++) {
      String cat = ToolTaxonomy.CATEGORIES.get(c);
      CAT_INDEX.put(cat, c);
      EDIT_CAT[c] = cat.equals("edit") || cat.equals("write");
      RESEARCH_CAT[c] = Set.of("read", "grep", "glob", "web").contains(cat);
      SHELL_CAT[c] = ToolTaxonomy.isShell(cat);
      COUNT_COLS[c] = toolCountColumn(cat);
      SHARE_COLS[c] = toolShareColumn(cat);
    }
  }

  /**
   * A column-safe form of a SWE-chat tool category: CamelCase split by underscores, every other
   * character that is not a letter or digit replaced by {@code _}, lowercased. The 20 categories map
   * to: read, grep, glob, bash_file, bash_build, bash_net, bash, git_gh, write, edit, web, agent,
   * mcp, todo_write, tool_search, ask_user_question, skill, enter_plan_mode, exit_plan_mode, other.
   *
   * @throws IllegalArgumentException for a null or blank category
   */
  public static String columnSafe(String category) {
    if (category == null || category.isBlank()) {
      throw new IllegalArgumentException("tool category is blank: '" + category + "'");
    }
    String s = category.replaceAll("([a-z0-9])([A-Z])", "$1_$2");
    s = s.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_|_$", "");
    return s.toLowerCase(Locale.ROOT);
  }

  /** {@code tool_<columnSafe(category)>_count}. */
  public static String toolCountColumn(String category) {
    return "tool_" + columnSafe(category) + "_count";
  }

  /** {@code tool_<columnSafe(category)>_share}. */
  public static String toolShareColumn(String category) {
    return "tool_" + columnSafe(category) + "_share";
  }

  /**
   * SWE-chat's coding mode from {@code agent_percentage} (0..100): {@code Human-only} at 0,
   * {@code Vibe coding} at 99 or more, {@code Collaborative} otherwise, "" (missing) when null/NaN.
   */
  public static String codingMode(Double agentPercentage) {
    if (agentPercentage == null || agentPercentage.isNaN()) return "";
    if (agentPercentage <= 0) return "Human-only";
    if (agentPercentage >= 99) return "Vibe coding";
    return "Collaborative";
  }

  /**
   * Bigspin's task size from the number of user prompts: small (at most 3), medium (4-15), large
   * (16-50), very_large (more than 50).
   *
   * @throws IllegalArgumentException for a negative count
   */
  public static String taskSize(int prompts) {
    if (prompts < 0) throw new IllegalArgumentException("prompts < 0: " + prompts);
    if (prompts <= 3) return "small";
    if (prompts <= 15) return "medium";
    if (prompts <= 50) return "large";
    return "very_large";
  }

  /** All feature column names (without labels), in table order. */
  public static List<String> columnNames() {
    List<String> l = new ArrayList<>(CONTEXT_COLUMNS);
    l.addAll(BIGSPIN_COLUMNS);
    for (String c : ToolTaxonomy.CATEGORIES) l.add(toolCountColumn(c));
    for (String c : ToolTaxonomy.CATEGORIES) l.add(toolShareColumn(c));
    l.addAll(SWECHAT_COLUMNS);
    l.addAll(ANTHROPIC_COLUMNS);
    return l;
  }

  /**
   * The feature table and what was skipped on the way.
   *
   * @param table one row per session (see the class comment)
   * @param problems label records that could not be used, as {@code file:line: reason}
   */
  public record Result(Table table, List<String> problems) {}

  /**
   * The feature table of {@code dataset}; label problems are dropped (use {@link #compute} to see
   * them).
   *
   * @throws IllegalArgumentException when a canonical column is missing or mistyped, or an option
   *     is invalid
   */
  public static Table of(Dataset dataset, FeatureOptions options) {
    return compute(dataset, options).table();
  }

  /** As {@link #of}, also returning the problems met while importing labels. */
  public static Result compute(Dataset dataset, FeatureOptions options) {
    int rows = dataset == null ? 0 : dataset.conversations().rowCount();
    return compute(dataset, options, rows < PARALLEL_MIN_ROWS ? 1 : 4 * PARALLELISM);
  }

  /** As {@link #compute(Dataset, FeatureOptions)} with the sessions split into {@code parts}. */
  static Result compute(Dataset dataset, FeatureOptions options, int parts) {
    if (dataset == null) throw new IllegalArgumentException("dataset is null");
    if (options == null) throw new IllegalArgumentException("options is null");
    Table conv = dataset.conversations();
    Table ses = dataset.sessions();
    Schema.requireColumns(conv, Schema.CONVERSATIONS);
    Schema.requireColumns(ses, Schema.SESSIONS);
    List<String> problems = new ArrayList<>();

    LabelPrep lp = LabelPrep.of(options, problems);
    Map<String, String> turnToSession = new HashMap<>();

    Cols c = new Cols(conv);
    int n = conv.rowCount();
    int[] order = sortedOrder(c, n);
    // sessions are contiguous in that order: parts of whole sessions are accumulated in parallel,
    // each session's rows by one thread in order, so the result does not depend on the split
    int[] bounds = sessionParts(c, order, n, parts);
    Map<String, Acc[]> accs = new HashMap<>();
    List<Part> done = IntStream.range(0, bounds.length - 1).parallel()
        .mapToObj(p -> accumulate(c, order, bounds[p], bounds[p + 1], lp.wantedTurns, options))
        .toList();
    for (Part part : done) {
      accs.putAll(part.accs);
      turnToSession.putAll(part.turnToSession);
    }

    TreeSet<String> ids = new TreeSet<>(accs.keySet());
    Map<String, Integer> sesRow = sessionRows(ses);
    ids.addAll(sesRow.keySet());
    ids.remove("");

    Out out = new Out();
    for (String sid : ids) out.add(sid, accs.get(sid), ses, sesRow.get(sid));
    Table t = out.table();
    joinLabels(t, lp.labels, turnToSession, problems);
    return new Result(t, List.copyOf(problems));
  }

  /** Conversations rows below which one thread accumulates all sessions. */
  static final int PARALLEL_MIN_ROWS = 20_000;
  private static final int PARALLELISM = Math.max(1, Runtime.getRuntime().availableProcessors());

  /** Accumulators (main, sidechain) per session of one part, and its labelled turns. */
  private record Part(Map<String, Acc[]> accs, Map<String, String> turnToSession) {}

  /** Rows {@code from..to} of the sorted order (whole sessions) into fresh accumulators. */
  private static Part accumulate(Cols c, int[] order, int from, int to, Set<String> wantedTurns,
      FeatureOptions options) {
    TableRec rec = new TableRec(c);
    Map<String, Acc[]> accs = new HashMap<>();
    Map<String, String> turnToSession = new HashMap<>();
    String cur = null;
    Acc main = null;
    Acc side = null;
    for (int k = from; k < to; k++) {
      int i = order == null ? k : order[k];
      rec.i = i;
      String sid = c.sid.get(i);
      if (!sid.equals(cur)) {
        cur = sid;
        Acc[] pair = accs.computeIfAbsent(sid, s -> new Acc[] {new Acc(), new Acc()});
        main = pair[0];
        side = pair[1];
      }
      if (!wantedTurns.isEmpty()) {
        String tid = c.turnId.get(i);
        if (wantedTurns.contains(tid)) turnToSession.put(tid, sid);
      }
      (rec.sidechain() && !options.includeSidechain() ? side : main).add(rec);
    }
    return new Part(accs, turnToSession);
  }

  /**
   * Bounds of about {@code parts} row ranges of the sorted order that each hold whole sessions:
   * {@code bounds[p]..bounds[p + 1]}, first 0, last n (ranges may be empty).
   */
  static int[] sessionParts(Cols c, int[] order, int n, int parts) {
    int[] bounds = new int[parts + 1];
    bounds[parts] = n;
    for (int p = 1; p < parts; p++) {
      int b = Math.max(bounds[p - 1], (int) ((long) n * p / parts));
      while (b > 0 && b < n && sidAt(c, order, b).equals(sidAt(c, order, b - 1))) b++;
      bounds[p] = b;
    }
    return bounds;
  }

  private static String sidAt(Cols c, int[] order, int k) {
    return c.sid.get(order == null ? k : order[k]);
  }

  /** The label files of the options, read, and the turn ids they are keyed by (if any). */
  static final class LabelPrep {
    final List<LabelImport.Labels> labels = new ArrayList<>();
    final Set<String> wantedTurns = new HashSet<>();

    static LabelPrep of(FeatureOptions options, List<String> problems) {
      LabelPrep lp = new LabelPrep();
      for (var p : options.labelFiles()) {
        LabelImport.Labels l = LabelImport.read(p);
        problems.addAll(l.problems());
        lp.labels.add(l);
        if (l.keyColumn().equals("turn_id")) {
          for (var r : l.records()) lp.wantedTurns.add(r.key());
        }
      }
      return lp;
    }
  }

  /** First row of each non-missing session id of {@code sessions}. */
  static Map<String, Integer> sessionRows(Table ses) {
    StringColumn sesId = ses.stringColumn("session_id");
    Map<String, Integer> sesRow = new HashMap<>();
    for (int i = 0; i < ses.rowCount(); i++) {
      if (sesId.isMissing(i)) continue;
      sesRow.putIfAbsent(sesId.get(i), i);
    }
    return sesRow;
  }

  /** Row order sorted by session_id, turn_number; null when the table is already in that order. */
  private static int[] sortedOrder(Cols c, int n) {
    boolean sorted = true;
    for (int i = 1; i < n && sorted; i++) {
      int cmp = c.sid.get(i - 1).compareTo(c.sid.get(i));
      if (cmp > 0 || (cmp == 0 && turn(c, i - 1) > turn(c, i))) sorted = false;
    }
    if (sorted) return null;
    Integer[] idx = new Integer[n];
    for (int i = 0; i < n; i++) idx[i] = i;
    Arrays.sort(idx, Comparator.<Integer, String>comparing(c.sid::get)
        .thenComparingInt(i -> turn(c, i)).thenComparingInt(i -> i));
    int[] o = new int[n];
    for (int i = 0; i < n; i++) o[i] = idx[i];
    return o;
  }

  private static int turn(Cols c, int i) {
    return c.turnNumber.isMissing(i) ? Integer.MAX_VALUE : c.turnNumber.getInt(i);
  }

  static void joinLabels(Table t, List<LabelImport.Labels> labels,
      Map<String, String> turnToSession, List<String> problems) {
    StringColumn sid = t.stringColumn("session_id");
    Set<String> known = new HashSet<>(sid.asList());
    for (LabelImport.Labels l : labels) {
      boolean byTurn = l.keyColumn().equals("turn_id");
      Map<String, Object[]> per = LabelImport.perSession(l,
          k -> byTurn ? turnToSession.get(k) : known.contains(k) ? k : null, problems);
      for (int c = 0; c < l.columns().size(); c++) {
        String name = l.columns().get(c);
        if (t.containsColumn(name)) name = "label_" + name;
        if (t.containsColumn(name)) {
          problems.add(l.file() + ":0: label column '" + l.columns().get(c)
              + "' duplicates an existing column, skipped");
          continue;
        }
        if (l.numeric().get(c)) {
          DoubleColumn col = DoubleColumn.create(name);
          for (int i = 0; i < t.rowCount(); i++) {
            Object[] v = per.get(sid.get(i));
            if (v == null || v[c] == null) col.appendMissing();
            else col.append((Double) v[c]);
          }
          t.addColumns(col);
        } else {
          StringColumn col = StringColumn.create(name);
          for (int i = 0; i < t.rowCount(); i++) {
            Object[] v = per.get(sid.get(i));
            if (v == null || v[c] == null) col.appendMissing();
            else col.append((String) v[c]);
          }
          t.addColumns(col);
        }
      }
    }
  }

  /** Typed handles on the conversations columns. */
  static final class Cols {
    final StringColumn sid, turnId, role, turnType, content, model, toolName, toolCallId, toolCategory,
        filePath, command, agent, messageId, event, repoId, userId;
    final IntColumn turnNumber, charCount, wordCount;
    final InstantColumn timestamp;
    final LongColumn inTok, outTok, cacheTok;
    final BooleanColumn isError, isInterrupt, isSidechain;

    Cols(Table t) {
      sid = t.stringColumn("session_id");
      turnId = t.stringColumn("turn_id");
      repoId = t.stringColumn("repo_id");
      userId = t.stringColumn("user_id");
      role = t.stringColumn("role");
      turnType = t.stringColumn("turn_type");
      content = t.stringColumn("content");
      model = t.stringColumn("model");
      toolName = t.stringColumn("tool_name");
      toolCallId = t.stringColumn("tool_call_id");
      toolCategory = t.stringColumn("tool_category");
      filePath = t.stringColumn("file_path");
      command = t.stringColumn("command");
      agent = t.stringColumn("agent");
      messageId = t.stringColumn("message_id");
      event = t.stringColumn("event");
      turnNumber = t.intColumn("turn_number");
      charCount = t.intColumn("char_count");
      wordCount = t.intColumn("word_count");
      timestamp = (InstantColumn) t.column("timestamp");
      inTok = t.longColumn("input_tokens");
      outTok = t.longColumn("output_tokens");
      cacheTok = t.longColumn("cache_read_input_tokens");
      isError = t.booleanColumn("is_error");
      isInterrupt = t.booleanColumn("is_interrupt");
      isSidechain = t.booleanColumn("is_sidechain");
    }
  }

  /**
   * One {@code conversations} record as {@link Acc} reads it: the canonical columns with Tablesaw's
   * missing-value conventions (a missing string is "", a missing boolean is false, a missing integer
   * {@link #MISSING_INT}, a missing long {@link #MISSING_LONG}, a missing time {@link Acc#NO_TIME}).
   * The in-memory path reads a Tablesaw table ({@link TableRec}); the streaming path reads a DuckDB
   * result row ({@link ParquetFeatures}). Every getter may be called any number of times per record.
   */
  interface Rec {
    int MISSING_INT = Integer.MIN_VALUE;
    long MISSING_LONG = Long.MIN_VALUE;

    String turnType();
    String role();
    boolean interrupt();
    boolean sidechain();
    boolean error();
    /** Epoch milliseconds (floor), or {@link Acc#NO_TIME}. */
    long timeMillis();
    String model();
    String agent();
    String repoId();
    String userId();
    String event();
    String content();
    String toolCallId();
    String messageId();
    String toolName();
    String command();
    String toolCategory();
    String filePath();
    int charCount();
    int wordCount();
    long inputTokens();
    long outputTokens();
    long cacheReadTokens();
  }

  /** {@link Rec} over row {@link #i} of a conversations table. */
  static final class TableRec implements Rec {
    final Cols c;
    int i;

    TableRec(Cols c) {
      this.c = c;
    }

    @Override public String turnType() { return c.turnType.get(i); }
    @Override public String role() { return c.role.get(i); }
    @Override public boolean interrupt() { return Boolean.TRUE.equals(c.isInterrupt.get(i)); }
    @Override public boolean sidechain() { return Boolean.TRUE.equals(c.isSidechain.get(i)); }
    @Override public boolean error() { return Boolean.TRUE.equals(c.isError.get(i)); }
    @Override public long timeMillis() {
      Instant ts = c.timestamp.get(i);
      return ts == null ? Acc.NO_TIME : ts.toEpochMilli();
    }
    @Override public String model() { return c.model.get(i); }
    @Override public String agent() { return c.agent.get(i); }
    @Override public String repoId() { return c.repoId.get(i); }
    @Override public String userId() { return c.userId.get(i); }
    @Override public String event() { return c.event.get(i); }
    @Override public String content() { return c.content.get(i); }
    @Override public String toolCallId() { return c.toolCallId.get(i); }
    @Override public String messageId() { return c.messageId.get(i); }
    @Override public String toolName() { return c.toolName.get(i); }
    @Override public String command() { return c.command.get(i); }
    @Override public String toolCategory() { return c.toolCategory.get(i); }
    @Override public String filePath() { return c.filePath.get(i); }
    @Override public int charCount() { return c.charCount.isMissing(i) ? MISSING_INT : c.charCount.getInt(i); }
    @Override public int wordCount() { return c.wordCount.isMissing(i) ? MISSING_INT : c.wordCount.getInt(i); }
    @Override public long inputTokens() { return c.inTok.isMissing(i) ? MISSING_LONG : c.inTok.getLong(i); }
    @Override public long outputTokens() { return c.outTok.isMissing(i) ? MISSING_LONG : c.outTok.getLong(i); }
    @Override public long cacheReadTokens() { return c.cacheTok.isMissing(i) ? MISSING_LONG : c.cacheTok.getLong(i); }
  }

  /** Per-session accumulator, fed one conversations row at a time. */
  static final class Acc {
    static final long NO_TIME = Long.MIN_VALUE;
    int rows;
    int prompts;
    final IntArrayList promptChars = new IntArrayList();
    long userChars;
    int pushback;
    int toolCalls;
    int toolCallsInSegments;
    int namedToolCalls;
    final Set<String> toolNames = new HashSet<>();
    final int[] cat = new int[ToolTaxonomy.CATEGORIES.size()];
    boolean segEdit;
    boolean segResearch;
    int editIterations;
    int researchIterations;
    boolean editSincePrompt;
    int courseCorrections;
    final Map<String, Integer> editsPerFile = new HashMap<>();
    int edits;
    final LongArrayList msgTimes = new LongArrayList();
    final Map<String, Integer> msgIndex = new HashMap<>();
    int modelCallsInSegments;
    long assistantWordsInSegments;
    int interrupts;
    int toolErrors;
    final BooleanArrayList shellIsDiff = new BooleanArrayList();
    int testRuns;
    final Set<String> prUrls = new TreeSet<>();
    int prWithoutUrl;
    final Set<String> pendingPrCreate = new HashSet<>();
    long minTs = Long.MAX_VALUE;
    long maxTs = Long.MIN_VALUE;
    long inTok;
    long outTok;
    long cacheTok;
    boolean anyTok;
    String model = "";
    String agent = "";
    String repoId = "";
    String userId = "";

    void add(Rec r) {
      rows++;
      String type = r.turnType();
      String role = r.role();
      boolean interrupt = r.interrupt();
      long t = r.timeMillis();
      if (t != NO_TIME) {
        minTs = Math.min(minTs, t);
        maxTs = Math.max(maxTs, t);
      }
      if (model.isEmpty()) model = r.model();
      if (agent.isEmpty()) agent = r.agent();
      if (repoId.isEmpty()) repoId = r.repoId();
      if (userId.isEmpty()) userId = r.userId();
      if (interrupt) interrupts++;
      if ("pr_link".equals(r.event())) {
        String url = ShellSignals.prUrl(r.content());
        if (url != null) prUrls.add(url);
        else prWithoutUrl++;
      }

      if ("user_prompt".equals(type) && !interrupt) {
        prompt(r, t);
      } else if ("tool_result".equals(type)) {
        msgTimes.add(t);
        boolean err = r.error();
        if (err) toolErrors++;
        if (!pendingPrCreate.isEmpty()) { // only then can the call id matter (read lazily)
          String id = r.toolCallId();
          if (!id.isEmpty() && pendingPrCreate.remove(id) && !err) {
            String url = ShellSignals.prUrl(r.content());
            if (url != null) prUrls.add(url);
            else prWithoutUrl++;
          }
        }
      } else if ("tool_use".equals(type) || "assistant".equals(role)
          || "assistant_response".equals(type) || "assistant_thinking".equals(type)) {
        assistantMessage(r, t);
        if ("tool_use".equals(type)) toolCall(r);
        if ("assistant_response".equals(type) && prompts > 0) {
          int words = r.wordCount();
          if (words != Rec.MISSING_INT) assistantWordsInSegments += words;
        }
      }
    }

    private void prompt(Rec r, long t) {
      if (prompts > 0) closeSegment();
      else segEdit = segResearch = false; // calls before the first prompt belong to no segment
      prompts++;
      int cc = r.charCount();
      int chars = cc == Rec.MISSING_INT ? r.content().length() : cc;
      promptChars.add(chars);
      userChars += chars;
      if (editSincePrompt && chars >= 1 && chars <= COURSE_CORRECTION_MAX_CHARS) courseCorrections++;
      editSincePrompt = false;
      if (prompts > 1 && PushbackLexicon.matches(r.content())) pushback++;
      msgTimes.add(t);
    }

    private void closeSegment() {
      if (segEdit) editIterations++;
      if (segResearch) researchIterations++;
      segEdit = segResearch = false;
    }

    private void assistantMessage(Rec r, long t) {
      String mid = r.messageId();
      boolean isNew;
      if (mid.isEmpty()) {
        msgTimes.add(t);
        isNew = true;
      } else {
        Integer at = msgIndex.get(mid);
        if (at == null) {
          msgIndex.put(mid, msgTimes.size());
          msgTimes.add(t);
          isNew = true;
        } else {
          if (msgTimes.getLong(at) == NO_TIME && t != NO_TIME) msgTimes.set(at.intValue(), t);
          isNew = false;
        }
      }
      if (isNew) {
        if (prompts > 0) modelCallsInSegments++;
        long in = r.inputTokens(), out = r.outputTokens(), cache = r.cacheReadTokens();
        if (in != Rec.MISSING_LONG) { inTok += in; anyTok = true; }
        if (out != Rec.MISSING_LONG) { outTok += out; anyTok = true; }
        if (cache != Rec.MISSING_LONG) { cacheTok += cache; anyTok = true; }
      }
    }

    private void toolCall(Rec r) {
      toolCalls++;
      if (prompts > 0) toolCallsInSegments++;
      String name = r.toolName();
      if (!name.isEmpty()) {
        namedToolCalls++;
        toolNames.add(name);
      }
      String category = r.toolCategory();
      if (category.isEmpty()) category = ToolTaxonomy.category(name, r.command());
      Integer ci = CAT_INDEX.get(category);
      int k = ci == null ? CAT_INDEX.get("other") : ci;
      cat[k]++;
      if (EDIT_CAT[k]) {
        segEdit = true;
        editSincePrompt = true;
        String f = r.filePath();
        editsPerFile.merge(f.isEmpty() ? "<unknown>" : f, 1, Integer::sum);
        edits++;
      }
      if (RESEARCH_CAT[k]) segResearch = true;
      boolean shell = SHELL_CAT[k] || ToolTaxonomy.SHELL_TOOLS.contains(name.toLowerCase(Locale.ROOT));
      if (shell) {
        String command = r.command();
        shellIsDiff.add(ShellSignals.isDiffReview(command));
        if (ShellSignals.isTestRun(command)) testRuns++;
        if (ShellSignals.isPrCreate(command)) {
          String id = r.toolCallId();
          if (!id.isEmpty()) pendingPrCreate.add(id);
        }
      }
    }

    void finish() {
      if (prompts > 0) closeSegment();
    }
  }

  private static double div(double a, double b) {
    return b == 0 ? Double.NaN : a / b;
  }

  /** Output columns, appended one session at a time. */
  static final class Out {
    final Map<String, Column<?>> cols = new LinkedHashMap<>();

    Out() {
      str("session_id"); str("user_id"); str("repo_id"); str("agent"); str("model");
      cols.put("started_at", InstantColumn.create("started_at"));
      cols.put("ended_at", InstantColumn.create("ended_at"));
      dbl("duration_s"); integer("n_tool_calls"); integer("n_tool_errors");
      lng("total_user_chars"); lng("output_tokens"); lng("input_tokens"); lng("cache_read_tokens");
      integer("is_subagent");
      integer("iteration_count"); dbl("tool_call_density"); integer("edit_iteration_count");
      integer("research_iteration_count"); dbl("tool_diversity"); dbl("edit_focus");
      integer("course_correction_count"); integer("late_pause_count");
      dbl("median_pause_seconds"); dbl("prompt_length_ratio"); str("task_size");
      integer("tests_attempted"); integer("tests_run_count"); integer("diff_reviewed");
      integer("has_pr"); integer("pr_count");
      for (String c : ToolTaxonomy.CATEGORIES) integer(toolCountColumn(c));
      for (String c : ToolTaxonomy.CATEGORIES) dbl(toolShareColumn(c));
      dbl("shell_share"); integer("interrupt_count"); dbl("interrupt_rate");
      dbl("agent_percentage"); str("coding_mode"); dbl("pushback_rate");
      dbl("actions_per_prompt"); dbl("model_calls_per_prompt"); dbl("words_per_prompt");
    }

    private void str(String n) { cols.put(n, StringColumn.create(n)); }
    private void dbl(String n) { cols.put(n, DoubleColumn.create(n)); }
    private void integer(String n) { cols.put(n, IntColumn.create(n)); }
    private void lng(String n) { cols.put(n, LongColumn.create(n)); }

    private void s(String n, String v) { ((StringColumn) cols.get(n)).append(v == null ? "" : v); }
    private void d(String n, double v) { ((DoubleColumn) cols.get(n)).append(v); }
    private void i(String n, int v) { ((IntColumn) cols.get(n)).append(v); }
    private void iMissing(String n) { cols.get(n).appendMissing(); }
    private void l(String n, Long v) {
      if (v == null) cols.get(n).appendMissing(); else ((LongColumn) cols.get(n)).append(v);
    }
    private void t(String n, Instant v) {
      if (v == null) cols.get(n).appendMissing(); else ((InstantColumn) cols.get(n)).append(v);
    }

    /**
     * Appends the row of session {@code sid} from its pair of accumulators (main records, sidechain
     * records; null when the session has no conversations rows): the main one, or the sidechain
     * one when the session has only sidechain records (a sub-agent session).
     */
    void add(String sid, Acc[] pair, Table ses, Integer row) {
      Acc a;
      boolean subagent = false;
      if (pair == null) {
        a = new Acc();
      } else if (pair[0].rows == 0 && pair[1].rows > 0) {
        a = pair[1];
        subagent = true;
      } else {
        a = pair[0];
      }
      a.finish();
      String user = pick(ses, row, "user_id", a.userId);
      String repo = pick(ses, row, "repo_id", a.repoId);
      String agent = pick(ses, row, "agent", a.agent);
      String model = pick(ses, row, "model", a.model);
      Instant start = instant(ses, row, "created_at");
      Instant end = instant(ses, row, "ended_at");
      if (start == null && a.minTs != Long.MAX_VALUE) start = Instant.ofEpochMilli(a.minTs);
      if (end == null && a.maxTs != Long.MIN_VALUE) end = Instant.ofEpochMilli(a.maxTs);
      s("session_id", sid); s("user_id", user); s("repo_id", repo); s("agent", agent);
      s("model", model);
      t("started_at", start); t("ended_at", end);
      d("duration_s", start == null || end == null ? Double.NaN
          : (end.toEpochMilli() - start.toEpochMilli()) / 1000.0);
      i("n_tool_calls", a.toolCalls); i("n_tool_errors", a.toolErrors);
      l("total_user_chars", a.userChars);
      l("output_tokens", tokens(ses, row, "output_tokens", a.anyTok ? a.outTok : null));
      l("input_tokens", tokens(ses, row, "input_tokens", a.anyTok ? a.inTok : null));
      l("cache_read_tokens", tokens(ses, row, "cache_read_tokens", a.anyTok ? a.cacheTok : null));
      i("is_subagent", subagent ? 1 : 0);

      int p = a.prompts;
      i("iteration_count", p);
      d("tool_call_density", div(a.toolCalls, p));
      i("edit_iteration_count", a.editIterations);
      i("research_iteration_count", a.researchIterations);
      d("tool_diversity", div(a.toolNames.size(), a.namedToolCalls));
      int maxFile = a.editsPerFile.values().stream().mapToInt(Integer::intValue).max().orElse(0);
      d("edit_focus", div(maxFile, a.edits));
      i("course_correction_count", a.courseCorrections);
      double[] gaps = gaps(a.msgTimes);
      if (gaps.length == 0) {
        iMissing("late_pause_count");
        d("median_pause_seconds", Double.NaN);
      } else {
        int late = 0;
        for (int g = gaps.length / 2; g < gaps.length; g++) if (gaps[g] >= LONG_PAUSE_S) late++;
        i("late_pause_count", late);
        d("median_pause_seconds", new Median().evaluate(gaps));
      }
      d("prompt_length_ratio", promptLengthRatio(a.promptChars));
      s("task_size", taskSize(p));
      i("tests_attempted", a.testRuns > 0 ? 1 : 0);
      i("tests_run_count", a.testRuns);
      int nShell = a.shellIsDiff.size();
      boolean diff = false;
      for (int k = (int) (nShell * 0.75); k < nShell; k++) diff |= a.shellIsDiff.getBoolean(k);
      i("diff_reviewed", diff ? 1 : 0);
      int prs = a.prUrls.size() + a.prWithoutUrl;
      i("has_pr", prs > 0 ? 1 : 0);
      i("pr_count", prs);
      int shell = 0;
      for (int c = 0; c < a.cat.length; c++) {
        i(COUNT_COLS[c], a.cat[c]);
        if (SHELL_CAT[c]) shell += a.cat[c];
      }
      for (int c = 0; c < a.cat.length; c++) {
        d(SHARE_COLS[c], div(a.cat[c], a.toolCalls));
      }
      d("shell_share", div(shell, a.toolCalls));
      i("interrupt_count", a.interrupts);
      d("interrupt_rate", div(a.interrupts, p));
      Double pct = null;
      if (row != null && !ses.doubleColumn("agent_percentage").isMissing(row)) {
        pct = ses.doubleColumn("agent_percentage").getDouble(row);
      }
      d("agent_percentage", pct == null ? Double.NaN : pct);
      s("coding_mode", codingMode(pct));
      d("pushback_rate", p < 2 ? Double.NaN : div(a.pushback, p - 1));
      d("actions_per_prompt", div(a.toolCallsInSegments, p));
      d("model_calls_per_prompt", div(a.modelCallsInSegments, p));
      d("words_per_prompt", div(a.assistantWordsInSegments, p));
    }

    Table table() {
      return Table.create("features", cols.values().toArray(new Column<?>[0]));
    }
  }

  static double promptLengthRatio(IntArrayList chars) {
    int n = chars.size();
    if (n < 4) return 1.0;
    int half = n / 2;
    double first = 0;
    double second = 0;
    for (int k = 0; k < half; k++) first += chars.getInt(k);
    for (int k = half; k < n; k++) second += chars.getInt(k);
    return div(second / (n - half), first / half);
  }

  /** Gaps in seconds between consecutive timed messages in time order, each capped. */
  static double[] gaps(LongArrayList times) {
    long[] t = times.longStream().filter(x -> x != Acc.NO_TIME).sorted().toArray();
    if (t.length < 2) return new double[0];
    double[] g = new double[t.length - 1];
    for (int k = 1; k < t.length; k++) g[k - 1] = Math.min((t[k] - t[k - 1]) / 1000.0, PAUSE_CAP_S);
    return g;
  }

  private static String pick(Table ses, Integer row, String col, String fallback) {
    if (row != null) {
      String v = ses.stringColumn(col).get(row);
      if (!v.isEmpty()) return v;
    }
    return fallback;
  }

  private static Instant instant(Table ses, Integer row, String col) {
    return row == null ? null : ((InstantColumn) ses.column(col)).get(row);
  }

  private static Long tokens(Table ses, Integer row, String col, Long fallback) {
    if (row != null && !ses.longColumn(col).isMissing(row)) return ses.longColumn(col).getLong(row);
    return fallback;
  }
}
