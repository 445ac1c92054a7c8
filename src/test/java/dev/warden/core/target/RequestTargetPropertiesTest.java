package dev.warden.core.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.target.RequestTarget.Forward;
import dev.warden.core.target.RequestTarget.Refused;
import dev.warden.core.target.RequestTarget.ToProxy;
import dev.warden.core.target.RequestTarget.Tunnel;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class RequestTargetPropertiesTest {

  private static final String[] PIECES = {
    "http://",
    "HTTP://",
    "https://",
    "ws://",
    "ftp://",
    "//",
    "/",
    "?",
    "#",
    "@",
    ":",
    "::",
    "[",
    "]",
    ".",
    "%",
    "%25",
    "%40",
    "%2e",
    "%zz",
    "%C3%BC",
    "0x",
    "0X7f",
    "0",
    "00",
    "017",
    "127",
    "1",
    "255",
    "256",
    "65535",
    "65536",
    "4294967295",
    "ffff",
    "::ffff:",
    "v1.x",
    "a",
    "Example",
    "com",
    "xn--",
    "_",
    "-",
    "\\",
    "|",
    "{",
    "\"",
    " ",
    "\t",
    "\r\n",
    "\u0000",
    "\u007f",
    "ü",
    "\uFF0E",
    "\uFF11",
    "user:pw@",
    "token=",
    "&",
    ";",
    "*"
  };

  @Property(tries = 3000)
  void parsingArbitraryTextNeverThrowsAndYieldsOnlyCleanDestinations(
      @ForAll("methods") String method,
      @ForAll("targets") String target,
      @ForAll("hosts") String host) {
    assertClean(RequestTarget.parse(method, target, host));
  }

  @Property(tries = 2000)
  void parsingRandomUnicodeNeverThrows(
      @ForAll String method, @ForAll String target, @ForAll String host) {
    assertClean(RequestTarget.parse(method, target, host));
    assertClean(RequestTarget.parse("CONNECT", target, host));
    assertClean(RequestTarget.parse("GET", "http://" + target, host));
  }

  @Property(tries = 3000)
  void parsingTheCanonicalFormAgainYieldsTheSameValue(
      @ForAll("methods") String method,
      @ForAll("targets") String target,
      @ForAll("hosts") String host) {
    RequestTarget parsed = RequestTarget.parse(method, target, host);

    if (parsed instanceof Forward forward) {
      RequestTarget again = RequestTarget.parse(method, forward.forwardUri(), forward.hostField());
      assertThat(again).isInstanceOf(Forward.class);
      Forward second = (Forward) again;
      assertThat(second.endpoint()).isEqualTo(forward.endpoint());
      assertThat(second.pathAndQuery()).isEqualTo(forward.pathAndQuery());
      assertThat(second.forwardUri()).isEqualTo(forward.forwardUri());
      assertThat(second.hostField()).isEqualTo(forward.hostField());
      assertThat(second.credentialsRemoved()).isFalse();
      assertThat(second.hostFieldReplaced()).isFalse();
    } else if (parsed instanceof Tunnel tunnel) {
      assertThat(RequestTarget.parse("CONNECT", tunnel.endpoint().authority(), host))
          .isEqualTo(tunnel);
    } else if (parsed instanceof ToProxy toProxy && toProxy.host().isPresent()) {
      assertThat(RequestTarget.parse(
              method, toProxy.pathAndQuery(), toProxy.host().get().authority()))
          .isEqualTo(toProxy);
    }
  }

  @Property(tries = 3000)
  void canonicalHostsAreFixedPoints(@ForAll("hostTexts") String text) {
    CanonicalHost host;
    try {
      host = CanonicalHost.parse(text);
    } catch (RefusalException refused) {
      return;
    }
    assertThat(CanonicalHost.parse(host.uriText())).isEqualTo(host);
    String shouted = host.uriText().toUpperCase(java.util.Locale.ROOT);
    assertThat(CanonicalHost.parse(host.isIpLiteral() ? shouted : shouted + "."))
        .isEqualTo(host);
  }

  private static void assertClean(RequestTarget parsed) {
    assertThat(parsed).isNotNull();
    assertThat(parsed.display()).isNotNull();
    assertThat(parsed.toString()).isNotNull();
    parsed.destination().ifPresent(RequestTargetPropertiesTest::assertCleanEndpoint);
    if (parsed instanceof ToProxy toProxy) {
      toProxy.host().ifPresent(RequestTargetPropertiesTest::assertCleanEndpoint);
    }
    if (parsed instanceof Refused refused) {
      assertThat(refused.reason()).isNotBlank();
    }
    if (parsed instanceof Forward forward) {
      assertThat(forward.pathAndQuery()).startsWith("/").doesNotContain("#", " ");
      assertThat(forward.forwardUri()).startsWith("http://" + forward.hostField() + "/");
    }
  }

  private static void assertCleanEndpoint(Endpoint endpoint) {
    assertThat(endpoint.host().text()).matches("[a-z0-9._:-]+").doesNotContain("@", "%", "[", "]");
    assertThat(endpoint.port()).isBetween(1, 65_535);
  }

  @Provide
  Arbitrary<String> methods() {
    return Arbitraries.of("GET", "POST", "CONNECT", "OPTIONS", "connect", "HEAD");
  }

  @Provide
  Arbitrary<String> targets() {
    Arbitrary<String> pieces =
        Arbitraries.of(PIECES).list().ofMaxSize(12).map(list -> String.join("", list));
    Arbitrary<String> urls = Combinators.combine(
            Arbitraries.of("http://", "HTTP://", "ws://", "http://user:pw@", ""),
            hostTexts(),
            Arbitraries.of("", ":80", ":8080", ":0", ":65536", ":"),
            Arbitraries.of(PIECES).list().ofMaxSize(4).map(tail -> String.join("", tail)))
        .as((scheme, host, port, tail) -> scheme + host + port + tail);
    return Arbitraries.oneOf(pieces, urls, Arbitraries.strings().ascii().ofMaxLength(30));
  }

  @Provide
  Arbitrary<String> hosts() {
    return Arbitraries.oneOf(
        hostTexts(),
        Arbitraries.just(null),
        Arbitraries.strings().ofMaxLength(20),
        hostTexts().map(h -> h + ":8080"));
  }

  @Provide
  Arbitrary<String> hostTexts() {
    Arbitrary<String> numbers = Arbitraries.of(
        "0",
        "1",
        "127",
        "255",
        "256",
        "0x7f",
        "0177",
        "08",
        "0x",
        "2130706433",
        "4294967296",
        "a",
        "ffff");
    Arbitrary<String> ipv4ish =
        numbers.list().ofMinSize(1).ofMaxSize(5).map(parts -> String.join(".", parts));
    Arbitrary<String> ipv6ish = Arbitraries.of(
            "",
            "0",
            "1",
            "ffff",
            "FFFF",
            "db8",
            "2001",
            "12345",
            "127.0.0.1",
            "0.0.0.0",
            "g",
            "%25eth0")
        .list()
        .ofMinSize(1)
        .ofMaxSize(9)
        .map(groups -> "[" + String.join(":", groups) + "]");
    Arbitrary<String> names = Arbitraries.of(
            "example",
            "COM",
            "bücher",
            "xn--bcher-kva",
            "_srv",
            "a-b",
            "-",
            "",
            "%41",
            "%zz",
            "\uFF0E",
            "a".repeat(64))
        .list()
        .ofMinSize(1)
        .ofMaxSize(4)
        .map(labels -> String.join(".", labels));
    return Arbitraries.oneOf(ipv4ish, ipv6ish, names, ipv4ish.map(h -> h + "."));
  }
}
