package dev.personas.synth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.personas.testing.Corpus;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed sample {@code data/sample/} is exactly what its recorded command produces:
 * regenerating it with the options in {@code data/sample/synth.properties} (which are
 * {@link SynthOptions#defaults()}) gives the same files with the same SHA-256 checksums.
 */
class SampleChecksumTest {
  @TempDir Path tmp;

  static TreeMap<String, String> checksums(Path root) throws Exception {
    TreeMap<String, String> out = new TreeMap<>();
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files = s.filter(Files::isRegularFile).toList();
    }
    for (Path f : files) {
      String rel = root.relativize(f).toString();
      if (rel.equals("README.md")) continue;
      out.put(rel, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
    }
    return out;
  }

  @Test
  void regeneratingTheSampleGivesTheCommittedBytes() throws Exception {
    Path sample = Corpus.projectRoot().resolve("data/sample");
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(sample.resolve("synth.properties"))) {
      p.load(r);
    }
    SynthOptions o = SynthOptions.fromProperties(p);
    assertThat(o).isEqualTo(SynthOptions.defaults());
    Generator.write(o, tmp);
    TreeMap<String, String> want = checksums(sample);
    TreeMap<String, String> got = checksums(tmp);
    assertThat(want).hasSizeGreaterThan(1000);
    assertThat(got.keySet()).containsExactlyElementsOf(want.keySet());
    assertThat(got).isEqualTo(want);
  }
}
