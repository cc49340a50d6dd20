package dev.personas.synth;

import java.util.List;

/**
 * One synthetic user: planted persona, agent, repositories.
 *
 * @param index 0-based position in the user list
 * @param userId pseudonymous id {@code u} + 10 hex digits
 * @param persona planted persona
 * @param codex true when the user's sessions are Codex rollouts, else Claude Code
 * @param repos the user's repositories ({@code owner/name})
 * @param langs language index (into the vocabulary) of each repository
 * @param dev the developer's login-like name used in paths
 * @param handsOn 0..1, how often the user also edits code by hand (attribution)
 */
record SynthUser(int index, String userId, Persona persona, boolean codex, List<String> repos,
    int[] langs, String dev, double handsOn) {

  String agent() {
    return codex ? "Codex" : "Claude Code";
  }
}
