package dev.warden.core.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.core.auth.AuthOutcome;
import dev.warden.core.auth.ChallengeReason;
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
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Resend through a real Warden to a real origin, judged and recorded like any client's request. */
class ResenderIT {

  private static final String REALM = "Lab";
  private static final AtomicInteger PATHS = new AtomicInteger();
  private static TestOrigin origin;
  private static RunningWarden warden;
  private static Resender resender;

  @BeforeAll
  static void start() throws Exception {
    origin = new TestOrigin();
    CredentialMaterial material = new CredentialMaterial(new PasswordHasher(1_000));
    Realm lab = new Realm(
        REALM,
        List.of(),
        List.of(
            material.user("alice", true, REALM, "alice-pass".toCharArray()),
            material.user("bob", true, REALM, "bob-pass".toCharArray())),
        new RealmAuth(
            List.of("digest", "basic"), List.of("SHA-256", "MD5"), Duration.ofMinutes(5), 403));
    warden = new RunningWarden(Settings.defaults().withRealms(List.of(lab)));
    resender = new Resender(new InetSocketAddress("127.0.0.1", warden.port()));
  }

  @AfterAll
  static void stop() {
    warden.close();
    origin.close();
  }

  private static Exchange postAsAlice() throws Exception {
    String url = origin.url("/resend-" + PATHS.incrementAndGet());
    try (RawHttpConnection c = new RawHttpConnection(warden.port())) {
      c.exchange("POST " + url + " HTTP/1.1\r\nHost: 127.0.0.1:" + origin.port()
          + "\r\nProxy-Authorization: " + Users.basic("alice", "alice-pass")
          + "\r\nContent-Type: text/plain\r\nX-Trace: 7\r\nContent-Length: 5\r\n\r\nhello");
    }
    return warden.awaitExchangeFor(url);
  }

  private static Exchange linkedTo(Exchange original) throws InterruptedException {
    return warden.awaitExchange(e -> e.id() > original.id()
        && e.requestHeader(Resender.LINK_HEADER)
            .filter(Long.toString(original.id())::equals)
            .isPresent());
  }

  @Test
  void resendsAsAnotherUserAsANewLinkedExchange() throws Exception {
    Exchange original = postAsAlice();
    char[] password = "bob-pass".toCharArray();

    int status = resender
        .resend(original, new ResendCredentials.AsUser("bob", password))
        .get(20, TimeUnit.SECONDS);

    assertThat(status).isEqualTo(200);
    Exchange again = linkedTo(original);
    assertThat(again.auth()).isEqualTo(new AuthOutcome.Authenticated("Basic", "bob", REALM));
    assertThat(again.url()).isEqualTo(original.url());
    assertThat(again.requestBody()).isEqualTo(original.requestBody());
    assertThat(again.requestHeader("X-Trace")).contains("7");
    assertThat(password).containsOnly('\0');
  }

  @Test
  void resendsWithoutCredentialsAndIsChallenged() throws Exception {
    Exchange original = postAsAlice();

    assertThat(resender.resend(original, ResendCredentials.NONE).get(20, TimeUnit.SECONDS))
        .isEqualTo(407);

    Exchange again = linkedTo(original);
    assertThat(again.auth())
        .isInstanceOfSatisfying(
            AuthOutcome.Challenged.class,
            c -> assertThat(c.reason()).isEqualTo(ChallengeReason.MISSING));
  }

  @Test
  void answersDigestWhenTheOriginalUsedDigest() throws Exception {
    String url = origin.url("/resend-digest-" + PATHS.incrementAndGet());
    try (RawHttpConnection c = new RawHttpConnection(warden.port())) {
      RawResponse challenge =
          c.exchange("GET " + url + " HTTP/1.1\r\nHost: 127.0.0.1:" + origin.port() + "\r\n\r\n");
      String digest = challenge.headers("Proxy-Authenticate").stream()
          .filter(v -> v.startsWith("Digest"))
          .findFirst()
          .orElseThrow();
      c.exchange("GET " + url + " HTTP/1.1\r\nHost: 127.0.0.1:" + origin.port()
          + "\r\nProxy-Authorization: "
          + DigestAnswer.to(digest, "alice", "alice-pass").uri(url).header() + "\r\n\r\n");
    }
    Exchange original = warden.awaitExchange(e -> e.url().equals(url) && e.status() == 200);

    int status = resender
        .resend(original, new ResendCredentials.AsUser("alice", "alice-pass".toCharArray()))
        .get(20, TimeUnit.SECONDS);

    assertThat(status).isEqualTo(200);
    assertThat(warden
            .awaitExchange(
                e -> e.id() > original.id() && e.status() == 200 && e.url().equals(url))
            .auth())
        .isEqualTo(new AuthOutcome.Authenticated("Digest", "alice", REALM));
  }

  @Test
  void refusesAConnectAndSaysWhy() {
    Exchange connect = Recorded.get("x.test:443", List.of());
    Exchange tunnel = new Exchange(
        1,
        1,
        "c",
        connect.started(),
        null,
        Duration.ZERO,
        "CONNECT",
        "x.test:443",
        "HTTP/1.1",
        List.of(),
        List.of(),
        connect.requestBody(),
        connect.responseBody(),
        200,
        connect.auth(),
        null);

    assertThatThrownBy(() -> resender.resend(tunnel, ResendCredentials.NONE).get())
        .isInstanceOf(ExecutionException.class)
        .hasMessageContaining("a CONNECT opens a tunnel");
  }
}
