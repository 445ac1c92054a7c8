package dev.warden.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The window gets Warden's icon in every size, decoded off the FX thread. */
@ExtendWith(ApplicationExtension.class)
class WindowIconsIT {

  @Test
  void givesTheStageTheIconInEverySize(FxRobot robot) throws Exception {
    WindowIcons icons = WindowIcons.decodeInBackground();
    Stage[] stage = new Stage[1];
    robot.interact(() -> {
      stage[0] = new Stage();
      icons.addTo(stage[0]);
    });

    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> stage[0].getIcons().size() == 6);
    List<Double> widths = stage[0].getIcons().stream().map(Image::getWidth).toList();
    assertThat(widths).containsExactly(16.0, 32.0, 48.0, 64.0, 128.0, 256.0);
    assertThat(stage[0].getIcons()).noneMatch(Image::isError);
  }
}
