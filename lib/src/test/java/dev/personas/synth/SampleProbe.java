package dev.personas.synth;

class SampleProbe {
  public static void main(String[] a) {
    for (int s : new int[] {600, 800, 900}) {
      for (long seed : new long[] {42, 7}) {
        var r = SeparabilityTest.recover(SynthOptions.defaults().withSessions(s).withSeed(seed), 7);
        System.out.printf("sessions %d seed %d: type ARI %.3f persona ARI %.3f%n", s, seed, r.typeAri(), r.personaAri());
      }
    }
  }
}
