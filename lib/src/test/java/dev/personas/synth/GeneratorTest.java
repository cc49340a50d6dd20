package dev.personas.synth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.XZInputStream;

class GeneratorTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final SynthOptions SMALL = SynthOptions.defaults().withUsers(8).withSessions(40)
      .withSeed(123).withNoise(0.8).withCodexShare(0.5)
      .withFormats(SynthOptions.parseFormats("both")).withCompression(SynthOptions.Compression.XZ);

  @TempDir static Path tmp;
  static Path a;
  static Generator.Summary summary;

  @BeforeAll
  static void generate() throws IOException {
    a = tmp.resolve("a");
    summary = Generator.write(SMALL, a);
  }

  static String treeHash(Path root) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path f : files) {
      md.update(root.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
      md.update(Files.readAllBytes(f));
    }
    return HexFormat.of().formatHex(md.digest());
  }

  static List<String[]> csv(Path f) throws IOException {
    List<String[]> rows = new ArrayList<>();
    List<String> lines = Files.readAllLines(f);
    for (String l : lines.subList(1, lines.size())) rows.add(l.split(",", -1));
    return rows;
  }

  static InputStream open(Path f) throws IOException {
    InputStream in = Files.newInputStream(f);
    return f.toString().endsWith(".xz") ? new XZInputStream(in) : in;
  }

  @Test
  void sameSeedSameBytesOtherSeedOtherBytes() throws Exception {
    Path b = tmp.resolve("b");
    Generator.write(SMALL, b);
    assertThat(treeHash(b)).isEqualTo(treeHash(a));
    Path c = tmp.resolve("c");
    Generator.write(SMALL.withSeed(124).withFormats(Set.of(SynthOptions.Format.ENTIRE)), c);
    assertThat(Files.readString(c.resolve("truth/sessions.csv")))
        .isNotEqualTo(Files.readString(a.resolve("truth/sessions.csv")));
  }

  @Test
  void truthFilesMatchTheData() throws Exception {
    List<String[]> map = csv(a.resolve("sessions.csv"));
    List<String[]> truth = csv(a.resolve("truth/sessions.csv"));
    List<String[]> users = csv(a.resolve("truth/users.csv"));
    assertThat(map).hasSize(40);
    assertThat(truth).hasSize(40);
    assertThat(users).hasSize(8);
    Map<String, String> personaOf = new HashMap<>();
    Map<String, Integer> count = new HashMap<>();
    for (String[] u : users) personaOf.put(u[0], u[1]);
    Set<String> typeIds = new java.util.HashSet<>();
    for (SessionType t : SessionType.values()) typeIds.add(t.id());
    for (int i = 0; i < 40; i++) {
      String[] m = map.get(i);
      String[] t = truth.get(i);
      assertThat(t[0]).isEqualTo(m[1]);
      assertThat(t[1]).isEqualTo(m[2]);
      assertThat(t[2]).isEqualTo(m[0]);
      assertThat(t[3]).isEqualTo(m[3]);
      assertThat(typeIds).contains(t[4]);
      assertThat(personaOf.get(t[1])).isEqualTo(t[5]);
      count.merge(t[1], 1, Integer::sum);
      Path tr = a.resolve(m[5]);
      assertThat(tr).exists();
      JsonNode meta = JSON.readTree(tr.getParent().resolve("metadata.json").toFile());
      assertThat(meta.get("session_id").asText()).isEqualTo(m[1]);
      assertThat(meta.get("agent").asText()).isEqualTo(m[3]);
      JsonNode cp = JSON.readTree(tr.getParent().getParent().resolve("metadata.json").toFile());
      assertThat(cp.get("checkpoint_id").asText()).isEqualTo(meta.get("checkpoint_id").asText());
      assertThat(m[5]).contains("/v1/" + cp.get("checkpoint_id").asText().substring(0, 2) + "/");
    }
    for (String[] u : users) assertThat(count.get(u[0])).isEqualTo(Integer.parseInt(u[3]));
  }

  /**
   * A minimal independent reading of the transcripts: every line is JSON except a deliberately
   * truncated last line; prompts counted the way the formats define them equal the metadata's
   * turn_count; tool calls pair with results.
   */
  @Test
  void transcriptsHaveTheRealRecordShapes() throws Exception {
    List<String[]> map = csv(a.resolve("sessions.csv"));
    Map<String, String> mess = new HashMap<>();
    for (String[] t : csv(a.resolve("truth/sessions.csv"))) mess.put(t[0], t[6]);
    int claude = 0, codex = 0;
    for (String[] m : map) {
      Path tr = a.resolve(m[5]);
      JsonNode meta = JSON.readTree(tr.getParent().resolve("metadata.json").toFile());
      int turns = meta.at("/session_metrics/turn_count").asInt();
      int prompts = 0, bad = 0, uses = 0, results = 0, lines = 0;
      boolean truncated = mess.get(m[1]).contains("truncated_last_line");
      try (BufferedReader r = new BufferedReader(new InputStreamReader(open(tr), StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          lines++;
          JsonNode n;
          try {
            n = JSON.readTree(line);
          } catch (IOException e) {
            bad++;
            continue;
          }
          if (m[4].equals("claude-code-jsonl")) {
            if (n.has("sessionId")) assertThat(n.get("sessionId").asText()).isEqualTo(m[1]);
            if (n.path("type").asText().equals("user") && !n.path("isSidechain").asBoolean()) {
              JsonNode c = n.at("/message/content");
              if (c.isTextual() && !n.path("isMeta").asBoolean() && !c.asText().startsWith("<")) prompts++;
              if (c.isArray() && c.get(0).path("type").asText().equals("tool_result")) results++;
            }
            if (n.path("type").asText().equals("assistant") && !n.path("isSidechain").asBoolean()) {
              JsonNode b = n.at("/message/content/0");
              if (b.path("type").asText().equals("tool_use")) uses++;
              assertThat(n.at("/message/usage/output_tokens").isNumber()).isTrue();
              assertThat(n.at("/message/id").asText()).startsWith("msg_");
            }
          } else {
            String type = n.path("type").asText();
            String pt = n.at("/payload/type").asText();
            if (type.equals("event_msg") && pt.equals("user_message")) prompts++;
            if (pt.equals("function_call") || pt.equals("custom_tool_call")) uses++;
            if (pt.equals("function_call_output") || pt.equals("custom_tool_call_output")) results++;
            if (pt.equals("function_call") && n.at("/payload/name").asText().equals("exec_command")) {
              assertThat(JSON.readTree(n.at("/payload/arguments").asText()).has("cmd")).isTrue();
            }
            if (lines == 1) assertThat(type).isEqualTo("session_meta");
          }
        }
      }
      if (m[4].equals("claude-code-jsonl")) claude++;
      else codex++;
      assertThat(bad).as(m[5]).isEqualTo(truncated ? 1 : 0);
      assertThat(prompts).as(m[5]).isEqualTo(turns).isPositive();
      assertThat(results).as(m[5]).isEqualTo(uses);
    }
    assertThat(claude).isPositive();
    assertThat(codex).isPositive();
  }

  @Test
  void parquetHasTheCanonicalColumnsAndRows() throws Exception {
    assertThat(summary.conversationRows()).isPositive();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      for (String[] t : new String[][] {{"sessions", "SESSIONS"}, {"conversations", "CONVERSATIONS"}}) {
        List<String> cols = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM read_parquet('"
            + a.resolve(t[0] + ".parquet") + "')")) {
          while (rs.next()) cols.add(rs.getString(1));
        }
        List<dev.personas.schema.Schema.Col> want = t[1].equals("SESSIONS")
            ? dev.personas.schema.Schema.SESSIONS : dev.personas.schema.Schema.CONVERSATIONS;
        assertThat(cols).containsExactlyElementsOf(want.stream().map(dev.personas.schema.Schema.Col::name).toList());
      }
      try (ResultSet rs = st.executeQuery("SELECT count(*), count(DISTINCT session_id), "
          + "sum(CASE WHEN turn_type = 'user_prompt' AND NOT is_sidechain THEN 1 ELSE 0 END)::BIGINT, "
          + "sum(CASE WHEN tool_category IS NULL AND role = 'tool_use' THEN 1 ELSE 0 END)::BIGINT "
          + "FROM read_parquet('" + a.resolve("conversations.parquet") + "')")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(summary.conversationRows());
        assertThat(rs.getLong(2)).isEqualTo(40);
        long prompts = 0;
        for (String[] m : csv(a.resolve("sessions.csv"))) {
          Path tr = a.resolve(m[5]);
          prompts += JSON.readTree(tr.getParent().resolve("metadata.json").toFile()).at("/session_metrics/turn_count").asInt();
        }
        assertThat(rs.getLong(3)).isEqualTo(prompts);
        assertThat(rs.getLong(4)).isZero();
      }
      try (ResultSet rs = st.executeQuery("SELECT count(*), sum(turn_count)::BIGINT, min(created_at) FROM read_parquet('"
          + a.resolve("sessions.parquet") + "')")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(40);
        assertThat(rs.getString(3)).startsWith("2026-03");
      }
    }
  }
}
