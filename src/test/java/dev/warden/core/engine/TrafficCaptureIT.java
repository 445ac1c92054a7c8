package dev.warden.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.auth.AuthOutcome;
import dev.warden.core.settings.Settings;
import dev.warden.core.traffic.Exchange;
import dev.warden.core.traffic.ExchangeError;
import dev.warden.testing.RawHttpConnection;
import dev.warden.testing.RawResponse;
import dev.warden.testing.RunningWarden;
import dev.warden.testing.TestOrigin;
import dev.warden.testing.TunnelPorts;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the traffic log records of forwarded and failed exchanges, enforcement off. */
class TrafficCaptureIT {

  private static TestOrigin origin;
  private static RunningWarden warden;

  @BeforeAll
  static void start() throws Exception {
    origin = new TestOrigin();
    warden = new RunningWarden(TunnelPorts.allowing(
        Settings.defaults().withEnforcement(false).withBodyPrefixLimit(8), origin.port()));
  }

  @AfterAll
  static void stop() {
    warden.close();
    origin.close();
  }

  private static RawResponse get(String url, String extraHeaders) throws Exception {
    try (RawHttpConnection c = new RawHttpConnection(warden.port())) {
      String host = url.replaceFirst("^http://", "").replaceFirst("/.*$", "");
      return c.exchange(
          "GET " + url + " HTTP/1.1\r\nHost: " + host + "\r\n" + extraHeaders + "\r\n");
    }
  }

  @Test
  void recordsAForwardedExchangeWithTimingSizesAndCappedBody() throws Exception {
    String url = origin.url("/forwarded?q=1");
    RawResponse response = get(url, "");
    assertThat(response.status()).isEqualTo(200);
    Exchange e = warden.awaitExchangeFor(url);
    assertThat(e.status()).isEqualTo(200);
    assertThat(e.method()).isEqualTo("GET");
    assertThat(e.host()).isEqualTo("127.0.0.1:" + origin.port());
    assertThat(e.path()).isEqualTo("/forwarded?q=1");
    assertThat(e.auth()).isInstanceOf(AuthOutcome.NotRequired.class);
    assertThat(e.responseBody().totalSize()).isEqualTo(TestOrigin.BODY.length());
    assertThat(new String(e.responseBody().bytes(), StandardCharsets.UTF_8))
        .isEqualTo(TestOrigin.BODY.substring(0, 8));
    assertThat(e.responseBody().truncated()).isTrue();
    assertThat(e.timeToFirstByte()).isNotNull();
    assertThat(e.duration()).isGreaterThanOrEqualTo(e.timeToFirstByte());
    assertThat(e.responseHeader("Content-Type")).contains("text/plain; charset=utf-8");
  }

  @Test
  void recordsDnsFailureWithThe502Sent() throws Exception {
    String url = "http://no-such-host.invalid/dns";
    assertThat(get(url, "").status()).isEqualTo(502);
    Exchange e = warden.awaitExchangeFor(url);
    assertThat(e.status()).isEqualTo(502);
    assertThat(e.error()).isNotNull();
    assertThat(e.error().kind()).isEqualTo(ExchangeError.Kind.DNS_FAILURE);
  }

  @Test
  void recordsRefusedConnectionWithThe502Sent() throws Exception {
    int closedPort;
    try (ServerSocket probe = new ServerSocket(0)) {
      closedPort = probe.getLocalPort();
    }
    String url = "http://127.0.0.1:" + closedPort + "/refused";
    assertThat(get(url, "").status()).isEqualTo(502);
    Exchange e = warden.awaitExchangeFor(url);
    assertThat(e.error().kind()).isEqualTo(ExchangeError.Kind.CONNECT_FAILED);
    assertThat(e.isError()).isTrue();
  }

  @Test
  void neverForwardsProxyAuthorizationAndLeavesAuthorizationAlone() throws Exception {
    String url = origin.url("/credentials-pass");
    get(
        url,
        "Proxy-Authorization: Basic YWxpY2U6czNjcmV0\r\nAuthorization: Bearer origin-token\r\n");
    TestOrigin.Seen seen = origin.seen().stream()
        .filter(s -> s.path().equals("/credentials-pass"))
        .findFirst()
        .orElseThrow();
    assertThat(seen.hasHeader("Proxy-Authorization")).isFalse();
    assertThat(seen.header("Authorization")).isEqualTo("Bearer origin-token");
  }

  @Test
  void recordsCredentialsWithoutTheirSecrets() throws Exception {
    String url = origin.url("/redacted");
    get(
        url,
        "Proxy-Authorization: Basic YWxpY2U6czNjcmV0\r\nAuthorization: Basic Ym9iOmh1bnRlcjI=\r\n");
    Exchange e = warden.awaitExchangeFor(url);
    String everything = e.requestHeaders().toString();
    assertThat(everything)
        .doesNotContain("YWxpY2U6czNjcmV0", "s3cret", "Ym9iOmh1bnRlcjI=", "hunter2");
    assertThat(e.requestHeader("Authorization")).contains("Basic ***");
    assertThat(e.requestHeader("Proxy-Authorization"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
  }

  @Test
  void tunnelsConnectAndRecordsIt() throws Exception {
    String authority = "127.0.0.1:" + origin.port();
    try (RawHttpConnection c = new RawHttpConnection(warden.port())) {
      RawResponse established =
          c.exchange("CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\n\r\n");
      assertThat(established.status()).isEqualTo(200);
      RawResponse inside =
          c.exchange("GET /inside-tunnel HTTP/1.1\r\nHost: " + authority + "\r\n\r\n");
      assertThat(inside.status()).isEqualTo(200);
      assertThat(inside.bodyText()).isEqualTo(TestOrigin.BODY);
    }
    Exchange e = warden.awaitExchangeFor(authority);
    assertThat(e.isConnect()).isTrue();
    assertThat(e.status()).isEqualTo(200);
  }

  @Test
  void recordsTheRequestBodyPrefixOfAForwardedPost() throws Exception {
    String url = origin.url("/posted");
    String body = "0123456789abcdef";
    try (RawHttpConnection c = new RawHttpConnection(warden.port())) {
      RawResponse response = c.exchange("POST " + url + " HTTP/1.1\r\nHost: 127.0.0.1:"
          + origin.port() + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
      assertThat(response.status()).isEqualTo(200);
    }
    Exchange e = warden.awaitExchangeFor(url);
    assertThat(e.requestBody().totalSize()).isEqualTo(16);
    assertThat(new String(e.requestBody().bytes(), StandardCharsets.US_ASCII))
        .isEqualTo("01234567");
  }

  @Test
  void closesTheClientConnectionAfterTheResponseWhenTheClientAskedTo() throws Exception {
    try (RawHttpConnection c = new RawHttpConnection(warden.port())) {
      RawResponse response = c.exchange("GET " + origin.url("/close-me")
          + " HTTP/1.1\r\nHost: 127.0.0.1:" + origin.port() + "\r\nConnection: close\r\n\r\n");
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.closesConnection()).isTrue();
      assertThat(c.isClosedByPeer(3000)).isTrue();
    }
  }
}
