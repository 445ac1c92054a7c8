package dev.warden.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.auth.CredentialMaterial;
import dev.warden.core.settings.Realm;
import dev.warden.core.settings.RealmAuth;
import dev.warden.core.settings.Settings;
import dev.warden.testing.DigestAnswer;
import dev.warden.testing.RawHttpConnection;
import dev.warden.testing.RawResponse;
import java.time.Duration;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The details pane's Auth tab for Digest exchanges made by real requests through the real window's
 * proxy: why it was accepted or refused in one sentence, and every parameter received in a grid.
 */
@ExtendWith(ApplicationExtension.class)
class DigestAuthTabIT {

  private LiveWindow live;

  @Start
  void start(Stage stage) throws Exception {
    Realm lab = new Realm(
        "Lab",
        List.of(),
        List.of(new CredentialMaterial().user("alice", true, "Lab", "s3cret".toCharArray())),
        new RealmAuth(List.of("digest"), List.of("SHA-256", "MD5"), Duration.ofMinutes(5), 403));
    live = new LiveWindow(Settings.defaults().withRealms(List.of(lab)));
    live.show(stage);
  }

  @AfterEach
  void close() {
    live.close();
  }

  private RawResponse get(RawHttpConnection connection, String path, String authorization)
      throws Exception {
    String header = authorization == null ? "" : "Proxy-Authorization: " + authorization + "\r\n";
    return connection.exchange("GET " + live.url(path) + " HTTP/1.1\r\nHost: "
        + live.originAuthority() + "\r\n" + header + "\r\n");
  }

  private static String text(FxRobot robot, String id) {
    return robot.lookup(id).queryAs(Label.class).getText();
  }

  private void select(FxRobot robot, int row) throws Exception {
    LiveWindow.await(() -> LiveWindow.table(robot).getItems().size() > row);
    robot.clickOn(robot.lookup(".table-row-cell").nth(row).queryAs(Node.class));
    robot.clickOn("Auth");
  }

  @Test
  void showsEveryDigestParameterOfAnAcceptedRequestWithTheResponseMasked(FxRobot robot)
      throws Exception {
    live.awaitListening();
    try (RawHttpConnection connection = new RawHttpConnection(live.port())) {
      String challenge =
          get(connection, "/first", null).headers("Proxy-Authenticate").get(0);
      DigestAnswer answer =
          DigestAnswer.to(challenge, "alice", "s3cret").uri("/digest").nc(3);
      assertThat(get(connection, "/digest", answer.header()).status()).isEqualTo(200);
    }
    select(robot, 1);

    assertThat(text(robot, "#auth-verdict"))
        .isEqualTo("Digest credentials of user 'alice' accepted in realm 'Lab'.");
    assertThat(text(robot, "#auth-username")).isEqualTo("alice");
    assertThat(text(robot, "#auth-realm")).isEqualTo("Lab");
    assertThat(text(robot, "#auth-nc")).isEqualTo("00000003");
    assertThat(text(robot, "#auth-cnonce")).isEqualTo("0a4f113b");
    assertThat(text(robot, "#auth-qop")).isEqualTo("auth");
    assertThat(text(robot, "#auth-algorithm")).isEqualTo("SHA-256");
    assertThat(text(robot, "#auth-uri")).isEqualTo("/digest");
    assertThat(text(robot, "#auth-userhash")).isEqualTo("false");
    assertThat(text(robot, "#auth-opaque")).isEqualTo("sent");
    assertThat(text(robot, "#auth-nonce-age")).matches("\\d+ (ms|s)");
    assertThat(text(robot, "#auth-response")).contains("masked");
    assertThat(robot.lookup("#auth-challenge").queryAs(TextArea.class).getText())
        .isEqualTo("No challenge: the request was accepted.");
  }

  @Test
  void saysWhyAWrongPasswordWasRefusedAndShowsTheChallengeSent(FxRobot robot) throws Exception {
    live.awaitListening();
    try (RawHttpConnection connection = new RawHttpConnection(live.port())) {
      String challenge =
          get(connection, "/first", null).headers("Proxy-Authenticate").get(1);
      String wrong = DigestAnswer.to(challenge, "alice", "guess").uri("/wrong").header();
      assertThat(get(connection, "/wrong", wrong).status()).isEqualTo(407);
    }
    select(robot, 1);

    assertThat(text(robot, "#auth-verdict"))
        .isEqualTo("Digest credentials of user 'alice' whose response does not"
            + " match (wrong password, or computed for another method) in realm 'Lab'.");
    assertThat(text(robot, "#auth-algorithm")).isEqualTo("MD5");
    assertThat(text(robot, "#auth-uri")).isEqualTo("/wrong");
    assertThat(robot.lookup("#auth-challenge").queryAs(TextArea.class).getText())
        .contains("Proxy-Authenticate: Digest realm=\"Lab\", qop=\"auth\", algorithm=SHA-256")
        .contains("Proxy-Authenticate: Digest realm=\"Lab\", qop=\"auth\", algorithm=MD5");
  }
}
