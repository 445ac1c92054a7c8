package dev.warden.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.traffic.Exchange;
import dev.warden.testing.RawHttpConnection;
import dev.warden.testing.Users;
import dev.warden.ui.har.FilePicker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** HAR export from the real window over real traffic, and the file opened again read-only. */
@ExtendWith(ApplicationExtension.class)
class HarWindowIT {

  @TempDir
  Path folder;

  private LiveWindow live;

  @Start
  void start(Stage stage) throws Exception {
    live = new LiveWindow(Users.realmWith("Lab", Users.user("alice", "right-pass")));
    live.show(stage);
  }

  @AfterEach
  void close() {
    live.close();
  }

  /** Answers every file dialog with {@code file}. */
  private static FilePicker always(Path file) {
    return new FilePicker() {
      @Override
      public Optional<Path> save(String title, String suggestedName) {
        return Optional.of(file);
      }

      @Override
      public Optional<Path> open(String title) {
        return Optional.of(file);
      }
    };
  }

  @Test
  void exportedCaptureOpensReadOnlyWithCredentialsRedacted(FxRobot robot) throws Exception {
    live.awaitListening();
    live.get("/first", null, null);
    try (RawHttpConnection c = new RawHttpConnection(live.port())) {
      c.exchange("GET " + live.url("/second") + " HTTP/1.1\r\nHost: " + live.originAuthority()
          + "\r\nProxy-Authorization: " + Users.basic("alice", "right-pass")
          + "\r\nAuthorization: Bearer origin-secret-7\r\nConnection: close\r\n\r\n");
    }
    LiveWindow.await(() -> LiveWindow.table(robot).getItems().size() == 2);
    Path file = folder.resolve("capture.har");
    live.window().harMenu().usePicker(always(file));

    Platform.runLater(() -> live.window().harMenu().export());
    LiveWindow.await(() -> robot.lookup("#har-scope-all").tryQuery().isPresent());
    robot.clickOn("#har-scope-all");
    robot.clickOn("OK");
    LiveWindow.await(() ->
        Files.exists(file) && live.window().notifications().currentText().startsWith("Exported"));

    String text = Files.readString(file);
    assertThat(text)
        .contains("\"_warden\"", "Basic [redacted]", "Bearer [redacted]")
        .doesNotContain("right-pass", "origin-secret-7", "alice:***", "Bearer ***");
    assertThat(live.window().notifications().currentText())
        .isEqualTo("Exported 2 exchanges to " + file + " (credentials redacted)");

    robot.interact(() -> live.window().harMenu().node().getItems().stream()
        .filter(i -> "har-open".equals(i.getId()))
        .findFirst()
        .orElseThrow()
        .fire());
    LiveWindow.await(() -> live.window().lastCapture() != null
        && live.window().lastCapture().stage().isShowing());
    @SuppressWarnings("unchecked")
    TableView<Exchange> imported = robot.lookup("#capture-table").queryAs(TableView.class);
    assertThat(imported.getItems()).extracting(Exchange::path).containsExactly("/first", "/second");
    assertThat(imported.getItems())
        .extracting(e -> e.auth().describe())
        .containsExactlyElementsOf(LiveWindow.table(robot).getItems().stream()
            .map(e -> e.auth().describe())
            .toList());
    assertThat(robot.lookup("#capture-banner").queryAs(Label.class).getText())
        .startsWith("Read-only capture capture.har: 2 exchanges from Warden");

    robot.interact(() -> imported.getSelectionModel().select(1));
    String head = robot
        .from(live.window().lastCapture().stage().getScene().getRoot())
        .lookup("#request-head")
        .queryAs(TextArea.class)
        .getText();
    // the details pane masks any Proxy-Authorization it does not recognise as Warden's own record
    assertThat(head)
        .contains("Proxy-Authorization: Basic ***", "Authorization: Bearer [redacted]")
        .doesNotContain("alice");
    robot.interact(() -> live.window().lastCapture().stage().close());
  }

  @Test
  void aSavedSessionKeepsTheRecordedUserNamesButNoPassword(FxRobot robot) throws Exception {
    live.awaitListening();
    live.get("/session", "alice", "right-pass");
    LiveWindow.await(() -> LiveWindow.table(robot).getItems().size() == 1);
    Path file = folder.resolve("session.har");
    live.window().harMenu().usePicker(always(file));

    robot.interact(() -> live.window().harMenu().node().getItems().stream()
        .filter(i -> "session-save".equals(i.getId()))
        .findFirst()
        .orElseThrow()
        .fire());
    LiveWindow.await(() -> Files.exists(file)
        && live.window().notifications().currentText().startsWith("Session saved"));

    assertThat(Files.readString(file)).contains("Basic alice:***").doesNotContain("right-pass");
  }
}
