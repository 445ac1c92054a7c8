package dev.warden.ui;

import dev.warden.ui.fx.DaemonThread;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * Warden's icon in every size the desktop may ask a window for, decoded off the FX thread: the six
 * PNGs took about a tenth of a second of the FX thread before the window could appear.
 */
final class WindowIcons {

  private static final int[] SIZES = {16, 32, 48, 64, 128, 256};

  private final CompletableFuture<List<Image>> icons;

  private WindowIcons(CompletableFuture<List<Image>> icons) {
    this.icons = icons;
  }

  /** Starts decoding the icons on a daemon thread of their own, which ends with it. Any thread. */
  static WindowIcons decodeInBackground() {
    ExecutorService decoder = DaemonThread.named("warden-icons");
    CompletableFuture<List<Image>> icons =
        CompletableFuture.supplyAsync(WindowIcons::decode, decoder);
    decoder.shutdown();
    return new WindowIcons(icons);
  }

  /**
   * Gives {@code stage} the icons: at once when they are decoded, else as soon as they are (the
   * desktop takes a window's icons at any time). FX thread.
   */
  void addTo(Stage stage) {
    if (icons.isDone()) {
      stage.getIcons().addAll(icons.join());
    } else {
      icons.thenAccept(decoded -> Platform.runLater(() -> stage.getIcons().addAll(decoded)));
    }
  }

  private static List<Image> decode() {
    List<Image> decoded = new ArrayList<>();
    for (int size : SIZES) {
      try (InputStream in =
          WindowIcons.class.getResourceAsStream("/dev/warden/icons/warden-" + size + ".png")) {
        if (in != null) {
          decoded.add(new Image(in));
        }
      } catch (java.io.IOException ignored) {
        // an icon is decoration: a window without one still works
      }
    }
    return decoded;
  }
}
