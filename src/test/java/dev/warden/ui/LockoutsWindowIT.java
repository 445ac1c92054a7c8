package dev.warden.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.auth.AuthState;
import dev.warden.core.auth.Lockout;
import dev.warden.core.auth.LockoutKey;
import dev.warden.core.auth.LockoutPolicy;
import dev.warden.testing.Users;
import java.time.Clock;
import java.time.Duration;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window's lockout list over a real Warden: filled by real failed logins, emptied by its buttons. */
@ExtendWith(ApplicationExtension.class)
class LockoutsWindowIT {

  /** Three failures lock out; no delay before that, so the test is quick. */
  private static final LockoutPolicy THREE_STRIKES = new LockoutPolicy(
      Duration.ofMinutes(1), 100, Duration.ZERO, Duration.ZERO, 3, Duration.ofMinutes(5), 100);

  private LiveWindow live;

  @Start
  void start(Stage stage) throws Exception {
    live = new LiveWindow(
        Users.realmWith("Lab", Users.user("alice", "right")),
        new AuthState(THREE_STRIKES, Clock.systemUTC()));
    live.show(stage);
  }

  @AfterEach
  void close() {
    live.close();
  }

  @SuppressWarnings("unchecked")
  private static TableView<Lockout> lockoutTable(FxRobot robot) {
    return robot.lookup("#lockouts-table").queryAs(TableView.class);
  }

  private void lockOutAlice() throws Exception {
    live.awaitListening();
    for (int i = 0; i < 3; i++) {
      assertThat(live.get("/guess-" + i, "alice", "guess-" + i).status()).isEqualTo(407);
    }
  }

  @Test
  void listsTheLockedClientAndUserInTheStatusBar(FxRobot robot) throws Exception {
    lockOutAlice();
    LiveWindow.await(() -> live.window().lockoutsModel().countProperty().get() == 2);
    assertThat(robot.lookup("#lockouts-button").queryAs(Button.class).getText())
        .isEqualTo("2 locked out");

    robot.clickOn("#lockouts-button");
    LiveWindow.await(() -> robot.lookup("#lockouts-table").tryQuery().isPresent());
    assertThat(lockoutTable(robot).getItems())
        .extracting(Lockout::subject)
        .containsExactlyInAnyOrder(
            LockoutKey.client("Lab", "127.0.0.1"), LockoutKey.user("Lab", "alice"));
  }

  @Test
  void releasingOneRowLiftsOnlyThatLockout(FxRobot robot) throws Exception {
    lockOutAlice();
    LiveWindow.await(() -> live.window().lockoutsModel().countProperty().get() == 2);
    robot.clickOn("#lockouts-button");
    LiveWindow.await(() -> robot.lookup(".release-lockout").tryQuery().isPresent());
    Lockout first = lockoutTable(robot).getItems().get(0);

    robot.clickOn(robot.lookup(".release-lockout").nth(0).queryButton());

    LiveWindow.await(() -> lockoutTable(robot).getItems().size() == 1);
    assertThat(live.warden().lockouts())
        .extracting(Lockout::subject)
        .doesNotContain(first.subject())
        .hasSize(1);
    assertThat(live.get("/still-locked", "alice", "right").status()).isEqualTo(407);
  }

  @Test
  void releaseAllServesTheClientAgain(FxRobot robot) throws Exception {
    lockOutAlice();
    assertThat(live.get("/locked", "alice", "right").status()).isEqualTo(407);
    LiveWindow.await(() -> live.window().lockoutsModel().countProperty().get() == 2);
    robot.clickOn("#lockouts-button");
    LiveWindow.await(() -> robot.lookup("#release-all").tryQuery().isPresent());

    robot.clickOn("#release-all");

    LiveWindow.await(() -> lockoutTable(robot).getItems().isEmpty());
    assertThat(live.warden().lockouts()).isEmpty();
    assertThat(robot.lookup("#lockouts-button").queryAs(Button.class).getText())
        .isEqualTo("0 locked out");
    assertThat(live.get("/released", "alice", "right").status()).isEqualTo(200);
  }
}
