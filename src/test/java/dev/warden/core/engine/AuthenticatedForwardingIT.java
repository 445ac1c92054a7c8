package dev.warden.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.warden.core.auth.AuthOutcome;
import dev.warden.core.settings.Realm;
import dev.warden.core.traffic.Exchange;
import dev.warden.testing.RawHttpConnection;
import dev.warden.testing.RawResponse;
import dev.warden.testing.RunningWarden;
import dev.warden.testing.TestOrigin;
import dev.warden.testing.TunnelPorts;
import dev.warden.testing.Users;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Valid credentials on the wire, with raw sockets and with real clients. */
class AuthenticatedForwardingIT {

  private static TestOrigin origin;
  private static RunningWarden warden;

  @BeforeAll
  static void start() throws Exception {
    origin = new TestOrigin();
    warden = new RunningWarden(TunnelPorts.allowing(
        Users.realmWith("Warden", Users.user("alice", "s3cret")), origin.port()));
  }

  @AfterAll
  static void stop() {
    warden.close();
    origin.close();
  }

  private static String get(String path, String credentials) {
    String header = credentials == null ? "" : "Proxy-Authorization: " + credentials + "\r\n";
    return "GET " + origin.url(path) + " HTTP/1.1\r\nHost: 127.0.0.1:" + origin.port() + "\r\n"
        + header + "\r\n";
  }

  @Test
  void acceptsTheAuthenticatedRetryOnTheSameSocket() throws Exception {
    try (RawHttpConnection c = new RawHttpConnection(warden.port())) {
      assertThat(c.exchange(get("/retry", null)).status()).isEqualTo(407);
      RawResponse retried = c.exchange(get("/retry", Users.basic("alice", "s3cret")));
      assertThat(retried.status()).isEqualTo(200);
      assertThat(retried.bodyText()).isEqualTo(TestOrigin.BODY);
    }
    Exchange accepted =
        warden.awaitExchange(e -> e.url().equals(origin.url("/retry")) && e.status() == 200);
    assertThat(accepted.auth())
        .isEqualTo(new AuthOutcome.Authenticated("Basic", "alice", "Warden"));
  }

  @Test
  void originNeverSeesProxyAuthorizationButGetsAuthorization() throws Exception {
    try (RawHttpConnection c = new RawHttpConnection(warden.port())) {
      String request = "GET " + origin.url("/forwarded-headers") + " HTTP/1.1\r\nHost: 127.0.0.1:"
          + origin.port()
          + "\r\nProxy-Authorization: " + Users.basic("alice", "s3cret")
          + "\r\nAuthorization: Basic b3JpZ2luOnRva2Vu\r\n\r\n";
      assertThat(c.exchange(request).status()).isEqualTo(200);
    }
    TestOrigin.Seen seen = origin.seen().stream()
        .filter(s -> s.path().equals("/forwarded-headers"))
        .findFirst()
        .orElseThrow();
    assertThat(seen.hasHeader("Proxy-Authorization")).isFalse();
    assertThat(seen.header("Authorization")).isEqualTo("Basic b3JpZ2luOnRva2Vu");
  }

  @Test
  void authenticatesConnectAndNeverChallengesInsideTheTunnel() throws Exception {
    String authority = "127.0.0.1:" + origin.port();
    try (RawHttpConnection c = new RawHttpConnection(warden.port())) {
      RawResponse established = c.exchange("CONNECT " + authority + " HTTP/1.1\r\nHost: "
          + authority + "\r\nProxy-Authorization: " + Users.basic("alice", "s3cret") + "\r\n\r\n");
      assertThat(established.status()).isEqualTo(200);
      for (int i = 0; i < 2; i++) {
        RawResponse inside =
            c.exchange("GET /tunnel-" + i + " HTTP/1.1\r\nHost: " + authority + "\r\n\r\n");
        assertThat(inside.status()).isEqualTo(200);
      }
    }
    Exchange tunnel =
        warden.awaitExchange(e -> e.isConnect() && e.url().equals(authority) && e.status() == 200);
    assertThat(tunnel.user()).contains("alice");
    assertThat(origin.seen()).filteredOn(s -> s.path().startsWith("/tunnel-")).hasSize(2);
  }

  @Test
  void appliesTheRealmWhosePatternMatchesTheDestination() throws Exception {
    warden.update(s -> s.withRealms(List.of(
        new Realm(
            "Loopback",
            List.of("127.0.0.1:" + origin.port()),
            List.of(Users.user("carol", "c4rol"))),
        s.realms().get(0))));
    try (RawHttpConnection c = new RawHttpConnection(warden.port())) {
      RawResponse challenged = c.exchange(get("/by-pattern", Users.basic("alice", "s3cret")));
      assertThat(challenged.header("Proxy-Authenticate"))
          .isEqualTo("Basic realm=\"Loopback\", charset=\"UTF-8\"");
      assertThat(c.exchange(get("/by-pattern-2", Users.basic("carol", "c4rol"))).status())
          .isEqualTo(200);
    } finally {
      warden.update(s -> s.withRealms(List.of(s.realms().get(1))));
    }
  }

  @Test
  void escapesQuoteAndBackslashOfTheRealmInTheChallenge() throws Exception {
    String realm = "Corp \"West\" \\ Lab";
    warden.update(s -> s.withRealms(List.of(s.realms().get(0).withName(realm))));
    try (RawHttpConnection c = new RawHttpConnection(warden.port())) {
      assertThat(c.exchange(get("/escaped", null)).header("Proxy-Authenticate"))
          .isEqualTo("Basic realm=\"Corp \\\"West\\\" \\\\ Lab\", charset=\"UTF-8\"");
    } finally {
      warden.update(s -> s.withRealms(List.of(s.realms().get(0).withName("Warden"))));
    }
  }

  @Test
  void javaHttpClientAnswersTheChallengeAndGetsThrough() throws Exception {
    HttpClient client = HttpClient.newBuilder()
        .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", warden.port())))
        .authenticator(new Authenticator() {
          @Override
          protected PasswordAuthentication getPasswordAuthentication() {
            return getRequestorType() == RequestorType.PROXY
                ? new PasswordAuthentication("alice", "s3cret".toCharArray())
                : null;
          }
        })
        .connectTimeout(Duration.ofSeconds(5))
        .build();
    HttpResponse<String> response = client.send(
        HttpRequest.newBuilder(URI.create(origin.url("/java-client")))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(TestOrigin.BODY);
  }

  @Test
  void curlGetsThroughWithProxyUser() throws Exception {
    assumeThat(Files.isExecutable(Path.of("/usr/bin/curl")))
        .as("curl installed")
        .isTrue();
    Process curl = new ProcessBuilder(
            "/usr/bin/curl",
            "-s",
            "-o",
            "/dev/null",
            "-w",
            "%{http_code}",
            "--proxy",
            "http://127.0.0.1:" + warden.port(),
            "--proxy-user",
            "alice:s3cret",
            "--proxy-anyauth",
            origin.url("/curl"))
        .redirectErrorStream(true)
        .start();
    assertThat(curl.waitFor(15, TimeUnit.SECONDS)).isTrue();
    assertThat(new String(curl.getInputStream().readAllBytes())).isEqualTo("200");
  }
}
