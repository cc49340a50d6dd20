package dev.personas.reports;

import dev.personas.figures.Charts;
import dev.personas.figures.RollingShares;
import dev.personas.types.SessionTypeModel;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Session types over calendar time: 14-day rolling shares of each type among sessions started. */
public final class TypesOverTime {
  private TypesOverTime() {}

  /** Days of the rolling window. */
  public static final int WINDOW = 14;

  /**
   * Rolling shares of the assigned types over {@code started_at} (see {@link RollingShares}):
   * sessions without a start time are left out.
   */
  public static RollingShares of(SessionTypeModel model, Table features) {
    Table a = model.assign(features);
    Map<String, String> typeOf = new java.util.HashMap<>();
    for (int i = 0; i < a.rowCount(); i++) typeOf.put(a.stringColumn("session_id").get(i), a.stringColumn("type_name").get(i));
    StringColumn type = StringColumn.create("type_name");
    for (String id : features.stringColumn("session_id")) type.append(typeOf.get(id));
    Table t = Table.create("types over time", features.instantColumn("started_at").copy(), type);
    return RollingShares.of(t, "started_at", "type_name", WINDOW);
  }

  /** The rolling shares as a line chart in percent, or null when the data span fewer than 14 days. */
  public static XYChart chart(SessionTypeModel model, Table features) {
    return percentChart(of(model, features), "Session types over time, 14-day rolling share");
  }

  /**
   * Rolling shares as a line chart in percent (one line per group), or null when there are no days
   * to show (the data span fewer days than the window).
   */
  public static XYChart percentChart(RollingShares r, String title) {
    if (r.days().isEmpty()) return null;
    Map<String, double[]> pct = new LinkedHashMap<>();
    r.shares().forEach((k, v) -> pct.put(k, Arrays.stream(v).map(x -> 100 * x).toArray()));
    return Charts.timeLines(title, "share of sessions (%)", r.days(), pct, "0");
  }
}
