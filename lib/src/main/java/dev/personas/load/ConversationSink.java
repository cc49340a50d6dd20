package dev.personas.load;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The {@link TranscriptSink} that turns a parser's {@link Turn}s into canonical
 * {@code conversations} columns ({@link dev.personas.schema.Schema#CONVERSATIONS}) for one
 * transcript. Rows are kept in compact column arrays (no per-row objects); {@link #appendTo} then
 * appends them to a Tablesaw table, filling the identity columns ({@code turn_id} = session_id + ':'
 * + turn_number zero-padded to 6 digits, {@code session_id, repo_id, user_id, turn_number}
 * (0-based, file order), {@code agent}).
 *
 * <p>Per row the sink computes {@code char_count} (UTF-16 chars) and {@code word_count}
 * (whitespace-separated tokens) of the full content before truncation, {@code tool_category} of
 * {@code tool_use} rows ({@link ToolTaxonomy#category}), and caps {@code content} and
 * {@code tool_input_json} at the configured number of chars (SWE-chat: 10,000), never splitting a
 * surrogate pair. Problems (skipped records) and warnings (kept records with a defect) are recorded
 * with their line. Not thread-safe: one sink per file.
 */
public final class ConversationSink implements TranscriptSink {
  /** A record skipped or kept with a defect: 1-based line (0 = whole file) and why. */
  public record Problem(long line, String reason) {}

  private static final long NULL = Long.MIN_VALUE;

  private final int maxContent;
  private final int maxToolInput;
  private final SessionInfo info = new SessionInfo();
  private final List<Problem> problems = new ArrayList<>();
  private final List<Problem> warnings = new ArrayList<>();
  private int n;
  private String[] role = new String[64], turnType = new String[64], content = new String[64],
      model = new String[64], toolName = new String[64], toolCallId = new String[64],
      toolCategory = new String[64], filePath = new String[64], command = new String[64],
      pattern = new String[64], toolInput = new String[64], messageId = new String[64],
      event = new String[64];
  private int[] chars = new int[64], words = new int[64];
  private long[] ts = new long[64], inTok = new long[64], outTok = new long[64],
      cacheTok = new long[64];
  private byte[] flags = new byte[64];

  private static final byte CONV = 1, ERROR = 2, INTERRUPT = 4, SIDECHAIN = 8;

  /**
   * @param maxContentChars cap for {@code content}, at least 1
   * @param maxToolInputChars cap for {@code tool_input_json}, at least 1
   * @throws IllegalArgumentException naming a cap below 1
   */
  public ConversationSink(int maxContentChars, int maxToolInputChars) {
    if (maxContentChars < 1) throw new IllegalArgumentException("maxContentChars " + maxContentChars + " < 1");
    if (maxToolInputChars < 1) throw new IllegalArgumentException("maxToolInputChars " + maxToolInputChars + " < 1");
    this.maxContent = maxContentChars;
    this.maxToolInput = maxToolInputChars;
  }

  @Override
  public void turn(Turn t) {
    if (n == role.length) grow();
    role[n] = t.role;
    turnType[n] = t.turnType;
    String c = t.content;
    if (t.contentChars >= 0) {
      chars[n] = t.contentChars;
      words[n] = t.contentWords;
    } else {
      chars[n] = c == null ? 0 : c.length();
      words[n] = wordCount(c);
    }
    content[n] = cap(c, maxContent);
    // hash the mostly distinct texts here, on the parser threads: the String caches it, and the
    // column fill (the content column's dictionary, one task) then no longer hashes 10k-char texts
    if (content[n] != null) content[n].hashCode();
    model[n] = t.model;
    ts[n] = t.timestamp == null ? NULL : micros(t.timestamp);
    inTok[n] = t.inputTokens == null ? NULL : t.inputTokens;
    outTok[n] = t.outputTokens == null ? NULL : t.outputTokens;
    cacheTok[n] = t.cacheReadInputTokens == null ? NULL : t.cacheReadInputTokens;
    toolName[n] = t.toolName;
    toolCallId[n] = t.toolCallId;
    toolCategory[n] = "tool_use".equals(t.role) ? ToolTaxonomy.category(t.toolName, t.command) : null;
    filePath[n] = t.filePath;
    command[n] = t.command;
    pattern[n] = t.pattern;
    toolInput[n] = cap(t.toolInputJson, maxToolInput);
    if (toolInput[n] != null) toolInput[n].hashCode();
    messageId[n] = t.messageId;
    event[n] = t.event;
    byte f = 0;
    if (t.isConversational) f |= CONV;
    if (t.isError) f |= ERROR;
    if (t.isInterrupt) f |= INTERRUPT;
    if (t.isSidechain) f |= SIDECHAIN;
    flags[n] = f;
    n++;
  }

  private static long micros(Instant i) {
    return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1000);
  }

  private void grow() {
    int m = n * 2;
    role = Arrays.copyOf(role, m);
    turnType = Arrays.copyOf(turnType, m);
    content = Arrays.copyOf(content, m);
    model = Arrays.copyOf(model, m);
    toolName = Arrays.copyOf(toolName, m);
    toolCallId = Arrays.copyOf(toolCallId, m);
    toolCategory = Arrays.copyOf(toolCategory, m);
    filePath = Arrays.copyOf(filePath, m);
    command = Arrays.copyOf(command, m);
    pattern = Arrays.copyOf(pattern, m);
    toolInput = Arrays.copyOf(toolInput, m);
    messageId = Arrays.copyOf(messageId, m);
    event = Arrays.copyOf(event, m);
    chars = Arrays.copyOf(chars, m);
    words = Arrays.copyOf(words, m);
    ts = Arrays.copyOf(ts, m);
    inTok = Arrays.copyOf(inTok, m);
    outTok = Arrays.copyOf(outTok, m);
    cacheTok = Arrays.copyOf(cacheTok, m);
    flags = Arrays.copyOf(flags, m);
  }

  private static final byte[] ASCII_WS = new byte[128];

  static {
    for (char c = 0; c < 128; c++) ASCII_WS[c] = (byte) (Character.isWhitespace(c) ? 1 : 0);
  }

  /**
   * Number of words: maximal runs of non-whitespace chars ({@link Character#isWhitespace}); 0 for
   * null.
   */
  public static int wordCount(String s) {
    if (s == null) return 0;
    int count = 0;
    int prevWs = 1; // 1 after whitespace (or at the start): a non-whitespace char starts a word
    int len = s.length();
    // copied out in chunks: a char[] loop has no per-char String coder/bounds checks (JFR: a
    // third of the parse time went to String.charAt on UTF-16 content)
    char[] buf = WORD_BUF.get();
    for (int from = 0; from < len; from += buf.length) {
      int to = Math.min(len, from + buf.length);
      s.getChars(from, to, buf, 0);
      for (int i = 0, m = to - from; i < m; i++) {
        int ws = whitespace(buf[i]);
        count += prevWs & ~ws; // branch-free: word starts are non-whitespace after whitespace
        prevWs = ws;
      }
    }
    return count;
  }

  /** 1 when {@code c} is whitespace ({@link Character#isWhitespace}), else 0. */
  static int whitespace(char c) {
    return c < 128 ? ASCII_WS[c] : Character.isWhitespace(c) ? 1 : 0;
  }

  @Override
  public int maxContentChars() {
    return maxContent;
  }

  private static final ThreadLocal<char[]> WORD_BUF = ThreadLocal.withInitial(() -> new char[4096]);

  /** The first {@code max} chars of {@code s} (one fewer if that would split a surrogate pair). */
  public static String cap(String s, int max) {
    if (s == null || s.length() <= max) return s;
    int end = max;
    if (Character.isHighSurrogate(s.charAt(end - 1))) end--;
    return s.substring(0, end);
  }

  @Override
  public void problem(long line, String reason) {
    problems.add(new Problem(line, reason));
  }

  @Override
  public void warning(long line, String reason) {
    warnings.add(new Problem(line, reason));
  }

  @Override
  public SessionInfo session() {
    return info;
  }

  /** Rows received so far. */
  public int size() {
    return n;
  }

  /** Skipped records, in the order reported. */
  public List<Problem> problems() {
    return problems;
  }

  /** Kept records with a defect, in the order reported. */
  public List<Problem> warnings() {
    return warnings;
  }

  /** Role of row {@code i}. */
  public String role(int i) {
    return role[i];
  }

  /** Turn type of row {@code i}. */
  public String turnType(int i) {
    return turnType[i];
  }

  /** Whether row {@code i} has a timestamp, and its epoch microseconds (Long.MIN_VALUE if none). */
  public long timestampMicros(int i) {
    return ts[i];
  }

  /**
   * Appends this transcript's rows to a table with the canonical conversations columns.
   *
   * @param firstTurn turn_number of the first row (0 for a whole session; the running count when a
   *     session is assembled from several non-cumulative slices)
   */
  public void appendTo(Table t, String sessionId, String repoId, String userId, String agent, int firstTurn) {
    StringColumn cTurnId = t.stringColumn("turn_id"), cSession = t.stringColumn("session_id"),
        cRepo = t.stringColumn("repo_id"), cUser = t.stringColumn("user_id"),
        cRole = t.stringColumn("role"), cType = t.stringColumn("turn_type"),
        cContent = t.stringColumn("content"), cModel = t.stringColumn("model"),
        cTool = t.stringColumn("tool_name"), cCall = t.stringColumn("tool_call_id"),
        cCat = t.stringColumn("tool_category"), cFile = t.stringColumn("file_path"),
        cCmd = t.stringColumn("command"), cPat = t.stringColumn("pattern"),
        cInput = t.stringColumn("tool_input_json"), cAgent = t.stringColumn("agent"),
        cMsg = t.stringColumn("message_id"), cEvent = t.stringColumn("event");
    IntColumn cNo = t.intColumn("turn_number"), cChars = t.intColumn("char_count"),
        cWords = t.intColumn("word_count");
    InstantColumn cTs = t.instantColumn("timestamp");
    LongColumn cIn = t.longColumn("input_tokens"), cOut = t.longColumn("output_tokens"),
        cCache = t.longColumn("cache_read_input_tokens");
    BooleanColumn cConv = t.booleanColumn("is_conversational"), cErr = t.booleanColumn("is_error"),
        cInt = t.booleanColumn("is_interrupt"), cSide = t.booleanColumn("is_sidechain");
    String prefix = sessionId + ":";
    for (int i = 0; i < n; i++) {
      int no = firstTurn + i;
      cTurnId.append(prefix + pad6(no));
      cSession.append(sessionId);
      cRepo.append(repoId);
      cUser.append(userId);
      cNo.append(no);
      cRole.append(role[i]);
      cType.append(turnType[i]);
      cConv.append((flags[i] & CONV) != 0);
      cContent.append(content[i]);
      cChars.append(chars[i]);
      cWords.append(words[i]);
      cModel.append(model[i]);
      if (ts[i] == NULL) cTs.appendMissing();
      else cTs.append(Instant.ofEpochSecond(Math.floorDiv(ts[i], 1_000_000L), Math.floorMod(ts[i], 1_000_000L) * 1000));
      appendLong(cIn, inTok[i]);
      appendLong(cOut, outTok[i]);
      appendLong(cCache, cacheTok[i]);
      cTool.append(toolName[i]);
      cCall.append(toolCallId[i]);
      cCat.append(toolCategory[i]);
      cFile.append(filePath[i]);
      cCmd.append(command[i]);
      cPat.append(pattern[i]);
      cInput.append(toolInput[i]);
      cErr.append((flags[i] & ERROR) != 0);
      cInt.append((flags[i] & INTERRUPT) != 0);
      cSide.append((flags[i] & SIDECHAIN) != 0);
      cAgent.append(agent);
      cMsg.append(messageId[i]);
      cEvent.append(event[i]);
    }
  }

  /**
   * One session's rows for {@link #appendAll}.
   *
   * @param firstTurn turn_number of the sink's first row
   */
  public record Part(ConversationSink sink, String sessionId, String repoId, String userId,
      String agent, int firstTurn) {}

  /**
   * Appends many sinks' rows to a table with the canonical conversations columns, in the order of
   * {@code parts}, filling each column in its own task on {@code pool} (columns are independent;
   * null: one after the other on the calling thread); the result is the same as calling
   * {@link #appendTo} part by part.
   */
  public static void appendAll(Table t, List<Part> parts, java.util.concurrent.ExecutorService pool) {
    List<Runnable> tasks = new ArrayList<>();
    List<StringColumn> built = new ArrayList<>();
    addDict(tasks, built, t, parts, "turn_id", null);
    tasks.add(() -> {
      IntColumn c = t.intColumn("turn_number");
      for (Part p : parts) for (int i = 0; i < p.sink().n; i++) c.append(p.firstTurn() + i);
    });
    addConst(tasks, t, parts, "session_id", Part::sessionId);
    addConst(tasks, t, parts, "repo_id", Part::repoId);
    addConst(tasks, t, parts, "user_id", Part::userId);
    addConst(tasks, t, parts, "agent", Part::agent);
    addStr(tasks, t, parts, "role", s -> s.role);
    addStr(tasks, t, parts, "turn_type", s -> s.turnType);
    addDict(tasks, built, t, parts, "content", s -> s.content);
    addStr(tasks, t, parts, "model", s -> s.model);
    addStr(tasks, t, parts, "tool_name", s -> s.toolName);
    addDict(tasks, built, t, parts, "tool_call_id", s -> s.toolCallId);
    addStr(tasks, t, parts, "tool_category", s -> s.toolCategory);
    addStr(tasks, t, parts, "file_path", s -> s.filePath);
    addStr(tasks, t, parts, "command", s -> s.command);
    addStr(tasks, t, parts, "pattern", s -> s.pattern);
    addDict(tasks, built, t, parts, "tool_input_json", s -> s.toolInput);
    addDict(tasks, built, t, parts, "message_id", s -> s.messageId);
    addStr(tasks, t, parts, "event", s -> s.event);
    addInt(tasks, t, parts, "char_count", s -> s.chars);
    addInt(tasks, t, parts, "word_count", s -> s.words);
    addLong(tasks, t, parts, "input_tokens", s -> s.inTok);
    addLong(tasks, t, parts, "output_tokens", s -> s.outTok);
    addLong(tasks, t, parts, "cache_read_input_tokens", s -> s.cacheTok);
    addFlag(tasks, t, parts, "is_conversational", CONV);
    addFlag(tasks, t, parts, "is_error", ERROR);
    addFlag(tasks, t, parts, "is_interrupt", INTERRUPT);
    addFlag(tasks, t, parts, "is_sidechain", SIDECHAIN);
    tasks.add(() -> {
      InstantColumn c = t.instantColumn("timestamp");
      for (Part p : parts) {
        long[] a = p.sink().ts;
        for (int i = 0; i < p.sink().n; i++) {
          if (a[i] == NULL) c.appendMissing();
          else c.append(Instant.ofEpochSecond(Math.floorDiv(a[i], 1_000_000L), Math.floorMod(a[i], 1_000_000L) * 1000));
        }
      }
    });
    List<java.util.concurrent.Future<?>> fs = new ArrayList<>();
    for (Runnable r : tasks) {
      if (pool != null) {
        fs.add(pool.submit(r));
      } else {
        java.util.concurrent.FutureTask<Void> f = new java.util.concurrent.FutureTask<>(r, null);
        f.run();
        fs.add(f);
      }
    }
    for (java.util.concurrent.Future<?> f : fs) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException("filling conversations columns: " + e.getCause(), e.getCause());
      }
    }
    if (!built.isEmpty()) {
      // swap in the built columns, keeping the column order (replaceColumn checks sizes one by one)
      java.util.Map<String, StringColumn> byName = new java.util.HashMap<>();
      for (StringColumn c : built) byName.put(c.name(), c);
      List<tech.tablesaw.columns.Column<?>> cols = new ArrayList<>();
      for (tech.tablesaw.columns.Column<?> c : t.columns()) {
        StringColumn b = byName.get(c.name());
        cols.add(b != null ? b : c);
      }
      t.removeColumns(t.columnNames().toArray(new String[0]));
      t.addColumns(cols.toArray(new tech.tablesaw.columns.Column<?>[0]));
    }
  }

  /**
   * A string column whose values are mostly distinct (content, ids, tool input): Tablesaw's
   * StringColumn appends go through a byte, then a short dictionary and re-append every value on
   * each promotion. When the column ends up with more distinct values than a short dictionary
   * holds, the int dictionary it would be promoted to is built directly (same keys, assigned in
   * order of first appearance, and the same maps), and replaces the table's empty column after
   * all tasks ran; otherwise, or when the column is not empty, values are appended as usual.
   *
   * @param v the sink's value array, or null for turn_id (session_id + ':' + padded turn number)
   */
  private static void addDict(List<Runnable> tasks, List<StringColumn> built, Table t, List<Part> parts,
      String col, java.util.function.Function<ConversationSink, String[]> v) {
    StringColumn target = t.stringColumn(col);
    tasks.add(() -> {
      int total = 0;
      for (Part p : parts) total += p.sink().n;
      String[] vals = new String[total];
      int r = 0;
      for (Part p : parts) {
        if (v == null) {
          String prefix = p.sessionId() + ":";
          for (int i = 0; i < p.sink().n; i++) vals[r++] = prefix + pad6(p.firstTurn() + i);
        } else {
          System.arraycopy(v.apply(p.sink()), 0, vals, r, p.sink().n);
          r += p.sink().n;
        }
      }
      StringColumn c = target.isEmpty() ? intDictionaryColumn(col, vals) : null;
      if (c == null) {
        for (String x : vals) target.append(x);
      } else {
        synchronized (built) {
          built.add(c);
        }
      }
    });
  }

  /** Most distinct values a Tablesaw short dictionary holds (keys MIN_VALUE+1 .. MAX_VALUE-1). */
  private static final int SHORT_DICTIONARY_MAX = Short.MAX_VALUE - Short.MIN_VALUE - 1;

  /**
   * The column Tablesaw's appends of {@code vals} give when they overflow a short dictionary into
   * an int dictionary (IntDictionaryMap: keys from Integer.MIN_VALUE + 1 in order of first
   * appearance, missing = null or "" under key Integer.MAX_VALUE). Null (append as usual) when
   * there are too few distinct values, or when Tablesaw would turn the column into a plain text
   * store instead (ShortDictionaryMap.promoteYourself: more than half of the rows so far distinct
   * when the 65,535th distinct value arrives).
   */
  static StringColumn intDictionaryColumn(String name, String[] vals) {
    it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap<String> valueToKey =
        new it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap<>();
    valueToKey.defaultReturnValue(Integer.MIN_VALUE);
    it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap<String> keyToValue =
        new it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap<>();
    it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap keyToCount = new it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap();
    keyToCount.defaultReturnValue(0);
    int[] keys = new int[vals.length];
    int next = Integer.MIN_VALUE;
    boolean missing = false;
    for (int i = 0; i < vals.length; i++) {
      String x = vals[i];
      int k;
      if (x == null || x.isEmpty()) {
        k = Integer.MAX_VALUE;
        if (!missing) {
          keyToValue.put(k, "");
          valueToKey.put("", k);
          missing = true;
        }
      } else {
        k = valueToKey.getInt(x);
        if (k == Integer.MIN_VALUE) {
          if ((long) next - Integer.MIN_VALUE == SHORT_DICTIONARY_MAX
              && SHORT_DICTIONARY_MAX + (missing ? 1 : 0) > 0.5 * i) {
            // Tablesaw's short dictionary overflows here, and with more than half the rows so far
            // distinct it turns into a plain text store, not an int dictionary: append as usual
            return null;
          }
          k = ++next;
          keyToValue.put(k, x);
          valueToKey.put(x, k);
        }
      }
      keys[i] = k;
      keyToCount.addTo(k, 1);
    }
    if ((long) next - Integer.MIN_VALUE <= SHORT_DICTIONARY_MAX) return null;
    tech.tablesaw.columns.strings.IntDictionaryMap map = new tech.tablesaw.columns.strings.IntDictionaryMap.IntDictionaryBuilder()
        .setNextIndex(next)
        .setKeyToValue(keyToValue)
        .setValueToKey(valueToKey)
        .setKeyToCount(keyToCount)
        .setValues(keys)
        .build();
    return StringColumn.createInternal(name, map);
  }

  private static void addConst(List<Runnable> tasks, Table t, List<Part> parts, String col,
      java.util.function.Function<Part, String> v) {
    tasks.add(() -> {
      StringColumn c = t.stringColumn(col);
      for (Part p : parts) {
        String x = v.apply(p);
        for (int i = 0; i < p.sink().n; i++) c.append(x);
      }
    });
  }

  private static void addStr(List<Runnable> tasks, Table t, List<Part> parts, String col,
      java.util.function.Function<ConversationSink, String[]> v) {
    tasks.add(() -> {
      StringColumn c = t.stringColumn(col);
      for (Part p : parts) {
        String[] a = v.apply(p.sink());
        for (int i = 0; i < p.sink().n; i++) c.append(a[i]);
      }
    });
  }

  private static void addInt(List<Runnable> tasks, Table t, List<Part> parts, String col,
      java.util.function.Function<ConversationSink, int[]> v) {
    tasks.add(() -> {
      IntColumn c = t.intColumn(col);
      for (Part p : parts) {
        int[] a = v.apply(p.sink());
        for (int i = 0; i < p.sink().n; i++) c.append(a[i]);
      }
    });
  }

  private static void addLong(List<Runnable> tasks, Table t, List<Part> parts, String col,
      java.util.function.Function<ConversationSink, long[]> v) {
    tasks.add(() -> {
      LongColumn c = t.longColumn(col);
      for (Part p : parts) {
        long[] a = v.apply(p.sink());
        for (int i = 0; i < p.sink().n; i++) appendLong(c, a[i]);
      }
    });
  }

  private static void addFlag(List<Runnable> tasks, Table t, List<Part> parts, String col, byte bit) {
    tasks.add(() -> {
      BooleanColumn c = t.booleanColumn(col);
      for (Part p : parts) {
        byte[] a = p.sink().flags;
        for (int i = 0; i < p.sink().n; i++) c.append((a[i] & bit) != 0);
      }
    });
  }

  private static void appendLong(LongColumn c, long v) {
    if (v == NULL) c.appendMissing();
    else c.append(v);
  }

  /** Zero-padded to at least 6 digits. */
  static String pad6(int no) {
    String s = Integer.toString(no);
    return s.length() >= 6 ? s : "000000".substring(s.length()) + s;
  }

  /** Frees the row arrays after {@link #appendTo} (problems, warnings and session info stay). */
  public void release() {
    role = turnType = content = model = toolName = toolCallId = toolCategory = filePath = command =
        pattern = toolInput = messageId = event = new String[0];
    chars = words = new int[0];
    ts = inTok = outTok = cacheTok = new long[0];
    flags = new byte[0];
  }

  /** Sum of non-null values of a token column over all rows: input, output or cache_read. */
  public long tokenSum(String which) {
    long[] a = switch (which) {
      case "input" -> inTok;
      case "output" -> outTok;
      case "cache_read" -> cacheTok;
      default -> throw new IllegalArgumentException("token column '" + which + "'");
    };
    long s = 0;
    for (int i = 0; i < n; i++) if (a[i] != NULL) s += a[i];
    return s;
  }

  /** Rows whose turn type is {@code user_prompt}. */
  public int promptCount() {
    int c = 0;
    for (int i = 0; i < n; i++) if ("user_prompt".equals(turnType[i])) c++;
    return c;
  }
}
