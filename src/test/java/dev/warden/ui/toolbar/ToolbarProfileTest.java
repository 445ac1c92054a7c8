package dev.warden.ui.toolbar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.Warden;
import dev.warden.core.settings.FaultKnob;
import dev.warden.core.settings.InMemorySettingsStore;
import dev.warden.core.settings.ProxyProfile;
import dev.warden.core.settings.ProxyProfiles;
import dev.warden.core.settings.Realm;
import dev.warden.core.settings.Settings;
import dev.warden.ui.feedback.Notifier;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The toolbar's profile picker: which profile the default realm follows, and choosing another. */
class ToolbarProfileTest {

  private final Warden warden =
      new Warden(new InMemorySettingsStore(Settings.defaults()), Settings.defaults());
  private final ToolbarViewModel model =
      new ToolbarViewModel(warden, Runnable::run, new Notifier() {
        @Override
        public void info(String message) {}

        @Override
        public void error(String message) {}
      });

  @AfterEach
  void close() {
    warden.close();
  }

  private static void await(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + 5_000;
    while (!condition.getAsBoolean() && System.currentTimeMillis() < deadline) {
      Thread.sleep(10);
    }
    assertThat(condition.getAsBoolean()).isTrue();
  }

  @Test
  void showsStrictRfcForWardensDefaults() {
    assertThat(model.profileProperty().get())
        .extracting(ProxyProfile::name)
        .isEqualTo("Strict RFC");
    assertThat(model.profileNoteProperty().get()).isEqualTo("Behaves like Strict RFC");
  }

  @Test
  void choosingAProfilePutsItInForceForTheDefaultRealm() throws Exception {
    ProxyProfile squid = ProxyProfiles.named("Squid 5.7 (Basic)").orElseThrow();
    model.chooseProfile(squid);
    await(() -> warden.settings().realms().get(0).faults().equals(squid.faults()));
    await(() -> squid.equals(model.profileProperty().get()));
  }

  @Test
  void saysWhatTheDefaultRealmChangedFromItsProfile() {
    Realm edited = Settings.defaults()
        .realms()
        .get(0)
        .withFaults(FaultKnob.parse(List.of("connection=close")));
    model.settingsChanged(Settings.defaults().withRealms(List.of(edited)));
    assertThat(model.profileProperty().get()).isNull();
    assertThat(model.profileNoteProperty().get())
        .isEqualTo("Custom: Strict RFC with connection=close");
  }
}
