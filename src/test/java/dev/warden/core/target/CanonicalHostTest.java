package dev.warden.core.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.Inet6Address;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalHostTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "127.1",
        "127.0.1",
        "2130706433",
        "0x7f.1",
        "0x7f.0.0.1",
        "0X7F.0.0.1",
        "017700000001",
        "0177.0.0.1",
        "0x7f000001",
        "127.0.0.1.",
        "127.000.000.001",
        "0177.0.0.0x1",
        "[::ffff:127.0.0.1]",
        "[::FFFF:7f00:1]",
        "[0:0:0:0:0:ffff:7f00:0001]",
        "127.0.0.%31"
      })
  void everyNotationOfTheLoopbackAddressIsTheDottedQuad(String written) {
    CanonicalHost host = CanonicalHost.parse(written);

    assertThat(host.text()).isEqualTo("127.0.0.1");
    assertThat(host.kind()).isEqualTo(CanonicalHost.Kind.IPV4);
    assertThat(host.address()).get().isInstanceOf(Inet4Address.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0.0.0.0",
        "0",
        "0x0",
        "00",
        "0.0.0.1",
        "0.1.2.3",
        "[::]",
        "[0:0:0:0:0:0:0:0]",
        "[::ffff:0.0.0.0]"
      })
  void theAnyAddressIsNotADestination(String written) {
    assertRefused(written, Refusal.NOT_A_DESTINATION);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "256.0.0.1",
        "1.2.3.4.5",
        "08.0.0.1",
        "0x.1",
        "1.0x",
        "127..1",
        "4294967296",
        "1.16777216",
        "1.2.65536",
        "0x100.1",
        "foo.123",
        "example.0x1f",
        "1.2.3.099"
      })
  void aHostWrittenLikeAnIpv4AddressButInvalidIsRefused(String written) {
    assertRefused(written, Refusal.BAD_IPV4);
  }

  @Test
  void namesWhoseLastLabelIsNotANumberStayNames() {
    assertThat(CanonicalHost.parse("1.2.3.0x7g").kind()).isEqualTo(CanonicalHost.Kind.NAME);
    assertThat(CanonicalHost.parse("0x7f.example").text()).isEqualTo("0x7f.example");
    assertThat(CanonicalHost.parse("127.0.0.1a").kind()).isEqualTo(CanonicalHost.Kind.NAME);
  }

  @ParameterizedTest
  @CsvSource({
    "[2001:DB8::1],                     2001:db8::1",
    "[2001:0db8:0000:0000:0000:0000:0000:0001], 2001:db8::1",
    "[2001:db8:0:0:1:0:0:1],            2001:db8::1:0:0:1",
    "[2001:db8:0:1:1:1:1:1],            2001:db8:0:1:1:1:1:1",
    "[0:0:0:0:0:0:0:1],                 ::1",
    "[fe80::],                          fe80::",
    "[1:0:0:2:0:0:0:3],                 1:0:0:2::3",
    "[::127.0.0.1],                     ::7f00:1",
    "[64:ff9b::192.0.2.33],             64:ff9b::c000:221"
  })
  void ipv6LiteralsTakeTheirRfc5952Form(String written, String canonical) {
    CanonicalHost host = CanonicalHost.parse(written);

    assertThat(host.text()).isEqualTo(canonical);
    assertThat(host.kind()).isEqualTo(CanonicalHost.Kind.IPV6);
    assertThat(host.uriText()).isEqualTo("[" + canonical + "]");
    assertThat(host.address()).get().isInstanceOf(Inet6Address.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[1::2::3]",
        "[12345::1]",
        "[1:2:3:4:5:6:7:8:9]",
        "[1:2:3:4:5:6:7]",
        "[::1",
        "[:::1]",
        "[::g]",
        "[::1.2.3]",
        "[::01.2.3.4]",
        "[1:2:3:4:5:6:7::8]",
        "[]",
        "[v1.fe]",
        "[::1]x"
      })
  void malformedIpv6LiteralsAreRefused(String written) {
    assertRefused(written, Refusal.BAD_IPV6);
  }

  @Test
  void ipv6WithoutBracketsIsRefused() {
    assertRefused("::1", Refusal.IPV6_NEEDS_BRACKETS);
  }

  @Test
  void zoneIdsAreRefused() {
    assertRefused("[fe80::1%25eth0]", Refusal.ZONE_ID);
    assertRefused("[fe80::1%eth0]", Refusal.ZONE_ID);
  }

  @Test
  void namesAreLowerCasedWithoutTheirTrailingDot() {
    assertThat(CanonicalHost.parse("API.Example.COM.").text()).isEqualTo("api.example.com");
    assertThat(CanonicalHost.parse("API.Example.COM.").kind()).isEqualTo(CanonicalHost.Kind.NAME);
    assertThat(CanonicalHost.parse("API.Example.COM.").address()).isEmpty();
  }

  @Test
  void internationalizedNamesTakeTheirAsciiForm() {
    assertThat(CanonicalHost.parse("bücher.example").text()).isEqualTo("xn--bcher-kva.example");
    assertThat(CanonicalHost.parse("BÜCHER.example").text()).isEqualTo("xn--bcher-kva.example");
    assertThat(CanonicalHost.parse("b%C3%BCcher.example").text())
        .isEqualTo("xn--bcher-kva.example");
    assertThat(CanonicalHost.parse("xn--bcher-kva.example").text())
        .isEqualTo("xn--bcher-kva.example");
  }

  @Test
  void fullWidthDigitsAreTheAddressTheyMap() {
    assertThat(CanonicalHost.parse("\uFF11\uFF12\uFF17.0.0.1").text()).isEqualTo("127.0.0.1");
  }

  @Test
  void underscoresAreTolerated() {
    assertThat(CanonicalHost.parse("_dmarc.Example.com").text()).isEqualTo("_dmarc.example.com");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "exa mple.com",
        "a..b",
        ".a",
        "..",
        "user@host",
        "a/b",
        "a\\b",
        "evil%40good",
        "%zz.com",
        "%C3%28.com",
        "a,b",
        "*.example.com",
        "exa%00mple.com"
      })
  void anythingButLdhLabelsIsRefused(String written) {
    assertThatThrownBy(() -> CanonicalHost.parse(written)).isInstanceOf(RefusalException.class);
  }

  @Test
  void labelsLongerThan63OrNamesLongerThan253AreRefused() {
    assertThat(CanonicalHost.parse("a".repeat(63) + ".example").text()).startsWith("aaa");
    assertRefused("a".repeat(64) + ".example", Refusal.NAME_TOO_LONG);
    String name253 = ("a".repeat(49) + ".").repeat(5) + "abc";
    assertThat(name253).hasSize(253);
    assertThat(CanonicalHost.parse(name253).text()).isEqualTo(name253);
    assertRefused(name253 + "d", Refusal.NAME_TOO_LONG);
  }

  @Test
  void anInvalidInternationalizedNameIsRefused() {
    assertRefused("a\u00A0b.example", Refusal.BAD_IDN);
  }

  @Test
  void anEmptyHostIsRefused() {
    assertRefused("", Refusal.MISSING_HOST);
    assertRefused(".", Refusal.MISSING_HOST);
  }

  private static void assertRefused(String written, Refusal refusal) {
    assertThatThrownBy(() -> CanonicalHost.parse(written))
        .isInstanceOfSatisfying(
            RefusalException.class, e -> assertThat(e.refusal()).isEqualTo(refusal));
  }
}
