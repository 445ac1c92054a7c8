package dev.warden.core.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.warden.core.auth.CredentialMaterial;
import dev.warden.core.auth.PasswordHasher;
import dev.warden.core.settings.Realm;
import dev.warden.core.settings.RealmAuth;
import dev.warden.core.settings.Settings;
import dev.warden.core.traffic.Exchange;
import dev.warden.testing.DigestAnswer;
import dev.warden.testing.RawHttpConnection;
import dev.warden.testing.RawResponse;
import dev.warden.testing.RunningWarden;
import dev.warden.testing.TestOrigin;
import dev.warden.testing.Users;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * "Copy as curl" run by the real curl against a real Warden: the copied command, given the password
 * at curl's own prompt, is answered as the original request was.
 */
@Timeout(60)
class CurlReplayIT {

  private static final Path CURL = Path.of("/usr/bin/curl");
  private static final Path SETSID = Path.of("/usr/bin/setsid");
  private static final String REALM = "Lab";
  private static final String PASSWORD = "right-pass";
  private static final AtomicInteger PATHS = new AtomicInteger();
  private static TestOrigin origin;
  private static RunningWarden warden;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(Files.isExecutable(CURL), "curl is not installed");
    assumeTrue(
        Files.isExecutable(SETSID), "setsid is not installed (curl would prompt on the terminal)");
    origin = new TestOrigin();
    Realm lab = new Realm(
        REALM,
        List.of(),
        List.of(new CredentialMaterial(new PasswordHasher(1_000))
            .user("alice", true, REALM, PASSWORD.toCharArray())),
        new RealmAuth(
            List.of("digest", "basic"), List.of("SHA-256", "MD5"), Duration.ofMinutes(5), 403));
    warden = new RunningWarden(Settings.defaults().withRealms(List.of(lab)));
  }

  @AfterAll
  static void stop() {
    if (warden != null) {
      warden.close();
      origin.close();
    }
  }

  private static String path() {
    return "/replay-" + PATHS.incrementAndGet();
  }

  @Test
  void aBasicPostWithABodyIsAnsweredAsTheOriginalWas() throws Exception {
    String url = origin.url(path() + "?q=it's");
    String body = "{\"name\":\"it's a widget\",\"qty\":3}";
    try (RawHttpConnection c = new RawHttpConnection(warden.port())) {
      RawResponse original =
          c.exchange("POST " + url + " HTTP/1.1\r\nHost: 127.0.0.1:" + origin.port()
              + "\r\nProxy-Authorization: " + Users.basic("alice", PASSWORD)
              + "\r\nContent-Type: application/json\r\nX-Trace: a'b\r\nContent-Length: "
              + body.length() + "\r\n\r\n" + body);
      assertThat(original.status()).isEqualTo(200);
    }
    Exchange original = warden.awaitExchangeFor(url);

    Exchange again = replay(original, PASSWORD);

    assertThat(again.status()).isEqualTo(200);
    assertThat(again.auth()).isEqualTo(original.auth());
    assertThat(again.method()).isEqualTo("POST");
    assertThat(again.requestBody()).isEqualTo(original.requestBody());
    assertThat(again.requestHeader("X-Trace")).contains("a'b");
    assertThat(again.requestHeader("Content-Type")).contains("application/json");
  }

  @Test
  void aDigestGetIsAnsweredAsTheOriginalWas() throws Exception {
    String url = origin.url(path());
    try (RawHttpConnection c = new RawHttpConnection(warden.port())) {
      RawResponse challenge =
          c.exchange("GET " + url + " HTTP/1.1\r\nHost: 127.0.0.1:" + origin.port() + "\r\n\r\n");
      String digest = challenge.headers("Proxy-Authenticate").stream()
          .filter(v -> v.startsWith("Digest"))
          .findFirst()
          .orElseThrow();
      RawResponse answered = c.exchange("GET " + url + " HTTP/1.1\r\nHost: 127.0.0.1:"
          + origin.port() + "\r\nProxy-Authorization: "
          + DigestAnswer.to(digest, "alice", PASSWORD).uri(url).header() + "\r\n\r\n");
      assertThat(answered.status()).isEqualTo(200);
    }
    Exchange original = warden.awaitExchange(e -> e.url().equals(url) && e.status() == 200);

    Exchange again = replay(original, PASSWORD);

    assertThat(again.status()).isEqualTo(200);
    assertThat(again.auth()).isEqualTo(original.auth());
  }

  @Test
  void aRequestWithoutCredentialsIsChallengedAgain() throws Exception {
    String url = origin.url(path());
    try (RawHttpConnection c = new RawHttpConnection(warden.port())) {
      assertThat(c.exchange(
                  "GET " + url + " HTTP/1.1\r\nHost: 127.0.0.1:" + origin.port() + "\r\n\r\n")
              .status())
          .isEqualTo(407);
    }
    Exchange original = warden.awaitExchangeFor(url);

    Exchange again = replay(original, "");

    assertThat(again.status()).isEqualTo(407);
    assertThat(again.auth()).isEqualTo(original.auth());
  }

  /**
   * Runs the copied command with curl's output cut to the status, in a session without a terminal,
   * so curl reads the password it asks for from its standard input; returns the exchange it made.
   */
  private static Exchange replay(Exchange original, String password) throws Exception {
    String command = CurlCommand.of(original, "127.0.0.1:" + warden.port());
    assertThat(command).doesNotContain(PASSWORD);
    Process curl = new ProcessBuilder(
            SETSID.toString(),
            "/bin/sh",
            "-c",
            command
                + " --silent --show-error --max-time 10 --output /dev/null --write-out '%{http_code}'")
        .start();
    curl.getOutputStream().write((password + "\n").getBytes(StandardCharsets.UTF_8));
    curl.getOutputStream().close();
    assertThat(curl.waitFor(20, TimeUnit.SECONDS)).isTrue();
    String err = new String(curl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    String status = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(status)
        .as("curl said %s; command: %s", err, command)
        .isEqualTo(Integer.toString(original.status()));
    return warden.awaitExchange(e -> e.id() > original.id()
        && e.url().equals(original.url())
        && e.status() == original.status());
  }
}
