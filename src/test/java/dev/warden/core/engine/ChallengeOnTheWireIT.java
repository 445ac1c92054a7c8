package dev.warden.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.auth.AuthOutcome;
import dev.warden.core.auth.ChallengeReason;
import dev.warden.core.settings.Settings;
import dev.warden.core.traffic.Exchange;
import dev.warden.testing.RawHttpConnection;
import dev.warden.testing.RawResponse;
import dev.warden.testing.RunningWarden;
import dev.warden.testing.TestOrigin;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The exact 407 as it goes over a socket, with enforcement on and no valid credentials. */
class ChallengeOnTheWireIT {

  private static TestOrigin origin;
  private static RunningWarden warden;

  @BeforeAll
  static void start() throws Exception {
    origin = new TestOrigin();
    warden = new RunningWarden(Settings.defaults());
  }

  @AfterAll
  static void stop() {
    warden.close();
    origin.close();
  }

  private static String get(String url) {
    return "GET " + url + " HTTP/1.1\r\nHost: " + hostOf(url) + "\r\n\r\n";
  }

  private static String hostOf(String url) {
    return url.replaceFirst("^http://", "").replaceFirst("/.*$", "");
  }

  @Test
  void answersRequestWithoutCredentialsWith407StatusLine() throws Exception {
    try (RawHttpConnection c = new RawHttpConnection(warden.port())) {
      RawResponse response = c.exchange(get(origin.url("/status-line")));
      assertThat(response.statusLine()).isEqualTo("HTTP/1.1 407 Proxy Authentication Required");
      assertThat(response.headers("Proxy-Authenticate"))
          .containsExactly("Basic realm=\"Warden\", charset=\"UTF-8\"");
    }
    assertThat(origin.seen()).noneMatch(s -> s.path().equals("/status-line"));
  }

