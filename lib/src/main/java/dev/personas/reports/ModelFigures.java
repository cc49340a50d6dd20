package dev.personas.reports;

import dev.personas.figures.Charts;
import dev.personas.figures.Theme;
import dev.personas.personas.PersonaModel;
import dev.personas.types.SessionTypeModel;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/** Figures of fitted models: the k sweep, profile heatmaps. */
public final class ModelFigures {
  private ModelFigures() {}

  /**
   * The model-selection sweep: silhouette (left scale) per k, with the chosen k marked, from a
   * selection table with columns {@code k, silhouette, chosen} (types' and personas' selection()).
   */
  public static XYChart kSweep(Table selection, String title) {
    NumericColumn<?> k = selection.numberColumn("k");
    NumericColumn<?> s = selection.numberColumn("silhouette");
    List<Double> xs = new ArrayList<>(), ys = new ArrayList<>(), cx = new ArrayList<>(), cy = new ArrayList<>();
    for (int i = 0; i < selection.rowCount(); i++) {
      if (s.isMissing(i) || !Double.isFinite(s.getDouble(i))) continue;
      xs.add(k.getDouble(i));
      ys.add(s.getDouble(i));
      if (selection.booleanColumn("chosen").get(i)) {
        cx.add(k.getDouble(i));
        cy.add(s.getDouble(i));
      }
    }
    if (xs.isEmpty()) throw new IllegalArgumentException("selection table has no finite silhouette");
    XYChart c = new XYChartBuilder().width(Theme.WIDTH).height(Theme.HEIGHT).title(title)
        .xAxisTitle("number of clusters k").yAxisTitle("mean silhouette (-1..1)").build();
    Theme.apply(c);
    c.getStyler().setXAxisDecimalPattern("0");
    XYSeries line = c.addSeries("silhouette", xs, ys);
    line.setLineColor(Theme.BLUE);
    line.setMarkerColor(Theme.BLUE);
    if (!cx.isEmpty()) {
      XYSeries chosen = c.addSeries("chosen k", cx, cy);
      chosen.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      chosen.setMarkerColor(Theme.VERMILLION);
    }
    return c;
  }

  /**
   * Session types x features heatmap of the profile z-scores (columns {@code <feature>_z} of
   * {@link SessionTypeModel#profiles()}), clipped at +-2.
   */
  public static HeatMapChart typeProfiles(SessionTypeModel model) {
    Table p = model.profiles();
    List<String> feats = model.doc().features();
    List<String> rows = p.stringColumn("type_name").asList();
    double[][] z = new double[rows.size()][feats.size()];
    for (int j = 0; j < feats.size(); j++) {
      NumericColumn<?> col = p.numberColumn(feats.get(j) + "_z");
      for (int i = 0; i < rows.size(); i++) z[i][j] = col.isMissing(i) ? Double.NaN : col.getDouble(i);
    }
    return Charts.heatmap("Session-type profiles (z-score of the type median)", "session type", "feature",
        rows, feats, z, 2);
  }

  /**
   * Personas x session types heatmap: each persona's mean share of each session type (percent), from
   * {@link PersonaModel#personas()} columns {@code share_<type>}.
   */
  public static HeatMapChart personaTypeMix(PersonaModel model) {
    Table p = model.personas();
    List<String> shareCols = p.columnNames().stream().filter(n -> n.startsWith("share_")
        && !n.startsWith("share_ci")).toList();
    List<String> rows = p.stringColumn("persona_id").asList();
    double[][] z = new double[rows.size()][shareCols.size()];
    for (int j = 0; j < shareCols.size(); j++) {
      NumericColumn<?> col = p.numberColumn(shareCols.get(j));
      for (int i = 0; i < rows.size(); i++) z[i][j] = col.isMissing(i) ? Double.NaN : 100 * col.getDouble(i);
    }
    List<String> cols = shareCols.stream().map(s -> s.substring("share_".length())).toList();
    return Charts.heatmap("Session-type mix per persona (% of sessions)", "persona", "session type",
        rows, cols, z, 100);
  }
}
