package dev.warden.ui;

import java.io.InputStream;
import java.util.List;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** Warden's icon in every size the desktop may ask a window for. FX thread. */
final class WindowIcons {

  private WindowIcons() {}

  static void addTo(Stage stage) {
    for (int size : List.of(16, 32, 48, 64, 128, 256)) {
      try (InputStream in =
          WindowIcons.class.getResourceAsStream("/dev/warden/icons/warden-" + size + ".png")) {
        if (in != null) {
          stage.getIcons().add(new Image(in));
        }
      } catch (java.io.IOException ignored) {
        // an icon is decoration: a window without one still works
      }
    }
  }
}
