package dev.warden.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.settings.Settings;
import dev.warden.testing.RawResponse;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The realms and users editor against the running proxy: changes apply to the next request. */
@ExtendWith(ApplicationExtension.class)
class EditorWindowIT {

  private LiveWindow live;

  @Start
  void start(Stage stage) throws Exception {
    live = new LiveWindow(Settings.defaults());
    live.show(stage);
  }

  @AfterEach
  void close() {
    live.close();
  }

  @Test
  void addingAUserInTheEditorLetsTheirNextRequestThroughWithoutARestart(FxRobot robot)
      throws Exception {
    live.awaitListening();
    assertThat(live.get("/before", "alice", "s3cret").status()).isEqualTo(407);

    robot.clickOn("#open-editor");
    robot.clickOn("#user-name").write("alice");
    robot.clickOn("#user-password").write("s3cret");
    robot.clickOn("#user-password-repeat").write("s3cret");
    robot.clickOn("#commit-user");
    robot.clickOn("#save-editor");
    LiveWindow.await(() -> !live.warden().settings().realms().get(0).users().isEmpty());

    RawResponse response = live.get("/after", "alice", "s3cret");
    assertThat(response.status()).isEqualTo(200);
    LiveWindow.await(() -> LiveWindow.table(robot).getItems().size() == 2);
    assertThat(LiveWindow.table(robot).getItems().get(1).user()).contains("alice");
    assertThat(robot.lookup(".auth-cell").queryAllAs(javafx.scene.control.Labeled.class).stream()
            .map(javafx.scene.control.Labeled::getText))
        .contains("alice");
  }

  @Test
  void renamingTheRealmChangesTheNextChallenge(FxRobot robot) throws Exception {
    live.awaitListening();
    robot.clickOn("#open-editor");
    TextField name = robot.lookup("#realm-name").queryAs(TextField.class);
    robot.interact(() -> name.setText(""));
    robot.clickOn(name).write("Corp");
    robot.clickOn("#save-editor");
    LiveWindow.await(() -> live.warden().settings().realms().get(0).name().equals("Corp"));

    RawResponse response = live.get("/after-rename", null, null);
    assertThat(response.status()).isEqualTo(407);
    assertThat(response.header("Proxy-Authenticate")).contains("realm=\"Corp\"");
    LiveWindow.await(() -> LiveWindow.table(robot).getItems().size() == 1);
    assertThat(LiveWindow.table(robot).getItems().get(0).realm()).contains("Corp");
  }

  @Test
  void refusesAUserNameWithAColonInline(FxRobot robot) throws Exception {
    live.awaitListening();
    robot.clickOn("#open-editor");
    robot.clickOn("#user-name").write("a:b");
    robot.clickOn("#user-password").write("pw");
    robot.clickOn("#user-password-repeat").write("pw");
    robot.clickOn("#commit-user");
    assertThat(robot.lookup("#user-form-problem").queryAs(Label.class).getText())
        .contains("contains ':'");
    assertThat(live.warden().settings().realms().get(0).users()).isEmpty();
  }

  @Test
  void switchingDigestOnWithAPresetChangesTheNextChallengeAndAUserAddedThenHasDigestMaterial(
      FxRobot robot) throws Exception {
    live.awaitListening();
    robot.clickOn("#open-editor");
    robot.clickOn("Authentication");
    robot.clickOn("#realm-digest");
    @SuppressWarnings("unchecked")
    javafx.scene.control.ComboBox<dev.warden.ui.editor.DigestPreset> preset =
        robot.lookup("#realm-digest-preset").queryAs(javafx.scene.control.ComboBox.class);
    robot.interact(() -> preset.setValue(dev.warden.ui.editor.DigestPreset.MOST_COMPATIBLE));
    assertThat(robot.lookup("#realm-digest-explanation").queryAs(Label.class).getText())
        .contains("python urllib");
    robot.clickOn("#realm-digest-first"); // Basic first
    robot.clickOn("Users");
    robot.clickOn("#user-name").write("alice");
    robot.clickOn("#user-password").write("s3cret");
    robot.clickOn("#user-password-repeat").write("s3cret");
    robot.clickOn("#commit-user");
    robot.clickOn("#save-editor");
    LiveWindow.await(() -> !live.warden().settings().realms().get(0).users().isEmpty());

    var realm = live.warden().settings().realms().get(0);
    assertThat(realm.auth().schemes()).containsExactly("basic", "digest");
    assertThat(realm.auth().digestAlgorithms()).containsExactly("MD5", "SHA-256");
    assertThat(realm.users().get(0).digest().covers("Warden", "MD5")).isTrue();
    RawResponse response = live.get("/digest", null, null);
    assertThat(response.status()).isEqualTo(407);
    assertThat(response.headers("Proxy-Authenticate")).hasSize(3);
    assertThat(response.headers("Proxy-Authenticate").get(0)).startsWith("Basic");
    assertThat(response.headers("Proxy-Authenticate").get(1))
        .startsWith("Digest")
        .contains("algorithm=MD5");
  }
}
