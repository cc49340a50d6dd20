package dev.personas.types;

/**
 * Deterministic derivation of independent seeds from one base seed, so that every random task
 * (a restart, a bootstrap, a reference data set) gets its own seed independent of which thread runs
 * it or in which order. The mix is the SplitMix64 finaliser (Steele, Lea and Flood, "Fast splittable
 * pseudorandom number generators", OOPSLA 2014).
 */
public final class Seeds {
  private Seeds() {}

  /** A seed for task {@code index} of purpose {@code stream}, derived from {@code base}. */
  public static long derive(long base, long stream, long index) {
    long z = base + 0x9E3779B97F4A7C15L * (stream + 1) + 0xBF58476D1CE4E5B9L * (index + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
