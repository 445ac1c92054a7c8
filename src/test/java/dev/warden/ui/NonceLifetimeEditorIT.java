package dev.warden.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.auth.AuthOutcome;
import dev.warden.core.auth.ChallengeReason;
import dev.warden.core.auth.CredentialMaterial;
import dev.warden.core.settings.Realm;
import dev.warden.core.settings.RealmAuth;
import dev.warden.core.settings.Settings;
import dev.warden.testing.DigestAnswer;
import dev.warden.testing.RawHttpConnection;
import dev.warden.testing.RawResponse;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The nonce lifetime in the realm's Authentication tab: validated as typed, saved, in force at once. */
@ExtendWith(ApplicationExtension.class)
class NonceLifetimeEditorIT {

  private LiveWindow live;

  @Start
  void start(Stage stage) throws Exception {
    Realm lab = new Realm(
        "Lab",
        List.of(),
        List.of(new CredentialMaterial().user("alice", true, "Lab", "s3cret".toCharArray())),
        new RealmAuth(List.of("digest"), List.of("SHA-256"), Duration.ofMinutes(5), 403));
    live = new LiveWindow(Settings.defaults().withRealms(List.of(lab)));
    live.show(stage);
  }

  @AfterEach
  void close() {
    live.close();
  }

  private TextField lifetimeField(FxRobot robot) {
    robot.clickOn("#open-editor");
    robot.clickOn("Authentication");
    return robot.lookup("#realm-nonce-lifetime").queryAs(TextField.class);
  }

  private static void type(FxRobot robot, TextField field, String text) {
    robot.interact(() -> field.setText(""));
    robot.clickOn(field).write(text);
  }

  private static List<String> messages(FxRobot robot) {
    return robot.lookup("#editor-messages .editor-message").queryAllAs(Labeled.class).stream()
        .map(Labeled::getText)
        .toList();
  }

  @Test
  void showsTheLoadedLifetimeAndRefusesTextThatIsNotADurationOrOutOfRange(FxRobot robot)
      throws Exception {
    live.awaitListening();
    TextField field = lifetimeField(robot);
    assertThat(field.getText()).isEqualTo("5m");
    Button save = robot.lookup("#save-editor").queryAs(Button.class);

    type(robot, field, "soon");
    assertThat(messages(robot))
        .anyMatch(m -> m.contains("nonce lifetime 'soon' is not a duration"));
    assertThat(save.isDisabled()).isTrue();

    type(robot, field, "25h");
    assertThat(messages(robot))
        .anyMatch(m -> m.contains("nonce lifetime 90000 s is outside 1 s to 24 h"));
    assertThat(save.isDisabled()).isTrue();

    type(robot, field, "90s");
    assertThat(messages(robot)).noneMatch(m -> m.contains("nonce lifetime"));
    assertThat(save.isDisabled()).isFalse();
  }

  @Test
  void aSavedLifetimeAppliesToTheNextRequest(FxRobot robot) throws Exception {
    live.awaitListening();
    type(robot, lifetimeField(robot), "1s");
    robot.clickOn("#save-editor");
    LiveWindow.await(() -> live.warden()
        .settings()
        .realms()
        .get(0)
        .auth()
        .nonceLifetime()
        .equals(Duration.ofSeconds(1)));

    try (RawHttpConnection connection = new RawHttpConnection(live.port())) {
      RawResponse first = connection.exchange("GET " + live.url("/first") + " HTTP/1.1\r\nHost: "
          + live.originAuthority() + "\r\n\r\n");
      String challenge = first.headers("Proxy-Authenticate").get(0);
      Thread.sleep(1_300);
      String answer = DigestAnswer.to(challenge, "alice", "s3cret").uri("/late").header();
      RawResponse late = connection.exchange("GET " + live.url("/late") + " HTTP/1.1\r\nHost: "
          + live.originAuthority() + "\r\nProxy-Authorization: " + answer + "\r\n\r\n");
      assertThat(late.status()).isEqualTo(407);
      assertThat(late.header("Proxy-Authenticate")).contains("stale=true");
    }
    LiveWindow.await(() -> LiveWindow.table(robot).getItems().size() == 2);
    assertThat(LiveWindow.table(robot).getItems().get(1).auth())
        .isInstanceOfSatisfying(
            AuthOutcome.Challenged.class,
            c -> assertThat(c.reason()).isEqualTo(ChallengeReason.STALE_NONCE));
  }
}