  @Test
  void framesThe407WithLengthTypeAndDate() throws Exception {
    try (RawHttpConnection c = new RawHttpConnection(warden.port())) {
      RawResponse response = c.exchange(get(origin.url("/framing")));
      assertThat(response.header("Content-Length"))
          .isEqualTo(String.valueOf(response.body().length));
      assertThat(response.body().length).isPositive().isLessThan(1024);
      assertThat(response.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
      assertThat(response.header("Date"))
          .matches("\\w{3}, \\d{2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
      assertThat(response.header("Transfer-Encoding")).isNull();
    }
  }

  @Test
  void sendsNoBodyInReplyToHead() throws Exception {
    try (RawHttpConnection c = new RawHttpConnection(warden.port())) {
      String url = origin.url("/head");
      RawResponse response =
          c.exchange("HEAD " + url + " HTTP/1.1\r\nHost: " + hostOf(url) + "\r\n\r\n");
      assertThat(response.status()).isEqualTo(407);
      // The next request's status line must come first on the wire: no stray body bytes between.
      RawResponse next = c.exchange(get(origin.url("/after-head")));
      assertThat(next.statusLine()).startsWith("HTTP/1.1 407");
    }
  }

  @Test
  void keepsConnectionOpenAfterChallenge() throws Exception {
    try (RawHttpConnection c = new RawHttpConnection(warden.port())) {
      RawResponse first = c.exchange(get(origin.url("/keep-1")));
      assertThat(first.status()).isEqualTo(407);
      assertThat(first.closesConnection()).isFalse();
      RawResponse second = c.exchange(get(origin.url("/keep-2")));
      assertThat(second.status()).isEqualTo(407);
    }
    Exchange a = warden.awaitExchangeFor(origin.url("/keep-1"));
    Exchange b = warden.awaitExchangeFor(origin.url("/keep-2"));
    assertThat(a.connectionId()).isEqualTo(b.connectionId());
  }

  @Test
  void closesAfterChallengeForHttp10ClientWithoutKeepAlive() throws Exception {
    try (RawHttpConnection c = new RawHttpConnection(warden.port())) {
      String url = origin.url("/http10");
      RawResponse response = c.exchange("GET " + url + " HTTP/1.0\r\n\r\n");
      assertThat(response.status()).isEqualTo(407);
      assertThat(response.closesConnection()).isTrue();
      assertThat(c.isClosedByPeer(3000)).isTrue();
    }
  }

  @Test
  void confirmsKeepAliveToHttp10ClientThatAskedForIt() throws Exception {
    try (RawHttpConnection c = new RawHttpConnection(warden.port())) {
      String url = origin.url("/http10-ka");
      RawResponse response =
          c.exchange("GET " + url + " HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
      assertThat(response.status()).isEqualTo(407);
      assertThat(response.header("Connection")).isEqualToIgnoringCase("keep-alive");
      assertThat(c.exchange(get(origin.url("/http10-ka-2"))).status()).isEqualTo(407);
    }
  }

  @Test
  void challengesUnresolvableHostInsteadOfLookingItUp() throws Exception {
    String url = "http://no-such-host.invalid/probe";
    try (RawHttpConnection c = new RawHttpConnection(warden.port())) {
      assertThat(c.exchange(get(url)).status()).isEqualTo(407);
    }
    Exchange recorded = warden.awaitExchangeFor(url);
    assertThat(recorded.error()).isNull();
    assertThat(recorded.auth()).isInstanceOf(AuthOutcome.Challenged.class);
  }

  @Test
  void challengesClosedPortInsteadOfConnecting() throws Exception {
    int closedPort;
    try (ServerSocket probe = new ServerSocket(0)) {
      closedPort = probe.getLocalPort();
    }
    String url = "http://127.0.0.1:" + closedPort + "/closed";
    try (RawHttpConnection c = new RawHttpConnection(warden.port())) {
      assertThat(c.exchange(get(url)).status()).isEqualTo(407);
    }
    assertThat(warden.awaitExchangeFor(url).error()).isNull();
  }

  @Test
  void challengesConnectWithoutCredentials() throws Exception {
    try (RawHttpConnection c = new RawHttpConnection(warden.port())) {
      String authority = "127.0.0.1:" + origin.port();
      RawResponse response =
          c.exchange("CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\n\r\n");
      assertThat(response.status()).isEqualTo(407);
      assertThat(response.header("Proxy-Authenticate")).startsWith("Basic realm=");
      assertThat(response.header("Content-Length"))
          .isEqualTo(String.valueOf(response.body().length));
      assertThat(response.closesConnection()).isFalse();
    }
  }

  @Test
  void recordsTheChallengeWithItsReasonAndHeaders() throws Exception {
    String url = origin.url("/recorded");
    try (RawHttpConnection c = new RawHttpConnection(warden.port())) {
      c.exchange(get(url));
    }
    Exchange recorded = warden.awaitExchangeFor(url);
    assertThat(recorded.status()).isEqualTo(407);
    assertThat(recorded.auth())
        .isInstanceOfSatisfying(
            AuthOutcome.Challenged.class,
            c -> assertThat(c.reason()).isEqualTo(ChallengeReason.MISSING));
    assertThat(recorded.responseHeader("Proxy-Authenticate"))
        .contains("Basic realm=\"Warden\", charset=\"UTF-8\"");
    assertThat(recorded.client()).startsWith("127.0.0.1:");
    assertThat(recorded.protocol()).isEqualTo("HTTP/1.1");
  }

  @Test
  void discardsTheBodyOfARefusedPostAndKeepsTheConnectionInStep() throws Exception {
    try (RawHttpConnection c = new RawHttpConnection(warden.port())) {
      String url = origin.url("/post");
      String body = "{\"name\":\"value\"}";
      RawResponse refused = c.exchange("POST " + url + " HTTP/1.1\r\nHost: " + hostOf(url)
          + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n"
          + body);
      assertThat(refused.status()).isEqualTo(407);
      assertThat(c.exchange(get(origin.url("/after-post"))).statusLine())
          .startsWith("HTTP/1.1 407");
    }
    assertThat(origin.seen()).noneMatch(s -> s.path().equals("/post"));
  }

  @Test
  void sendsHeaderNamesInTheirCustomaryCase() throws Exception {
    try (RawHttpConnection c = new RawHttpConnection(warden.port())) {
      RawResponse response = c.exchange(get(origin.url("/case")));
      assertThat(response.headers())
          .extracting(h -> h[0])
          .contains("Proxy-Authenticate", "Content-Type", "Content-Length", "Date");
    }
  }
}
