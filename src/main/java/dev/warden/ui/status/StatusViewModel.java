package dev.warden.ui.status;

import dev.warden.core.EngineStatus;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The status bar's listening line: the state and address, or why the proxy is not listening. The
 * counts and rate come from the traffic view model. No nodes; FX thread.
 */
public final class StatusViewModel {

  /** The listening state as the status bar tells it apart. */
  public enum Health {
    LISTENING,
    STOPPED,
    FAILED
  }

  private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
  private final ReadOnlyObjectWrapper<Health> health = new ReadOnlyObjectWrapper<>(Health.STOPPED);

  public StatusViewModel(EngineStatus initial) {
    statusChanged(initial);
  }

  public void statusChanged(EngineStatus status) {
    text.set(status.message());
    health.set(
        switch (status.state()) {
          case LISTENING -> Health.LISTENING;
          case FAILED -> Health.FAILED;
          case STOPPED, STARTING -> Health.STOPPED;
        });
  }

  public ReadOnlyStringProperty textProperty() {
    return text.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Health> healthProperty() {
    return health.getReadOnlyProperty();
  }
}
