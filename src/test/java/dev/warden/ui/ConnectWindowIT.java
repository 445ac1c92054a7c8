package dev.warden.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.connect.ClientFamily;
import dev.warden.core.settings.ListenAddress;
import dev.warden.testing.Users;
import dev.warden.ui.connect.UserChoice;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The "Connect a client" window over a live Warden: pick a user and a client, copy the set-up. */
@ExtendWith(ApplicationExtension.class)
class ConnectWindowIT {

  private LiveWindow live;

  @Start
  void start(Stage stage) throws Exception {
    live = new LiveWindow(
        Users.realmWith("Lab", Users.user("alice", "right"), Users.user("bob", "right")));
    live.show(stage);
  }

  @AfterEach
  void close() {
    live.close();
  }

  private void open(FxRobot robot) throws Exception {
    live.awaitListening();
    robot.clickOn("#more-menu").clickOn("Connect a client…");
    LiveWindow.await(() -> robot.lookup("#connect-snippet").tryQuery().isPresent());
  }

  @SuppressWarnings("unchecked")
  private static void pick(FxRobot robot, String user, String family) {
    ComboBox<UserChoice> users = robot.lookup("#connect-user").queryAs(ComboBox.class);
    ListView<ClientFamily> families = robot.lookup("#connect-families").queryAs(ListView.class);
    robot.interact(() -> {
      users.setValue(users.getItems().stream()
          .filter(u -> u.toString().equals(user))
          .findFirst()
          .orElseThrow());
      families
          .getSelectionModel()
          .select(families.getItems().stream()
              .filter(f -> f.title().equals(family))
              .findFirst()
              .orElseThrow());
    });
  }

  private static String snippet(FxRobot robot) {
    return robot.lookup("#connect-snippet").queryAs(TextArea.class).getText();
  }

  @Test
  void curlForAChosenUserNamesTheListenPortAndCopyPutsItOnTheClipboard(FxRobot robot)
      throws Exception {
    open(robot);
    @SuppressWarnings("unchecked")
    ComboBox<UserChoice> users = robot.lookup("#connect-user").queryAs(ComboBox.class);
    assertThat(users.getItems())
        .extracting(UserChoice::toString)
        .containsExactly("(no user)", "alice (Lab)", "bob (Lab)");

    pick(robot, "alice (Lab)", "curl");

    assertThat(snippet(robot))
        .contains("--proxy 'http://127.0.0.1:" + live.port() + "'")
        .contains("--proxy-user 'alice' --proxy-basic");
    assertThat(robot.lookup("#connect-summary").queryAs(Label.class).getText())
        .contains("curl prompts for the password");
    robot.clickOn("#connect-copy");
    AtomicReference<String> copied = new AtomicReference<>();
    robot.interact(() -> copied.set(Clipboard.getSystemClipboard().getString()));
    assertThat(copied.get()).isEqualTo(snippet(robot));
    assertThat(robot.lookup("#connect-copied").queryAs(Label.class).getText()).isEqualTo("Copied.");
  }

  @Test
  void noUserMeansNoCredentialsInTheSnippet(FxRobot robot) throws Exception {
    open(robot);
    pick(robot, "alice (Lab)", "Environment variables");
    assertThat(snippet(robot)).contains("WARDEN_PASSWORD");

    pick(robot, "(no user)", "Environment variables");

    assertThat(snippet(robot))
        .doesNotContain("WARDEN_PASSWORD")
        .doesNotContain("alice")
        .contains("export http_proxy='http://127.0.0.1:" + live.port() + "'");
  }

  @Test
  void theSnippetFollowsANewListenAddress(FxRobot robot) throws Exception {
    open(robot);
    pick(robot, "bob (Lab)", "Java");
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    int next = port;

    live.warden().update(s -> s.withListen(new ListenAddress("0.0.0.0", next))).get();
    LiveWindow.await(() -> snippet(robot).contains("'-Dhttp.proxyPort=" + next + "'"));

    assertThat(snippet(robot)).contains("'-Dhttp.proxyHost=127.0.0.1'").doesNotContain("0.0.0.0");
    assertThat(robot.lookup("#connect-address").queryAs(Label.class).getText())
        .endsWith("127.0.0.1:" + next);
  }

  @Test
  void fitsA1024By700ScreenWithEveryControlInside(FxRobot robot) throws Exception {
    open(robot);
    Stage connect =
        (Stage) robot.lookup("#connect-root").queryAs(Node.class).getScene().getWindow();
    assertThat(connect.getWidth()).isLessThanOrEqualTo(1024);
    assertThat(connect.getHeight()).isLessThanOrEqualTo(700);
    for (String id : new String[] {
      "#connect-user",
      "#connect-families",
      "#connect-snippet",
      "#connect-copy",
      "#connect-system-proxy",
      "#connect-system-proxy-note"
    }) {
      Node node = robot.lookup(id).query();
      Bounds inScene = node.localToScene(node.getBoundsInLocal());
      assertThat(inScene.getMinX()).as(id).isGreaterThanOrEqualTo(0);
      assertThat(inScene.getMinY()).as(id).isGreaterThanOrEqualTo(0);
      assertThat(inScene.getMaxX())
          .as(id)
          .isLessThanOrEqualTo(connect.getScene().getWidth());
      assertThat(inScene.getMaxY())
          .as(id)
          .isLessThanOrEqualTo(connect.getScene().getHeight());
    }
  }

  @Test
  void theMoreMenuOffersConnectAfterTheSquidExport(FxRobot robot) {
    assertThat(live.window().moreMenuIds())
        .containsSubsequence("export-squid", "open-connect", "open-limits");
  }
}
