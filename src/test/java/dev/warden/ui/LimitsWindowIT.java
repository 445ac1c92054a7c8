package dev.warden.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.settings.Limits;
import dev.warden.testing.RawHttpConnection;
import dev.warden.testing.RawResponse;
import dev.warden.testing.Users;
import java.time.Duration;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The limits dialog: every limit editable, checked as typed, saved, and in force for the next connection. */
@ExtendWith(ApplicationExtension.class)
class LimitsWindowIT {

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

  private static TextField field(FxRobot robot, String id) {
    return robot.lookup("#" + id).queryAs(TextField.class);
  }

  private static void type(FxRobot robot, String id, String text) {
    TextField field = field(robot, id);
    robot.interact(() -> field.setText(""));
    robot.clickOn(field).write(text);
  }

  private static String problems(FxRobot robot) {
    return robot.lookup("#limits-problems").queryAs(Label.class).getText();
  }

  @Test
  void showsEveryLimitInForceWithWhatAClientSees(FxRobot robot) throws Exception {
    live.awaitListening();
    robot.interact(() -> live.window().openLimits());
    assertThat(field(robot, "limit-request-head").getText()).isEqualTo("30s");
    assertThat(field(robot, "limit-idle").getText()).isEqualTo("1m");
    assertThat(field(robot, "limit-refused-body-drain").getText()).isEqualTo("64 KiB");
    assertThat(field(robot, "limit-max-connections").getText()).isEqualTo("20000");
    assertThat(robot.lookup("408 Request Timeout").tryQuery()).isEmpty();
    assertThat(robot.lookup(".hint").queryAllAs(Label.class))
        .anyMatch(l -> l.getText().contains("408 Request Timeout"));
  }

  @Test
  void refusesTextThatIsNotAValueOrOutOfRangeAndKeepsTheLimitsInForce(FxRobot robot)
      throws Exception {
    live.awaitListening();
    robot.interact(() -> live.window().openLimits());
    Button apply = robot.lookup("#limits-apply").queryAs(Button.class);

    type(robot, "limit-idle", "soon");
    assertThat(problems(robot))
        .contains("Idle keep-alive timeout: 'soon' is not a duration; use milliseconds (500ms)");
    assertThat(apply.isDisabled()).isTrue();

    type(robot, "limit-idle", "2h");
    assertThat(problems(robot))
        .contains("Idle keep-alive timeout 7200000 ms is outside 100 ms to 1 h");
    assertThat(apply.isDisabled()).isTrue();

    type(robot, "limit-header-block", "lots");
    type(robot, "limit-idle", "90s");
    assertThat(problems(robot))
        .contains("Header block limit: 'lots' is not a size")
        .doesNotContain("Idle keep-alive timeout");

    robot.clickOn("#limits-cancel");
    assertThat(live.warden().settings().limits()).isEqualTo(Limits.DEFAULTS);
  }

  @Test
  void aSavedDeadlineAppliesToTheNextConnection(FxRobot robot) throws Exception {
    live.awaitListening();
    robot.interact(() -> live.window().openLimits());
    type(robot, "limit-request-head", "500ms");
    type(robot, "limit-header-block", "16 KiB");
    robot.clickOn("#limits-apply");
    LiveWindow.await(
        () -> live.warden().settings().limits().requestHead().equals(Duration.ofMillis(500)));
    assertThat(live.warden().settings().limits().headerBlock()).isEqualTo(16 * 1024);

    try (RawHttpConnection connection = new RawHttpConnection(live.port())) {
      connection.send("GET " + live.url("/slow-head") + " HTTP/1.1\r\nHost: ");
      // only the new deadline answers 408 in time: the default 30 s is past the socket's 10 s
      // timeout
      RawResponse late = connection.read(false);
      assertThat(late.status()).isEqualTo(408);
    }
  }

  @Test
  void defaultsFillsWardensDefaultsWithoutSavingThem(FxRobot robot) throws Exception {
    live.awaitListening();
    live.warden()
        .update(s -> s.withLimits(Limits.DEFAULTS.withMaxConnections(50)))
        .get();
    robot.interact(() -> live.window().openLimits());
    assertThat(field(robot, "limit-max-connections").getText()).isEqualTo("50");
    robot.clickOn("#limits-defaults");
    assertThat(field(robot, "limit-max-connections").getText()).isEqualTo("20000");
    assertThat(live.warden().settings().limits().maxConnections()).isEqualTo(50);
  }
}
