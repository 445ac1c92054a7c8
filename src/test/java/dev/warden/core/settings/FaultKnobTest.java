package dev.warden.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code knob=value} form of the fault knobs, and their place in the settings file. */
class FaultKnobTest {

  private static final List<String> EVERY_KNOB = List.of(
      "connection=close-delimited",
      "version=1.0",
      "status=401",
      "body=squid",
      "header=X-Squid-Error: ERR_CACHE_ACCESS_DENIED 0",
      "header=Via: 1.1 lab",
      "headerOrder=Server,Date",
      "challenge=omitted",
      "schemeOrder=digest,basic",
      "joinChallenges=true",
      "realm=Caf\u00e9 \"x\"",
      "plainChallenges=true",
      "delayMillis=250",
      "rechallengeEvery=3",
      "rechallengeAfterSeconds=60",
      "randomPercent=10",
      "digestStale=true",
      "nonceUses=5",
      "outcome=accept-any",
      "legacyNtlm=true");

  @Test
  void everyKnobReadsBackFromItsLines() {
    RealmFaults faults = FaultKnob.parse(EVERY_KNOB);
    assertThat(faults.lines()).containsExactlyElementsOf(EVERY_KNOB);
    assertThat(FaultKnob.parse(faults.lines())).isEqualTo(faults);
    assertThat(faults.delay()).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void everyKnobHasASentenceAndIsCoveredByTheLines() {
    assertThat(Arrays.stream(FaultKnob.values()).map(FaultKnob::knob))
        .containsExactlyElementsOf(EVERY_KNOB.stream()
            .map(l -> l.substring(0, l.indexOf('=')))
            .distinct()
            .toList());
    assertThat(FaultKnob.values()).allSatisfy(k -> assertThat(k.sentence()).endsWith("."));
  }

  @Test
  void noKnobsWritesNoLines() {
    assertThat(RealmFaults.NONE.lines()).isEmpty();
    assertThat(RealmFaults.NONE.any()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "connection=sometimes",
        "status=200",
        "randomPercent=101",
        "delayMillis=-1",
        "delayMillis=60001",
        "header=no colon",
        "header=Bad Name: x",
        "digestStale=maybe",
        "outcome=whatever",
        "nonceUses=-2",
        "legacyNtlm=yes",
        "noSuchKnob=1",
        "connection"
      })
  void refusesWhatNoKnobTakesWithASentence(String line) {
    assertThatThrownBy(() -> FaultKnob.parse(List.of(line)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("Exception");
  }

  @Test
  void unknownKnobNamesTheKnownOnes() {
    assertThatThrownBy(() -> FaultKnob.parse(List.of("conection=close")))
        .hasMessageContaining("'conection' is not a fault knob")
        .hasMessageContaining("connection, version");
  }

  @Test
  void settingsFileKeepsTheKnobsOfEachRealm() throws Exception {
    Realm realm = new Realm("Lab", List.of(), List.of()).withFaults(FaultKnob.parse(EVERY_KNOB));
    Settings settings = Settings.defaults().withRealms(List.of(realm));
    byte[] json = SettingsJson.write(settings);
    assertThat(new String(json, java.nio.charset.StandardCharsets.UTF_8)).contains("\"faults\": [");
    assertThat(SettingsJson.read(json).settings().realms().get(0).faults())
        .isEqualTo(realm.faults());
  }

  @Test
  void realmWithoutKnobsIsWrittenWithoutFaults() throws Exception {
    byte[] json = SettingsJson.write(Settings.defaults());
    assertThat(new String(json, java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("faults");
    assertThat(SettingsJson.read(json).settings().realms().get(0).faults())
        .isEqualTo(RealmFaults.NONE);
  }

  @Test
  void aFaultLineNoKnobUnderstandsMakesTheFileUnreadable() {
    String json =
        "{\"format\": 2, \"realms\": [{\"name\": \"Lab\", \"faults\": [\"status=999\"]}]}";
    assertThatThrownBy(
            () -> SettingsJson.read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .hasMessageContaining("realms[0].faults")
        .hasMessageContaining("status must be 407, 401 or 403");
  }

  @Test
  void warnsOfARealmThatLetsAnyCredentialsThrough() {
    Realm realm = new Realm("Lab", List.of(), List.of())
        .withFaults(FaultKnob.parse(List.of("outcome=accept-any")));
    assertThat(new SettingsValidator().warnings(Settings.defaults().withRealms(List.of(realm))))
        .contains("Realm 'Lab' lets any credentials through (fault knob outcome=accept-any)");
  }

  @Test
  void warnsOfAPlainDigestChallengeInARealmWithoutMd5() {
    Realm realm = new Realm(
            "Lab",
            List.of(),
            List.of(),
            RealmAuth.defaults()
                .withSchemes(List.of("digest"))
                .withDigestAlgorithms(List.of("SHA-256")))
        .withFaults(FaultKnob.parse(List.of("plainChallenges=true")));
    assertThat(new SettingsValidator().warnings(Settings.defaults().withRealms(List.of(realm))))
        .anyMatch(w -> w.startsWith("Realm 'Lab': its plain Digest challenge names no algorithm"));
    assertThat(new SettingsValidator()
            .warnings(Settings.defaults()
                .withRealms(
                    List.of(realm.withAuth(realm.auth().withDigestAlgorithms(List.of("MD5")))))))
        .noneMatch(w -> w.contains("plain Digest"));
  }
}
