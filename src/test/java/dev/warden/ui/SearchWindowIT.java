package dev.warden.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.testing.RawHttpConnection;
import dev.warden.testing.Users;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The search field over real traffic: words in bodies, structured terms, and what an empty result says. */
@ExtendWith(ApplicationExtension.class)
class SearchWindowIT {

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

  private void traffic() throws Exception {
    live.awaitListening();
    String body = "{\"order\": \"Widget-42\"}";
    String auth =
        Base64.getEncoder().encodeToString("alice:right".getBytes(StandardCharsets.UTF_8));
    try (RawHttpConnection c = new RawHttpConnection(live.port())) {
      c.exchange("POST " + live.url("/orders") + " HTTP/1.1\r\nHost: " + live.originAuthority()
          + "\r\nProxy-Authorization: Basic " + auth
          + "\r\nContent-Type: application/json\r\nContent-Length: "
          + body.length() + "\r\nConnection: close\r\n\r\n" + body);
    }
    live.get("/anonymous", null, null);
    live.get("/named", "alice", "right");
    LiveWindow.await(() -> LiveWindow.table(new FxRobot()).getItems().size() == 3);
  }

  private static void search(FxRobot robot, String text) {
    TextField field = robot.lookup("#search").queryAs(TextField.class);
    robot.interact(() -> field.setText(text));
  }

  private static java.util.List<String> paths(FxRobot robot) {
    return LiveWindow.table(robot).getItems().stream().map(e -> e.path()).toList();
  }

  @Test
  void findsAWordInACapturedRequestBody(FxRobot robot) throws Exception {
    traffic();
    search(robot, "widget-42");
    assertThat(paths(robot)).containsExactly("/orders");
  }

  @Test
  void narrowsByStructuredTerms(FxRobot robot) throws Exception {
    traffic();
    search(robot, "status:407");
    assertThat(paths(robot)).containsExactly("/anonymous");
    search(robot, "method:POST user:alice");
    assertThat(paths(robot)).containsExactly("/orders");
    search(robot, "user:alice -method:POST");
    assertThat(paths(robot)).containsExactly("/named");
  }

  @Test
  void saysNoExchangesMatchAndClearsTheFiltersOnRequest(FxRobot robot) throws Exception {
    traffic();
    search(robot, "status:504");
    assertThat(paths(robot)).isEmpty();
    Node noMatch = robot.lookup("#no-match").query();
    assertThat(noMatch.getParent().isVisible()).isTrue();
    robot.clickOn("#clear-filters");
    assertThat(paths(robot)).hasSize(3);
    assertThat(robot.lookup("#search").queryAs(TextField.class).getText()).isEmpty();
  }

  @Test
  void escapeClearsTheSearch(FxRobot robot) throws Exception {
    traffic();
    robot.clickOn("#search").write("/named");
    LiveWindow.await(
        () -> "/named".equals(robot.lookup("#search").queryAs(TextField.class).getText()));
    assertThat(paths(robot)).containsExactly("/named");
    robot.type(KeyCode.ESCAPE);
    assertThat(robot.lookup("#search").queryAs(TextField.class).getText()).isEmpty();
    assertThat(paths(robot)).hasSize(3);
  }
}
