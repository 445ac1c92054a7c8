package dev.warden.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.stats.StatsSnapshot;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.chart.XYChart;
import org.junit.jupiter.api.Test;

/** The model's mapping of a snapshot onto the chart's points and the tables' notes. */
class DashboardViewModelTest {

  private static StatsSnapshot.Table table(int rows, long evicted) {
    List<StatsSnapshot.PartyRow> list = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      list.add(new StatsSnapshot.PartyRow("u" + i, 1, 0, i));
    }
    return new StatsSnapshot.Table(list, 1_000, evicted, 0);
  }

  private static StatsSnapshot snapshot(
      List<StatsSnapshot.Second> seconds, StatsSnapshot.Table users) {
    return new StatsSnapshot(
        seconds, new StatsSnapshot.Second(0, 0, 0, 0, 0), List.of(), users, table(0, 0));
  }

  @Test
  void putsTheNewestSecondAtZeroSecondsAgo() {
    List<StatsSnapshot.Second> seconds = new ArrayList<>();
    for (int s = 0; s < 60; s++) {
      seconds.add(new StatsSnapshot.Second(1000 + s, s == 59 ? 7 : 0, s == 0 ? 3 : 0, 0, 0));
    }
    DashboardViewModel model = new DashboardViewModel(() -> snapshot(seconds, table(0, 0)));

    model.refresh();

    XYChart.Data<Number, Number> newest = model.series().get(0).getData().get(59);
    XYChart.Data<Number, Number> oldest = model.series().get(1).getData().get(0);
    assertThat(newest.getXValue().intValue()).isZero();
    assertThat(newest.getYValue().longValue()).isEqualTo(7);
    assertThat(oldest.getXValue().intValue()).isEqualTo(-59);
    assertThat(oldest.getYValue().longValue()).isEqualTo(3);
  }

  @Test
  void saysWhenTheUserTableIsCapped() {
    DashboardViewModel model =
        new DashboardViewModel(() -> snapshot(List.of(), table(1_000, 4_321)));

    model.refresh();

    assertThat(model.usersNoteProperty().get())
        .isEqualTo(
            "1,000 users: capped at 1,000, the least recently seen were dropped (4,321 so far)");
    assertThat(model.clientsNoteProperty().get()).isEqualTo("0 clients");
  }
}
