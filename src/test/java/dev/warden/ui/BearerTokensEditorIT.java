package dev.warden.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.auth.AuthOutcome;
import dev.warden.core.settings.BearerToken;
import dev.warden.core.settings.Realm;
import dev.warden.core.settings.RealmAuth;
import dev.warden.core.settings.Settings;
import dev.warden.core.traffic.Exchange;
import dev.warden.testing.RawHttpConnection;
import dev.warden.testing.RawResponse;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Bearer tokens edited in the Authentication tab of the real window: a token typed once is stored
 * hashed and shown by name and hash start, and a real request with it then passes through the real
 * Warden; a removed token is refused on the next request; bad input is refused with a sentence and
 * loses nothing.
 */
@ExtendWith(ApplicationExtension.class)
class BearerTokensEditorIT {

  private static final String KEPT = "kept-t0ken.v1";
  private LiveWindow live;

  @Start
  void start(Stage stage) throws Exception {
    Realm lab = new Realm(
            "Lab",
            List.of(),
            List.of(),
            RealmAuth.defaults().withSchemes(List.of("bearer", "basic")))
        .withTokens(List.of(BearerToken.of("kept", KEPT.toCharArray())));
    live = new LiveWindow(Settings.defaults().withRealms(List.of(lab)));
    live.show(stage);
  }

  @AfterEach
  void close() {
    live.close();
  }

  private RawResponse getWithBearer(String path, String token) throws Exception {
    try (RawHttpConnection c = new RawHttpConnection(live.port())) {
      return c.exchange("GET " + live.url(path) + " HTTP/1.1\r\nHost: " + live.originAuthority()
          + "\r\n" + "Proxy-Authorization: Bearer " + token + "\r\nConnection: close\r\n\r\n");
    }
  }

  private Exchange recorded(String path) throws Exception {
    LiveWindow.await(
        () -> live.warden().traffic().snapshot().stream().anyMatch(e -> e.url().endsWith(path)));
    return live.warden().traffic().snapshot().stream()
        .filter(e -> e.url().endsWith(path))
        .findFirst()
        .orElseThrow();
  }

  private void openTokens(FxRobot robot) throws Exception {
    live.awaitListening();
    robot.clickOn("#open-editor");
    robot.clickOn("Authentication");
  }

  private void add(FxRobot robot, String name, String token) {
    robot.interact(() -> {
      robot.lookup("#realm-token-name").queryAs(TextField.class).setText(name);
      robot.lookup("#realm-token-value").queryAs(PasswordField.class).setText(token);
    });
    robot.clickOn("#realm-token-add");
  }

  @SuppressWarnings("unchecked")
  private static ListView<BearerToken> list(FxRobot robot) {
    return robot.lookup("#realm-tokens").queryAs(ListView.class);
  }

  @Test
  void aTokenAddedInTheEditorLetsTheNextRealRequestThrough(FxRobot robot) throws Exception {
    String token = "ci-9f3K.x_~+/abc==";
    assertThat(getWithBearer("/before-add", token).status()).isEqualTo(407);
    openTokens(robot);
    add(robot, "ci-bot", token);
    assertThat(robot.lookup("#realm-token-value").queryAs(PasswordField.class).getText())
        .isEmpty();
    assertThat(list(robot).getItems())
        .extracting(BearerToken::name)
        .containsExactly("kept", "ci-bot");
    String shown =
        robot.lookup("#realm-tokens").queryAs(ListView.class).lookupAll(".list-cell").stream()
            .map(n -> ((javafx.scene.control.ListCell<?>) n).getText())
            .filter(t -> t != null && t.startsWith("ci-bot"))
            .findFirst()
            .orElseThrow();
    assertThat(shown)
        .isEqualTo("ci-bot  " + BearerToken.hashOf(token.toCharArray()).substring(0, 13) + "\u2026")
        .doesNotContain(token);

    robot.clickOn("#save-editor");
    LiveWindow.await(() -> live.warden().settings().realms().get(0).tokens().size() == 2);
    assertThat(live.warden().settings().realms().get(0).tokens().get(1).hash())
        .isEqualTo(BearerToken.hashOf(token.toCharArray()));

    assertThat(getWithBearer("/after-add", token).status()).isEqualTo(200);
    assertThat(recorded("/after-add").auth())
        .isInstanceOfSatisfying(
            AuthOutcome.Authenticated.class, a -> assertThat(a.user()).isEqualTo("ci-bot"));
  }

  @Test
  void aTokenRemovedInTheEditorIsRefusedOnTheNextRequest(FxRobot robot) throws Exception {
    assertThat(getWithBearer("/before-remove", KEPT).status()).isEqualTo(200);
    openTokens(robot);
    robot.interact(() -> list(robot).getSelectionModel().select(0));
    robot.clickOn("#realm-token-remove");
    assertThat(list(robot).getItems()).isEmpty();
    robot.clickOn("#save-editor");
    LiveWindow.await(() -> live.warden().settings().realms().get(0).tokens().isEmpty());

    RawResponse refused = getWithBearer("/after-remove", KEPT);
    assertThat(refused.status()).isEqualTo(407);
    assertThat(refused.header("Proxy-Authenticate")).contains("error=\"invalid_token\"");
  }

  @Test
  void refusesBadTokensWithASentenceAndLosesNothing(FxRobot robot) throws Exception {
    openTokens(robot);
    Label error = robot.lookup("#realm-token-error").queryAs(Label.class);

    add(robot, "deploy", "has space");
    assertThat(error.getText())
        .isEqualTo("Character 4 of the token is a space: a Bearer token holds only letters,"
            + " digits and - . _ ~ + /, then = at the end (RFC 6750 b64token)");
    add(robot, "deploy", "");
    assertThat(error.getText()).isEqualTo("The token is empty");
    add(robot, "deploy", "   ");
    assertThat(error.getText()).isEqualTo("The token is empty");
    add(robot, "deploy", "abc=def");
    assertThat(error.getText()).startsWith("Character 5 of the token follows an '='");
    add(robot, "deploy", "caf\u00e9");
    assertThat(error.getText()).startsWith("Character 4 of the token is U+00E9:");
    add(robot, "kept", "another-token");
    assertThat(error.getText())
        .isEqualTo("A token named 'kept' is already stored: remove it first to replace it");
    add(robot, "again", KEPT);
    assertThat(error.getText()).isEqualTo("That token is already stored as 'kept'");
    add(robot, " ", "fine-token");
    assertThat(error.getText()).startsWith("Give the token a name");

    assertThat(list(robot).getItems()).extracting(BearerToken::name).containsExactly("kept");
    assertThat(live.warden().settings().realms().get(0).tokens())
        .extracting(BearerToken::name)
        .containsExactly("kept");
    assertThat(getWithBearer("/still-kept", KEPT).status()).isEqualTo(200);

    add(robot, "deploy", "fine-token");
    assertThat(error.getText()).isEmpty();
    assertThat(list(robot).getItems())
        .extracting(BearerToken::name)
        .containsExactly("kept", "deploy");
  }
}
