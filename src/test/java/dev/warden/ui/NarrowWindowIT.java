package dev.warden.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.testing.Users;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToolBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window at 1024x700: the columns that matter stay in view and nothing hides in the toolbar's overflow. */
@ExtendWith(ApplicationExtension.class)
class NarrowWindowIT {

  private LiveWindow live;
  private Stage stage;

  @Start
  void start(Stage stage) throws Exception {
    this.stage = stage;
    live = new LiveWindow(Users.realmWith("Lab", Users.user("alice", "right")));
    live.show(stage);
  }

  @AfterEach
  void close() {
    live.close();
  }

  private void resize(FxRobot robot, double width, double height) {
    robot.interact(() -> {
      stage.setWidth(width);
      stage.setHeight(height);
    });
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static Bounds inScene(Node node) {
    return node.localToScene(node.getBoundsInLocal());
  }

  private static Node header(FxRobot robot, String column) {
    return robot.lookup(".column-header").match(n -> column.equals(n.getId())).query();
  }

  @Test
  void keepsStatusAndAuthColumnsInViewAt1024By700(FxRobot robot) throws Exception {
    live.awaitListening();
    live.get("/narrow", null, null);
    LiveWindow.await(() -> LiveWindow.table(robot).getItems().size() == 1);
    resize(robot, 1024, 700);
    Bounds table = inScene(LiveWindow.table(robot));
    for (String column : new String[] {"id", "method", "status", "auth"}) {
      Bounds header = inScene(header(robot, column));
      assertThat(header.getMaxX()).as(column).isLessThanOrEqualTo(table.getMaxX());
      assertThat(header.getMinX()).as(column).isGreaterThanOrEqualTo(table.getMinX());
    }
    assertThat(robot.lookup("#warden-split").queryAs(SplitPane.class).getOrientation())
        .as("details under the table")
        .isEqualTo(Orientation.VERTICAL);
  }

  @Test
  void keepsTheSearchFieldAndTheCountInViewAt1024(FxRobot robot) throws Exception {
    live.awaitListening();
    resize(robot, 1024, 700);
    Bounds window = inScene(robot.lookup("#warden-root").query());
    Node search = robot.lookup("#search").query();
    assertThat(search.getLayoutBounds().getWidth())
        .as("search field width")
        .isGreaterThanOrEqualTo(140);
    assertThat(inScene(robot.lookup("#shown-count").query()).getMaxX())
        .isLessThanOrEqualTo(window.getMaxX());
  }

  @Test
  void putsTheDetailsBesideTheTableAgainOnAWideWindow(FxRobot robot) throws Exception {
    live.awaitListening();
    resize(robot, 1024, 700);
    resize(robot, 1400, 860);
    assertThat(robot.lookup("#warden-split").queryAs(SplitPane.class).getOrientation())
        .isEqualTo(Orientation.HORIZONTAL);
  }

  @Test
  void showsEveryToolbarControlWithoutOverflowAt1024(FxRobot robot) throws Exception {
    live.awaitListening();
    resize(robot, 1024, 700);
    ToolBar bar = robot.lookup("#main-toolbar").queryAs(ToolBar.class);
    Bounds toolbar = inScene(bar);
    for (String id : new String[] {
      "start-stop",
      "enforcement-switch",
      "open-editor",
      "har-menu",
      "toolbar-profile",
      "pause-capture",
      "clear-traffic",
      "more-menu"
    }) {
      Node control = robot.lookup("#" + id).query();
      assertThat(control.isVisible()).as(id).isTrue();
      assertThat(control.getScene())
          .as(id + " is in the window, not the overflow menu")
          .isSameAs(bar.getScene());
      assertThat(inScene(control).getMaxX()).as(id).isLessThanOrEqualTo(toolbar.getMaxX());
    }
  }
}
