package dev.personas.personas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class LandscapeTest {
  @Test
  void axesAreMeansOfZScoresAndQuadrantsSplitAtZero() {
    // planner: delegates and plans, long prompts, few prompts; tinkerer: many short prompts
    Table f = Table.create("f",
        StringColumn.create("user_id", "planner", "planner", "tinkerer", "tinkerer", "tinkerer"),
        IntColumn.create("is_subagent", 0, 0, 0, 0, 1),
        DoubleColumn.create("tool_agent_share", 0.3, 0.1, 0.0, 0.0, 0.9),
        DoubleColumn.create("tool_todo_write_share", 0.1, 0.1, 0.0, 0.0, 0.9),
        IntColumn.create("iteration_count", 2, 2, 20, 30, 1),
        IntColumn.create("edit_iteration_count", 1, 1, 8, 12, 1),
        IntColumn.create("total_user_chars", 2000, 4000, 400, 600, 5));
    Table t = Landscape.of(f, List.of("planner", "tinkerer"));
    assertThat(t.doubleColumn("agent_share").get(0)).isCloseTo(0.2, within(1e-12));
    assertThat(t.doubleColumn("agent_share").get(1)).isZero(); // sub-agent session left out
    // two users: every non-constant component has z = +1 / -1
    assertThat(t.doubleColumn("structure").get(0)).isCloseTo(1.0, within(1e-12));
    assertThat(t.doubleColumn("structure").get(1)).isCloseTo(-1.0, within(1e-12));
    assertThat(t.doubleColumn("iteration").get(0)).isCloseTo(-1.0, within(1e-12));
    assertThat(t.stringColumn("quadrant").asList())
        .containsExactly("structured, one-pass", "ad hoc, iterative");
    assertThat(t.doubleColumn("plan_mode_share").isMissing().size()).isEqualTo(2);
  }

  @Test
  void landscapeOfAModelCarriesPersonas() {
    PlantedPersonas d = new PlantedPersonas(6, 11L);
    PersonaModel m = Personas.fit(d.features, d.types, PersonaOptions.defaults().withK(4).withBootstrap(0));
    Table t = Landscape.of(d.features, m);
    assertThat(t.rowCount()).isEqualTo(24);
    assertThat(t.columnNames()).startsWith("user_id", "persona_id", "persona_name", "structure", "iteration");
    Table centres = Landscape.personaCentres(t);
    assertThat(centres.intColumn("users").sum()).isEqualTo(24);
    assertThat(centres.stringColumn("persona_id").asList()).isSorted();
    // planted persona 1 (many prompts and edit rounds) sits on the iterative side
    for (int i = 0; i < t.rowCount(); i++) {
      if (t.stringColumn("user_id").get(i).startsWith("user-1-")) {
        assertThat(t.doubleColumn("iteration").get(i)).isPositive();
      }
    }
  }
}
