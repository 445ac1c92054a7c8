package dev.warden.ui.fx;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns many signals from any thread into at most one pending run of an action on an executor
 * (the FX thread): a burst of core events costs the FX thread one update, not one per event.
 * {@link #signal} never blocks and may be called from any thread; the action runs on {@code on}.
 */
public final class CoalescedSignal {

  private final Executor on;
  private final Runnable action;
  private final AtomicBoolean pending = new AtomicBoolean();

  public CoalescedSignal(Executor on, Runnable action) {
    this.on = Objects.requireNonNull(on);
    this.action = Objects.requireNonNull(action);
  }

  /** Schedules the action unless a run is already pending. Any thread. */
  public void signal() {
    if (pending.compareAndSet(false, true)) {
      on.execute(() -> {
        pending.set(false); // cleared before running: a signal during the run schedules another
        action.run();
      });
    }
  }
}
