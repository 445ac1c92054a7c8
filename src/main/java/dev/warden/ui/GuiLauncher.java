package dev.warden.ui;

import dev.warden.core.Warden;
import dev.warden.core.auth.PasswordHasher;
import dev.warden.ui.editor.PasswordHashing;
import dev.warden.ui.state.UiStateStore;
import java.util.Optional;
import javafx.application.Application;

/**
 * Opens Warden's window over a wired core. The only entry from {@code app} into JavaFX: headless
 * mode never touches this class, so no JavaFX class is loaded there. Deliberately not an
 * {@link Application} itself: a main class that extends Application fails with "JavaFX runtime
 * components are missing" on the class path.
 */
public final class GuiLauncher {

  private GuiLauncher() {}

  /**
   * Shows the window and blocks until it is closed. Call from the main thread. The window starts the
   * core; when the window has closed, the UI state is saved and the core closed, both on this
   * (non-FX) thread.
   *
   * @param warden the core, not yet started: the window starts it
   * @param startupNotice something the user must read first (e.g. a corrupt settings file kept)
   */
  public static void launch(Warden warden, Optional<String> startupNotice) {
    UiStateStore uiState = UiStateStore.besideSettings(warden.settingsLocation());
    WardenApp.handOver(new WardenApp.Launch(warden, hashing(), uiState.load(), startupNotice));
    try {
      Application.launch(WardenApp.class);
    } finally {
      WardenApp.closedState().ifPresent(uiState::save);
      warden.close();
    }
  }

  /** The core's password hasher, used on Warden's worker thread inside a settings update. */
  static PasswordHashing hashing() {
    return new PasswordHasher()::hash;
  }
}
