package dev.warden.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.traffic.Exchange;
import dev.warden.testing.Users;
import dev.warden.ui.state.UiState;
import dev.warden.ui.state.UiStateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The table's column chooser, its sort state and its pause say what they do and are remembered. */
@ExtendWith(ApplicationExtension.class)
class TableStateWindowIT {

  private LiveWindow live;

  @Start
  void start(Stage stage) throws Exception {
    live = new LiveWindow(Users.realmWith("Lab", Users.user("alice", "right")));
    live.show(stage);
  }

  @AfterEach
  void close() {
    live.close();
  }

  private static TableColumn<Exchange, ?> column(TableView<Exchange> table, String id) {
    return table.getColumns().stream()
        .filter(c -> id.equals(c.getId()))
        .findFirst()
        .orElseThrow();
  }

  @Test
  @SuppressWarnings("unchecked")
  void remembersAColumnHiddenWithTheColumnChooserAcrossARestart(FxRobot robot) throws Exception {
    live.awaitListening();
    TableView<Exchange> table = LiveWindow.table(robot);
    robot.clickOn(robot.lookup(".show-hide-columns-button").queryAs(javafx.scene.Node.class));
    // the menu's item, not the column header of the same name
    robot.clickOn(robot
        .from(robot.lookup(".context-menu").queryAll())
        .lookup(org.testfx.matcher.control.LabeledMatchers.hasText("Client"))
        .queryAs(javafx.scene.Node.class));
    assertThat(column(table, "client").isVisible()).isFalse();

    Path file = Files.createTempDirectory("warden-ui").resolve("ui-state.json");
    UiState[] state = new UiState[1];
    robot.interact(() -> state[0] = live.window().captureState());
    UiStateStore.at(file).save(state[0]);
    assertThat(UiStateStore.at(file).load().hiddenColumns()).containsExactly("client");

    try (LiveWindow restarted =
        new LiveWindow(Users.realmWith("Lab", Users.user("alice", "right")))) {
      Stage[] second = new Stage[1];
      robot.interact(() -> {
        second[0] = new Stage();
        restarted.show(second[0], UiStateStore.at(file).load());
      });
      TableView<Exchange> again = robot
          .from(second[0].getScene().getRoot())
          .lookup("#traffic-table")
          .queryAs(TableView.class);
      assertThat(column(again, "client").isVisible()).isFalse();
      assertThat(column(again, "host").isVisible()).isTrue();
      assertThat(column(again, "status").isVisible()).isTrue();
      robot.interact(second[0]::close);
    }
  }

  @Test
  void saysByWhichColumnTheRowsAreSortedAndGoesBackToArrivalOrder(FxRobot robot) throws Exception {
    live.awaitListening();
    live.get("/b", null, null);
    live.get("/a", "alice", "right");
    TableView<Exchange> table = LiveWindow.table(robot);
    LiveWindow.await(() -> table.getItems().size() == 2);
    Button arrival = robot.lookup("#arrival-order").queryAs(Button.class);
    assertThat(arrival.isVisible()).as("arrival order: nothing to say").isFalse();

    robot.clickOn(robot
        .lookup(".column-header")
        .match(n -> "status".equals(n.getId()))
        .queryAs(javafx.scene.Node.class));
    assertThat(arrival.isVisible()).isTrue();
    assertThat(arrival.getText()).isEqualTo("Sorted by Status ↑ — arrival order");
    assertThat(table.getItems().get(0).path()).isEqualTo("/a");

    robot.clickOn(arrival);
    assertThat(table.getSortOrder()).isEmpty();
    assertThat(arrival.isVisible()).isFalse();
    assertThat(table.getItems().get(0).path()).isEqualTo("/b");
  }

  @Test
  void pauseCountsTheExchangesWaitingAndTheBadgeResumes(FxRobot robot) throws Exception {
    live.awaitListening();
    TableView<Exchange> table = LiveWindow.table(robot);
    robot.clickOn("#pause-capture");
    Button badge = robot.lookup("#paused-badge").queryAs(Button.class);
    LiveWindow.await(badge::isVisible);
    assertThat(badge.getText()).isEqualTo("Paused — 0 waiting");
    for (int i = 0; i < 3; i++) {
      live.get("/while-paused-" + i, null, null);
    }
    LiveWindow.await(() -> badge.getText().equals("Paused — 3 waiting"));
    assertThat(table.getItems()).isEmpty();

    robot.clickOn(badge);
    LiveWindow.await(() -> table.getItems().size() == 3);
    assertThat(badge.isVisible()).isFalse();
    assertThat(robot.lookup("#pause-capture").queryAs(ToggleButton.class).isSelected())
        .isFalse();
  }
}
