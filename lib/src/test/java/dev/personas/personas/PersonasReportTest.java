package dev.personas.personas;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class PersonasReportTest {
  @TempDir Path dir;

  @Test
  void commandWritesEveryOutputByteForByteTwice() throws Exception {
    PlantedPersonas d = new PlantedPersonas(8, 5L);
    Table f = d.features.copy();
    // add two Bigspin signals so that bigspin.csv is written
    SplittableRandom r = new SplittableRandom(1);
    IntColumn dec = IntColumn.create("decomposition");
    IntColumn ctx = IntColumn.create("context_loading_directive");
    for (int i = 0; i < f.rowCount(); i++) {
      dec.append(r.nextInt(2));
      ctx.append(r.nextInt(2));
    }
    f.addColumns(dec, ctx);
    PersonasReport.writeCsv(f, dir.resolve("features.csv"));
    // types as parquet through DuckDB
    PersonasReport.writeCsv(d.types, dir.resolve("types.csv"));
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      st.execute("COPY (SELECT * FROM read_csv_auto('" + dir.resolve("types.csv")
          + "')) TO '" + dir.resolve("types.parquet") + "' (FORMAT parquet)");
    }
    String[] args = {dir.resolve("features.csv").toString(), dir.resolve("types.parquet").toString(),
        "--out", dir.resolve("a").toString(), "--bootstrap", "10", "--k", "4"};
    assertThat(new CommandLine(new PersonasReport()).execute(args)).isZero();
    args[3] = dir.resolve("b").toString();
    assertThat(new CommandLine(new PersonasReport()).execute(args)).isZero();
    for (String name : new String[] {"users.csv", "personas.csv", "k_sweep.csv", "landscape.csv",
        "bigspin.csv", "model.json", "notes.txt", "cards/user-0-00.md", "cards/user-3-07.html"}) {
      Path a = dir.resolve("a").resolve(name);
      assertThat(a).exists();
      assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(name)));
    }
    String users = Files.readString(dir.resolve("a/users.csv"));
    assertThat(users.lines().count()).isEqualTo(33); // header + 32 eligible users
    assertThat(users.lines().findFirst().orElseThrow()).startsWith(
        "user_id,n_sessions,persona_id,persona_name,confidence,second_persona");
    assertThat(Files.readString(dir.resolve("a/notes.txt"))).contains("Small user count (32 < 100)");
    PersonaModel back = PersonaModel.load(dir.resolve("a/model.json"));
    assertThat(back.k()).isEqualTo(4);
  }

  @Test
  void badArgumentsFailWithoutWriting() {
    int code = new CommandLine(new PersonasReport()).execute(
        dir.resolve("nope.txt").toString(), dir.resolve("t.csv").toString(), "--out",
        dir.resolve("x").toString());
    assertThat(code).isNotZero();
    assertThat(dir.resolve("x")).doesNotExist();
  }
}
