package dev.warden.ui;

import dev.warden.core.Warden;
import java.util.Optional;

/**
 * Opens Warden's window over a wired core. The only entry from {@code app} into JavaFX: headless
 * mode never touches this class, so no JavaFX class is loaded there.
 */
public final class GuiLauncher {

  private GuiLauncher() {}

  /**
   * Shows the window and blocks until it is closed. Call from the main thread.
   *
   * @param warden the core, not yet started: the window starts it
   * @param startupNotice something the user must read first (e.g. a corrupt settings file kept)
   */
  public static void launch(Warden warden, Optional<String> startupNotice) {
    throw new IllegalStateException("window under construction");
  }
}
