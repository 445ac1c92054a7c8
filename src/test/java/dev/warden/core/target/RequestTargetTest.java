package dev.warden.core.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.target.RequestTarget.Forward;
import dev.warden.core.target.RequestTarget.Refused;
import dev.warden.core.target.RequestTarget.ToProxy;
import dev.warden.core.target.RequestTarget.Tunnel;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestTargetTest {

  private static final Endpoint LOOPBACK_8080 = Endpoint.parse("127.0.0.1:8080", -1);

  // --- the review's bypass forms -------------------------------------------------------------

  @Test
  void anInvalidEscapeInThePathStillNamesTheAbsoluteFormsHostNotTheHostField() {
    Forward forward = forward("GET", "http://guarded.example/a%zz", "public.example");

    assertThat(forward.endpoint()).isEqualTo(Endpoint.parse("guarded.example", 80));
    assertThat(forward.pathAndQuery()).isEqualTo("/a%zz");
    assertThat(forward.hostField()).isEqualTo("guarded.example");
    assertThat(forward.hostFieldReplaced()).isTrue();
  }

  @Test
  void charactersJavaNetUriRejectsInThePathAreKeptAndDoNotChangeTheDestination() {
    Forward forward = forward("GET", "http://guarded.example/|{^\"}?x=<>`\\", "public.example");

    assertThat(forward.endpoint().host().text()).isEqualTo("guarded.example");
    assertThat(forward.pathAndQuery()).isEqualTo("/|{^\"}?x=<>`\\");
    assertThat(forward.forwardUri()).isEqualTo("http://guarded.example/|{^\"}?x=<>`\\");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "127.1",
        "127.0.1",
        "2130706433",
        "0x7f.0.0.1",
        "0x7f.1",
        "017700000001",
        "0177.0.0.1",
        "[::ffff:127.0.0.1]",
        "[::ffff:7f00:1]",
        "127.0.0.1."
      })
  void everySpellingOfAnIpv4DestinationIsTheSameEndpoint(String host) {
    assertThat(forward("GET", "http://" + host + ":8080/", null).endpoint())
        .isEqualTo(LOOPBACK_8080);
    assertThat(((Tunnel) RequestTarget.parse("CONNECT", host + ":8080", (String) null)).endpoint())
        .isEqualTo(LOOPBACK_8080);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"http://0.0.0.0/", "http://0/", "http://[::]/", "http://[::ffff:0.0.0.0]:80/"})
  void theAnyAddressIsRefusedAsADestination(String target) {
    assertRefused("GET", target, Refusal.NOT_A_DESTINATION);
  }

  @Test
  void connectToTheAnyAddressIsRefused() {
    assertRefused("CONNECT", "0.0.0.0:443", Refusal.NOT_A_DESTINATION);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://guarded.example:443/",
        "http://guarded.example:443",
        "guarded.example:443/",
        "user:pw@guarded.example:443",
        "https://guarded.example:443",
        "guarded.example:443?x"
      })
  void connectWithAnythingButHostAndPortIsRefused(String target) {
    assertRefused("CONNECT", target, Refusal.CONNECT_AUTHORITY_ONLY);
  }

  // --- CONNECT and ports ----------------------------------------------------------------------

  @Test
  void connectTakesHostAndPort() {
    Tunnel tunnel = (Tunnel) RequestTarget.parse("CONNECT", "API.Example.com:443", "whatever");

    assertThat(tunnel.endpoint()).isEqualTo(Endpoint.parse("api.example.com:443", -1));
    assertThat(tunnel.display()).isEqualTo("api.example.com:443");
    assertThat(tunnel.destination()).contains(tunnel.endpoint());
  }

  @Test
  void connectToAnIpv6AddressShowsItInBrackets() {
    Tunnel tunnel = (Tunnel) RequestTarget.parse("CONNECT", "[2001:DB8:0::1]:8443", (String) null);

    assertThat(tunnel.endpoint().host().text()).isEqualTo("2001:db8::1");
    assertThat(tunnel.display()).isEqualTo("[2001:db8::1]:8443");
  }

  @ParameterizedTest
  @ValueSource(strings = {"example.com", "example.com:", "[::1]"})
  void connectWithoutAPortIsRefused(String target) {
    assertRefused("CONNECT", target, Refusal.PORT_REQUIRED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "65536", "99999", "+80", "-1", "8o", "0x50", "1234567", "80 "})
  void portsOutside1To65535OrNotPlainDigitsAreRefused(String port) {
    RequestTarget connect = RequestTarget.parse("CONNECT", "example.com:" + port, (String) null);
    RequestTarget get =
        RequestTarget.parse("GET", "http://example.com:" + port + "/", (String) null);

    assertThat(connect).isInstanceOf(Refused.class);
    assertThat(get).isInstanceOf(Refused.class);
    if (!port.contains(" ")) {
      assertThat(((Refused) connect).refusal()).isEqualTo(Refusal.BAD_PORT);
      assertThat(((Refused) get).refusal()).isEqualTo(Refusal.BAD_PORT);
    }
  }

  @Test
  void portsMayHaveLeadingZerosAndTheLimitsAreIncluded() {
    assertThat(forward("GET", "http://example.com:00080/", null).endpoint().port())
        .isEqualTo(80);
    assertThat(forward("GET", "http://example.com:1/", null).endpoint().port()).isEqualTo(1);
    assertThat(forward("GET", "http://example.com:65535/", null).endpoint().port())
        .isEqualTo(65_535);
  }

  @Test
  void anAbsoluteUrlWithoutAPortUsesPort80() {
    assertThat(forward("GET", "http://example.com/", null).endpoint().port()).isEqualTo(80);
    assertThat(forward("GET", "http://example.com:/", null).endpoint().port()).isEqualTo(80);
  }

  @Test
  void connectIsCaseSensitiveSoLowerCaseConnectIsNotATunnel() {
    assertRefused("connect", "example.com:443", Refusal.AUTHORITY_FORM_WITHOUT_CONNECT);
  }

  // --- absolute-form ----------------------------------------------------------------------------

  @Test
  void aUrlWithoutAPathIsForwardedWithSlash() {
    Forward forward = forward("GET", "http://host:8080?q=1", "host:8080");

    assertThat(forward.pathAndQuery()).isEqualTo("/?q=1");
    assertThat(forward.forwardUri()).isEqualTo("http://host:8080/?q=1");
    assertThat(forward.hostField()).isEqualTo("host:8080");
    assertThat(forward.hostFieldReplaced()).isFalse();
    assertThat(forward("GET", "http://host", null).pathAndQuery()).isEqualTo("/");
  }

  @Test
  void schemeAndHostAreCaseInsensitiveAndComeOutLowerCase() {
    Forward forward = forward("GET", "HTTP://WWW.Example.COM./Path", null);

    assertThat(forward.scheme()).isEqualTo("http");
    assertThat(forward.forwardUri()).isEqualTo("http://www.example.com/Path");
  }

  @Test
  void theHostFieldNamesTheDefaultPortOnlyWhenItIsNot80() {
    assertThat(forward("GET", "http://example.com:80/", null).hostField()).isEqualTo("example.com");
    assertThat(forward("GET", "http://[::1]:8080/", null).hostField()).isEqualTo("[::1]:8080");
    assertThat(forward("GET", "http://[::1]/", null).hostField()).isEqualTo("[::1]");
  }

  @Test
  void anInternationalizedHostIsForwardedInAsciiForm() {
    Forward forward = forward("GET", "http://b%C3%BCcher.example/", null);

    assertThat(forward.hostField()).isEqualTo("xn--bcher-kva.example");
  }

  @Test
  void aHostFieldThatAgreesWithTheUrlIsNotReported() {
    assertThat(forward("GET", "http://Example.com:80/", "example.COM").hostFieldReplaced())
        .isFalse();
    assertThat(forward("GET", "http://example.com/", null).hostFieldReplaced()).isFalse();
  }

  @Test
  void severalHostFieldsAreReplacedByTheUrlsHost() {
    Forward forward = (Forward)
        RequestTarget.parse("GET", "http://a.example/", List.of("a.example", "b.example"));

    assertThat(forward.endpoint().host().text()).isEqualTo("a.example");
    assertThat(forward.hostFieldReplaced()).isTrue();
  }

  @Test
  void webSocketUrlsAreForwardedAsHttpOnPort80() {
    Forward forward = forward("GET", "ws://chat.example/socket", null);

    assertThat(forward.scheme()).isEqualTo("ws");
    assertThat(forward.endpoint().port()).isEqualTo(80);
    assertThat(forward.forwardUri()).isEqualTo("http://chat.example/socket");
    assertThat(forward.display()).isEqualTo("ws://chat.example/socket");
  }

  @Test
  void absoluteHttpsUrlsAreRefusedWithTheirOwnReason() {
    Refused refused = assertRefused(
        "GET", "HTTPS://user:hunter2@Secure.example/a?token=abc", Refusal.HTTPS_NEEDS_CONNECT);

    assertThat(refused.reason())
        .isEqualTo(
            "Absolute https:// URLs need CONNECT: this proxy does not open TLS on the client's behalf.");
    assertThat(refused.display()).isEqualTo("https://secure.example/a?token=***");
    assertRefused("GET", "wss://secure.example/", Refusal.HTTPS_NEEDS_CONNECT);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ftp://example.com/",
        "file:///etc/passwd",
        "gopher://x/",
        "mailto:a@example.com",
        "urn:isbn:1"
      })
  void otherSchemesAreRefused(String target) {
    assertRefused("GET", target, Refusal.UNSUPPORTED_SCHEME);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http:/path",
        "http:",
        "http://",
        "http:///path",
        "http://user@/",
        "http://:80/",
        "http://?q"
      })
  void httpUrlsWithoutAHostAreRefused(String target) {
    assertRefused("GET", target, Refusal.MISSING_HOST);
  }

  @Test
  void authorityFormIsOnlyForConnect() {
    assertRefused("GET", "example.com:80", Refusal.AUTHORITY_FORM_WITHOUT_CONNECT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"example.com", "example.com/path", "1http://x/", "[::1]:80", "?q"})
  void targetsThatAreNeitherAUrlNorAPathAreRefused(String target) {
    assertRefused("GET", target, Refusal.NOT_A_TARGET);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://exa mple.com/",
        "http://example.com/a b",
        "http://example.com/\t",
        "/a\u0000",
        "http://bücher.example/",
        "http://example.com/\u007f",
        "http://example.com/caf\u00e9"
      })
  void spacesControlsAndNonAsciiAreRefused(String target) {
    assertRefused("GET", target, Refusal.FORBIDDEN_CHARACTER);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"http://example.com/#top", "http://evil.example#@guarded.example/", "/a#b"})
  void fragmentsAreRefused(String target) {
    assertRefused("GET", target, Refusal.FRAGMENT);
  }

  @Test
  void anEmptyTargetIsRefused() {
    assertRefused("GET", "", Refusal.EMPTY_TARGET);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://evil\\@guarded.example/",
        "http://a@b@guarded.example/",
        "http://[::1]@guarded.example/",
        "http://us%zzer@guarded.example/"
      })
  void malformedUserinfoIsRefused(String target) {
    assertRefused("GET", target, Refusal.BAD_USERINFO);
  }

  @Test
  void aPercentEncodedAtSignInTheHostIsNotUserinfo() {
    assertRefused("GET", "http://evil.example%40guarded.example/", Refusal.BAD_HOST);
  }

  @Test
  void ipv6WithoutBracketsInAUrlIsRefused() {
    assertRefused("GET", "http://::1/", Refusal.IPV6_NEEDS_BRACKETS);
  }

  @Test
  void twoPortsAreABadPortNotAnUnbracketedIpv6Address() {
    assertRefused("CONNECT", "example.com:80:90", Refusal.BAD_PORT);
    assertRefused("CONNECT", "2001:db8::1:443", Refusal.IPV6_NEEDS_BRACKETS);
  }

  @Test
  void aZoneIdInAUrlIsRefused() {
    assertRefused("GET", "http://[fe80::1%25eth0]/", Refusal.ZONE_ID);
  }

  // --- userinfo --------------------------------------------------------------------------------

  @Test
  void userinfoIsStrippedAndOnlyItsPresenceIsReported() {
    Forward forward =
        forward("GET", "http://alice:hunter2@Guarded.example:8080/a?b=c", "public.example");

    assertThat(forward.endpoint()).isEqualTo(Endpoint.parse("guarded.example:8080", -1));
    assertThat(forward.credentialsRemoved()).isTrue();
    assertThat(forward.forwardUri()).isEqualTo("http://guarded.example:8080/a?b=c");
    assertThat(forward.display()).isEqualTo("http://guarded.example:8080/a?b=c");
    assertThat(forward("GET", "http://guarded.example/", null).credentialsRemoved())
        .isFalse();
  }

  @Test
  void thePasswordAppearsInNoOutputOfAnyKind() {
    String password = "hunter2";
    List<RequestTarget> parsed = List.of(
        RequestTarget.parse("GET", "http://alice:hunter2@guarded.example/x", (String) null),
        RequestTarget.parse("GET", "HTTP://alice:hunter2@[::1]:81", (String) null),
        RequestTarget.parse("GET", "https://alice:hunter2@guarded.example/x", (String) null),
        RequestTarget.parse("GET", "http://alice:hunter2@guarded.example:99999/x", (String) null),
        RequestTarget.parse("GET", "http://alice:hunter2@bad host/x", (String) null),
        RequestTarget.parse("GET", "http://alice:hunter2@0.0.0.0/", (String) null),
        RequestTarget.parse("GET", "ftp://alice:hunter2@guarded.example/", (String) null),
        RequestTarget.parse("CONNECT", "alice:hunter2@guarded.example:443", (String) null),
        RequestTarget.parse("GET", "http://alice:hunter2@guarded.example/#frag", (String) null),
        RequestTarget.parse("GET", "http://alice:hun/ter2@guarded.example/", (String) null));

    for (RequestTarget target : parsed) {
      assertThat(target.toString()).doesNotContain(password).doesNotContain("ter2");
      assertThat(target.display()).doesNotContain(password).doesNotContain("ter2");
      if (target instanceof Forward forward) {
        assertThat(forward.forwardUri()).doesNotContain(password);
        assertThat(forward.hostField()).doesNotContain(password);
        assertThat(forward.pathAndQuery()).doesNotContain(password);
        assertThat(forward.endpoint().toString()).doesNotContain(password);
        assertThat(forward.credentialsRemoved()).isTrue();
      }
      if (target instanceof Refused refused) {
        assertThat(refused.reason()).doesNotContain(password);
      }
    }
  }

  // --- origin-form and asterisk ----------------------------------------------------------------

  @Test
  void originFormIsARequestToTheProxyItselfNeverADestination() {
    RequestTarget target = RequestTarget.parse("GET", "/status?token=abc", "guarded.example:8080");

    assertThat(target).isInstanceOf(ToProxy.class);
    assertThat(target.destination()).isEmpty();
    ToProxy toProxy = (ToProxy) target;
    assertThat(toProxy.pathAndQuery()).isEqualTo("/status?token=abc");
    assertThat(toProxy.host()).contains(Endpoint.parse("guarded.example:8080", -1));
    assertThat(toProxy.display()).isEqualTo("/status?token=***");
  }

  @Test
  void aNetworkPathIsStillOriginForm() {
    RequestTarget target = RequestTarget.parse("GET", "//guarded.example/x", "public.example");

    assertThat(target).isInstanceOf(ToProxy.class);
    assertThat(target.destination()).isEmpty();
  }

  @Test
  void originFormWithoutAHostFieldHasNoHost() {
    assertThat(((ToProxy) RequestTarget.parse("GET", "/", (String) null)).host())
        .isEqualTo(Optional.empty());
  }

  @Test
  void originFormWithAnInvalidOrRepeatedHostFieldIsRefused() {
    assertRefused("GET", "/", "exa mple:80", Refusal.BAD_HOST_FIELD);
    assertRefused("GET", "/", "example.com:0", Refusal.BAD_HOST_FIELD);
    assertThat(((Refused) RequestTarget.parse("GET", "/", List.of("a", "b"))).refusal())
        .isEqualTo(Refusal.MULTIPLE_HOST_FIELDS);
  }

  @Test
  void theAsteriskIsOnlyForOptionsAndIsForTheProxy() {
    assertThat(RequestTarget.parse("OPTIONS", "*", "proxy:3128")).isInstanceOf(ToProxy.class);
    assertRefused("GET", "*", Refusal.ASTERISK_WITHOUT_OPTIONS);
  }

  // --- display -----------------------------------------------------------------------------------

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "http://example.com/a?access_token=abc&page=2   | http://example.com/a?access_token=***&page=2",
        "http://example.com:8080/cb?code=xyz&state=s1   | http://example.com:8080/cb?code=***&state=s1",
        "http://example.com/?q=%zz&Password=p           | http://example.com/?q=%zz&Password=***"
      })
  void theDisplayUrlMasksSecrets(String target, String display) {
    assertThat(forward("GET", target, null).display()).isEqualTo(display);
    assertThat(forward("GET", target, null).toString()).isEqualTo(display);
  }

  @Test
  void theForwardedTargetKeepsSecretsByteExact() {
    Forward forward = forward("GET", "http://example.com/a?access_token=abc%2B&x", null);

    assertThat(forward.forwardUri()).isEqualTo("http://example.com/a?access_token=abc%2B&x");
  }

  @Test
  void aRefusedTargetShowsItselfEscapedWithoutUserinfoAndWithSecretsMasked() {
    Refused refused =
        assertRefused("GET", "http://u:p@bad host/x?api_key=k\u0001", Refusal.FORBIDDEN_CHARACTER);

    assertThat(refused.display()).isEqualTo("http://bad%20host/x?api_key=***");
  }

  @Test
  void aLongRefusedTargetIsShortened() {
    Refused refused =
        assertRefused("GET", "ftp://example.com/" + "a".repeat(1000), Refusal.UNSUPPORTED_SCHEME);

    assertThat(refused.display()).hasSize(303).endsWith("...");
  }

  // --- helpers -----------------------------------------------------------------------------------

  private static Forward forward(String method, String target, String host) {
    RequestTarget parsed = RequestTarget.parse(method, target, host);
    assertThat(parsed).as(target).isInstanceOf(Forward.class);
    return (Forward) parsed;
  }

  private static Refused assertRefused(String method, String target, Refusal refusal) {
    return assertRefused(method, target, null, refusal);
  }

  private static Refused assertRefused(String method, String target, String host, Refusal refusal) {
    RequestTarget parsed = RequestTarget.parse(method, target, host);
    assertThat(parsed).as(target).isInstanceOf(Refused.class);
    Refused refused = (Refused) parsed;
    assertThat(refused.refusal()).as(target).isEqualTo(refusal);
    assertThat(refused.reason()).isEqualTo(refusal.sentence());
    assertThat(refused.destination()).isEmpty();
    return refused;
  }
}
