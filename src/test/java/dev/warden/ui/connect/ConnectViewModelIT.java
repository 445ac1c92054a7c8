package dev.warden.ui.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.warden.core.connect.GnomeSystemProxy;
import dev.warden.core.settings.ListenAddress;
import dev.warden.testing.Users;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The panel's GNOME toggle against the real gsettings (keyfile backend in a temporary folder). Both
 * executors run in place, so each step is complete when the call returns.
 */
class ConnectViewModelIT {

  private static final Path GSETTINGS = Path.of("/usr/bin/gsettings");
  private static final Executor NOW = Runnable::run;

  @TempDir
  Path config;

  private GnomeSystemProxy desktop() {
    assumeTrue(Files.isExecutable(GSETTINGS), "gsettings is not installed (libglib2.0-bin)");
    GnomeSystemProxy desktop = new GnomeSystemProxy(
        GSETTINGS, Map.of("GSETTINGS_BACKEND", "keyfile", "XDG_CONFIG_HOME", config.toString()));
    assumeTrue(
        desktop.unavailableReason().isEmpty(), () -> desktop.unavailableReason().orElseThrow());
    return desktop;
  }

  @Test
  void theToggleFollowsTheListenAddressAndRestoresWhenSwitchedOff() throws Exception {
    GnomeSystemProxy desktop = desktop();
    Map<String, String> before = desktop.read();
    ConnectViewModel model = new ConnectViewModel(desktop, NOW, NOW);
    model.listenChanged(new ListenAddress("0.0.0.0", 3128));
    model.checkDesktop();
    assertThat(model.systemProxyAvailableProperty().get()).isTrue();

    model.systemProxyProperty().set(true);
    assertThat(desktop.read())
        .containsEntry("org.gnome.system.proxy.http host", "'127.0.0.1'")
        .containsEntry("org.gnome.system.proxy.http port", "3128")
        .containsEntry("org.gnome.system.proxy mode", "'manual'");
    assertThat(model.systemProxyNoteProperty().get()).startsWith("On: GNOME uses 127.0.0.1:3128");

    model.listenChanged(new ListenAddress("127.0.0.1", 3129));
    assertThat(desktop.read()).containsEntry("org.gnome.system.proxy.https port", "3129");

    model.systemProxyProperty().set(false);
    assertThat(desktop.read()).isEqualTo(before);
    assertThat(model.systemProxyNoteProperty().get())
        .isEqualTo("Off: the previous values are back.");
  }

  @Test
  void closingTheWindowRestoresTheDesktop() throws Exception {
    GnomeSystemProxy desktop = desktop();
    Map<String, String> before = desktop.read();
    ConnectViewModel model = new ConnectViewModel(desktop, NOW, NOW);
    model.systemProxyProperty().set(true);

    model.close();

    assertThat(desktop.read()).isEqualTo(before);
  }

  @Test
  void withoutGsettingsTheToggleIsDisabledWithTheReason() {
    ConnectViewModel model = new ConnectViewModel(
        new GnomeSystemProxy(config.resolve("no-gsettings"), Map.of()), NOW, NOW);

    model.checkDesktop();

    assertThat(model.systemProxyAvailableProperty().get()).isFalse();
    assertThat(model.systemProxyNoteProperty().get()).startsWith("gsettings is not installed");
  }

  @Test
  void offersEveryUserOfEveryRealmAndKeepsTheChoiceAcrossSettings() {
    ConnectViewModel model =
        new ConnectViewModel(new GnomeSystemProxy(config.resolve("none"), Map.of()), NOW, NOW);
    model.settingsChanged(Users.realmWith("Lab", Users.user("alice", "p"), Users.user("bob", "p")));
    model.userProperty().set(model.users().get(2));

    model.settingsChanged(Users.realmWith("Lab", Users.user("bob", "p")));

    assertThat(model.users())
        .extracting(UserChoice::toString)
        .containsExactly("(no user)", "bob (Lab)");
    assertThat(model.userProperty().get().toString()).isEqualTo("bob (Lab)");
    assertThat(model.snippetProperty().get()).contains("bob");
  }
}
