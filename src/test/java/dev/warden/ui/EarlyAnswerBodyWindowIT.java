package dev.warden.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.testing.EarlyAnswerOrigin;
import dev.warden.testing.RawHttpConnection;
import dev.warden.testing.Users;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The details pane shows the whole request body of a POST whose origin answered 405 before reading it. */
@ExtendWith(ApplicationExtension.class)
class EarlyAnswerBodyWindowIT {

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

  @Test
  void showsTheCompleteJsonBodyOfAPostTheOriginRefusedUnread(FxRobot robot) throws Exception {
    live.awaitListening();
    String body =
        "{\"order\":42,\"user\":\"alice\",\"note\":\"" + "y".repeat(300) + "\",\"end\":true}";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    try (EarlyAnswerOrigin origin = new EarlyAnswerOrigin();
        RawHttpConnection c = new RawHttpConnection(live.port())) {
      String credentials =
          Base64.getEncoder().encodeToString("alice:right".getBytes(StandardCharsets.UTF_8));
      c.send("POST " + origin.url("/orders") + " HTTP/1.1\r\nHost: 127.0.0.1:" + origin.port()
          + "\r\nProxy-Authorization: Basic " + credentials
          + "\r\nContent-Type: application/json\r\nContent-Length: "
          + bytes.length + "\r\nConnection: close\r\n\r\n");
      c.send(bytes);
      assertThat(c.read(false).status()).isEqualTo(405);
    }
    LiveWindow.await(() -> LiveWindow.table(robot).getItems().size() == 1);
    robot.interact(() -> LiveWindow.table(robot).getSelectionModel().select(0));
    robot.clickOn("Request");
    TextArea shown = robot.lookup("#request-body").queryAs(TextArea.class);
    // pretty-printed for reading: the same JSON once the layout's white space is gone
    assertThat(shown.getText().replaceAll("\\s", "")).isEqualTo(body);
  }
}
