package dev.warden.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.auth.AuthOutcome;
import dev.warden.core.auth.ChallengeReason;
import dev.warden.core.auth.CredentialMaterial;
import dev.warden.core.settings.Realm;
import dev.warden.core.settings.RealmAuth;
import dev.warden.core.settings.Settings;
import dev.warden.core.traffic.Exchange;
import dev.warden.testing.DigestAnswer;
import dev.warden.testing.RawHttpConnection;
import dev.warden.testing.RawResponse;
import dev.warden.testing.RunningWarden;
import dev.warden.testing.TestOrigin;
import dev.warden.testing.TunnelPorts;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Digest proxy authentication on raw sockets: the challenge on the wire, every algorithm, and every
 * refusal with its own reason, each answered 407 (403 for a disabled user) on a connection that stays
 * usable.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DigestOnTheWireIT {

  private static final String REALM = "Lab";
  private static final AtomicInteger PATHS = new AtomicInteger();
  private static TestOrigin origin;
  private static RunningWarden warden;
  private RawHttpConnection connection;

  @BeforeAll
  static void start() throws Exception {
    origin = new TestOrigin();
    CredentialMaterial material = new CredentialMaterial();
    Realm lab = new Realm(
        REALM,
        List.of(),
        List.of(
            material.user("alice", true, REALM, "s3cret".toCharArray()),
            material.user("bob", false, REALM, "b0b".toCharArray()),
            material.user("J\u00e4s\u00f8n Doe", true, REALM, "Secret, or not?".toCharArray())),
        new RealmAuth(
            List.of("digest", "basic"), List.of("SHA-256", "MD5"), Duration.ofMinutes(5), 403));
    warden = new RunningWarden(
        TunnelPorts.allowing(Settings.defaults().withRealms(List.of(lab)), origin.port()));
  }

  @AfterAll
  static void stop() {
    warden.close();
    origin.close();
  }

  @BeforeEach
  void open() throws Exception {
    offer(a ->
        a.withDigestAlgorithms(List.of("SHA-256", "MD5")).withNonceLifetime(Duration.ofMinutes(5)));
    connection = new RawHttpConnection(warden.port());
  }

  private static void offer(UnaryOperator<RealmAuth> change) throws Exception {
    warden.update(s -> s.withRealms(
        List.of(s.realms().get(0).withAuth(change.apply(s.realms().get(0).auth())))));
  }

  private static String path() {
    return "/digest-" + PATHS.incrementAndGet();
  }

  private RawResponse get(String path, String authorization) throws Exception {
    return send("GET", origin.url(path), authorization);
  }

  private RawResponse send(String method, String target, String authorization) throws Exception {
    String header = authorization == null ? "" : "Proxy-Authorization: " + authorization + "\r\n";
    return connection.exchange(
        method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + origin.port() + "\r\n" + header
            + (method.equals("POST") ? "Content-Length: 0\r\n" : "") + "\r\n");
  }

  /** The Digest challenge for {@code algorithm} from a fresh 407 on this connection. */
  private String challenge(String algorithm) throws Exception {
    RawResponse challenged = get(path(), null);
    assertThat(challenged.status()).isEqualTo(407);
    return challenged.headers("Proxy-Authenticate").stream()
        .filter(c -> c.startsWith("Digest") && c.contains("algorithm=" + algorithm + ","))
        .findFirst()
        .orElseThrow(() -> new AssertionError(
            "no " + algorithm + " challenge in " + challenged.headers("Proxy-Authenticate")));
  }

  private static Exchange recorded(String path) throws Exception {
    return warden.awaitExchange(e -> e.url().endsWith(path));
  }

  /** The reason of the refusal recorded for {@code path} (the record is made once the 407 is written). */
  private static ChallengeReason reason(String path) throws Exception {
    AuthOutcome outcome = warden
        .awaitExchange(e -> e.url().endsWith(path) && e.auth() instanceof AuthOutcome.Challenged)
        .auth();
    return ((AuthOutcome.Challenged) outcome).reason();
  }

  /** A refusal is a 407 with a fresh challenge, and the same connection then carries a good answer. */
  private void assertRefusedThenUsable(String path, String authorization, ChallengeReason expected)
      throws Exception {
    RawResponse refused = get(path, authorization);
    assertThat(refused.status()).isEqualTo(407);
    assertThat(refused.headers("Proxy-Authenticate")).hasSize(3);
    assertThat(reason(path)).isEqualTo(expected);
    String good = path();
    assertThat(get(
                good,
                DigestAnswer.to(challenge("SHA-256"), "alice", "s3cret")
                    .uri(good)
                    .header())
            .status())
        .isEqualTo(200);
  }

  @Test
  void challengesWithOneFieldPerAlgorithmThenBasic() throws Exception {
    List<String> challenges = get(path(), null).headers("Proxy-Authenticate");
    assertThat(challenges).hasSize(3);
    assertThat(challenges.get(0))
        .startsWith("Digest realm=\"Lab\", qop=\"auth\", algorithm=SHA-256, nonce=\"");
    assertThat(challenges.get(1))
        .startsWith("Digest realm=\"Lab\", qop=\"auth\", algorithm=MD5, nonce=\"");
    assertThat(challenges.get(0)).contains("opaque=\"").contains("userhash=true");
    assertThat(challenges.get(2)).isEqualTo("Basic realm=\"Lab\", charset=\"UTF-8\"");
    assertThat(DigestAnswer.params(challenges.get(0)).get("nonce"))
        .isEqualTo(DigestAnswer.params(challenges.get(1)).get("nonce"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"MD5", "MD5-sess", "SHA-256", "SHA-256-sess", "SHA-512-256", "SHA-512-256-sess"})
  void acceptsEveryAlgorithmAndProvesItWithRspauth(String algorithm) throws Exception {
    offer(a -> a.withDigestAlgorithms(List.of(algorithm)));
    String path = path();
    String challenge = get(path(), null).headers("Proxy-Authenticate").get(0);
    DigestAnswer answer = DigestAnswer.to(challenge, "alice", "s3cret").uri(path);
    RawResponse accepted = get(path, answer.header());
    assertThat(accepted.status()).isEqualTo(200);
    assertThat(accepted.bodyText()).isEqualTo(TestOrigin.BODY);
    assertThat(accepted.header("Proxy-Authentication-Info"))
        .contains("rspauth=\"" + answer.expectedRspauth() + "\"");
    assertThat(recorded(path).auth())
        .isEqualTo(new AuthOutcome.Authenticated("Digest", "alice", REALM));
  }

  @Test
  void acceptsTheAbsoluteUriAsUriToo() throws Exception {
    String path = path();
    String header = DigestAnswer.to(challenge("MD5"), "alice", "s3cret")
        .uri(origin.url(path))
        .header();
    assertThat(get(path, header).status()).isEqualTo(200);
  }

  @Test
  void refusesAReplayedHeader() throws Exception {
    String path = path();
    String header =
        DigestAnswer.to(challenge("SHA-256"), "alice", "s3cret").uri(path).header();
    assertThat(get(path, header).status()).isEqualTo(200);
    RawResponse replay = get(path, header);
    assertThat(replay.status()).isEqualTo(407);
    assertThat(reason(path)).isEqualTo(ChallengeReason.REPLAYED_NONCE_COUNT);
  }

  @Test
  void acceptsCountsOutOfOrderOnce() throws Exception {
    String challenge = challenge("SHA-256");
    String path = path();
    assertThat(get(
                path,
                DigestAnswer.to(challenge, "alice", "s3cret").uri(path).nc(5).header())
            .status())
        .isEqualTo(200);
    assertThat(get(
                path,
                DigestAnswer.to(challenge, "alice", "s3cret").uri(path).nc(3).header())
            .status())
        .isEqualTo(200);
    assertThat(get(
                path,
                DigestAnswer.to(challenge, "alice", "s3cret").uri(path).nc(3).header())
            .status())
        .isEqualTo(407);
  }

  @Test
  void answersAnExpiredNonceWithStaleAndAcceptsTheRetry() throws Exception {
    offer(a -> a.withNonceLifetime(Duration.ofSeconds(1)));
    String old = challenge("SHA-256");
    Thread.sleep(1_300);
    String path = path();
    RawResponse stale =
        get(path, DigestAnswer.to(old, "alice", "s3cret").uri(path).header());
    assertThat(stale.status()).isEqualTo(407);
    assertThat(stale.headers("Proxy-Authenticate"))
        .allMatch(c -> !c.startsWith("Digest") || c.contains("stale=true"));
    assertThat(reason(path)).isEqualTo(ChallengeReason.STALE_NONCE);
    String fresh = stale.headers("Proxy-Authenticate").get(0);
    String retry = path();
    assertThat(get(retry, DigestAnswer.to(fresh, "alice", "s3cret").uri(retry).header())
            .status())
        .isEqualTo(200);
  }

  @Test
  void refusesANonceItNeverIssued() throws Exception {
    String path = path();
    String forged = DigestAnswer.to(challenge("SHA-256"), "alice", "s3cret")
        .uri(path)
        .set("nonce", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", true)
        .header();
    assertRefusedThenUsable(path, forged, ChallengeReason.UNKNOWN_NONCE);
  }

  @Test
  void refusesAResponseForAnotherUri() throws Exception {
    String path = path();
    assertRefusedThenUsable(
        path,
        DigestAnswer.to(challenge("SHA-256"), "alice", "s3cret")
            .uri("/elsewhere")
            .header(),
        ChallengeReason.URI_MISMATCH);
  }

  @Test
  void refusesAResponseForAnotherRealm() throws Exception {
    String path = path();
    String other = DigestAnswer.to(challenge("SHA-256"), "alice", "s3cret")
        .uri(path)
        .set("realm", "Other", true)
        .hashRealm("Other")
        .header();
    assertRefusedThenUsable(path, other, ChallengeReason.REALM_MISMATCH);
  }

  @Test
  void refusesAResponseComputedForAnotherMethod() throws Exception {
    String path = path();
    assertRefusedThenUsable(
        path,
        DigestAnswer.to(challenge("SHA-256"), "alice", "s3cret")
            .uri(path)
            .method("POST")
            .header(),
        ChallengeReason.BAD_RESPONSE);
  }

  @Test
  void refusesAWrongPasswordAsABadResponse() throws Exception {
    String path = path();
    assertRefusedThenUsable(
        path,
        DigestAnswer.to(challenge("SHA-256"), "alice", "wrong").uri(path).header(),
        ChallengeReason.BAD_RESPONSE);
  }

  @Test
  void refusesAnAlgorithmTheRealmDoesNotOffer() throws Exception {
    String path = path();
    String header = DigestAnswer.to(challenge("SHA-256"), "alice", "s3cret")
        .uri(path)
        .algorithm("SHA-512-256")
        .header();
    assertRefusedThenUsable(path, header, ChallengeReason.ALGORITHM_NOT_OFFERED);
  }

  @Test
  void refusesAQopTheRealmDoesNotOffer() throws Exception {
    String path = path();
    String header = DigestAnswer.to(challenge("SHA-256"), "alice", "s3cret")
        .uri(path)
        .set("qop", "auth-int", false)
        .header();
    assertRefusedThenUsable(path, header, ChallengeReason.QOP_NOT_OFFERED);
  }

  @Test
  void refusesAForeignOpaque() throws Exception {
    String path = path();
    String header = DigestAnswer.to(challenge("SHA-256"), "alice", "s3cret")
        .uri(path)
        .set("opaque", "nope", true)
        .header();
    assertRefusedThenUsable(path, header, ChallengeReason.OPAQUE_MISMATCH);
  }

  @ParameterizedTest
  @ValueSource(strings = {"realm", "nonce", "uri", "qop", "nc", "cnonce", "opaque"})
  void refusesAnswersMissingARequiredField(String field) throws Exception {
    String path = path();
    String header = DigestAnswer.to(challenge("SHA-256"), "alice", "s3cret")
        .uri(path)
        .drop(field)
        .header();
    assertRefusedThenUsable(path, header, ChallengeReason.MISSING_FIELD);
    assertThat(((AuthOutcome.Challenged) warden
                .awaitExchange(
                    e -> e.url().endsWith(path) && e.auth() instanceof AuthOutcome.Challenged)
                .auth())
            .detail())
        .isEqualTo(field);
  }

  @Test
  void refusesAnAnswerWithoutAResponse() throws Exception {
    String path = path();
    String header = DigestAnswer.to(challenge("SHA-256"), "alice", "s3cret")
        .uri(path)
        .withoutResponse()
        .header();
    assertRefusedThenUsable(path, header, ChallengeReason.MISSING_FIELD);
  }

  @Test
  void refusesAnUnknownUser() throws Exception {
    String path = path();
    assertRefusedThenUsable(
        path,
        DigestAnswer.to(challenge("SHA-256"), "mallory", "s3cret").uri(path).header(),
        ChallengeReason.UNKNOWN_USER);
  }

  @Test
  void refusesMalformedCredentialsWithA407() throws Exception {
    String path = path();
    assertRefusedThenUsable(path, "Digest username=\"alice, realm=", ChallengeReason.MALFORMED);
  }

  @Test
  void forbidsADisabledUserWhoseResponseIsRight() throws Exception {
    String path = path();
    RawResponse forbidden =
        get(path, DigestAnswer.to(challenge("SHA-256"), "bob", "b0b").uri(path).header());
    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(reason(path)).isEqualTo(ChallengeReason.DISABLED_USER);
    String next = path();
    assertThat(get(
                next,
                DigestAnswer.to(challenge("SHA-256"), "alice", "s3cret")
                    .uri(next)
                    .header())
            .status())
        .isEqualTo(200);
  }

  @Test
  void acceptsAHashedUserName() throws Exception {
    String path = path();
    String header = DigestAnswer.to(challenge("SHA-256"), "alice", "s3cret")
        .uri(path)
        .userhash()
        .header();
    assertThat(get(path, header).status()).isEqualTo(200);
    assertThat(recorded(path).user()).contains("alice");
  }

  @Test
  void acceptsAnExtendedUserName() throws Exception {
    String path = path();
    String header = DigestAnswer.to(challenge("SHA-256"), "J\u00e4s\u00f8n Doe", "Secret, or not?")
        .uri(path)
        .drop("username")
        .set("username*", "UTF-8''J%C3%A4s%C3%B8n%20Doe", false)
        .header();
    assertThat(get(path, header).status()).isEqualTo(200);
    assertThat(recorded(path).user()).contains("J\u00e4s\u00f8n Doe");
  }

  @Test
  void authenticatesAConnectTunnel() throws Exception {
    String authority = "127.0.0.1:" + origin.port();
    String header = DigestAnswer.to(challenge("SHA-256"), "alice", "s3cret")
        .uri(authority)
        .method("CONNECT")
        .header();
    RawResponse established = connection.exchange("CONNECT " + authority + " HTTP/1.1\r\nHost: "
        + authority + "\r\nProxy-Authorization: " + header + "\r\n\r\n");
    assertThat(established.status()).isEqualTo(200);
  }

  @Test
  void refusesDigestOnceTheRealmStopsOfferingIt() throws Exception {
    String challenge = challenge("SHA-256");
    offer(a -> a.withSchemes(List.of("basic")));
    try {
      String path = path();
      RawResponse refused =
          get(path, DigestAnswer.to(challenge, "alice", "s3cret").uri(path).header());
      assertThat(refused.status()).isEqualTo(407);
      assertThat(refused.headers("Proxy-Authenticate"))
          .containsExactly("Basic realm=\"Lab\", charset=\"UTF-8\"");
      assertThat(reason(path)).isEqualTo(ChallengeReason.UNSUPPORTED_SCHEME);
    } finally {
      offer(a -> a.withSchemes(List.of("digest", "basic")));
    }
  }
}
