package dev.personas.features;

import dev.personas.load.Decompress;
import dev.personas.load.SessionInfo;
import dev.personas.load.TranscriptSink;
import dev.personas.load.Turn;
import dev.personas.load.formats.ClaudeCodeFormat;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Real user prompts of the development corpus's Claude Code transcripts, read at test time (never
 * stored): every {@code user_prompt} record that is not sidechain, in session order, with its rank in
 * the session. Test repositories (computermode/test-repo, adrianmg/test-repo) are left out, and so
 * are agent-team messages ({@code <teammate-message ...>}), which Claude Code logs as user records
 * but no human typed.
 */
final class CorpusPrompts {
  static final Set<String> TEST_REPOS = Set.of("computermode/test-repo", "adrianmg/test-repo");

  /** One prompt: its SHA-256 prefix, text, and 0-based rank among its session's prompts. */
  record Prompt(String hash, String text, int rank) {}

  static List<Prompt> read(Path corpus) throws IOException {
    List<Prompt> out = new ArrayList<>();
    ClaudeCodeFormat fmt = new ClaudeCodeFormat();
    try (BufferedReader r = Files.newBufferedReader(corpus.resolve("sessions.csv"))) {
      String header = r.readLine();
      if (header == null) return out;
      String line;
      while ((line = r.readLine()) != null) {
        String[] f = line.split(",", -1);
        if (f.length < 6 || !f[4].equals("claude-code-jsonl") || TEST_REPOS.contains(f[0])) continue;
        Path file = corpus.resolve(f[5]);
        if (!Files.isRegularFile(file)) continue;
        List<String> prompts = new ArrayList<>();
        SessionInfo info = new SessionInfo();
        TranscriptSink sink = new TranscriptSink() {
          @Override public void turn(Turn t) {
            if ("user_prompt".equals(t.turnType) && !t.isSidechain && !t.isInterrupt
                && t.content != null && !t.content.stripLeading().startsWith("<teammate-message")) {
              prompts.add(t.content);
            }
          }
          @Override public void problem(long l, String reason) {}
          @Override public SessionInfo session() { return info; }
        };
        try (InputStream in = Decompress.open(file)) {
          fmt.parse(in, sink);
        }
        for (int i = 0; i < prompts.size(); i++) out.add(new Prompt(hash(prompts.get(i)), prompts.get(i), i));
      }
    }
    return out;
  }

  /** First 16 hex digits of the SHA-256 of the UTF-8 text. */
  static String hash(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Dev aid: prints lexicon hits (rank >= 1) to stdout for labelling; never into the project. */
  public static void main(String[] args) throws IOException {
    List<Prompt> all = read(Path.of(args[0]));
    java.util.TreeMap<String, Prompt> hits = new java.util.TreeMap<>();
    int later = 0;
    java.util.Map<String, Integer> byEntry = new java.util.TreeMap<>();
    for (Prompt p : all) {
      if (p.rank() < 1) continue;
      later++;
      String m = PushbackLexicon.firstMatch(p.text());
      if (m != null) {
        hits.putIfAbsent(p.hash(), p);
        byEntry.merge(m, 1, Integer::sum);
      }
    }
    System.out.println("# prompts " + all.size() + " later " + later + " hits " + hits.size() + " " + byEntry);
    int limit = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int k = 0;
    for (Prompt p : hits.values()) {
      if (k++ >= limit) break;
      String t = p.text().replaceAll("\\s+", " ");
      System.out.println("=== " + p.hash() + " [" + PushbackLexicon.firstMatch(p.text()) + "] "
          + (t.length() > 500 ? t.substring(0, 500) + "..." : t));
    }
  }
}
