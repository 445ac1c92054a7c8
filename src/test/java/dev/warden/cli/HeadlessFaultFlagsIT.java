package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.core.settings.FaultKnob;
import dev.warden.core.settings.ProxyProfiles;
import dev.warden.core.settings.Realm;
import dev.warden.core.settings.Settings;
import dev.warden.testing.RawHttpConnection;
import dev.warden.testing.RawResponse;
import dev.warden.testing.RunningWarden;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/** {@code --profile}, {@code --fault KNOB=VALUE} (repeatable) and {@code --list-profiles}. */
class HeadlessFaultFlagsIT {

  private final HeadlessOverrides overrides =
      new HeadlessOverrides(password -> "hash:" + password.length, file -> {
        throw new NoSuchFileException(file.toString());
      });

  @Test
  void readsRepeatedFaultsInOrder() throws UsageException {
    Arguments a = Arguments.parse(
        "--headless",
        "--fault",
        "connection=close",
        "--fault=header=X-Lab: 1",
        "--fault",
        "header=X-Lab: 2");
    assertThat(a.faults())
        .containsExactly("connection=close", "header=X-Lab: 1", "header=X-Lab: 2");
  }

  @Test
  void refusesAFaultNoKnobTakesNamingTheKnob() {
    assertThatThrownBy(() -> Arguments.parse("--headless", "--fault", "status=200"))
        .isInstanceOf(UsageException.class)
        .hasMessage("--fault: status: status must be 407, 401 or 403");
    assertThatThrownBy(() -> Arguments.parse("--headless", "--fault", "colour=red"))
        .hasMessageStartingWith("--fault: 'colour' is not a fault knob");
  }

  @Test
  void refusesAnUnknownProfileListingTheKnownOnes() {
    assertThatThrownBy(() -> Arguments.parse("--headless", "--profile", "Squid 3"))
        .hasMessageContaining("no profile 'Squid 3'")
        .hasMessageContaining("tinyproxy 1.11");
  }

  @Test
  void refusesProfileAndFaultForTheWindow() {
    assertThatThrownBy(() -> Arguments.parse("--fault", "connection=close"))
        .hasMessageContaining("only with --headless");
    assertThatThrownBy(() -> Arguments.parse("--profile", "mitmproxy 8"))
        .hasMessageContaining("only with --headless");
  }

  @Test
  void profileThenFaultsShapeTheDefaultRealm() throws UsageException {
    Settings s = overrides.apply(
        Settings.defaults(),
        Arguments.parse(
            "--headless",
            "--profile",
            "TINYPROXY 1.11",
            "--fault",
            "status=407",
            "--fault",
            "delayMillis=5"));
    Realm realm = s.realms().get(0);
    assertThat(realm.faults().httpVersion()).isEqualTo("1.0");
    assertThat(realm.faults().credentialsStatus()).isEqualTo(407);
    assertThat(ProxyProfiles.named("tinyproxy 1.11").orElseThrow().differences(realm))
        .containsExactly("status=407", "delayMillis=5");
  }

  @Test
  void schemesGivenWithAProfileWin() throws UsageException {
    Settings s = overrides.apply(
        Settings.defaults(),
        Arguments.parse("--headless", "--profile", "Squid 5.7 (Digest)", "--schemes", "basic"));
    assertThat(s.realms().get(0).auth().schemes()).containsExactly("basic");
  }

  @Test
  void listsEveryProfileAndEveryKnob() throws UsageException {
    assertThat(Arguments.parse("--list-profiles").listProfiles()).isTrue();
    String text = ProfileList.text();
    ProxyProfiles.all().forEach(p -> assertThat(text).contains(p.name()));
    for (FaultKnob knob : FaultKnob.values()) {
      assertThat(text).contains(knob.knob() + "=").contains(knob.sentence());
    }
    assertThat(Usage.TEXT)
        .contains("--profile NAME")
        .contains("--fault KNOB=VALUE")
        .contains("--list-profiles");
  }

  @Test
  void aRunStartedWithFaultsAnswersWithThem() throws Exception {
    Settings s = overrides.apply(
        Settings.defaults(),
        Arguments.parse(
            "--headless", "--fault", "connection=close", "--fault", "header=X-Lab: yes"));
    try (RunningWarden warden = new RunningWarden(s);
        RawHttpConnection c = new RawHttpConnection(warden.port())) {
      RawResponse refused =
          c.exchange("GET http://127.0.0.1:9/ HTTP/1.1\r\nHost: 127.0.0.1:9\r\n\r\n");
      assertThat(refused.status()).isEqualTo(407);
      assertThat(refused.header("Connection")).isEqualTo("close");
      assertThat(refused.header("X-Lab")).isEqualTo("yes");
      assertThat(c.isClosedByPeer(2000)).isTrue();
    }
  }
}
