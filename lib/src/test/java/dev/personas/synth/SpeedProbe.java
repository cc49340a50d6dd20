package dev.personas.synth;

import java.lang.management.ManagementFactory;
import java.util.List;

class SpeedProbe {
  public static void main(String[] a) throws Exception {
    var bean = ManagementFactory.getThreadMXBean();
    SynthOptions o = SynthOptions.defaults().withUsers(500).withSessions(Integer.parseInt(a[0]));
    List<SynthUser> us = Population.users(o);
    long c0 = bean.getCurrentThreadCpuTime();
    long ev = 0;
    int[] per = Population.sessionsPerUser(o);
    int g = 0;
    java.util.List<SynthSession> keep = new java.util.ArrayList<>();
    for (SynthUser u : us) for (long t : Population.starts(o, u, per[u.index()])) { SynthSession s = Population.session(o, u, g++, t); ev += s.events.size(); if (keep.size() < 3000) keep.add(s); }
    long c1 = bean.getCurrentThreadCpuTime();
    System.out.printf("build: %d sessions %d events %.2f s cpu%n", g, ev, (c1 - c0) / 1e9);
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("sp");
    long c2 = bean.getCurrentThreadCpuTime();
    long w0 = System.nanoTime();
    try (ParquetSink sink = new ParquetSink(dir)) {
      for (SynthSession s : keep) sink.add(s);
      long c3 = bean.getCurrentThreadCpuTime();
      System.out.printf("append: %d rows %.2f s cpu (this thread)%n", sink.rows(), (c3 - c2) / 1e9);
    }
    System.out.printf("total sink wall %.2f s%n", (System.nanoTime() - w0) / 1e9);
  }
}
