package dev.warden.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.testing.Users;
import javafx.scene.Node;
import javafx.scene.control.ToolBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window offers the Squid export beside the realms it exports (the export itself: SquidExportViewModelTest). */
@ExtendWith(ApplicationExtension.class)
class SquidExportWindowTest {

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
  void offersTheSquidExportRightAfterTheRealmsButton(FxRobot robot) {
    var items = robot.lookup("#main-toolbar").queryAs(ToolBar.class).getItems();
    int realms = items.indexOf(robot.lookup("#open-editor").query());
    Node export = robot.lookup("#export-squid").query();
    assertThat(realms).isNotNegative();
    assertThat(items.indexOf(export)).isEqualTo(realms + 1);
    assertThat(export.isDisabled()).isFalse();
  }
}
