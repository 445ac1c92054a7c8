package dev.warden.ui.fx;

import java.util.Objects;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Runs work that the first frame does not need once that frame is on its way: a window appears
 * sooner when what it does not show yet is built after its first pulse rather than before it. FX
 * thread.
 */
public final class AfterFirstFrame {

  private AfterFirstFrame() {}

  /**
   * Runs {@code work} once, on the FX thread, after the scene's next pulse has laid it out and
   * handed its frame to the renderer. Call before the scene is shown.
   */
  public static void run(Scene scene, Runnable work) {
    Objects.requireNonNull(work);
    scene.addPostLayoutPulseListener(new Runnable() {
      @Override
      public void run() {
        scene.removePostLayoutPulseListener(this);
        // Posted, not run here: the pulse renders after its post-layout listeners.
        Platform.runLater(work);
      }
    });
  }
}
