package dev.warden.ui.toolbar;

import dev.warden.core.EngineStatus;
import dev.warden.core.Warden;
import dev.warden.core.settings.ListenAddress;
import dev.warden.core.settings.ProxyProfile;
import dev.warden.core.settings.ProxyProfiles;
import dev.warden.core.settings.Realm;
import dev.warden.core.settings.Settings;
import dev.warden.ui.feedback.Notifier;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The toolbar's state and commands: start/stop, listen address, the 407 enforcement switch and the
 * realms in force. No nodes. Properties are read and written on the FX thread; Warden's answers
 * (worker thread) come back through {@code fx}.
 */
public final class ToolbarViewModel {

  // Properties
  private final BooleanProperty enforcement = new SimpleBooleanProperty();
  private final StringProperty listenText = new SimpleStringProperty("");
  private final ReadOnlyStringWrapper listenProblem = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper listening = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper realmSummary = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper realmDetail = new ReadOnlyStringWrapper("");
  /** The proxy profile the default realm follows exactly, or null. */
  private final javafx.beans.property.ReadOnlyObjectWrapper<ProxyProfile> profile =
      new javafx.beans.property.ReadOnlyObjectWrapper<>();
  /** Which profile is in force, or which is closest and what differs from it. */
  private final ReadOnlyStringWrapper profileNote = new ReadOnlyStringWrapper("");

  private final Warden warden;
  private final Executor fx;
  private final Notifier notifier;
  private boolean syncing;

  public ToolbarViewModel(Warden warden, Executor fx, Notifier notifier) {
    this.warden = warden;
    this.fx = fx;
    this.notifier = notifier;
    settingsChanged(warden.settings());
    listenText.set(warden.settings().listen().toString());
    statusChanged(warden.status());
    enforcement.addListener((o, was, on) -> {
      if (!syncing && on != warden.settings().enforcement()) {
        applyEnforcement(on);
      }
    });
    listenText.addListener((o, a, b) -> listenProblem.set(""));
  }

  // Commands

  /** Starts the proxy when stopped, stops it when listening. */
  public void toggleRunning() {
    busy.set(true);
    (listening.get() ? warden.stop() : warden.start())
        .whenComplete((status, error) -> fx.execute(() -> {
          busy.set(false);
          if (error != null) {
            notifier.error(Notifier.describe(error));
          } else if (status.state() == EngineStatus.State.FAILED) {
            notifier.error(status.message());
          }
        }));
  }

  /**
   * Moves the proxy to the typed address. A bad or busy address leaves the old listener running and
   * puts the reason in {@link #listenProblemProperty()}.
   */
  public void applyListen() {
    ListenAddress wanted;
    try {
      wanted = ListenAddress.parse(listenText.get());
    } catch (IllegalArgumentException bad) {
      listenProblem.set(capitalised(bad.getMessage()));
      notifier.error(listenProblem.get());
      return;
    }
    if (listening.get() && wanted.equals(warden.status().requested())) {
      return;
    }
    busy.set(true);
    warden
        .listenOn(wanted)
        .whenComplete((status, error) -> fx.execute(() -> {
          busy.set(false);
          if (error != null) {
            listenProblem.set(Notifier.describe(error));
          } else if (status.listening() && status.requested().equals(wanted)) {
            listenProblem.set("");
            notifier.info(status.message());
            return;
          } else {
            listenProblem.set(status.message());
          }
          notifier.error(listenProblem.get());
        }));
  }

  /** Flips enforcement (Ctrl+E). */
  public void toggleEnforcement() {
    enforcement.set(!enforcement.get());
  }

  // Called with Warden's news, on the FX thread

  public void settingsChanged(Settings settings) {
    syncing = true;
    try {
      enforcement.set(settings.enforcement());
    } finally {
      syncing = false;
    }
    realmSummary.set(summary(settings));
    realmDetail.set(realmDetail(settings));
    Realm realm = settings.defaultRealm().orElse(null);
    profile.set(
        realm == null ? null : ProxyProfile.inForce(realm, ProxyProfiles.all()).orElse(null));
    profileNote.set(realm == null ? "" : ProxyProfile.note(realm, ProxyProfiles.all()));
  }

  /**
   * Makes the default realm behave like {@code chosen} (schemes, algorithms, fault knobs; its users
   * stay), in force for the next request and saved.
   */
  public void chooseProfile(ProxyProfile chosen) {
    if (chosen == null || chosen.equals(profile.get())) {
      return;
    }
    busy.set(true);
    warden
        .update(s -> {
          java.util.List<Realm> realms = new java.util.ArrayList<>(s.realms());
          for (int i = 0; i < realms.size(); i++) {
            if (realms.get(i).isDefault()) {
              realms.set(i, chosen.applyTo(realms.get(i)));
              break;
            }
          }
          return s.withRealms(realms);
        })
        .whenComplete((s, error) -> fx.execute(() -> {
          busy.set(false);
          settingsChanged(warden.settings());
          if (error != null) {
            notifier.error("Could not choose the profile: " + Notifier.describe(error));
          } else {
            notifier.info(
                "The default realm now behaves like " + chosen.name() + " from the next request");
          }
        }));
  }

  public void statusChanged(EngineStatus status) {
    listening.set(status.listening());
    // show where the proxy really listens (port 0 asks for any free port)
    if (status.listening() && listenProblem.get().isEmpty()) {
      status.boundAddress().ifPresent(bound -> listenText.set(bound.toString()));
    }
  }

  /**
   * "Warden · 2 users" or "3 realms · 5 users": short enough for a 1024-pixel toolbar (whether 407 is
   * enforced is the switch beside it; the default realm is in {@link #realmDetail}).
   */
  public static String summary(Settings settings) {
    int users = settings.realms().stream().mapToInt(r -> r.users().size()).sum();
    String realms = settings.realms().size() == 1
        ? settings.realms().get(0).name()
        : settings.realms().size() + " realms";
    return realms + " · " + users + (users == 1 ? " user" : " users");
  }

  /** The realms button's tooltip: which realms, the default, and whether 407 is enforced. */
  public static String realmDetail(Settings settings) {
    String names = String.join(", ", settings.realms().stream().map(Realm::name).toList());
    return (settings.realms().size() == 1 ? "Realm " : "Realms ") + names
        + settings.defaultRealm().map(r -> " (default " + r.name() + ")").orElse("")
        + (settings.enforcement() ? "" : "; 407 not enforced") + "\nEdit realms and users";
  }

  private void applyEnforcement(boolean on) {
    busy.set(true);
    warden
        .setEnforcement(on)
        .whenComplete((s, error) -> fx.execute(() -> {
          busy.set(false);
          if (error != null) {
            settingsChanged(warden.settings());
            notifier.error("Could not change enforcement: " + Notifier.describe(error));
          } else {
            notifier.info(
                on
                    ? "407 enforcement on: the next request needs valid proxy credentials"
                    : "407 enforcement off: requests pass without credentials");
          }
        }));
  }

  private static String capitalised(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  // Accessors

  public javafx.beans.property.ReadOnlyObjectProperty<ProxyProfile> profileProperty() {
    return profile.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty profileNoteProperty() {
    return profileNote.getReadOnlyProperty();
  }

  public BooleanProperty enforcementProperty() {
    return enforcement;
  }

  public StringProperty listenTextProperty() {
    return listenText;
  }

  public ReadOnlyStringProperty listenProblemProperty() {
    return listenProblem.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty listeningProperty() {
    return listening.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty realmDetailProperty() {
    return realmDetail.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty realmSummaryProperty() {
    return realmSummary.getReadOnlyProperty();
  }
}
