package dev.personas.synth;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/**
 * Writes a synthetic dataset with planted truth. Layout under {@code out}:
 *
 * <pre>
 *   synth.properties                     the options (see {@link SynthOptions#toProperties()})
 *   sessions.csv                         repo_id,session_id,user_id,agent,format,transcript
 *                                        (the researcher's user mapping, like the corpus's)
 *   entire/&lt;owner&gt;+&lt;repo&gt;/v1/&lt;id[0:2]&gt;/&lt;id[2:]&gt;/metadata.json       checkpoint metadata
 *   entire/&lt;owner&gt;+&lt;repo&gt;/v1/&lt;id[0:2]&gt;/&lt;id[2:]&gt;/0/metadata.json     session metadata
 *   entire/&lt;owner&gt;+&lt;repo&gt;/v1/&lt;id[0:2]&gt;/&lt;id[2:]&gt;/0/full.jsonl[.gz|.xz]  the transcript
 *   sessions.parquet, conversations.parquet   (format parquet) SWE-chat schema, see {@link ParquetSink}
 *   truth/sessions.csv                   session_id,user_id,repo_id,agent,planted_type,planted_persona,mess
 *   truth/users.csv                      user_id,planted_persona,agent,sessions
 *   truth/types.csv, truth/personas.csv  the recipes' ids and labels, persona mixtures
 * </pre>
 *
 * <p>One checkpoint per session, one session per checkpoint. CSV rows are in generation order (user
 * order, then session start). Same options, same bytes: no wall clock, seeded streams, files
 * written in a fixed order.
 */
public final class Generator {
  private Generator() {}

  /** What a run wrote. */
  public record Summary(int users, int sessions, long conversationRows, long transcriptBytes,
      int messedSessions) {}

  private static final int BATCH = 2048;

  /**
   * Generates the dataset of {@code o} into {@code out} (created if missing; existing files of the
   * same names are overwritten, a previous {@code entire/} and {@code truth/} are removed first).
   *
   * @throws IOException on write failures
   */
  public static Summary write(SynthOptions o, Path out) throws IOException {
    return write(o, out, PooledParquet.POOL);
  }

