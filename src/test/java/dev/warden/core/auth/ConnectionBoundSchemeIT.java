package dev.warden.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.settings.Realm;
import dev.warden.core.settings.RealmAuth;
import dev.warden.core.settings.Settings;
import dev.warden.testing.RawHttpConnection;
import dev.warden.testing.RawResponse;
import dev.warden.testing.RunningWarden;
import dev.warden.testing.TestOrigin;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The seam's "continue" verdict through a real Warden, with a two-round scheme registered by the test
 * ({@link KnockScheme}): the second message counts only on the connection that got the first
 * challenge, whose auth state is dropped when it closes.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConnectionBoundSchemeIT {

  private static final String REALM = "Lab";
  private TestOrigin origin;
  private RunningWarden warden;
  private KnockScheme knock;

  @BeforeEach
  void start() throws Exception {
    start(false);
  }

  /** A Warden whose realm offers only the test scheme (the validator knows only the built-in ones). */
  private void start(boolean closeAfterChallenge) throws Exception {
    if (warden != null) {
      stop();
    }
    origin = new TestOrigin();
    knock = new KnockScheme();
    AuthState state = new AuthState();
    state.addScheme("knock", ignored -> knock);
    Realm lab = new Realm(
        REALM,
        List.of(),
        List.of(new CredentialMaterial().user("alice", true, REALM, "s3cret".toCharArray())),
        new RealmAuth(List.of("knock"), List.of("SHA-256"), Duration.ofMinutes(5), 403));
    warden = new RunningWarden(
        Settings.defaults().withRealms(List.of(lab)).withCloseAfterChallenge(closeAfterChallenge),
        state);
  }

  @AfterEach
  void stop() {
    warden.close();
    origin.close();
  }

  private RawResponse get(RawHttpConnection connection, String path, String message)
      throws Exception {
    String header = message == null
        ? ""
        : "Proxy-Authorization: Knock "
            + Base64.getEncoder().encodeToString(message.getBytes(StandardCharsets.UTF_8)) + "\r\n";
    return connection.exchange("GET " + origin.url(path) + " HTTP/1.1\r\nHost: 127.0.0.1:"
        + origin.port() + "\r\n" + header + "\r\n");
  }

  /** The client's proof, computed here without Warden's code: hex(HMAC-SHA256(hex(SHA-256(user:realm:password)), token)). */
  private static String proof(String user, String password, String tokenBase64) throws Exception {
    String ha1 = HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256")
            .digest((user + ":" + REALM + ":" + password).getBytes(StandardCharsets.UTF_8)));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(ha1.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
    return "proof:"
        + HexFormat.of().formatHex(mac.doFinal(Base64.getDecoder().decode(tokenBase64)));
  }

  /** Round 1 on {@code connection}: the 407 that continues the handshake, and its server token. */
  private String roundOne(RawHttpConnection connection, String path) throws Exception {
    RawResponse continued = get(connection, path, "hello:alice");
    assertThat(continued.status()).isEqualTo(407);
    assertThat(continued.headers("Proxy-Authenticate")).hasSize(1);
    String challenge = continued.header("Proxy-Authenticate");
    assertThat(challenge).startsWith("Knock ");
    return challenge.substring("Knock ".length());
  }

  private AuthOutcome recorded(String path) throws Exception {
    return warden.awaitExchange(e -> e.url().endsWith(path)).auth();
  }

  @Test
  void completesBothRoundsOnOneConnection() throws Exception {
    try (RawHttpConnection connection = new RawHttpConnection(warden.port())) {
      RawResponse first = get(connection, "/knock-0", null);
      assertThat(first.status()).isEqualTo(407);
      assertThat(first.headers("Proxy-Authenticate")).containsExactly("Knock realm=\"Lab\"");

      String token = roundOne(connection, "/knock-1");
      assertThat(recorded("/knock-1"))
          .isEqualTo(new AuthOutcome.Challenged(
              ChallengeReason.HANDSHAKE_CONTINUES, "server token sent", REALM, "Knock", "alice"));

      RawResponse done = get(connection, "/knock-2", proof("alice", "s3cret", token));
      assertThat(done.status()).isEqualTo(200);
      assertThat(done.bodyText()).isEqualTo(TestOrigin.BODY);
      assertThat(recorded("/knock-2"))
          .isEqualTo(new AuthOutcome.Authenticated("Knock", "alice", REALM));
    }
  }

  @Test
  void refusesRoundTwoOnAnotherConnection() throws Exception {
    try (RawHttpConnection first = new RawHttpConnection(warden.port());
        RawHttpConnection second = new RawHttpConnection(warden.port())) {
      String token = roundOne(first, "/elsewhere-1");

      RawResponse refused = get(second, "/elsewhere-2", proof("alice", "s3cret", token));
      assertThat(refused.status()).isEqualTo(407);
      assertThat(((AuthOutcome.Challenged) recorded("/elsewhere-2")).reason())
          .isEqualTo(ChallengeReason.HANDSHAKE_FAILED);
    }
  }

  @Test
  void refusesAWrongProofAndATokenUsedTwice() throws Exception {
    try (RawHttpConnection connection = new RawHttpConnection(warden.port())) {
      String token = roundOne(connection, "/wrong-1");
      assertThat(get(connection, "/wrong-2", proof("alice", "guess", token)).status())
          .isEqualTo(407);
      assertThat(((AuthOutcome.Challenged) recorded("/wrong-2")).reason())
          .isEqualTo(ChallengeReason.BAD_RESPONSE);
      assertThat(get(connection, "/wrong-3", proof("alice", "s3cret", token)).status())
          .isEqualTo(407);
      assertThat(((AuthOutcome.Challenged) recorded("/wrong-3")).reason())
          .isEqualTo(ChallengeReason.HANDSHAKE_FAILED);
    }
  }

  @Test
  void dropsTheConnectionsAuthStateWhenItCloses() throws Exception {
    ConnectionAuth state;
    try (RawHttpConnection connection = new RawHttpConnection(warden.port())) {
      roundOne(connection, "/drop-1");
      state = knock.seen.get(0);
      assertThat(state.size()).isEqualTo(1);
      assertThat(state.isClosed()).isFalse();
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!state.isClosed() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(state.isClosed()).isTrue();
    assertThat(state.size()).isZero();
  }

  @Test
  void keepsTheConnectionForTheNextRoundEvenWhenChallengesCloseIt() throws Exception {
    start(true);
    try (RawHttpConnection connection = new RawHttpConnection(warden.port())) {
      assertThat(get(connection, "/close-0", null).closesConnection()).isTrue();
    }
    try (RawHttpConnection connection = new RawHttpConnection(warden.port())) {
      RawResponse continued = get(connection, "/close-1", "hello:alice");
      assertThat(continued.status()).isEqualTo(407);
      assertThat(continued.closesConnection()).isFalse();
      String token = continued.header("Proxy-Authenticate").substring("Knock ".length());
      assertThat(get(connection, "/close-2", proof("alice", "s3cret", token)).status())
          .isEqualTo(200);
    }
  }
}
