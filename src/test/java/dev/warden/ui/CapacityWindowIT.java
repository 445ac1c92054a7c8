package dev.warden.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.settings.SettingsValidator;
import dev.warden.testing.Users;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The status bar says how many exchanges the traffic log keeps and how many it has dropped. */
@ExtendWith(ApplicationExtension.class)
class CapacityWindowIT {

  private static final int CAPACITY = SettingsValidator.MIN_TRAFFIC_CAPACITY;

  private LiveWindow live;

  @Start
  void start(Stage stage) throws Exception {
    live = new LiveWindow(
        Users.realmWith("Lab", Users.user("alice", "right")).withTrafficCapacity(CAPACITY));
    live.show(stage);
  }

  @AfterEach
  void close() {
    live.close();
  }

  @Test
  void countsTheExchangesTheFullLogDroppedBesideItsCapacity(FxRobot robot) throws Exception {
    live.awaitListening();
    Label dropped = robot.lookup("#dropped").queryAs(Label.class);
    assertThat(dropped.getText()).isEqualTo("0 dropped · keeps 100");
    for (int i = 0; i < CAPACITY + 7; i++) {
      live.get("/fill-" + i, null, null);
    }
    LiveWindow.await(() -> dropped.getText().equals("7 dropped · keeps 100"));
    assertThat(dropped.getTooltip().getText()).contains("latest 100 exchanges");
  }
}
