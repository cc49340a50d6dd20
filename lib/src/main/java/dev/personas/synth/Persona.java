package dev.personas.synth;

/**
 * The planted personas: each is a mixture over {@link SessionType}s (weights in enum order ASK,
 * QUICK_FIX, WORKSHOP, EXPLORE, DELEGATE, THRASH, OPS; they sum to 1). A user draws one persona,
 * then every session's type from that persona's mixture. The dominant type differs per persona
 * and carries at least half of the weight, so users are separable by their type shares.
 * Population shares ({@link #share}) are chosen so that the marginal mix of session types gives
 * SWE-chat-like medians (see {@code data/README.md}).
 */
public enum Persona {
  /** Fixes things in short loops. */
  FIXER("Quick fixer", 0.22, new double[] {0.12, 0.60, 0.06, 0.04, 0.02, 0.10, 0.06}),
  /** Long hands-on sessions of editing and testing. */
  BUILDER("Marathon builder", 0.16, new double[] {0.06, 0.16, 0.56, 0.06, 0.06, 0.04, 0.06}),
  /** Reads and asks more than edits. */
  EXPLORER("Explorer", 0.16, new double[] {0.34, 0.06, 0.02, 0.50, 0.04, 0.02, 0.02}),
  /** Plans, then hands work to sub-agents. */
  DELEGATOR("Delegator", 0.14, new double[] {0.06, 0.08, 0.10, 0.12, 0.58, 0.02, 0.04}),
  /** Runs builds, deployments and git. */
  OPERATOR("Operator", 0.16, new double[] {0.10, 0.14, 0.04, 0.04, 0.04, 0.04, 0.60}),
  /** Interrupts and redirects the agent often. */
  THRASHER("Impatient redirector", 0.16, new double[] {0.06, 0.22, 0.06, 0.02, 0.02, 0.58, 0.04});

  /** Human-readable name. */
  public final String label;
  /** Share of users with this persona (sums to 1 over all personas). */
  public final double share;
  private final double[] mix;

  Persona(String label, double share, double[] mix) {
    this.label = label;
    this.share = share;
    this.mix = mix;
  }

  /** Weight of {@code t} in this persona's mixture (0..1). */
  public double weight(SessionType t) {
    return mix[t.ordinal()];
  }

  /** Lowercase id used in truth files. */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
