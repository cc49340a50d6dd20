package dev.personas.types;

import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * Published session shapes computable from deterministic signals alone (Bigspin's "session shapes"
 * in bigspinai/plugins, as restated in issue 6): One-shot, 1-2 prompts ({@code iteration_count} in
 * [1, 2]); Marathon, {@code iteration_count >= 20}, {@code edit_iteration_count >= 6} and
 * {@code course_correction_count >= 2}. Their overlap with each type is reported; shapes whose
 * columns are absent are skipped.
 */
public final class SessionShapes {
  private SessionShapes() {}

  /** Names of the shapes, in report order. */
  public static final List<String> SHAPES = List.of("one_shot", "marathon");

  /** Definitions in words, by shape. */
  public static String definition(String shape) {
    return switch (shape) {
      case "one_shot" -> "iteration_count in [1, 2]";
      case "marathon" -> "iteration_count >= 20 and edit_iteration_count >= 6 and course_correction_count >= 2";
      default -> throw new IllegalArgumentException("shape = " + shape);
    };
  }

  /** Columns a shape needs. */
  static List<String> needs(String shape) {
    return shape.equals("one_shot") ? List.of("iteration_count")
        : List.of("iteration_count", "edit_iteration_count", "course_correction_count");
  }

  /**
   * Per shape whose columns exist, a boolean per row (missing values count as not matching); null
   * for an absent shape.
   */
  static List<boolean[]> flags(Table t) {
    List<boolean[]> out = new ArrayList<>();
    for (String s : SHAPES) {
      boolean ok = needs(s).stream().allMatch(c -> Matrices.isNumeric(t, c));
      if (!ok) { out.add(null); continue; }
      double[][] v = Matrices.of(t, needs(s));
      boolean[] f = new boolean[t.rowCount()];
      for (int i = 0; i < f.length; i++) {
        double[] r = v[i];
        f[i] = s.equals("one_shot") ? r[0] >= 1 && r[0] <= 2
            : r[0] >= 20 && r[1] >= 6 && r[2] >= 2;
      }
      out.add(f);
    }
    return out;
  }
}
