package dev.personas.synth;

import dev.personas.load.*;
import java.nio.file.*;
import java.util.*;

class IngestProbe {
  public static void main(String[] a) throws Exception {
    Path tmp = Files.createTempDirectory("ip");
    SynthOptions o = SynthOptions.defaults().withUsers(4).withSessions(12).withSeed(99).withNoise(1.0).withCodexShare(0.5);
    Generator.write(o, tmp);
    IngestResult res = Ingest.load(List.of(tmp.resolve("entire")), IngestOptions.defaults().withUserMapping(tmp.resolve("sessions.csv")).withRawUserIds(true));
    for (var f : res.report().files()) System.out.println(f.path().replace(tmp.toString(), "") + " fmt=" + f.format() + " rows=" + f.rows() + " skipped=" + f.skipped() + " problems=" + f.problems() + " warnings=" + (f.warnings().size() > 3 ? f.warnings().subList(0, 3) + "..." + f.warnings().size() : f.warnings()) + " note=" + f.note());
    System.out.println(res.report().totals());
    System.out.println(Files.readString(tmp.resolve("truth/sessions.csv")));
  }
}
