package dev.warden.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.testing.RawHttpConnection;
import dev.warden.testing.RawResponse;
import dev.warden.testing.RunningWarden;
import dev.warden.testing.TestOrigin;
import dev.warden.testing.Users;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Host patterns are canonicalised when compiled, by the request target's own parser. */
class HostPatternIT {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.1",
        "127.0.1",
        "2130706433",
        "0x7f.1",
        "0177.0.0.1",
        "[::ffff:127.0.0.1]",
        "[::FFFF:7f00:1]",
        "127.0.0.1.",
        "127.000.000.001"
      })
  void compilesEveryNotationOfAnIpv4AddressToItsDottedQuad(String written) {
    HostPattern pattern = HostPattern.parse(written);
    assertThat(pattern.host()).isEqualTo("127.0.0.1");
    assertThat(pattern.matches("127.0.0.1", 80)).isTrue();
    assertThat(pattern).isEqualTo(HostPattern.parse("127.0.0.1"));
  }

  @Test
  void compilesNamesWithoutCaseOrTrailingDot() {
    assertThat(HostPattern.parse("EXAMPLE.com.").matches("example.com", 443)).isTrue();
    assertThat(HostPattern.parse("*.Corp.EXAMPLE.").matches("a.corp.example", 443))
        .isTrue();
    assertThat(HostPattern.parse("*.Corp.EXAMPLE.").matches("corp.example", 443))
        .isFalse();
  }

  @Test
  void compilesAUnicodeNameToTheAsciiFormDestinationsArriveIn() {
    assertThat(HostPattern.parse("bücher.example").matches("xn--bcher-kva.example", 80))
        .isTrue();
    assertThat(
            HostPattern.parse("*.BÜCHER.example:8443").matches("www.xn--bcher-kva.example", 8443))
        .isTrue();
  }

  @Test
  void compilesIpv6ToItsRfc5952Text() {
    assertThat(HostPattern.parse("[2001:DB8:0:0::1]:8080").matches("2001:db8::1", 8080))
        .isTrue();
    assertThat(HostPattern.parse("[2001:DB8:0:0::1]:8080").matches("2001:db8::1", 8081))
        .isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"0.0.0.0", "[fe80::1%25eth0]", "a..example", "256.1.1.1", "*.127.0.0.1", "[::1"})
  void refusesWhatTheTargetParserRefusesWithASentence(String written) {
    assertThatThrownBy(() -> HostPattern.parse(written))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("'" + written + "': ");
  }

  @Test
  void guardsTheDestinationWrittenInAnotherNotationOnTheWire() throws Exception {
    Settings settings = Settings.defaults()
        .withRealms(List.of(
            new Realm(
                "Mapped", List.of("[::ffff:127.0.0.1]"), List.of(Users.user("carol", "c4rol"))),
            new Realm("Warden", List.of(), List.of(Users.user("alice", "s3cret")))));
    try (TestOrigin origin = new TestOrigin();
        RunningWarden warden = new RunningWarden(settings)) {
      try (RawHttpConnection c = new RawHttpConnection(warden.port())) {
        RawResponse refused =
            c.exchange("GET http://127.1:" + origin.port() + "/ HTTP/1.1\r\nHost: x\r\n"
                + "Proxy-Authorization: " + Users.basic("alice", "s3cret") + "\r\n\r\n");
        assertThat(refused.status()).isEqualTo(407);
        assertThat(refused.header("Proxy-Authenticate")).contains("realm=\"Mapped\"");
        RawResponse passed =
            c.exchange("GET http://2130706433:" + origin.port() + "/ HTTP/1.1\r\nHost: x\r\n"
                + "Proxy-Authorization: " + Users.basic("carol", "c4rol") + "\r\n\r\n");
        assertThat(passed.status()).isEqualTo(200);
      }
    }
  }
}
