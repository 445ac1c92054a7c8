package dev.warden.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.auth.AuthOutcome;
import dev.warden.core.auth.ChallengeReason;
import dev.warden.core.auth.CredentialMaterial;
import dev.warden.core.auth.RequestBody;
import dev.warden.core.settings.Realm;
import dev.warden.core.settings.RealmAuth;
import dev.warden.core.settings.Settings;
import dev.warden.core.traffic.Exchange;
import dev.warden.testing.DigestAnswer;
import dev.warden.testing.RawHttpConnection;
import dev.warden.testing.RawResponse;
import dev.warden.testing.RunningWarden;
import dev.warden.testing.TestOrigin;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Digest {@code qop=auth-int} on raw sockets (curl has no auth-int): the response covers the request
 * body, which Warden holds (up to 1 MiB) before judging, then forwards.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DigestAuthIntIT {

  private static final String REALM = "Lab";
  private static final AtomicInteger PATHS = new AtomicInteger();
  private static TestOrigin origin;
  private static RunningWarden warden;
  private RawHttpConnection connection;

  @BeforeAll
  static void start() throws Exception {
    origin = new TestOrigin();
    Realm lab = new Realm(
        REALM,
        List.of(),
        List.of(new CredentialMaterial().user("alice", true, REALM, "s3cret".toCharArray())),
        new RealmAuth(
            List.of("digest"), List.of("SHA-256", "MD5"), Duration.ofMinutes(5), 403, true));
    warden = new RunningWarden(Settings.defaults().withRealms(List.of(lab)));
  }

  @AfterAll
  static void stop() {
    warden.close();
    origin.close();
  }

  @BeforeEach
  void open() throws Exception {
    authInt(true);
    connection = new RawHttpConnection(warden.port());
  }

  private static void authInt(boolean on) throws Exception {
    warden.update(s -> s.withRealms(
        List.of(s.realms().get(0).withAuth(s.realms().get(0).auth().withAuthInt(on)))));
  }

  private static String path() {
    return "/auth-int-" + PATHS.incrementAndGet();
  }

  private String challenge() throws Exception {
    RawResponse challenged = connection.exchange(
        "GET " + origin.url(path()) + " HTTP/1.1\r\nHost: 127.0.0.1:" + origin.port() + "\r\n\r\n");
    assertThat(challenged.status()).isEqualTo(407);
    return challenged.headers("Proxy-Authenticate").get(0);
  }

  private RawResponse post(String path, String authorization, byte[] body) throws Exception {
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    request.writeBytes(
        ("POST " + origin.url(path) + " HTTP/1.1\r\nHost: 127.0.0.1:" + origin.port() + "\r\n"
                + "Proxy-Authorization: " + authorization
                + "\r\nContent-Type: application/octet-stream\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    request.writeBytes(body);
    connection.send(request.toByteArray());
    return connection.read(false);
  }

  private static Exchange recorded(String path) throws Exception {
    return warden.awaitExchange(e -> e.url().endsWith(path));
  }

  private static ChallengeReason reason(String path) throws Exception {
    return ((AuthOutcome.Challenged) warden
            .awaitExchange(
                e -> e.url().endsWith(path) && e.auth() instanceof AuthOutcome.Challenged)
            .auth())
        .reason();
  }

  @Test
  void offersAuthIntBesideAuthOnlyWhereTheRealmTurnsItOn() throws Exception {
    assertThat(challenge()).contains("qop=\"auth,auth-int\"");
    authInt(false);
    assertThat(challenge()).contains("qop=\"auth\"").doesNotContain("auth-int");
  }

  @Test
  void acceptsAPostWhoseResponseCoversItsBodyAndForwardsTheBody() throws Exception {
    byte[] body = "amount=10&to=bob".getBytes(StandardCharsets.UTF_8);
    String path = path();
    String answer = DigestAnswer.to(challenge(), "alice", "s3cret")
        .uri(path)
        .method("POST")
        .authInt(body)
        .header();

    RawResponse accepted = post(path, answer, body);

    assertThat(accepted.status()).isEqualTo(200);
    assertThat(accepted.bodyText()).isEqualTo(TestOrigin.BODY);
    assertThat(accepted.header("Proxy-Authentication-Info"))
        .contains("qop=auth-int")
        .doesNotContain("rspauth");
    Exchange exchange = recorded(path);
    assertThat(exchange.auth()).isEqualTo(new AuthOutcome.Authenticated("Digest", "alice", REALM));
    assertThat(exchange.requestBody().totalSize()).isEqualTo(body.length);
    assertThat(new String(exchange.requestBody().bytes(), StandardCharsets.UTF_8))
        .isEqualTo("amount=10&to=bob");
  }

  @Test
  void acceptsAnEmptyBody() throws Exception {
    String path = path();
    String answer = DigestAnswer.to(challenge(), "alice", "s3cret")
        .uri(path)
        .method("POST")
        .authInt(new byte[0])
        .header();

    assertThat(post(path, answer, new byte[0]).status()).isEqualTo(200);
  }

  @Test
  void refusesATamperedBodyAsABadResponseAndKeepsTheConnectionUsable() throws Exception {
    String path = path();
    String answer = DigestAnswer.to(challenge(), "alice", "s3cret")
        .uri(path)
        .method("POST")
        .authInt("amount=10".getBytes(StandardCharsets.UTF_8))
        .header();

    RawResponse refused = post(path, answer, "amount=99".getBytes(StandardCharsets.UTF_8));

    assertThat(refused.status()).isEqualTo(407);
    assertThat(reason(path)).isEqualTo(ChallengeReason.BAD_RESPONSE);
    String next = path();
    byte[] body = "amount=10".getBytes(StandardCharsets.UTF_8);
    String good = DigestAnswer.to(challenge(), "alice", "s3cret")
        .uri(next)
        .method("POST")
        .authInt(body)
        .header();
    assertThat(post(next, good, body).status()).isEqualTo(200);
  }

  @Test
  void refusesABodyOverOneMebibyteWithItsReason() throws Exception {
    byte[] body = new byte[RequestBody.MAX_BYTES + 100];
    Arrays.fill(body, (byte) 'x');
    String path = path();
    String answer = DigestAnswer.to(challenge(), "alice", "s3cret")
        .uri(path)
        .method("POST")
        .authInt(body)
        .header();

    RawResponse refused = post(path, answer, body);

    assertThat(refused.status()).isEqualTo(407);
    AuthOutcome.Challenged outcome = (AuthOutcome.Challenged) warden
        .awaitExchange(e -> e.url().endsWith(path) && e.auth() instanceof AuthOutcome.Challenged)
        .auth();
    assertThat(outcome.reason()).isEqualTo(ChallengeReason.BODY_NOT_VERIFIABLE);
    assertThat(outcome.describe()).contains("body over 1024 KiB");
  }

  @Test
  void refusesAuthIntWhereTheRealmDoesNotOfferIt() throws Exception {
    String challenge = challenge();
    authInt(false);
    byte[] body = "a=1".getBytes(StandardCharsets.UTF_8);
    String path = path();
    String answer = DigestAnswer.to(challenge, "alice", "s3cret")
        .uri(path)
        .method("POST")
        .authInt(body)
        .header();

    assertThat(post(path, answer, body).status()).isEqualTo(407);
    assertThat(reason(path)).isEqualTo(ChallengeReason.QOP_NOT_OFFERED);
  }

  @Test
  void holdsAChunkedBodyToo() throws Exception {
    String path = path();
    byte[] body = "hello, chunked world".getBytes(StandardCharsets.UTF_8);
    String answer = DigestAnswer.to(challenge(), "alice", "s3cret")
        .uri(path)
        .method("POST")
        .authInt(body)
        .header();

    connection.send(
        "POST " + origin.url(path) + " HTTP/1.1\r\nHost: 127.0.0.1:" + origin.port() + "\r\n"
            + "Proxy-Authorization: " + answer + "\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "7\r\nhello, \r\n" + "d\r\nchunked world\r\n" + "0\r\n\r\n");
    RawResponse accepted = connection.read(false);

    assertThat(accepted.status()).isEqualTo(200);
    assertThat(new String(recorded(path).requestBody().bytes(), StandardCharsets.UTF_8))
        .isEqualTo("hello, chunked world");
  }
}
