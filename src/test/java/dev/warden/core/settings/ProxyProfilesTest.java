package dev.warden.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The profiles shipped as resource files, and what choosing one does to a realm. */
class ProxyProfilesTest {

  @Test
  void shipsTheSixProfilesInTheOrderOfTheIndex() {
    assertThat(ProxyProfiles.all())
        .extracting(ProxyProfile::name)
        .containsExactly(
            "Strict RFC",
            "Squid 5.7 (Basic)",
            "Squid 5.7 (Digest)",
            "tinyproxy 1.11",
            "mitmproxy 8",
            "Windows proxy (Negotiate, NTLM, Basic)");
    assertThat(ProxyProfiles.all()).allSatisfy(p -> assertThat(p.about()).isNotBlank());
  }

  @Test
  void strictRfcIsWardensOwnDefault() {
    Realm fresh = Settings.defaults().realms().get(0);
    assertThat(ProxyProfile.inForce(fresh, ProxyProfiles.all()))
        .map(ProxyProfile::name)
        .contains("Strict RFC");
  }

  @Test
  void choosingAProfileFillsSchemesAlgorithmsAndKnobsAndKeepsTheUsers() {
    Realm realm = new Realm("Lab", List.of("*.lab.example"), List.of(new User("alice", true, "x")));
    Realm squid = ProxyProfiles.named("squid 5.7 (digest)").orElseThrow().applyTo(realm);
    assertThat(squid.auth().schemes()).containsExactly("digest");
    assertThat(squid.auth().digestAlgorithms()).containsExactly("MD5");
    assertThat(squid.faults().plainChallenges()).isTrue();
    assertThat(squid.users()).isEqualTo(realm.users());
    assertThat(squid.hostPatterns()).isEqualTo(realm.hostPatterns());
    assertThat(ProxyProfile.inForce(squid, ProxyProfiles.all()))
        .map(ProxyProfile::name)
        .contains("Squid 5.7 (Digest)");
  }

  @Test
  void saysWhatARealmChangedFromItsProfile() {
    ProxyProfile tinyproxy = ProxyProfiles.named("tinyproxy 1.11").orElseThrow();
    Realm edited = tinyproxy.applyTo(new Realm("Lab", List.of(), List.of()));
    edited = edited.withFaults(FaultKnob.apply(edited.faults(), "status=407"));
    assertThat(tinyproxy.differences(edited)).containsExactly("status=407");
    assertThat(ProxyProfile.inForce(edited, ProxyProfiles.all())).isEmpty();
  }

  @Test
  void refusesAProfileFileWithAnUnknownKey() {
    assertThatThrownBy(() -> ProxyProfile.parse("name=X\nflavour=mint\n"))
        .hasMessageContaining("unknown key flavour");
    assertThatThrownBy(() -> ProxyProfile.parse("about=no name\n")).hasMessageContaining("no name");
  }
}
