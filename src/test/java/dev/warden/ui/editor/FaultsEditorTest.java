package dev.warden.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.Warden;
import dev.warden.core.settings.FaultKnob;
import dev.warden.core.settings.InMemorySettingsStore;
import dev.warden.core.settings.ProxyProfiles;
import dev.warden.core.settings.Realm;
import dev.warden.core.settings.RealmFaults;
import dev.warden.core.settings.Settings;
import dev.warden.ui.feedback.Notifier;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The editor's Faults tab model: knobs typed, profiles chosen, saved with the realm; no toolkit. */
class FaultsEditorTest {

  private final Settings start = Settings.defaults()
      .withRealms(List.of(new Realm("Warden", List.of(), List.of())
          .withFaults(
              FaultKnob.parse(List.of("connection=close", "header=X-A: 1", "header=X-B: 2")))));
  private final Warden warden = new Warden(new InMemorySettingsStore(start), start);
  private final EditorViewModel model =
      new EditorViewModel(warden, password -> "{SHA}x", Runnable::run, new Notifier() {
        @Override
        public void info(String message) {}

        @Override
        public void error(String message) {}
      });

  @AfterEach
  void close() {
    warden.close();
  }

  private RealmDraft realm() {
    return model.realms().get(0);
  }

  @Test
  void showsTheLoadedKnobsOnePerRow() {
    assertThat(realm().faultsDraft().text(FaultKnob.CONNECTION).get()).isEqualTo("close");
    assertThat(realm().faultsDraft().text(FaultKnob.HEADER).get()).isEqualTo("X-A: 1 | X-B: 2");
    assertThat(realm().faultsDraft().text(FaultKnob.STATUS).get()).isEmpty();
  }

  @Test
  void savesTheKnobsAsTypedWithTheRealm() throws Exception {
    realm().faultsDraft().text(FaultKnob.STATUS).set("401");
    realm().faultsDraft().text(FaultKnob.CONNECTION).set("");
    assertThat(model.save().get(10, TimeUnit.SECONDS)).isTrue();
    RealmFaults saved = warden.settings().realms().get(0).faults();
    assertThat(saved.lines()).containsExactly("status=401", "header=X-A: 1", "header=X-B: 2");
  }

  @Test
  void keepsTheKnobsWhenSomethingElseIsSaved() throws Exception {
    realm().patternsProperty().set("");
    realm().nonceLifetimeProperty().set("10m");
    assertThat(model.save().get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(warden.settings().realms().get(0).faults())
        .isEqualTo(start.realms().get(0).faults());
  }

  @Test
  void aValueNoKnobTakesBlocksSaveWithASentence() {
    realm().faultsDraft().text(FaultKnob.RANDOM).set("150");
    assertThat(model.problems())
        .contains("Realm 'Warden': fault knob randomPercent: randomPercent must be 0 to 100");
  }

  @Test
  void choosingAProfileFillsSchemesAndKnobsAndSaysItIsInForce() throws Exception {
    realm().apply(ProxyProfiles.named("Squid 5.7 (Digest)").orElseThrow());
    assertThat(realm().profileNote(ProxyProfiles.all()))
        .isEqualTo("Behaves like Squid 5.7 (Digest)");
    assertThat(model.save().get(10, TimeUnit.SECONDS)).isTrue();
    Realm saved = warden.settings().realms().get(0);
    assertThat(saved.auth().schemes()).containsExactly("digest");
    assertThat(saved.auth().digestAlgorithms()).containsExactly("MD5");
    assertThat(saved.faults())
        .isEqualTo(ProxyProfiles.named("Squid 5.7 (Digest)").orElseThrow().faults());
  }

  @Test
  void saysWhatDiffersFromTheClosestProfile() {
    realm().apply(ProxyProfiles.named("tinyproxy 1.11").orElseThrow());
    realm().faultsDraft().text(FaultKnob.STATUS).set("407");
    assertThat(realm().profileNote(ProxyProfiles.all()))
        .isEqualTo("Custom: tinyproxy 1.11 with status=407");
  }
}
