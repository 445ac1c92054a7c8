package dev.warden.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.testing.Users;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window offers the Squid export in its "More" menu (the export itself: SquidExportViewModelTest). */
@ExtendWith(ApplicationExtension.class)
class SquidExportWindowIT {

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
  void offersTheSquidExportFirstInTheMoreMenu(FxRobot robot) {
    assertThat(live.window().toolbarItemIds()).endsWith("more-menu");
    assertThat(live.window().moreMenuIds()).startsWith("export-squid");
  }
}
