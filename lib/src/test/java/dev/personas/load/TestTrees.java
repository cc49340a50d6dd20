package dev.personas.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Builders for small hand-written Entire trees and transcripts (nothing from the corpus). */
final class TestTrees {
  private TestTrees() {}

  /** A Claude Code transcript of {@code prompts} prompt/answer pairs, times from minute {@code from}. */
  static String claude(String sessionId, int from, int prompts) {
    List<String> lines = new ArrayList<>();
    for (int i = from; i < from + prompts; i++) {
      String ts = String.format("2026-03-01T10:%02d:00Z", i);
      String ts2 = String.format("2026-03-01T10:%02d:30Z", i);
      lines.add("{\"type\":\"user\",\"uuid\":\"u" + i + "\",\"sessionId\":\"" + sessionId
          + "\",\"timestamp\":\"" + ts + "\",\"message\":{\"role\":\"user\",\"content\":\"prompt number " + i + "\"}}");
      lines.add("{\"type\":\"assistant\",\"uuid\":\"a" + i + "\",\"sessionId\":\"" + sessionId
          + "\",\"timestamp\":\"" + ts2 + "\",\"message\":{\"model\":\"claude-test\",\"id\":\"m" + i
          + "\",\"content\":[{\"type\":\"text\",\"text\":\"answer " + i + "\"}],\"usage\":{\"input_tokens\":1,\"output_tokens\":2}}}");
    }
    return String.join("\n", lines) + "\n";
  }

