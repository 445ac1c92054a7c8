package dev.warden.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.testing.Users;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The table keeps what the user is looking at: a selection stops following, and a button jumps back. */
@ExtendWith(ApplicationExtension.class)
class FollowWindowIT {

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

  @Test
  void aSelectionStopsFollowingAndTheJumpButtonCountsWhatArrived(FxRobot robot) throws Exception {
    live.awaitListening();
    live.get("/looked-at", null, null);
    LiveWindow.await(() -> LiveWindow.table(robot).getItems().size() == 1);
    Button jump = robot.lookup("#jump-to-latest").queryAs(Button.class);
    assertThat(jump.isVisible()).isFalse();

    robot.interact(() -> LiveWindow.table(robot).getSelectionModel().select(0));
    for (int i = 0; i < 3; i++) {
      live.get("/newer-" + i, null, null);
    }
    LiveWindow.await(() -> LiveWindow.table(robot).getItems().size() == 4);
    LiveWindow.await(jump::isVisible);
    assertThat(jump.getText()).isEqualTo("3 new — jump to latest");
    assertThat(LiveWindow.table(robot).getSelectionModel().getSelectedItem().path())
        .isEqualTo("/looked-at");

    robot.clickOn(jump);
    assertThat(LiveWindow.table(robot).getSelectionModel().getSelectedItem()).isNull();
    assertThat(jump.isVisible()).isFalse();
    live.get("/after-jump", null, null);
    LiveWindow.await(() -> LiveWindow.table(robot).getItems().size() == 5);
    assertThat(jump.isVisible()).as("following again").isFalse();
  }
}
