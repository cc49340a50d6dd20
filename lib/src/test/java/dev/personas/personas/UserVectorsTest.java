package dev.personas.personas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class UserVectorsTest {
  private static Table features() {
    return Table.create("f",
        StringColumn.create("session_id", "a1", "a2", "a3", "a4", "b1", "b2", "b3", "a1", "", "a5"),
        StringColumn.create("user_id", "ann", "ann", "ann", "ann", "bob", "bob", "", "ann", "ann", "ann"),
        DoubleColumn.create("iteration_count", 2, 4, 10, 3, 1, 1, 1, 99, 99, 0),
        IntColumn.create("pointed_to_specific_issue", 1, 0, 1, 1, 0, 0, 0, 0, 0, 1));
  }

  private static Table types() {
    return Table.create("t", StringColumn.create("session_id", "a1", "a2", "a3", "b1", "b2", "b3", "a5"),
        IntColumn.create("type_id", 10, 2, 2, 2, 10, 2, 10),
        StringColumn.create("type_name", "Long loops", "One-shot asks", "One-shot asks",
            "One-shot asks", "Long loops", "One-shot asks", "Long loops"));
  }

  @Test
  void sharesMediansRatesAndRecordedProblems() {
    UserVectors v = UserVectors.build(features(), types(), PersonaOptions.defaults());
    assertThat(v.userIds()).containsExactly("ann"); // bob has only 2 typed sessions
    assertThat(v.typeIds()).containsExactly("2", "10"); // numeric order
    assertThat(v.shareColumns()).containsExactly("share_one_shot_asks", "share_long_loops");
    assertThat(v.shares()[0][0]).isCloseTo(2 / 3.0, within(1e-12));
    assertThat(v.medians()[0][0]).isEqualTo(4.0); // median of 2, 4, 10
    assertThat(v.labels()).containsExactly("pointed_to_specific_issue");
    assertThat(v.labelRates()[0][0]).isCloseTo(2 / 3.0, within(1e-12));
    assertThat(v.problems()).contains("features row 3: no type assignment",
        "features row 6: empty user_id", "features row 7: duplicate session_id, skipped",
        "features row 8: empty session_id",
        "1 sessions with fewer than 1 user prompts (or none recorded) left out");
    // minPrompts 0 keeps the prompt-less session a5
    UserVectors all = UserVectors.build(features(), types(), PersonaOptions.defaults().withMinPrompts(0));
    assertThat(all.nSessions()[0]).isEqualTo(4);
    assertThat(all.shares()[0][1]).isEqualTo(0.5);
    Table t = v.toTable();
    assertThat(t.columnNames()).startsWith("user_id", "n_sessions", "share_one_shot_asks",
        "share_long_loops", "iteration_count");
    assertThat(t.columnNames()).contains("rate_pointed_to_specific_issue");
  }

  @Test
  void missingColumnsAreNamed() {
    Table noUser = features().removeColumns("user_id");
    assertThatThrownBy(() -> UserVectors.build(noUser, types(), PersonaOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("user_id");
  }

  @Test
  void hellingerSpaceMatchesHellingerDistance() {
    Table f = Table.create("f", StringColumn.create("session_id", "1", "2", "3", "4", "5", "6", "7", "8"),
        StringColumn.create("user_id", "u", "u", "u", "u", "w", "w", "w", "w"));
    Table t = Table.create("t", StringColumn.create("session_id", "1", "2", "3", "4", "5", "6", "7", "8"),
        IntColumn.create("type_id", 0, 0, 0, 1, 0, 1, 1, 1));
    PersonaOptions o = PersonaOptions.defaults().withMinSessions(1)
        .withShareDistance(PersonaOptions.ShareDistance.HELLINGER);
    UserVectors v = UserVectors.build(f, t, o);
    PersonaSpace s = PersonaSpace.fit(v, o.shareDistance());
    double[][] x = s.transform(v);
    double euclid = Math.sqrt(Stats.sqDist(x[0], x[1])) * s.shareScale();
    // Hellinger between (3/4, 1/4) and (1/4, 3/4)
    double h = Math.sqrt(0.5 * (Math.pow(Math.sqrt(.75) - Math.sqrt(.25), 2) * 2));
    assertThat(euclid).isCloseTo(Math.sqrt(2) * h, within(1e-12));
    assertThat(List.of(s.types())).containsExactly(2);
  }
}
