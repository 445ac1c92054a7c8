package dev.warden.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.Warden;
import dev.warden.core.settings.InMemorySettingsStore;
import dev.warden.core.settings.ListenAddress;
import dev.warden.core.settings.Settings;
import dev.warden.ui.state.UiState;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The real window warns in red while it is an open proxy. The settings name 192.0.2.1 (TEST-NET-1,
 * no address of this machine), so the window is an open proxy by its settings while nothing ever
 * listens off loopback.
 */
@ExtendWith(ApplicationExtension.class)
class OpenProxyBannerIT {

  private Warden warden;

  @Start
  void start(Stage stage) {
    Settings settings =
        Settings.defaults().withEnforcement(false).withListen(new ListenAddress("192.0.2.1", 0));
    warden = new Warden(new InMemorySettingsStore(settings), settings);
    new WardenWindow(warden, GuiLauncher.hashing(), UiState.DEFAULT, Optional.empty())
        .show(stage, UiState.DEFAULT);
  }

  @AfterEach
  void close() {
    warden.close();
  }

  @Test
  void showsARedOpenProxyBannerUntilEnforcementIsOn(FxRobot robot) throws Exception {
    Label banner = robot.lookup("#open-proxy-banner").queryAs(Label.class);
    assertThat(banner.isVisible()).isTrue();
    assertThat(banner.getText()).contains("open proxy").contains("192.0.2.1:0");
    assertThat(banner.getStyle()).contains("-fx-background-color: #c62828");

    warden.setEnforcement(true).get(10, TimeUnit.SECONDS);
    LiveWindow.await(() -> !banner.isVisible());
    assertThat(banner.isManaged()).isFalse();
  }
}
