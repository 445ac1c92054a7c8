package dev.warden.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.warden.core.traffic.Exchange;
import dev.warden.testing.RawHttpConnection;
import dev.warden.testing.Users;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The row's "Copy as curl", pasted into a shell and run by the real curl against the window's Warden. */
@ExtendWith(ApplicationExtension.class)
class CopyAsCurlWindowIT {

  private static final Path CURL = Path.of("/usr/bin/curl");
  private static final Path SETSID = Path.of("/usr/bin/setsid");
  private LiveWindow live;

  @Start
  void start(Stage stage) throws Exception {
    live = new LiveWindow(Users.realmWith("Lab", Users.user("alice", "alice-pass")));
    live.show(stage);
  }

  @AfterEach
  void close() {
    live.close();
  }

  @Test
  void theCopiedCommandIsAnsweredAsTheOriginalWas(FxRobot robot) throws Exception {
    assumeTrue(
        Files.isExecutable(CURL) && Files.isExecutable(SETSID), "curl or setsid is not installed");
    live.awaitListening();
    String body = "{\"it's\":\"json\"}";
    try (RawHttpConnection c = new RawHttpConnection(live.port())) {
      c.exchange("PUT " + live.url("/copied") + " HTTP/1.1\r\nHost: " + live.originAuthority()
          + "\r\nProxy-Authorization: " + Users.basic("alice", "alice-pass")
          + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n"
          + body);
    }
    LiveWindow.await(() -> LiveWindow.table(robot).getItems().size() == 1);
    robot.interact(() -> LiveWindow.table(robot).getSelectionModel().select(0));
    Exchange original = LiveWindow.table(robot).getItems().get(0);

    AtomicReference<String> copied = new AtomicReference<>();
    robot.interact(() -> {
      LiveWindow.table(robot).getContextMenu().getItems().stream()
          .filter(i -> "copy-as-curl".equals(i.getId()))
          .findFirst()
          .orElseThrow()
          .fire();
      copied.set(Clipboard.getSystemClipboard().getString());
    });
    assertThat(copied.get())
        .contains("--proxy-user 'alice' --proxy-basic", "-X 'PUT'")
        .doesNotContain("alice-pass");

    // no terminal in a new session: curl reads the password it asks for from its standard input
    Process curl = new ProcessBuilder(
            SETSID.toString(),
            "/bin/sh",
            "-c",
            copied.get() + " --silent --max-time 10 --output /dev/null --write-out '%{http_code}'")
        .start();
    curl.getOutputStream().write("alice-pass\n".getBytes(StandardCharsets.UTF_8));
    curl.getOutputStream().close();
    assertThat(curl.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .isEqualTo("200");

    LiveWindow.await(() -> LiveWindow.table(robot).getItems().size() == 2);
    Exchange again = LiveWindow.table(robot).getItems().get(1);
    assertThat(again.method()).isEqualTo("PUT");
    assertThat(again.status()).isEqualTo(original.status());
    assertThat(again.auth()).isEqualTo(original.auth());
    assertThat(again.requestBody()).isEqualTo(original.requestBody());
  }
}
