package dev.warden.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.warden.core.traffic.Exchange;
import dev.warden.testing.RawHttpConnection;
import dev.warden.testing.RunningWarden;
import dev.warden.testing.TestOrigin;
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
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real clients through a real Warden (LittleProxy on loopback) to a real origin, linked live. */
class ConversationsEndToEndIT {

  private static TestOrigin origin;
  private static RunningWarden warden;

  @BeforeAll
  static void start() throws Exception {
    origin = new TestOrigin();
    warden = new RunningWarden(Users.realmWith("Corp", Users.user("alice", "s3cret")));
  }

  @AfterAll
  static void stop() {
    warden.close();
    origin.close();
  }

  private static Conversation conversationOf(Exchange e) throws Exception {
    warden.warden().conversations().caughtUp().get(5, TimeUnit.SECONDS);
    return warden.warden().conversations().ofExchange(e.id()).orElseThrow();
  }

  @Test
  void javaHttpClientsChallengeAndRetryAreOneConversation() throws Exception {
    HttpClient client = HttpClient.newBuilder()
        .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", warden.port())))
        .authenticator(new Authenticator() {
          @Override
          protected PasswordAuthentication getPasswordAuthentication() {
            return new PasswordAuthentication("alice", "s3cret".toCharArray());
          }
        })
        .build();
    String url = origin.url("/java-conversation");
    HttpResponse<String> response = client.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);

    Exchange challenge = warden.awaitExchange(e -> e.url().equals(url) && e.isChallenge());
    Exchange retry = warden.awaitExchange(e -> e.url().equals(url) && e.status() == 200);
    Conversation c = conversationOf(retry);

    assertThat(c.steps())
        .extracting(ConversationStep::exchangeId)
        .containsExactly(challenge.id(), retry.id());
    assertThat(c.verdict()).isEqualTo(ConversationVerdict.AUTHENTICATED);
    assertThat(c.sentence()).matches("retried after \\d+ ms with Basic as alice → 200");
  }

  @Test
  void aRawClientThatClosesAfterThe407IsNeverRetried() throws Exception {
    // a log of its own with a short window, so the test need not wait the default 5 s
    try (ConversationLog log = new ConversationLog(
        warden.warden().traffic(),
        new Conversations(100, Duration.ofMillis(300), Duration.ofMinutes(2)),
        Clock.systemUTC())) {
      String url = origin.url("/gives-up");
      try (RawHttpConnection c = new RawHttpConnection(warden.port())) {
        assertThat(c.exchange("GET " + url + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                .status())
            .isEqualTo(407);
      }
      Exchange challenge = warden.awaitExchangeFor(url);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (log.ofExchange(challenge.id()).map(Conversation::verdict).orElse(null)
              != ConversationVerdict.NEVER_RETRIED
          && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      Conversation c = log.ofExchange(challenge.id()).orElseThrow();
      assertThat(c.verdict()).isEqualTo(ConversationVerdict.NEVER_RETRIED);
      assertThat(c.sentence()).startsWith("never retried");
    }
  }

  @Test
  void aRawClientRepeatingAWrongPasswordIsSaidToDoSo() throws Exception {
    String url = origin.url("/same-wrong");
    String wrong = "GET " + url + " HTTP/1.1\r\nHost: 127.0.0.1\r\nProxy-Authorization: "
        + Users.basic("alice", "guess") + "\r\n\r\n";
    try (RawHttpConnection c = new RawHttpConnection(warden.port())) {
      assertThat(
              c.exchange("GET " + url + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").status())
          .isEqualTo(407);
      assertThat(c.exchange(wrong).status()).isEqualTo(407);
      assertThat(c.exchange(wrong).status()).isEqualTo(407);
    }
    Exchange last = warden.awaitExchange(e -> e.url().equals(url)
        && e.user().isEmpty()
        && e.received().scheme().equals("Basic")
        && countFor(url) == 3);
    Conversation c = conversationOf(last);

    assertThat(c.attempts()).isEqualTo(3);
    assertThat(c.verdict()).isEqualTo(ConversationVerdict.SAME_WRONG_CREDENTIALS);
    assertThat(c.sentence())
        .isEqualTo(
            "retried with the same wrong credentials: Basic as alice, 2 times → 407 (wrong password)");
  }

  @Test
  void curlWithProxyUserSendsCredentialsBeforeAnyChallenge() throws Exception {
    assumeThat(Files.isExecutable(Path.of("/usr/bin/curl")))
        .as("curl installed")
        .isTrue();
    String url = origin.url("/curl-pre-emptive");
    Process curl = new ProcessBuilder(
            "/usr/bin/curl",
            "-s",
            "-o",
            "/dev/null",
            "--proxy",
            "http://127.0.0.1:" + warden.port(),
            "--proxy-user",
            "alice:s3cret",
            url)
        .redirectErrorStream(true)
        .start();
    assertThat(curl.waitFor(15, TimeUnit.SECONDS)).isTrue();
    Conversation c = conversationOf(warden.awaitExchangeFor(url));

    assertThat(c.verdict()).isEqualTo(ConversationVerdict.PRE_EMPTIVE);
    assertThat(c.sentence())
        .isEqualTo("sent credentials before any challenge (pre-emptive) with Basic as alice → 200");
  }

  private static long countFor(String url) {
    return warden.warden().traffic().snapshot().stream()
        .filter(e -> e.url().equals(url))
        .count();
  }
}
