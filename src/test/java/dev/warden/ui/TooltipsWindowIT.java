package dev.warden.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.testing.Users;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import org.controlsfx.control.ToggleSwitch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Every control a user can press or choose in the main window and the editor says what it does. */
@ExtendWith(ApplicationExtension.class)
class TooltipsWindowIT {

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

  /**
   * Buttons, toggles, menu buttons, combo boxes and switches under {@code root} without a tooltip,
   * skipping the parts of other controls (a combo box's arrow, a table's header, a scroll bar).
   */
  static List<String> withoutTooltip(Node root) {
    List<String> missing = new ArrayList<>();
    walk(root, missing);
    return missing;
  }

  private static void walk(Node node, List<String> missing) {
    boolean pressable = node instanceof ButtonBase
        || node instanceof ComboBoxBase<?>
        || node instanceof ToggleSwitch;
    if (pressable && node.isVisible()) {
      Tooltip tip = ((Control) node).getTooltip();
      if (tip == null || tip.getText() == null || tip.getText().isBlank()) {
        missing.add(
            node.getClass().getSimpleName() + " #" + node.getId() + " '" + text(node) + "'");
      }
      return; // a control's insides are its skin's
    }
    if (node instanceof javafx.scene.control.TableView<?>
        || node instanceof javafx.scene.control.ListView<?>) {
      return; // rows and headers are data, not controls
    }
    if (node.getStyleClass().contains("notification-bar")) {
      return; // ControlsFX's notification bar: its own close "x", shown only with a message
    }
    if (node instanceof Parent parent) {
      for (Node child : parent.getChildrenUnmodifiable()) {
        walk(child, missing);
      }
    }
  }

  private static String text(Node node) {
    return node instanceof javafx.scene.control.Labeled l ? l.getText() : "";
  }

  @Test
  void everyControlOfTheMainWindowHasATooltip(FxRobot robot) throws Exception {
    live.awaitListening();
    assertThat(withoutTooltip(robot.lookup("#warden-root").query())).isEmpty();
  }

  @Test
  void everyStatusCounterHasATooltip(FxRobot robot) throws Exception {
    live.awaitListening();
    for (javafx.scene.control.Labeled count :
        robot.lookup(".status-count").queryAllAs(javafx.scene.control.Labeled.class)) {
      assertThat(count.getTooltip()).as(count.getId()).isNotNull();
      assertThat(count.getTooltip().getText()).as(count.getId()).isNotBlank();
    }
  }

  @Test
  void theStatusBarsTooltipIsTheWholeListeningLine(FxRobot robot) throws Exception {
    live.awaitListening();
    org.controlsfx.control.StatusBar bar =
        robot.lookup("#status-bar").queryAs(org.controlsfx.control.StatusBar.class);
    LiveWindow.await(() -> bar.getText().contains(String.valueOf(live.port())));
    assertThat(bar.getTooltip().getText()).isEqualTo(bar.getText());
  }

  @Test
  void everyControlOfTheEditorHasATooltip(FxRobot robot) throws Exception {
    live.awaitListening();
    robot.clickOn("#open-editor");
    assertThat(withoutTooltip(live.window().editorStage().getScene().getRoot())).isEmpty();
  }

  @Test
  void theTooltipsNameTheShortcuts(FxRobot robot) throws Exception {
    live.awaitListening();
    assertThat(robot.lookup("#search").queryAs(Control.class).getTooltip().getText())
        .contains("Ctrl+F");
    assertThat(
            robot.lookup("#clear-traffic").queryAs(Control.class).getTooltip().getText())
        .contains("Ctrl+L");
    assertThat(
            robot.lookup("#pause-capture").queryAs(Control.class).getTooltip().getText())
        .contains("Ctrl+P");
    assertThat(robot.lookup("#open-editor").queryAs(Control.class).getTooltip().getText())
        .contains("Ctrl+R");
    assertThat(robot.lookup("#start-stop").queryAs(Control.class).getTooltip().getText())
        .contains("F5");
    assertThat(robot
            .lookup("#enforcement-switch")
            .queryAs(Control.class)
            .getTooltip()
            .getText())
        .contains("Ctrl+E");
  }
}
