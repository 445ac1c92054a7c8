package dev.warden.ui;

import dev.warden.core.Warden;
import dev.warden.core.auth.Lockout;
import dev.warden.core.auth.LockoutListener;
import dev.warden.ui.lockouts.LockoutsView;
import dev.warden.ui.lockouts.LockoutsViewModel;
import java.util.concurrent.Executor;
import javafx.scene.control.Button;
import javafx.scene.layout.Region;

/**
 * The lockouts in force, as the status bar's button shows them: filled from Warden's list and kept
 * current by its lockout events, handed to the FX thread. FX thread only.
 */
final class StatusBarLockouts {

  private final LockoutsViewModel model;
  private final Button button;

  StatusBarLockouts(Warden warden, Executor fx) {
    // listening before the snapshot is taken: a lockout that starts in between is not missed (the
    // events run on the FX thread after this constructor, and the model keys lockouts by subject)
    warden.onLockout(new LockoutListener() {
      @Override
      public void started(Lockout lockout) {
        fx.execute(() -> model.started(lockout));
      }

      @Override
      public void ended(Lockout lockout) {
        fx.execute(() -> model.ended(lockout));
      }
    });
    model = new LockoutsViewModel(warden.lockouts(), warden::release);
    button = new LockoutsView(model).node();
    button.setMinWidth(Region.USE_PREF_SIZE);
  }

  LockoutsViewModel model() {
    return model;
  }

  /** The status bar's lockouts button. */
  Button node() {
    return button;
  }
}
