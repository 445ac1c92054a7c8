package dev.warden.ui.toolbar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.Warden;
import dev.warden.core.settings.InMemorySettingsStore;
import dev.warden.core.settings.Settings;
import dev.warden.ui.feedback.Notifier;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ToolbarViewModelTest {

  private final List<String> errors = new CopyOnWriteArrayList<>();
  private final InMemorySettingsStore store = new InMemorySettingsStore(Settings.defaults());
  private final Warden warden = new Warden(store, Settings.defaults());
  private final ToolbarViewModel model =
      new ToolbarViewModel(warden, Runnable::run, new Notifier() {
        @Override
        public void info(String message) {}

        @Override
        public void error(String message) {
          errors.add(message);
        }
      });

  @AfterEach
  void close() {
    warden.close();
  }

  @Test
  void switchingEnforcementOffPutsItInForce() throws Exception {
    assertThat(model.enforcementProperty().get()).isTrue();
    model.enforcementProperty().set(false);
    long deadline = System.currentTimeMillis() + 5_000;
    while (warden.settings().enforcement() && System.currentTimeMillis() < deadline) {
      Thread.sleep(10);
    }
    assertThat(warden.settings().enforcement()).isFalse();
  }

  @Test
  void aListenAddressThatDoesNotParseShowsWhyAndMovesNothing() throws Exception {
    var before = warden.status();
    model.listenTextProperty().set("localhost:99999x");
    model.applyListen();
    assertThat(model.listenProblemProperty().get())
        .isEqualTo("'localhost:99999x': '99999x' is not a port number (0-65535)");
    assertThat(errors).hasSize(1);
    // Warden's worker runs its tasks in order: once this one is done, any move the bad text queued
    // is too
    warden.setEnforcement(true).get(5, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(warden.settings().listen()).isEqualTo(Settings.defaults().listen());
    assertThat(warden.status()).isEqualTo(before);
    assertThat(store.load().settings().listen()).isEqualTo(Settings.defaults().listen());
    assertThat(model.busyProperty().get()).isFalse();
    model.listenTextProperty().set("127.0.0.1:3129");
    assertThat(model.listenProblemProperty().get()).isEmpty();
  }

  @Test
  void summarisesTheRealmsInForce() {
    assertThat(model.realmSummaryProperty().get()).isEqualTo("Warden · 0 users");
    assertThat(ToolbarViewModel.realmDetail(Settings.defaults().withEnforcement(false)))
        .isEqualTo("Realm Warden (default Warden); 407 not enforced\nEdit realms and users");
  }
}
