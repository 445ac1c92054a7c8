package dev.warden.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.core.settings.JsonSettingsStore;
import dev.warden.core.settings.Realm;
import dev.warden.core.settings.Settings;
import dev.warden.core.settings.SettingsException;
import dev.warden.testing.Users;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A settings change through the facade is validated, saved, then applied; or nothing changes. */
class WardenUpdateIT {

  @TempDir
  Path folder;

  @Test
  void savesThenAppliesAValidChangeAndTellsListeners() throws Exception {
    JsonSettingsStore store = new JsonSettingsStore(folder.resolve("settings.json"));
    AtomicInteger told = new AtomicInteger();
    try (Warden warden = new Warden(store, Settings.defaults())) {
      warden.onSettings(s -> told.incrementAndGet());
      Settings applied = warden
          .update(s -> s.withRealms(
              List.of(new Realm("Corp", List.of(), List.of(Users.user("alice", "s3cret"))))))
          .get(20, TimeUnit.SECONDS);
      assertThat(warden.settings()).isEqualTo(applied);
      assertThat(store.load().settings()).isEqualTo(applied);
      assertThat(told).hasValue(1);
    }
  }

  @Test
  void refusesAnInvalidChangeAndKeepsTheSettingsInForce() throws Exception {
    JsonSettingsStore store = new JsonSettingsStore(folder.resolve("settings.json"));
    try (Warden warden = new Warden(store, Settings.defaults())) {
      Settings before = warden.settings();
      assertThatThrownBy(() -> warden
              .update(s -> s.withRealms(
                  List.of(new Realm("Corp", List.of(), List.of(Users.user("a:b", "x"))))))
              .get(20, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(SettingsException.class)
          .hasMessageContaining("user name 'a:b' contains ':'");
      assertThat(warden.settings()).isSameAs(before);
      assertThat(Files.exists(folder.resolve("settings.json"))).isFalse();
    }
  }

  @Test
  void keepsTheSettingsInForceWhenTheSaveFails() throws Exception {
    Path blocker = Files.writeString(folder.resolve("not-a-folder"), "x");
    JsonSettingsStore store = new JsonSettingsStore(blocker.resolve("settings.json"));
    try (Warden warden = new Warden(store, Settings.defaults())) {
      Settings before = warden.settings();
      assertThatThrownBy(() -> warden.setEnforcement(false).get(20, TimeUnit.SECONDS))
          .cause()
          .isInstanceOf(SettingsException.class)
          .hasMessageStartingWith("Could not save settings to");
      assertThat(warden.settings()).isSameAs(before);
      assertThat(warden.settings().enforcement()).isTrue();
    }
  }

  @Test
  void leavesTheListenerWhereItWasWhenASaveWithANewAddressFails() throws Exception {
    Path blocker = Files.writeString(folder.resolve("blocker"), "x");
    JsonSettingsStore store = new JsonSettingsStore(blocker.resolve("settings.json"));
    Settings onFreePort =
        Settings.defaults().withListen(new dev.warden.core.settings.ListenAddress("127.0.0.1", 0));
    try (Warden warden = new Warden(store, onFreePort)) {
      int port = warden.start().get(20, TimeUnit.SECONDS).bound().port();
      dev.warden.core.auth.InForce before = warden.inForce();

      assertThatThrownBy(() -> warden
              .update(s -> s.withListen(new dev.warden.core.settings.ListenAddress("127.0.0.2", 0))
                  .withEnforcement(false))
              .get(20, TimeUnit.SECONDS))
          .cause()
          .isInstanceOf(SettingsException.class);

      assertThat(warden.inForce()).isSameAs(before);
      assertThat(warden.status().bound().port()).isEqualTo(port);
      assertThat(warden.status().bound().host()).isEqualTo("127.0.0.1");
      try (java.net.Socket still =
          new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
        assertThat(still.isConnected()).isTrue();
      }
    }
  }

  @Test
  void closingTwiceReleasesThePortOnceAndRefusesLaterWork() throws Exception {
    Settings onFreePort =
        Settings.defaults().withListen(new dev.warden.core.settings.ListenAddress("127.0.0.1", 0));
    Warden warden =
        new Warden(new dev.warden.core.settings.InMemorySettingsStore(onFreePort), onFreePort);
    int port =
        warden.start().get(20, java.util.concurrent.TimeUnit.SECONDS).bound().port();

    warden.close();
    org.assertj.core.api.Assertions.assertThatCode(warden::close).doesNotThrowAnyException();

    try (java.net.ServerSocket again = new java.net.ServerSocket()) {
      again.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port));
      assertThat(again.isBound()).isTrue();
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> warden.update(s -> s))
        .isInstanceOf(java.util.concurrent.RejectedExecutionException.class);
  }

  @Test
  void refusesAStoredHashWardenCannotVerifyInsteadOfDroppingTheUserSilently() throws Exception {
    JsonSettingsStore store = new JsonSettingsStore(folder.resolve("settings.json"));
    try (Warden warden = new Warden(store, Settings.defaults())) {
      Settings before = warden.settings();
      dev.warden.core.settings.User crypt =
          new dev.warden.core.settings.User("carol", true, "$1$saltsalt$2vnaRpHa6Jxjz5n83ok8Z0");
      assertThatThrownBy(() -> warden
              .update(s -> s.withRealms(List.of(new Realm("Corp", List.of(), List.of(crypt)))))
              .get(20, TimeUnit.SECONDS))
          .cause()
          .isInstanceOf(SettingsException.class)
          .hasMessageContaining("user 'carol'")
          .hasMessageContaining("crypt")
          .hasMessageNotContaining("2vnaRpHa6Jxjz5n83ok8Z0");
      assertThat(warden.settings()).isSameAs(before);
    }
  }
}
