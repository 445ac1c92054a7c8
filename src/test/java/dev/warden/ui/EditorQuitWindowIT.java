package dev.warden.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.testing.Users;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The editor keeps unapplied edits safe: Esc puts it away, quitting asks, typing never moves it. */
@ExtendWith(ApplicationExtension.class)
class EditorQuitWindowIT {

  private LiveWindow live;
  private Stage stage;

  @Start
  void start(Stage primary) throws Exception {
    // a stage of its own: TestFX reuses the primary stage, whose close handlers would pile up
    stage = new Stage();
    live = new LiveWindow(Users.realmWith("Lab", Users.user("alice", "right")));
    live.show(stage);
  }

  @AfterEach
  void close(FxRobot robot) {
    robot.interact(() -> {
      if (live.window().editorStage() != null) {
        live.window().editorStage().close();
      }
      stage.close();
    });
    live.close();
  }

  private void renameRealm(FxRobot robot, String name) {
    robot.clickOn("#open-editor");
    TextField field = robot.lookup("#realm-name").queryAs(TextField.class);
    robot.interact(() -> field.setText(""));
    robot.clickOn(field).write(name);
  }

  /** Asks the main window to close as its close box would; the dialog's nested loop runs meanwhile. */
  private void requestClose() {
    Platform.runLater(
        () -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void escapeClosesTheEditorAndKeepsItsEdits(FxRobot robot) throws Exception {
    live.awaitListening();
    renameRealm(robot, "Corp");
    robot.type(KeyCode.ESCAPE);
    LiveWindow.await(() -> !live.window().editorStage().isShowing());
    assertThat(live.window().editorModel().dirtyProperty().get()).isTrue();
    robot.clickOn("#open-editor");
    assertThat(robot.lookup("#realm-name").queryAs(TextField.class).getText()).isEqualTo("Corp");
  }

  @Test
  void cancelKeepsTheWindowOpenWithTheEdits(FxRobot robot) throws Exception {
    live.awaitListening();
    renameRealm(robot, "Corp");
    requestClose();
    robot.clickOn("Cancel");
    assertThat(stage.isShowing()).isTrue();
    assertThat(live.window().editorModel().dirtyProperty().get()).isTrue();
    assertThat(live.warden().settings().realms().get(0).name()).isEqualTo("Lab");
  }

  @Test
  void applySavesTheEditsThenCloses(FxRobot robot) throws Exception {
    live.awaitListening();
    renameRealm(robot, "Corp");
    requestClose();
    robot.clickOn("Apply");
    LiveWindow.await(() -> live.warden().settings().realms().get(0).name().equals("Corp"));
    LiveWindow.await(() -> !stage.isShowing());
  }

  @Test
  void discardClosesWithoutSaving(FxRobot robot) throws Exception {
    live.awaitListening();
    renameRealm(robot, "Corp");
    requestClose();
    robot.clickOn("Discard");
    LiveWindow.await(() -> !stage.isShowing());
    assertThat(live.warden().settings().realms().get(0).name()).isEqualTo("Lab");
  }

  @Test
  void closesWithoutAskingWhenNothingIsUnapplied(FxRobot robot) throws Exception {
    live.awaitListening();
    robot.clickOn("#open-editor");
    requestClose();
    LiveWindow.await(() -> !stage.isShowing());
    assertThat(robot.lookup("#unsaved-edits-dialog").tryQuery()).isEmpty();
  }

  private static Bounds inScene(Node node) {
    return node.localToScene(node.getBoundsInLocal());
  }

  @Test
  void typingThatRaisesProblemsAndNotesMovesNothing(FxRobot robot) throws Exception {
    live.awaitListening();
    robot.clickOn("#open-editor");
    Node tabs = robot.lookup("#realm-tabs").query();
    Node save = robot.lookup("#save-editor").query();
    Node userName = robot.lookup("#user-name").query();
    Bounds tabsBefore = inScene(tabs);
    Bounds saveBefore = inScene(save);
    Bounds userNameBefore = inScene(userName);

    TextField realm = robot.lookup("#realm-name").queryAs(TextField.class);
    robot.interact(() -> realm.setText(""));
    robot.clickOn(realm).write("Co");
    robot.clickOn("#realm-connect-ports").write(",x");
    robot.clickOn("#user-name").write("a:b");
    robot.interact(() -> robot.lookup("#commit-user").queryButton().fire());
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#user-form-problem").queryAs(Label.class).isVisible())
        .isTrue();
    assertThat(live.window().editorModel().problems())
        .as("a CONNECT port that is no number is a problem")
        .isNotEmpty();
    assertThat(robot.lookup("#realm-rename-note").queryAs(Label.class).isVisible())
        .isTrue();

    assertThat(inScene(tabs)).isEqualTo(tabsBefore);
    assertThat(inScene(save)).isEqualTo(saveBefore);
    assertThat(inScene(userName)).isEqualTo(userNameBefore);
  }
}