  /**
   * As {@link #write(SynthOptions, Path)}; a parquet-only dataset of more than {@code pool}
   * sessions builds {@code pool} of them event by event and reuses their rows for the others
   * (see {@link PooledParquet}). With the Entire layout every session is built and written exactly.
   */
  static Summary write(SynthOptions o, Path out, int pool) throws IOException {
    Files.createDirectories(out);
    deleteTree(out.resolve("entire"));
    deleteTree(out.resolve("truth"));
    Files.createDirectories(out.resolve("truth"));
    boolean entire = o.formats().contains(SynthOptions.Format.ENTIRE);
    boolean parquet = o.formats().contains(SynthOptions.Format.PARQUET);
    try (Writer w = Files.newBufferedWriter(out.resolve("synth.properties"))) {
      w.write("# persona-workbench synthetic dataset options\n");
      var p = o.toProperties();
      for (String k : new java.util.TreeSet<>(p.stringPropertyNames())) w.write(k + "=" + p.getProperty(k) + "\n");
    }
    List<SynthUser> users = Population.users(o);
    int[] per = Population.sessionsPerUser(o);
    int total = o.sessions();
    int[] userOf = new int[total];
    long[] startOf = new long[total];
    int g = 0;
    for (SynthUser u : users) {
      long[] st = Population.starts(o, u, per[u.index()]);
      for (long t : st) {
        userOf[g] = u.index();
        startOf[g++] = t;
      }
    }
    if (parquet && !entire) {
      PooledParquet.Result r;
      try (BufferedWriter truth = Files.newBufferedWriter(out.resolve("truth/sessions.csv"))) {
        truth.write("session_id,user_id,repo_id,agent,planted_type,planted_persona,mess\n");
        r = PooledParquet.write(o, out, users, userOf, startOf, pool, truth);
      }
      writeUsers(out, users, per);
      writeDictionaries(out);
      return new Summary(users.size(), total, r.rows(), 0, r.messed());
    }
    JsonFactory jf = new JsonFactory().setRootValueSeparator(null);
    ClaudeWriter claude = new ClaudeWriter(jf);
    CodexWriter codex = new CodexWriter(jf);
    long bytes = 0;
    int messed = 0;
    try (BufferedWriter map = entire ? Files.newBufferedWriter(out.resolve("sessions.csv")) : null;
        BufferedWriter truth = Files.newBufferedWriter(out.resolve("truth/sessions.csv"));
        ParquetSink sink = parquet ? new ParquetSink(out) : null) {
      if (map != null) map.write("repo_id,session_id,user_id,agent,format,transcript\n");
      truth.write("session_id,user_id,repo_id,agent,planted_type,planted_persona,mess\n");
      for (int from = 0; from < total; from += BATCH) {
        int to = Math.min(total, from + BATCH);
        List<SynthSession> batch = IntStream.range(from, to).parallel()
            .mapToObj(i -> Population.session(o, users.get(userOf[i]), i, startOf[i]))
            .toList();
        long[] sizes = new long[batch.size()];
        if (entire) {
          IntStream.range(0, batch.size()).parallel().forEach(i -> {
            try {
              sizes[i] = writeEntire(batch.get(i), out, o, claude, codex);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
        }
        for (int i = 0; i < batch.size(); i++) {
          SynthSession s = batch.get(i);
          bytes += sizes[i];
          if (!s.mess.isEmpty()) messed++;
          if (map != null) {
            map.write(s.repoId + "," + s.sessionId + "," + s.user.userId() + "," + s.agent() + ","
                + (s.user.codex() ? "codex-rollout-jsonl" : "claude-code-jsonl") + ","
                + transcriptPath(s, o) + "\n");
          }
          truth.write(s.sessionId + "," + s.user.userId() + "," + s.repoId + "," + s.agent() + ","
              + s.type.id() + "," + s.user.persona().id() + "," + s.mess + "\n");
          if (sink != null) sink.add(s);
        }
      }
      long rows = sink == null ? 0 : sink.rows();
      writeUsers(out, users, per);
      writeDictionaries(out);
      if (sink != null) sink.close();
      return new Summary(users.size(), total, rows, bytes, messed);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  static String sessionDir(SynthSession s) {
    return "entire/" + s.repoId.replace('/', '+') + "/v1/" + s.checkpointId.substring(0, 2) + "/"
        + s.checkpointId.substring(2);
  }

  static String transcriptPath(SynthSession s, SynthOptions o) {
    return sessionDir(s) + "/0/full.jsonl" + o.compression().suffix;
  }

  private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
      .withSeparators(Separators.createDefaultInstance()
          .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
      .withArrayIndenter(new DefaultIndenter("  ", "\n"))
      .withObjectIndenter(new DefaultIndenter("  ", "\n"));

  private static long writeEntire(SynthSession s, Path out, SynthOptions o, ClaudeWriter claude,
      CodexWriter codex) throws IOException {
    Path cp = out.resolve(sessionDir(s));
    Path sd = cp.resolve("0");
    Files.createDirectories(sd);
    Path tr = out.resolve(transcriptPath(s, o));
    try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(tr), 1 << 16);
        OutputStream os = compress(raw, o.compression())) {
      if (s.user.codex()) codex.write(s, os);
      else claude.write(s, os);
    }
    LinkedHashSet<String> touched = new LinkedHashSet<>();
    for (Ev e : s.events) {
      if (e.kind == Ev.Kind.TOOL_USE && (e.act == Ev.Act.EDIT || e.act == Ev.Act.WRITE) && e.file != null) touched.add(e.file);
    }
    List<String> files = new ArrayList<>(touched);
    files.sort(Comparator.naturalOrder());
    long created = s.endMs + 20_000;
    JsonFactory jf = new JsonFactory();
    try (JsonGenerator g = jf.createGenerator(Files.newOutputStream(cp.resolve("metadata.json")))) {
      g.setPrettyPrinter(PRETTY.createInstance());
      g.writeStartObject();
      g.writeStringField("cli_version", "0.5.2");
      g.writeStringField("checkpoint_id", s.checkpointId);
      g.writeStringField("strategy", "manual-commit");
      g.writeStringField("branch", s.branch);
      g.writeNumberField("checkpoints_count", 1);
      stringArray(g, "files_touched", files);
      g.writeArrayFieldStart("sessions");
      g.writeStartObject();
      String base = "/" + s.checkpointId.substring(0, 2) + "/" + s.checkpointId.substring(2) + "/0/";
      g.writeStringField("metadata", base + "metadata.json");
      g.writeStringField("transcript", base + "full.jsonl" + o.compression().suffix);
      g.writeEndObject();
      g.writeEndArray();
      tokenUsage(g, s);
      g.writeEndObject();
    }
    try (JsonGenerator g = jf.createGenerator(Files.newOutputStream(sd.resolve("metadata.json")))) {
      g.setPrettyPrinter(PRETTY.createInstance());
      g.writeStartObject();
      g.writeStringField("cli_version", "0.5.2");
      g.writeStringField("checkpoint_id", s.checkpointId);
      g.writeStringField("session_id", s.sessionId);
      g.writeStringField("strategy", "manual-commit");
      g.writeStringField("created_at", ClaudeWriter.ts(created));
      g.writeStringField("branch", s.branch);
      g.writeNumberField("checkpoints_count", 1);
      stringArray(g, "files_touched", files);
      g.writeStringField("agent", s.agent());
      g.writeStringField("model", s.model);
      g.writeStringField("turn_id", s.turnIdSeed.length() >= 12 ? s.turnIdSeed.substring(0, 12) : s.turnIdSeed);
      tokenUsage(g, s);
      g.writeObjectFieldStart("session_metrics");
      g.writeNumberField("turn_count", s.promptCount());
      g.writeNumberField("duration_ms", s.endMs - s.startMs);
      g.writeEndObject();
      g.writeObjectFieldStart("initial_attribution");
      g.writeStringField("calculated_at", ClaudeWriter.ts(created - 1000));
      g.writeNumberField("agent_lines", s.agentLines);
      g.writeNumberField("agent_removed", s.agentRemoved);
      g.writeNumberField("human_added", s.humanAdded);
      g.writeNumberField("human_modified", s.humanModified);
      g.writeNumberField("human_removed", s.humanRemoved);
      g.writeNumberField("total_committed", s.totalCommitted());
      g.writeNumberField("total_lines_changed", s.totalCommitted() + s.agentRemoved + s.humanRemoved);
      double pct = s.agentPercentage();
      if (pct == Math.rint(pct)) g.writeNumberField("agent_percentage", (long) pct);
      else g.writeNumberField("agent_percentage", pct);
      g.writeNumberField("metric_version", 2);
      g.writeEndObject();
      g.writeStringField("transcript_path", s.user.codex()
          ? ".codex/sessions/" + ClaudeWriter.ts(s.startMs).substring(0, 10).replace('-', '/') + "/rollout-" + s.sessionId + ".jsonl"
          : ".claude/projects/" + s.cwd.replace('/', '-') + "/" + s.sessionId + ".jsonl");
      g.writeEndObject();
    }
    return Files.size(tr);
  }

  private static void tokenUsage(JsonGenerator g, SynthSession s) throws IOException {
    g.writeObjectFieldStart("token_usage");
    g.writeNumberField("input_tokens", s.sum(e -> e.inTok));
    g.writeNumberField("cache_creation_tokens", s.sum(e -> e.cacheCreate));
    g.writeNumberField("cache_read_tokens", s.sum(e -> e.cacheRead));
    g.writeNumberField("output_tokens", s.sum(e -> e.outTok));
    g.writeNumberField("api_call_count", s.apiCalls());
    g.writeEndObject();
  }

  private static void stringArray(JsonGenerator g, String name, List<String> xs) throws IOException {
    g.writeArrayFieldStart(name);
    for (String x : xs) g.writeString(x);
    g.writeEndArray();
  }

  private static OutputStream compress(OutputStream raw, SynthOptions.Compression c) throws IOException {
    return switch (c) {
      case NONE -> raw;
      case GZ -> new GZIPOutputStream(raw, 1 << 16);
      case XZ -> {
        LZMA2Options lz = new LZMA2Options(6);
        lz.setDictSize(1 << 20);
        yield new XZOutputStream(raw, lz, org.tukaani.xz.BasicArrayCache.getInstance());
      }
    };
  }

  private static void writeUsers(Path out, List<SynthUser> users, int[] per) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(out.resolve("truth/users.csv"))) {
      w.write("user_id,planted_persona,agent,sessions\n");
      for (SynthUser u : users) {
        w.write(u.userId() + "," + u.persona().id() + "," + u.agent() + "," + per[u.index()] + "\n");
      }
    }
  }

  private static void writeDictionaries(Path out) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(out.resolve("truth/types.csv"))) {
      w.write("planted_type,label\n");
      for (SessionType t : SessionType.values()) w.write(t.id() + "," + t.label.replace(",", ";") + "\n");
    }
    try (BufferedWriter w = Files.newBufferedWriter(out.resolve("truth/personas.csv"))) {
      w.write("planted_persona,label,user_share");
      for (SessionType t : SessionType.values()) w.write("," + t.id());
      w.write("\n");
      for (Persona p : Persona.values()) {
        w.write(p.id() + "," + p.label + "," + String.format(Locale.ROOT, "%.2f", p.share));
        for (SessionType t : SessionType.values()) w.write(String.format(Locale.ROOT, ",%.2f", p.weight(t)));
        w.write("\n");
      }
    }
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) return;
    try (Stream<Path> s = Files.walk(p)) {
      for (Path x : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(x);
    }
  }
}
