package dev.warden.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.stats.StatsSnapshot;
import dev.warden.testing.Users;
import dev.warden.ui.dashboard.DashboardWindow;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;

/** The dashboard's refresh once a second keeps the row the user selected, found by its name. */
@ExtendWith(ApplicationExtension.class)
class DashboardSelectionIT {

  private LiveWindow live;

  @Start
  void start(Stage stage) throws Exception {
    live = new LiveWindow(
        Users.realmWith("Corp", Users.user("alice", "s3cret"), Users.user("bob", "hunter2")));
    live.show(stage);
  }

  @AfterEach
  void close() {
    live.close();
  }

  private DashboardWindow dashboard() {
    return live.window().dashboard();
  }

  @SuppressWarnings("unchecked")
  private TableView<StatsSnapshot.PartyRow> users() {
    return (TableView<StatsSnapshot.PartyRow>)
        dashboard().stage().getScene().lookup("#dashboard-users");
  }

  private long requestsOf(String name) {
    return users().getItems().stream()
        .filter(row -> row.name().equals(name))
        .mapToLong(StatsSnapshot.PartyRow::requests)
        .sum();
  }

  @Test
  void theSelectedUserStaysSelectedWhileTheirOwnTrafficRefreshesTheirRow(FxRobot robot)
      throws Exception {
    live.awaitListening();
    robot.interact(() -> live.window().openDashboard());
    assertThat(live.get("/bob", "bob", "hunter2").status()).isEqualTo(200);
    assertThat(live.get("/alice", "alice", "s3cret").status()).isEqualTo(200);
    LiveWindow.await(() -> users().getItems().size() == 2);

    robot.clickOn(robot
        .from(users())
        .lookup(".table-cell")
        .match(LabeledMatchers.hasText("bob"))
        .queryAs(TableCell.class));
    assertThat(users().getSelectionModel().getSelectedItem().name()).isEqualTo("bob");

    // bob's own row changes (counts, last seen, place in the order), and so does alice's
    for (int i = 0; i < 3; i++) {
      assertThat(live.get("/alice", "alice", "s3cret").status()).isEqualTo(200);
      assertThat(live.get("/bob", "bob", "hunter2").status()).isEqualTo(200);
    }
    LiveWindow.await(() -> requestsOf("alice") == 4 && requestsOf("bob") == 4);

    assertThat(users().getSelectionModel().getSelectedItems())
        .extracting(StatsSnapshot.PartyRow::name)
        .containsExactly("bob");
  }
}
