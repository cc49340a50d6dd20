package dev.personas.synth;

import java.util.List;

/**
 * One generated session: identity, planted truth, attribution and the event stream.
 * Package-private model shared by the writers and {@link ModelSignals}.
 */
final class SynthSession {
  int index;
  String sessionId;
  SynthUser user;
  String repoId;
  Vocab.Lang lang;
  SessionType type;
  String model;
  String checkpointId;
  String branch;
  String cwd;
  String commitHash;
  long startMs;
  long endMs;
  List<Ev> events;
  /** Deliberate mess, sorted names joined by ';' (empty when clean). */
  String mess = "";
  boolean truncateLast;
  long agentLines, agentRemoved, humanAdded, humanModified, humanRemoved;
  String turnIdSeed;

  String agent() {
    return user.agent();
  }

  long totalCommitted() {
    return agentLines + humanAdded + humanModified;
  }

  /** Share of committed lines written by the agent, 0..100, one decimal. */
  double agentPercentage() {
    long tot = totalCommitted();
    if (tot == 0) return 0;
    return Math.round(1000.0 * agentLines / tot) / 10.0;
  }

  long sum(java.util.function.ToLongFunction<Ev> f) {
    long s = 0;
    java.util.HashSet<String> seen = new java.util.HashSet<>();
    for (Ev e : events) {
      if (e.msgId != null && e.kind != Ev.Kind.SIDECHAIN && seen.add(e.msgId)) s += f.applyAsLong(e);
    }
    return s;
  }

  int apiCalls() {
    java.util.HashSet<String> seen = new java.util.HashSet<>();
    for (Ev e : events) if (e.msgId != null && e.kind != Ev.Kind.SIDECHAIN) seen.add(e.msgId);
    return seen.size();
  }

  int promptCount() {
    int n = 0;
    for (Ev e : events) if (e.kind == Ev.Kind.PROMPT) n++;
    return n;
  }
}
