package dev.warden.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.settings.Settings;
import dev.warden.core.traffic.Exchange;
import dev.warden.testing.RawResponse;
import java.net.InetAddress;
import java.net.ServerSocket;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The real window, a real proxy, real requests: the traffic side (table, switch, details, filters, listener). */
@ExtendWith(ApplicationExtension.class)
class TrafficWindowIT {

  private LiveWindow live;

  @Start
  void start(Stage stage) throws Exception {
    live = new LiveWindow(Settings.defaults().withEnforcement(false));
    live.show(stage);
  }

  @AfterEach
  void close() {
    live.close();
  }

  @Test
  void showsChallengeReasonAfterEnforcementIsSwitchedOn(FxRobot robot) throws Exception {
    live.awaitListening();
    assertThat(live.get("/open", null, null).status()).isEqualTo(200);
    LiveWindow.await(() -> LiveWindow.table(robot).getItems().size() == 1);

    robot.clickOn(robot.lookup("#enforcement-switch .thumb-area").queryAs(javafx.scene.Node.class));
    LiveWindow.await(() -> live.warden().settings().enforcement());

    RawResponse response = live.get("/closed", null, null);
    assertThat(response.status()).isEqualTo(407);
    LiveWindow.await(() -> LiveWindow.table(robot).getItems().size() == 2);
    assertThat(LiveWindow.table(robot).getItems().get(1).isChallenge()).isTrue();
    assertThat(robot.lookup(".auth-cell").queryAllAs(javafx.scene.control.Labeled.class).stream()
            .map(javafx.scene.control.Labeled::getText))
        .contains("no credentials");
  }

  @Test
  void selectingARowFillsTheDetails(FxRobot robot) throws Exception {
    live.awaitListening();
    live.warden().setEnforcement(true).get();
    live.get("/secret", null, null);
    LiveWindow.await(() -> LiveWindow.table(robot).getItems().size() == 1);

    robot.clickOn(robot.lookup(".table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
    assertThat(robot.lookup("#details-outcome").queryAs(Label.class).getText())
        .isEqualTo("No proxy credentials were sent; challenged in realm 'Warden'");
    robot.clickOn("Auth");
    assertThat(robot.lookup("#auth-challenge").queryAs(TextArea.class).getText())
        .contains("Proxy-Authenticate: Basic realm=\"Warden\"");
    robot.clickOn("Request");
    assertThat(robot.lookup("#request-head").queryAs(TextArea.class).getText())
        .startsWith("GET " + live.url("/secret"));
  }

  @Test
  void filtersNarrowTheTable(FxRobot robot) throws Exception {
    live.awaitListening();
    live.get("/alpha", null, null);
    live.warden().setEnforcement(true).get();
    live.get("/beta", null, null);
    LiveWindow.await(() -> LiveWindow.table(robot).getItems().size() == 2);

    robot.clickOn("#quick-challenged");
    assertThat(LiveWindow.table(robot).getItems())
        .extracting(Exchange::path)
        .containsExactly("/beta");
    robot.clickOn("#quick-all");
    robot.clickOn("#search").write("alpha");
    assertThat(LiveWindow.table(robot).getItems())
        .extracting(Exchange::path)
        .containsExactly("/alpha");
  }

  @Test
  void busyListenAddressShowsItsReasonAndKeepsTheOldListener(FxRobot robot) throws Exception {
    live.awaitListening();
    int oldPort = live.port();
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      TextField field = robot.lookup("#listen-address").queryAs(TextField.class);
      robot.interact(() -> field.setText("127.0.0.1:" + busy.getLocalPort()));
      robot.clickOn(field).type(KeyCode.ENTER);
      Label problem = robot.lookup("#listen-problem").queryAs(Label.class);
      LiveWindow.await(() -> !problem.getText().isEmpty());
      assertThat(problem.getText()).contains("in use");
      assertThat(problem.isVisible()).isTrue();
    }
    assertThat(live.port()).isEqualTo(oldPort);
    assertThat(live.getVia(oldPort, "/still-here", null, null).status()).isEqualTo(200);
  }

  @Test
  void aboutShowsTheLicencesAndWhereSettingsLive(FxRobot robot) throws Exception {
    live.awaitListening();
    assertThat(live.window().moreMenuIds()).contains("about");
    robot.interact(() -> live.window().showAbout());
    LiveWindow.await(() -> robot.lookup("#about-text").tryQuery().isPresent());
    String text = robot.lookup("#about-text").queryAs(TextArea.class).getText();
    assertThat(text).contains("Apache License 2.0", "Classpath Exception", "Settings: ");
    robot.interact(
        () -> robot.lookup("#about-text").query().getScene().getWindow().hide());
  }
}
