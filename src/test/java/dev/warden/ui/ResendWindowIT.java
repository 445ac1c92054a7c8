package dev.warden.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.auth.AuthOutcome;
import dev.warden.core.replay.Resender;
import dev.warden.core.traffic.Exchange;
import dev.warden.testing.Users;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.ComboBox;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Resend from the real window's table, through the real proxy, to a real origin. */
@ExtendWith(ApplicationExtension.class)
class ResendWindowIT {

  private LiveWindow live;

  @Start
  void start(Stage stage) throws Exception {
    live = new LiveWindow(
        Users.realmWith("Lab", Users.user("alice", "alice-pass"), Users.user("bob", "bob-pass")));
    live.show(stage);
  }

  @AfterEach
  void close() {
    live.close();
  }

  private MenuItem item(FxRobot robot, String id) {
    return LiveWindow.table(robot).getContextMenu().getItems().stream()
        .filter(i -> id.equals(i.getId()))
        .findFirst()
        .orElseThrow();
  }

  private Exchange selectOriginal(FxRobot robot) throws Exception {
    live.awaitListening();
    assertThat(live.get("/original", "alice", "alice-pass").status()).isEqualTo(200);
    LiveWindow.await(() -> LiveWindow.table(robot).getItems().size() == 1);
    robot.interact(() -> LiveWindow.table(robot).getSelectionModel().select(0));
    return LiveWindow.table(robot).getItems().get(0);
  }

  private static Optional<Exchange> linked(FxRobot robot, Exchange original) {
    return LiveWindow.table(robot).getItems().stream()
        .filter(e -> e.requestHeader(Resender.LINK_HEADER)
            .filter(Long.toString(original.id())::equals)
            .isPresent())
        .findFirst();
  }

  @Test
  void resendsAsAnotherUserAsANewExchangeLinkedToTheOriginal(FxRobot robot) throws Exception {
    Exchange original = selectOriginal(robot);

    Platform.runLater(() -> item(robot, "resend-as-user").fire());
    LiveWindow.await(() -> robot.lookup("#resend-password").tryQuery().isPresent());
    @SuppressWarnings("unchecked")
    ComboBox<String> user = robot.lookup("#resend-user").queryAs(ComboBox.class);
    assertThat(user.getItems()).containsExactly("alice", "bob");
    robot.interact(() -> user.setValue("bob"));
    robot.clickOn("#resend-password").write("bob-pass");
    robot.clickOn("OK");

    LiveWindow.await(() -> linked(robot, original).isPresent());
    Exchange again = linked(robot, original).orElseThrow();
    assertThat(again.id()).isGreaterThan(original.id());
    assertThat(again.url()).isEqualTo(original.url());
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.auth()).isEqualTo(new AuthOutcome.Authenticated("Basic", "bob", "Lab"));
    LiveWindow.await(() -> live.window().notifications().currentText().startsWith("Resent"));
    assertThat(live.window().notifications().currentText())
        .isEqualTo("Resent #1 as bob: Warden answered 200");
  }

  @Test
  void resendsWithoutCredentialsAndIsChallenged(FxRobot robot) throws Exception {
    Exchange original = selectOriginal(robot);

    robot.interact(() -> item(robot, "resend-without-credentials").fire());

    LiveWindow.await(() -> linked(robot, original).isPresent());
    assertThat(linked(robot, original).orElseThrow().status()).isEqualTo(407);
  }
}
