package dev.warden.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** Work put off until after a window's first frame runs once, after that frame, on the FX thread. */
@ExtendWith(ApplicationExtension.class)
class AfterFirstFrameIT {

  @Test
  void runsOnceAfterTheFirstPulseAndNotWhileTheWindowIsShown(FxRobot robot) throws Exception {
    AtomicInteger runs = new AtomicInteger();
    AtomicInteger runsWhenShown = new AtomicInteger(-1);
    CountDownLatch ran = new CountDownLatch(1);
    Label label = new Label("first");
    robot.interact(() -> {
      Stage stage = new Stage();
      Scene scene = new Scene(new StackPane(label), 200, 100);
      AfterFirstFrame.run(scene, () -> {
        assertThat(javafx.application.Platform.isFxApplicationThread()).isTrue();
        runs.incrementAndGet();
        ran.countDown();
      });
      stage.setScene(scene);
      stage.show();
      runsWhenShown.set(runs.get());
    });

    assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
    for (int i = 0; i < 5; i++) {
      int n = i;
      robot.interact(() -> label.setText("pulse " + n));
      WaitForAsyncUtils.waitForFxEvents();
    }

    assertThat(runsWhenShown.get()).isZero();
    assertThat(runs.get()).isEqualTo(1);
  }
}
