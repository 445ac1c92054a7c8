package dev.warden.ui.details;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.settings.Settings;
import dev.warden.core.traffic.Exchange;
import dev.warden.testing.RawHttpConnection;
import dev.warden.testing.RunningWarden;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The details pane builds its tabs only when they are first needed, and then shows the exchange
 * already selected: the model has filled its lists before the tabs exist to listen to them.
 */
@ExtendWith(ApplicationExtension.class)
class DetailsViewIT {

  private final DetailsViewModel model = new DetailsViewModel();

  @Start
  void start(Stage stage) {
    stage.setScene(new Scene((javafx.scene.Parent) new DetailsView(model).node(), 600, 400));
    stage.show();
  }

  @Test
  void buildsNoTabsWhileNothingIsSelected(FxRobot robot) {
    assertThat(robot.lookup("#details-tabs").tryQuery()).isEmpty();
    assertThat(robot.lookup(".details-empty").queryAs(Label.class).isVisible()).isTrue();
  }

  @Test
  void showsTheFirstSelectedExchangeInTabsBuiltForIt(FxRobot robot) throws Exception {
    Exchange refused;
    try (RunningWarden warden = new RunningWarden(Settings.defaults())) {
      try (RawHttpConnection c = new RawHttpConnection(warden.port())) {
        assertThat(c.exchange("GET http://127.0.0.1:9/first HTTP/1.1\r\nHost: 127.0.0.1:9\r\n\r\n")
                .status())
            .isEqualTo(407);
      }
      refused = warden.awaitExchange(x -> x.status() == 407);
    }

    robot.interact(() -> model.exchangeProperty().set(refused));
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(robot.lookup("#details-tabs").tryQuery()).isPresent();
    assertThat(robot.lookup("#details-outcome").queryAs(Label.class).getText())
        .isEqualTo(model.outcomeProperty().get())
        .isNotEmpty();
    assertThat(robot.lookup("#details-facts").queryAs(GridPane.class).getChildren())
        .hasSize(2 * model.overview().size())
        .isNotEmpty();
    assertThat(robot.lookup(".details-empty").queryAs(Label.class).isVisible()).isFalse();
  }

  @Test
  void buildsTheTabsOnceWhenPreparedAndThenSelected(FxRobot robot) throws Exception {
    DetailsView view = new DetailsView(model);
    robot.interact(view::prepare);
    Object tabs = view.node().lookup("#details-tabs");
    robot.interact(view::prepare);

    assertThat(tabs).isNotNull();
    assertThat(view.node().lookup("#details-tabs")).isSameAs(tabs);
    assertThat(((javafx.scene.Parent) view.node()).getChildrenUnmodifiable()).hasSize(2);
  }
}
