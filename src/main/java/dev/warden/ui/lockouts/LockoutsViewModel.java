package dev.warden.ui.lockouts;

import dev.warden.core.auth.Lockout;
import dev.warden.core.auth.LockoutKey;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The clients and users locked out now, as the window lists them, and their release. The list holds
 * only lockouts in force (the core's ledger bounds how many there can be); it follows the core's
 * start and end events, which the caller delivers on the FX thread. No nodes; FX thread only.
 */
public final class LockoutsViewModel {

  private static final Comparator<Lockout> SOONEST_END_FIRST =
      Comparator.comparing(Lockout::until).thenComparing(Lockout::key);

  private final ObservableList<Lockout> lockouts = FXCollections.observableArrayList();
  private final ObservableList<Lockout> readOnly =
      FXCollections.unmodifiableObservableList(lockouts);
  private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper();
  private final ReadOnlyLongWrapper started = new ReadOnlyLongWrapper();
  private final Consumer<LockoutKey> releaser;

  /**
   * @param inForce the lockouts in force when the window opens
   * @param releaser ends one lockout in the core; must be quick (no I/O): it runs on the FX thread
   */
  public LockoutsViewModel(List<Lockout> inForce, Consumer<LockoutKey> releaser) {
    this.releaser = Objects.requireNonNull(releaser);
    inForce.forEach(this::put);
  }

  /** A lockout started (the core's event, delivered on the FX thread). */
  public void started(Lockout lockout) {
    put(lockout);
    started.set(started.get() + 1);
  }

  /** A lockout ended: expired, released or evicted (the core's event, delivered on the FX thread). */
  public void ended(Lockout lockout) {
    lockouts.removeIf(l -> l.subject().equals(lockout.subject()));
    count.set(lockouts.size());
  }

  /** Ends {@code lockout} now; the list drops it when the core reports the end. */
  public void release(Lockout lockout) {
    releaser.accept(lockout.subject());
  }

  /** Ends every lockout listed now. */
  public void releaseAll() {
    List.copyOf(lockouts).forEach(this::release);
  }

  /** The lockouts in force, the soonest to end first. */
  public ObservableList<Lockout> lockouts() {
    return readOnly;
  }

  /** How many lockouts are in force. */
  public ReadOnlyIntegerProperty countProperty() {
    return count.getReadOnlyProperty();
  }

  /** How many lockouts have started since the window opened. */
  public ReadOnlyLongProperty startedProperty() {
    return started.getReadOnlyProperty();
  }

  private void put(Lockout lockout) {
    lockouts.removeIf(l -> l.subject().equals(lockout.subject()));
    int at = 0;
    while (at < lockouts.size() && SOONEST_END_FIRST.compare(lockouts.get(at), lockout) <= 0) {
      at++;
    }
    lockouts.add(at, lockout);
    count.set(lockouts.size());
  }
}
