package dev.warden.ui;

import dev.warden.core.Warden;
import dev.warden.ui.editor.PasswordHashing;
import dev.warden.ui.state.UiState;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The JavaFX application. {@link GuiLauncher} hands it the wired core before launching, since
 * {@link Application#launch} builds the instance itself; it hands back the window state on close.
 */
public final class WardenApp extends Application {

  /** What the launcher passes in. */
  record Launch(Warden warden, PasswordHashing hashing, UiState state, Optional<String> notice) {}

  private static final AtomicReference<Launch> LAUNCH = new AtomicReference<>();
  private static final AtomicReference<UiState> CLOSED_STATE = new AtomicReference<>();

  private WardenWindow window;

  static void handOver(Launch launch) {
    LAUNCH.set(Objects.requireNonNull(launch));
  }

  /** The window state captured when it closed, if it was ever shown. */
  static Optional<UiState> closedState() {
    return Optional.ofNullable(CLOSED_STATE.get());
  }

  @Override
  public void start(Stage stage) {
    Launch launch = Objects.requireNonNull(LAUNCH.get(), "GuiLauncher.launch must be used");
    window = new WardenWindow(launch.warden(), launch.hashing(), launch.state(), launch.notice());
    stage.setOnCloseRequest(e -> CLOSED_STATE.set(window.captureState()));
    window.show(stage, launch.state());
  }

  @Override
  public void stop() {
    if (window != null) {
      window.dispose();
    }
  }
}
