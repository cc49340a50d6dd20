package dev.personas.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Font;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;

class ThemeTest {

  @Test
  void usesDejaVuSansFromTheInstalledFonts() {
    assertThat(Theme.fontWarning()).isNull();
    assertThat(Theme.fontFamily()).isEqualTo("DejaVu Sans");
    assertThat(Theme.font(Font.BOLD, 16).getFamily(Locale.ROOT)).isEqualTo("DejaVu Sans");
  }

  @Test
  void paletteIsOkabeIto() {
    assertThat(Arrays.stream(Theme.palette()).map(Theme::hex)).containsExactly(
        "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000");
    assertThat(Theme.color(8)).isEqualTo(Theme.color(0));
    assertThat(Theme.marker(8)).isNotEqualTo(Theme.marker(0));
    assertThat(Theme.diverging()).containsExactly(Theme.BLUE, Color.WHITE, Theme.VERMILLION);
    assertThatThrownBy(() -> Theme.color(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
  }

  @Test
  void applySetsFontsColoursLocaleAndTimeZone() {
    XYChart c = Theme.apply(new XYChart(100, 100));
    assertThat(c.getStyler().getChartTitleFont().getFamily(Locale.ROOT)).isEqualTo("DejaVu Sans");
    assertThat(c.getStyler().getChartTitleFont().isBold()).isTrue();
    assertThat(c.getStyler().getAxisTickLabelsFont().getFamily(Locale.ROOT)).isEqualTo("DejaVu Sans");
    assertThat(c.getStyler().getLegendFont().getSize()).isEqualTo(11);
    assertThat(c.getStyler().getSeriesColors()).containsExactly(Theme.palette());
    assertThat(c.getStyler().getLocale()).isEqualTo(Locale.ROOT);
    assertThat(c.getStyler().getTimezone().getID()).isEqualTo("UTC");
    assertThat(c.getStyler().getChartBackgroundColor()).isEqualTo(Color.WHITE);

    CategoryChart bars = Theme.apply(new CategoryChart(100, 100));
    assertThat(bars.getStyler().getLabelsFont().getFamily(Locale.ROOT)).isEqualTo("DejaVu Sans");

    HeatMapChart heat = Theme.apply(new HeatMapChart(100, 100));
    assertThat(heat.getStyler().getRangeColors()).containsExactly(Theme.diverging());
  }

  @Test
  void everyFactoryChartIsThemed() {
    FigureSamples.charts().forEach((name, chart) -> {
      assertThat(chart.getWidth()).as(name).isEqualTo(Theme.WIDTH);
      assertThat(chart.getHeight()).as(name).isEqualTo(Theme.HEIGHT);
      assertThat(chart.getStyler().getBaseFont().getFamily(Locale.ROOT)).as(name).isEqualTo("DejaVu Sans");
      assertThat(chart.getStyler().getLocale()).as(name).isEqualTo(Locale.ROOT);
      assertThat(chart.getTitle()).as(name).isNotBlank();
    });
  }
}
