package dev.warden.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.stats.StatsSnapshot;
import dev.warden.testing.Users;
import dev.warden.ui.dashboard.DashboardWindow;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The dashboard over a real Warden: real 407s, real 200s and real wrong passwords show up in it. */
@ExtendWith(ApplicationExtension.class)
class DashboardWindowIT {

  private LiveWindow live;

  @Start
  void start(Stage stage) throws Exception {
    live = new LiveWindow(Users.realmWith("Corp", Users.user("alice", "s3cret")));
    live.show(stage);
  }

  @AfterEach
  void close() {
    live.close();
  }

  private DashboardWindow dashboard() {
    return live.window().dashboard();
  }

  private long seriesTotal(int index) {
    List<XYChart.Series<Number, Number>> series = dashboard().view().chart().getData();
    return series.get(index).getData().stream()
        .mapToLong(d -> d.getYValue().longValue())
        .sum();
  }

  @SuppressWarnings("unchecked")
  private TableView<StatsSnapshot.PartyRow> table(FxRobot robot, String id) {
    return (TableView<StatsSnapshot.PartyRow>) dashboard().stage().getScene().lookup("#" + id);
  }

  @Test
  void showsRealChallengesAuthenticationsAndRefusalsInTheChartAndTables(FxRobot robot)
      throws Exception {
    live.awaitListening();
    robot.interact(() -> live.window().openDashboard());
    for (int i = 0; i < 3; i++) {
      assertThat(live.get("/none", null, null).status()).isEqualTo(407);
    }
    for (int i = 0; i < 2; i++) {
      assertThat(live.get("/valid", "alice", "s3cret").status()).isEqualTo(200);
    }
    for (int i = 0; i < 2; i++) {
      assertThat(live.get("/wrong", "alice", "guess").status()).isEqualTo(407);
    }

    // the dashboard polls once a second: wait for the poll that has all seven
    LiveWindow.await(() -> seriesTotal(0) + seriesTotal(1) + seriesTotal(2) == 7);

    assertThat(dashboard().view().chart().getData())
        .extracting(XYChart.Series::getName)
        .containsExactly("Challenged (407)", "Authenticated", "Refused");
    assertThat(List.of(seriesTotal(0), seriesTotal(1), seriesTotal(2))).containsExactly(3L, 2L, 2L);
    assertThat(table(robot, "dashboard-users").getItems()).singleElement().satisfies(alice -> {
      assertThat(alice.name()).isEqualTo("alice");
      assertThat(alice.requests()).isEqualTo(4);
      assertThat(alice.failures()).isEqualTo(2);
    });
    assertThat(table(robot, "dashboard-clients").getItems()).singleElement().satisfies(client -> {
      assertThat(client.name()).isEqualTo("127.0.0.1");
      assertThat(client.requests()).isEqualTo(7);
      assertThat(client.failures()).isEqualTo(2);
    });
    assertThat(labels(dashboard().stage().getScene().lookup("#dashboard-reasons")))
        .containsExactly("wrong password", "2");
    assertThat(((Label) dashboard().stage().getScene().lookup("#dashboard-totals")).getText())
        .isEqualTo("Since Warden started: 3 challenged · 2 authenticated · 2 refused");
  }

  @Test
  void opensFromTheMoreMenuAndFitsA1024By700Screen(FxRobot robot) throws Exception {
    live.awaitListening();
    assertThat(live.window().moreMenuIds()).contains("open-dashboard");
    robot.clickOn("#more-menu").clickOn("Dashboard");
    LiveWindow.await(() -> dashboard().stage() != null && dashboard().stage().isShowing());

    Stage stage = dashboard().stage();
    assertThat(stage.getWidth()).isLessThanOrEqualTo(1024);
    assertThat(stage.getHeight()).isLessThanOrEqualTo(700);
    for (String id : new String[] {
      "#dashboard-chart", "#dashboard-reasons", "#dashboard-users", "#dashboard-clients"
    }) {
      Node node = stage.getScene().lookup(id);
      Bounds b = node.localToScene(node.getBoundsInLocal());
      assertThat(b.getMinX()).as(id).isGreaterThanOrEqualTo(0);
      assertThat(b.getMaxX()).as(id).isLessThanOrEqualTo(stage.getScene().getWidth() + 0.5);
      assertThat(b.getMaxY()).as(id).isLessThanOrEqualTo(stage.getScene().getHeight() + 0.5);
      assertThat(b.getWidth()).as(id).isGreaterThan(150);
    }
  }

  @Test
  void followsTheDarkTheme(FxRobot robot) throws Exception {
    live.awaitListening();
    robot.interact(() -> live.window().openDashboard());
    robot.interact(() -> live.window().useDarkTheme(true));

    assertThat(dashboard().stage().getScene().getRoot().getStyleClass())
        .contains("dark")
        .doesNotContain("light");
  }

  @Test
  void pollsOnlyWhileTheWindowShows(FxRobot robot) throws Exception {
    live.awaitListening();
    robot.interact(() -> live.window().openDashboard());
    assertThat(dashboard().polling()).isTrue();

    robot.interact(() -> dashboard().stage().close());

    assertThat(dashboard().polling()).isFalse();
    robot.interact(() -> live.window().openDashboard());
    assertThat(dashboard().polling()).isTrue();
  }

  private static List<String> labels(Node parent) {
    return parent.lookupAll(".label").stream().map(n -> ((Label) n).getText()).toList();
  }
}
