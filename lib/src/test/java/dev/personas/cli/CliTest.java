package dev.personas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every command run as a user would, through the command line's own parser: arguments, exit code,
 * files written. One small generated dataset goes through generate, features, types, personas,
 * models and me.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CliTest {
  Path dir;
  Path data;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter(), err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @BeforeAll
  void generate(@TempDir Path tmp) {
    dir = tmp;
    data = dir.resolve("data");
    Run r = run("generate", "--out", data.toString(), "--users", "12", "--sessions", "120", "--seed", "5", "--noise", "0");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(data.resolve("sessions.csv")).exists();
    assertThat(data.resolve("truth")).isDirectory();
  }

  @Test
  void featuresTypesPersonasModelsAndMe() throws Exception {
    Path features = dir.resolve("features.parquet");
    Run f = run("features", data.toString(), "--out", features.toString());
    assertThat(f.code()).as(f.err()).isZero();
    assertThat(features).exists();

    Path types = dir.resolve("types");
    Run t = run("types", features.toString(), "--out", types.toString(), "--k-max", "6", "--bootstrap", "5");
    assertThat(t.code()).as(t.err()).isZero();
    for (String file : List.of("assignments.csv", "profiles.csv", "model_selection.csv", "model.json")) {
      assertThat(types.resolve(file)).exists();
    }

    Path personas = dir.resolve("personas");
    Run p = run("personas", features.toString(), types.resolve("assignments.csv").toString(),
        "--out", personas.toString(), "--bootstrap", "5");
    assertThat(p.code()).as(p.err()).isZero();
    assertThat(personas.resolve("users.csv")).exists();
    assertThat(personas.resolve("model.json")).exists();

    Path models = dir.resolve("models");
    Run m = run("models", data.toString(), "--out", models.toString());
    assertThat(m.code()).as(m.err()).isZero();
    assertThat(models.resolve("types/model.json")).exists();
    assertThat(models.resolve("personas/model.json")).exists();

    // one user's sessions as "my" transcripts: the generated Entire tree of the sample
    Path html = dir.resolve("card.html");
    Run me = run("me", data.resolve("entire").toString(), "--model", models.toString(), "--html", html.toString());
    assertThat(me.code()).as(me.err()).isZero();
    String card = Files.readString(html);
    assertThat(card).contains("<html").contains("Persona").contains("src=\"data:image/png;base64,")
        .doesNotContain("http://").doesNotContain("https://");
  }

  @Test
  void meWithoutDataSaysWhereItLooked() {
    Path home = dir.resolve("empty-home");
    Run r = run("me", "--home", home.toString());
    assertThat(r.code()).isEqualTo(1);
  }

  @Test
  void badUsageExitsTwoAndNamesTheOption() {
    Run r = run("types", "no-such-file.parquet", "--out", dir.resolve("x").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("no-such-file.parquet");
    Run u = run("features");
    assertThat(u.code()).isEqualTo(2);
    assertThat(u.err()).contains("--out");
  }

  @Test
  void everyCommandHasHelp() {
    for (String c : List.of("ingest", "features", "types", "personas", "generate", "me", "models")) {
      Run r = run(c, "--help");
      assertThat(r.code()).isZero();
      assertThat(r.out()).contains("Usage:");
    }
  }
}
