package dev.personas.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class RollingSharesTest {

  private static LocalDate d(int day) {
    return LocalDate.of(2025, 3, day);
  }

  @Test
  void sharesOverTrailingWindowIncludingEmptyDays() {
    // day 1: a a b; day 2: nothing; day 3: b; day 4: a
    List<LocalDate> days = Arrays.asList(d(1), d(1), d(1), d(3), d(4), null);
    List<String> groups = Arrays.asList("a", "a", "b", "b", "a", "a");
    RollingShares r = RollingShares.of(days, groups, 2);
    assertThat(r.days()).containsExactly(d(2), d(3), d(4));
    assertThat(r.shares().keySet()).containsExactly("a", "b");
    assertThat(r.shares().get("a")).containsExactly(2.0 / 3, 0.0, 0.5);
    assertThat(r.shares().get("b")).containsExactly(1.0 / 3, 1.0, 0.5);
    assertThat(r.skipped()).isEqualTo(1);
    Table t = r.table();
    assertThat(t.columnNames()).containsExactly("day", "a", "b");
    assertThat(t.rowCount()).isEqualTo(3);
  }

  @Test
  void windowLongerThanTheSpanGivesNoDaysAndGapsAreNaN() {
    assertThat(RollingShares.of(List.of(d(1), d(2)), List.of("a", "b"), 5).days()).isEmpty();
    RollingShares r = RollingShares.of(List.of(d(1), d(5)), List.of("a", "a"), 1);
    assertThat(r.shares().get("a")).containsExactly(1.0, Double.NaN, Double.NaN, Double.NaN, 1.0);
  }

  @Test
  void readsInstantsInUtcAndFeedsTimeLines() {
    Table t = Table.create("s",
        InstantColumn.create("created_at", new Instant[] {Instant.parse("2025-03-01T23:30:00Z"),
            Instant.parse("2025-03-02T00:30:00Z"), Instant.parse("2025-03-02T12:00:00Z")}),
        StringColumn.create("coding_mode", "Vibe coding", "Collaborative", "Vibe coding"));
    RollingShares r = RollingShares.of(t, "created_at", "coding_mode", 1);
    assertThat(r.days()).containsExactly(d(1), d(2));
    assertThat(r.shares().get("Vibe coding")).containsExactly(1.0, 0.5);
    assertThat(Charts.timeLines("Modes", "share of sessions", r.days(), r.shares(), "0.00").getSeriesCollection())
        .extracting(s -> s.getName()).containsExactly("Collaborative", "Vibe coding");
  }

  @Test
  void badWindowNamesTheValue() {
    assertThatThrownBy(() -> RollingShares.of(List.of(), List.of(), 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0");
  }
}