  static String compact(String agent, int prompts) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < prompts; i++) {
      sb.append("{\"v\":1,\"agent\":\"").append(agent).append("\",\"type\":\"user\",\"ts\":\"2026-04-01T09:0")
          .append(i).append(":00Z\",\"content\":[{\"text\":\"compact prompt ").append(i).append("\"}]}\n");
      sb.append("{\"v\":1,\"agent\":\"").append(agent).append("\",\"type\":\"assistant\",\"ts\":\"2026-04-01T09:0")
          .append(i).append(":10Z\",\"id\":\"r").append(i).append("\",\"output_tokens\":3,\"content\":[{\"type\":\"text\",\"text\":\"ok\"}]}\n");
    }
    return sb.toString();
  }

  static String sessionMeta(String checkpointId, String sessionId, String createdAt, String agent,
      long in, long out, long agentLines, long total) {
    return "{\"checkpoint_id\":\"" + checkpointId + "\",\"session_id\":\"" + sessionId
        + "\",\"strategy\":\"manual-commit\",\"created_at\":\"" + createdAt + "\",\"files_touched\":[]"
        + (agent == null ? "" : ",\"agent\":\"" + agent + "\"") + ",\"model\":\"model-x\""
        + ",\"token_usage\":{\"input_tokens\":" + in + ",\"cache_creation_tokens\":0,\"cache_read_tokens\":5,\"output_tokens\":" + out + "}"
        + ",\"initial_attribution\":{\"agent_lines\":" + agentLines + ",\"human_added\":" + (total - agentLines)
        + ",\"human_modified\":1,\"human_removed\":2,\"total_committed\":" + total + ",\"agent_percentage\":0}"
        + ",\"session_metrics\":{\"turn_count\":9}}";
  }

  static String checkpointMeta(String checkpointId) {
    return "{\"checkpoint_id\":\"" + checkpointId + "\",\"strategy\":\"manual-commit\",\"sessions\":[],"
        + "\"token_usage\":{\"input_tokens\":0,\"output_tokens\":0}}";
  }

  static void write(Path p, String s) throws IOException {
    Files.createDirectories(p.getParent());
    Files.writeString(p, s, StandardCharsets.UTF_8);
  }

  static void writeGz(Path p, String s) throws IOException {
    Files.createDirectories(p.getParent());
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(b)) {
      g.write(s.getBytes(StandardCharsets.UTF_8));
    }
    Files.write(p, b.toByteArray());
  }

  /**
   * A repository folder {@code acme+widgets} with: S1 over two cumulative v1 checkpoints (the later
   * split into full.jsonl + full.jsonl.001) by Alice; S2 compact-only (Codex); S3 metadata only;
   * S4 in v2 main (compact) + full/current (gzip raw_transcript); S5 in a shadow branch; S6 in a
   * one-ref-per-checkpoint folder; a non-cumulative early session; a notes file.
   */
  static Path entireRepo(Path root) throws IOException {
    Path r = root.resolve("acme+widgets");
    write(r.resolve("_commits.jsonl"),
        "{\"commit_sha\":\"c1\",\"author_name\":\"Alice\",\"checkpoint_ids\":[\"aa11111111\"]}\n"
            + "{\"commit_sha\":\"c2\",\"author_name\":\"Alice\",\"checkpoint_ids\":[\"bb22222222\",\"cc33333333\"]}\n"
            + "{\"commit_sha\":\"c3\",\"author_name\":\"Carol\",\"checkpoint_ids\":[\"dd44444444\"]}\n");
    // S1: cumulative checkpoints
    write(r.resolve("v1/aa/11111111/metadata.json"), checkpointMeta("aa11111111"));
    write(r.resolve("v1/aa/11111111/0/metadata.json"),
        sessionMeta("aa11111111", "S1", "2026-03-01T10:05:00Z", "Claude Code", 10, 20, 10, 20));
    write(r.resolve("v1/aa/11111111/0/full.jsonl"), claude("S1", 0, 2));
    write(r.resolve("v1/aa/11111111/0/prompt.txt"), "prompt number 0\n\n---\n\nprompt number 1");
    write(r.resolve("v1/bb/22222222/0/metadata.json"),
        sessionMeta("bb22222222", "S1", "2026-03-01T10:09:00Z", "Claude Code", 5, 6, 30, 40));
    write(r.resolve("v1/bb/22222222/0/full.jsonl"), claude("S1", 0, 3));
    write(r.resolve("v1/bb/22222222/0/full.jsonl.001"), claude("S1", 3, 1));
    write(r.resolve("v1/bb/22222222/0/transcript.jsonl"), compact("claude-code", 1));
    // S2: compact only, Codex
    write(r.resolve("v1/cc/33333333/0/metadata.json"),
        sessionMeta("cc33333333", "S2", "2026-04-01T09:30:00Z", "Codex", 1, 1, 0, 0));
    write(r.resolve("v1/cc/33333333/0/transcript.jsonl"), compact("codex", 2));
    // S3: metadata only (early data: agent missing means Claude Code)
    write(r.resolve("v1/cc/33333333/1/metadata.json"),
        sessionMeta("cc33333333", "S3", "2026-04-01T09:31:00Z", null, 1, 1, 0, 0));
    // S4: v2 main + full/current
    write(r.resolve("v2-main/dd/44444444/metadata.json"), checkpointMeta("dd44444444"));
    write(r.resolve("v2-main/dd/44444444/0/metadata.json"),
        sessionMeta("dd44444444", "S4", "2026-05-01T10:00:00Z", "Agent", 1, 1, 0, 0));
    write(r.resolve("v2-main/dd/44444444/0/transcript.jsonl"), compact("claude-code", 1));
    writeGz(r.resolve("v2-full-current/dd/44444444/0/raw_transcript"), claude("S4", 0, 2));
    // S5: shadow branch, not condensed
    write(r.resolve("shadow/1234567-abcdef/.entire/metadata/S5/full.jsonl"), claude("S5", 0, 1));
    write(r.resolve("shadow/1234567-abcdef/.entire/metadata/S5/context.md"), "# context");
    // S6: one ref per checkpoint
    write(r.resolve("cpref/ZZ/01ABCDEFZZ/metadata.json"), checkpointMeta("ee55555555"));
    write(r.resolve("cpref/ZZ/01ABCDEFZZ/0/metadata.json"),
        sessionMeta("ee55555555", "S6", "2026-06-01T10:00:00Z", "Claude Code", 1, 1, 0, 0));
    write(r.resolve("cpref/ZZ/01ABCDEFZZ/0/full.jsonl"), claude("S6", 0, 1));
    // early non-cumulative slices
    String early = "2026-01-05-0000aaaa-bbbb";
    write(r.resolve("v1/f1/00000001/0/metadata.json"),
        sessionMeta("f100000001", early, "2026-01-05T10:00:00Z", null, 1, 1, 0, 0));
    write(r.resolve("v1/f1/00000001/0/full.jsonl"), claude(early, 0, 2));
    write(r.resolve("v1/f2/00000002/0/metadata.json"),
        sessionMeta("f200000002", early, "2026-01-05T11:00:00Z", null, 1, 1, 0, 0));
    write(r.resolve("v1/f2/00000002/0/full.jsonl"), claude(early, 10, 3));
    write(r.resolve("notes.txt"), "just some notes, not a transcript\n");
    return root;
  }
}
