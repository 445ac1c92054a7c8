package dev.warden.ui.fx;

import java.util.concurrent.Executor;
import javafx.application.Platform;

/**
 * Runs tasks on the JavaFX application thread: the only way core callbacks (Warden's worker thread)
 * reach view models. View models take an {@link Executor} so tests can pass a same-thread one.
 */
public final class FxExecutor implements Executor {

  /** Any thread: runs at once when already on the FX thread, otherwise later on it. */
  @Override
  public void execute(Runnable task) {
    if (Platform.isFxApplicationThread()) {
      task.run();
    } else {
      Platform.runLater(task);
    }
  }
}
