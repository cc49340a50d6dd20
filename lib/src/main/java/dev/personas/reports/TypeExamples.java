package dev.personas.reports;

import dev.personas.types.SessionTypeModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tech.tablesaw.api.Table;

/** Example sessions of each session type: ids and features, never prompt text. */
public final class TypeExamples {
  private TypeExamples() {}

  /**
   * The {@code perType} sessions of each type closest to the type's centre (smallest
   * {@code distance}, ties by session_id), types in id order: columns {@code type_id, type_name,
   * session_id, distance} and then the model's features.
   *
   * @throws IllegalArgumentException when {@code perType < 1}
   */
  public static Table of(SessionTypeModel model, Table features, int perType) {
    if (perType < 1) throw new IllegalArgumentException("perType " + perType + " < 1");
    Table a = model.assign(features);
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < a.rowCount(); i++) rows.add(i);
    rows.sort(Comparator.<Integer>comparingInt(i -> a.intColumn("type_id").get(i))
        .thenComparingDouble(i -> a.doubleColumn("distance").isMissing(i) ? Double.MAX_VALUE
            : a.doubleColumn("distance").getDouble(i))
        .thenComparing(i -> a.stringColumn("session_id").get(i)));
    List<Integer> keep = new ArrayList<>();
    int lastType = Integer.MIN_VALUE, taken = 0;
    for (int i : rows) {
      int t = a.intColumn("type_id").get(i);
      if (t != lastType) { lastType = t; taken = 0; }
      if (taken++ < perType) keep.add(i);
    }
    Table out = a.rows(keep.stream().mapToInt(Integer::intValue).toArray())
        .selectColumns("type_id", "type_name", "session_id", "distance");
    java.util.Map<String, Integer> rowOf = new java.util.HashMap<>();
    var ids = features.stringColumn("session_id");
    for (int i = 0; i < ids.size(); i++) rowOf.put(ids.get(i), i);
    Table f = features.rows(keep.stream().mapToInt(i -> rowOf.get(a.stringColumn("session_id").get(i))).toArray());
    for (String c : model.doc().features()) if (f.containsColumn(c)) out.addColumns(f.column(c).copy());
    out.setName("example sessions per type");
    return out;
  }
}
