package dev.warden.ui.connect;

import dev.warden.core.connect.ClientFamilies;
import dev.warden.core.connect.ClientFamily;
import dev.warden.core.connect.ClientSetup;
import dev.warden.core.connect.ClientSnippet;
import dev.warden.core.connect.GnomeSystemProxy;
import dev.warden.core.connect.ProxyUser;
import dev.warden.core.connect.SystemProxySwitch;
import dev.warden.core.settings.ListenAddress;
import dev.warden.core.settings.Realm;
import dev.warden.core.settings.Settings;
import dev.warden.core.settings.User;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The connect panel's state: the listen address, the users of the realms in force and the chosen
 * one, the chosen client family and its snippet, and the GNOME system-proxy toggle. The snippet is
 * rebuilt on the FX thread whenever one of its inputs changes (pure text, no I/O); every
 * {@code gsettings} call runs on {@code background} and reports back through {@code fx}.
 * FX thread only.
 */
public final class ConnectViewModel {

  private final ObjectProperty<ListenAddress> listen =
      new SimpleObjectProperty<>(ListenAddress.DEFAULT);
  private final ObservableList<UserChoice> users =
      FXCollections.observableArrayList(UserChoice.NONE);
  private final ObjectProperty<UserChoice> user = new SimpleObjectProperty<>(UserChoice.NONE);
  private final ObservableList<ClientFamily> families =
      FXCollections.observableArrayList(ClientFamilies.ALL);
  private final ObjectProperty<ClientFamily> family =
      new SimpleObjectProperty<>(ClientFamilies.ALL.get(0));
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper snippet = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper reachedAt = new ReadOnlyStringWrapper("");
  private final BooleanProperty systemProxy = new SimpleBooleanProperty(false);
  private final ReadOnlyBooleanWrapper systemProxyAvailable = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper systemProxyNote =
      new ReadOnlyStringWrapper("Checking for gsettings…");
  private final GnomeSystemProxy desktop;
  private final SystemProxySwitch desktopSwitch;
  private final Executor background;
  private final Executor fx;
  /** Set while the toggle is moved by a result from the background, so the listener does not act on it. */
  private boolean reporting;

  public ConnectViewModel(GnomeSystemProxy desktop, Executor background, Executor fx) {
    this.desktop = desktop;
    this.desktopSwitch = new SystemProxySwitch(desktop);
    this.background = background;
    this.fx = fx;
    listen.addListener((o, a, b) -> {
      rebuild();
      if (systemProxy.get()) {
        switchDesktop(true);
      }
    });
    user.addListener((o, a, b) -> rebuild());
    family.addListener((o, a, b) -> rebuild());
    systemProxy.addListener((o, a, on) -> {
      if (!reporting) {
        switchDesktop(on);
      }
    });
    rebuild();
  }

  /** Asks (on the background executor) whether the desktop's proxy can be set; the toggle follows. */
  public void checkDesktop() {
    background.execute(() -> {
      Optional<String> reason = desktop.unavailableReason();
      fx.execute(() -> {
        systemProxyAvailable.set(reason.isEmpty());
        systemProxyNote.set(reason.orElse(
            systemProxy.get() ? onNote() : "Off: the desktop's proxy settings are untouched."));
      });
    });
  }

  /** The listen address Warden is bound to (or asked for). */
  public void listenChanged(ListenAddress address) {
    listen.set(address);
  }

  /** Offers the users of {@code settings}' realms, keeping the chosen one when it is still there. */
  public void settingsChanged(Settings settings) {
    List<UserChoice> choices = new ArrayList<>();
    choices.add(UserChoice.NONE);
    for (Realm realm : settings.realms()) {
      for (User u : realm.users()) {
        choices.add(new UserChoice(
            Optional.of(new ProxyUser(u.name(), realm.name(), realm.auth().schemes()))));
      }
    }
    UserChoice chosen = user.get();
    users.setAll(choices);
    user.set(choices.contains(chosen) ? chosen : UserChoice.NONE);
  }

  /** Switches the desktop's proxy back (on the background executor) when the window goes away. */
  public void close() {
    if (systemProxy.get()) {
      background.execute(() -> {
        try {
          desktopSwitch.off();
        } catch (IOException e) {
          // the switch's shutdown hook tries again as the JVM exits
        }
      });
    }
  }

  private void switchDesktop(boolean on) {
    ListenAddress address = listen.get();
    ClientSetup setup = ClientSetup.of(address, Optional.empty());
    systemProxyNote.set(
        on ? "Switching the desktop to Warden…" : "Restoring the desktop's previous proxy…");
    background.execute(() -> {
      String note;
      boolean nowOn;
      try {
        if (on) {
          desktopSwitch.on(setup.host(), setup.port());
          note = onNote();
        } else {
          Optional<String> kept = desktopSwitch.off();
          note = "Off: the previous values are back"
              + kept.map(k -> " (kept what you changed meanwhile: " + k + ")").orElse("") + ".";
        }
        nowOn = desktopSwitch.isOn();
      } catch (IOException e) {
        note = "Could not change the desktop's proxy: " + e.getMessage();
        nowOn = desktopSwitch.isOn();
      }
      String result = note;
      boolean state = nowOn;
      fx.execute(() -> {
        reporting = true;
        systemProxy.set(state);
        reporting = false;
        systemProxyNote.set(result);
      });
    });
  }

  private String onNote() {
    ClientSetup setup = ClientSetup.of(listen.get(), Optional.empty());
    return "On: GNOME uses " + setup.authority()
        + "; the previous values come back when switched off or when Warden exits.";
  }

  private void rebuild() {
    ClientSetup setup = ClientSetup.of(
        listen.get(), user.get() == null ? Optional.empty() : user.get().user());
    reachedAt.set(setup.authority());
    ClientFamily chosen = family.get() == null ? ClientFamilies.ALL.get(0) : family.get();
    ClientSnippet made = chosen.snippet(setup);
    summary.set(made.summary());
    snippet.set(made.text());
  }

  public ObservableList<UserChoice> users() {
    return users;
  }

  public ObjectProperty<UserChoice> userProperty() {
    return user;
  }

  public ObservableList<ClientFamily> families() {
    return families;
  }

  public ObjectProperty<ClientFamily> familyProperty() {
    return family;
  }

  public ReadOnlyStringProperty summaryProperty() {
    return summary.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty snippetProperty() {
    return snippet.getReadOnlyProperty();
  }

  /** Where clients on this machine reach Warden, {@code host:port}. */
  public ReadOnlyStringProperty reachedAtProperty() {
    return reachedAt.getReadOnlyProperty();
  }

  public ObjectProperty<ListenAddress> listenProperty() {
    return listen;
  }

  /** Whether GNOME's system proxy is Warden: set it to switch. */
  public BooleanProperty systemProxyProperty() {
    return systemProxy;
  }

  public ReadOnlyBooleanProperty systemProxyAvailableProperty() {
    return systemProxyAvailable.getReadOnlyProperty();
  }

  /** What the toggle did last, or why it is disabled. */
  public ReadOnlyStringProperty systemProxyNoteProperty() {
    return systemProxyNote.getReadOnlyProperty();
  }
}
