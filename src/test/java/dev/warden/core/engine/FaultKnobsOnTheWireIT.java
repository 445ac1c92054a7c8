package dev.warden.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.auth.AuthOutcome;
import dev.warden.core.auth.ChallengeReason;
import dev.warden.core.auth.CredentialMaterial;
import dev.warden.core.settings.FaultKnob;
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
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each fault knob on a raw socket: what the client receives, that a knob set while a connection is
 * open shapes the next request on it, and that the exchange it shaped records it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FaultKnobsOnTheWireIT {

  private static final String REALM = "Lab";
  private static final String GOOD = Users.basic("alice", "s3cret");
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
        List.of(material.user("alice", true, REALM, "s3cret".toCharArray())),
        new RealmAuth(List.of("basic", "digest"), List.of("MD5"), Duration.ofMinutes(5), 403));
    warden = new RunningWarden(Settings.defaults().withRealms(List.of(lab)));
  }

  @AfterAll
  static void stop() {
    warden.close();
    origin.close();
  }

  @BeforeEach
  void open() throws Exception {
    knobs();
    connection = new RawHttpConnection(warden.port());
  }

  @AfterEach
  void close() throws Exception {
    connection.close();
  }

  /** Puts exactly these {@code knob=value} lines in force for the realm. */
  private static void knobs(String... lines) throws Exception {
    warden.update(
        s -> s.withRealms(List.of(s.realms().get(0).withFaults(FaultKnob.parse(List.of(lines))))));
  }

  private static String path() {
    return "/knob-" + PATHS.incrementAndGet();
  }

  private RawResponse get(String path, String authorization) throws Exception {
    return connection.exchange(request("GET", path, authorization, "HTTP/1.1"));
  }

  private static String request(String method, String path, String authorization, String version) {
    String header = authorization == null ? "" : "Proxy-Authorization: " + authorization + "\r\n";
    return method + " " + origin.url(path) + " " + version + "\r\nHost: 127.0.0.1:" + origin.port()
        + "\r\n" + header + "\r\n";
  }

  private static Exchange recorded(String path) throws Exception {
    return warden.awaitExchange(e -> e.url().endsWith(path));
  }

  private static List<String> names(RawResponse response) {
    return response.headers().stream().map(h -> h[0]).toList();
  }

  // ------------------------------------------------------------ the connection after a refusal

  @Test
  void connectionCloseAnswersWithConnectionCloseAndCloses() throws Exception {
    knobs("connection=close");
    RawResponse refused = get(path(), null);
    assertThat(refused.status()).isEqualTo(407);
    assertThat(refused.header("Connection")).isEqualTo("close");
    assertThat(refused.header("Content-Length")).isEqualTo(String.valueOf(refused.body().length));
    assertThat(connection.isClosedByPeer(2000)).isTrue();
  }

  @Test
  void closeDelimitedSendsNoLengthAndEndsTheBodyByClosing() throws Exception {
    knobs("connection=close-delimited");
    RawResponse refused = get(path(), null);
    assertThat(refused.status()).isEqualTo(407);
    assertThat(refused.header("Content-Length")).isNull();
    assertThat(refused.header("Transfer-Encoding")).isNull();
    // read until the close: the whole page arrived, and only the close ended it
    assertThat(refused.bodyText()).contains("</html>");
  }

  @Test
  void keepsTheConnectionOpenWithoutTheKnob() throws Exception {
    assertThat(get(path(), null).header("Connection")).isNull();
    assertThat(connection.isClosedByPeer(300)).isFalse();
  }

  // ------------------------------------------------------------ the 407 itself

  @Test
  void version10AnswersWithAnHttp10StatusLine() throws Exception {
    knobs("version=1.0");
    RawResponse refused = get(path(), null);
    assertThat(refused.statusLine()).isEqualTo("HTTP/1.0 407 Proxy Authentication Required");
    assertThat(refused.header("Connection")).isEqualTo("keep-alive");
    assertThat(get(path(), GOOD).status()).isEqualTo(200);
  }

  @Test
  void status401AnswersRefusedCredentialsWithWwwAuthenticate() throws Exception {
    knobs("status=401");
    RawResponse wrong = get(path(), Users.basic("alice", "wrong"));
    assertThat(wrong.statusLine()).isEqualTo("HTTP/1.1 401 Unauthorized");
    assertThat(wrong.headers("WWW-Authenticate"))
        .contains("Basic realm=\"Lab\", charset=\"UTF-8\"");
    assertThat(wrong.headers("Proxy-Authenticate")).isEmpty();
    assertThat(get(path(), null).status()).isEqualTo(407);
  }

  @Test
  void status403AnswersRefusedCredentialsWithoutChallenge() throws Exception {
    knobs("status=403");
    RawResponse wrong = get(path(), Users.basic("alice", "wrong"));
    assertThat(wrong.statusLine()).isEqualTo("HTTP/1.1 403 Forbidden");
    assertThat(wrong.headers("Proxy-Authenticate")).isEmpty();
  }

  @Test
  void bodyNoneSendsAnEmptyBodyWithoutType() throws Exception {
    knobs("body=none");
    RawResponse refused = get(path(), null);
    assertThat(refused.header("Content-Length")).isEqualTo("0");
    assertThat(refused.header("Content-Type")).isNull();
    assertThat(get(path(), GOOD).status()).isEqualTo(200);
  }

  @Test
  void bodyShortSendsOneLineOfText() throws Exception {
    knobs("body=short");
    RawResponse refused = get(path(), null);
    assertThat(refused.bodyText()).isEqualTo("407 Proxy Authentication Required\n");
    assertThat(refused.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
  }

  @Test
  void bodySquidSendsAProxyStylePage() throws Exception {
    knobs("body=squid");
    RawResponse refused = get(path(), null);
    assertThat(refused.bodyText()).contains("<title>ERROR: Cache Access Denied</title>");
    assertThat(refused.header("Content-Type")).isEqualTo("text/html;charset=utf-8");
    assertThat(refused.header("Content-Length")).isEqualTo(String.valueOf(refused.body().length));
  }

  @Test
  void extraHeadersAreSentInOrder() throws Exception {
    knobs("header=X-Squid-Error: ERR_CACHE_ACCESS_DENIED 0", "header=Via: 1.1 lab");
    RawResponse refused = get(path(), null);
    assertThat(refused.header("X-Squid-Error")).isEqualTo("ERR_CACHE_ACCESS_DENIED 0");
    assertThat(names(refused)).containsSubsequence("X-Squid-Error", "Via");
  }

  @Test
  void headerOrderSendsExactlyTheNamedFieldsInThatOrderAndSpelling() throws Exception {
    knobs("header=Server: lab/1.0", "headerOrder=Server,Proxy-Authenticate,content-length");
    RawResponse refused = get(path(), null);
    assertThat(names(refused))
        .containsExactly("Server", "Proxy-Authenticate", "Proxy-Authenticate", "content-length");
  }

  // ------------------------------------------------------------ the challenge

  @Test
  void challengeOmittedSendsA407WithoutChallenge() throws Exception {
    knobs("challenge=omitted");
    RawResponse refused = get(path(), null);
    assertThat(refused.status()).isEqualTo(407);
    assertThat(refused.headers("Proxy-Authenticate")).isEmpty();
  }

  @Test
  void schemeOrderPutsTheNamedSchemeFirst() throws Exception {
    assertThat(get(path(), null).headers("Proxy-Authenticate").get(0)).startsWith("Basic ");
    knobs("schemeOrder=digest");
    List<String> challenges = get(path(), null).headers("Proxy-Authenticate");
    assertThat(challenges.get(0)).startsWith("Digest ");
    assertThat(challenges.get(1)).startsWith("Basic ");
  }

  @Test
  void joinChallengesSendsEveryChallengeInOneField() throws Exception {
    knobs("joinChallenges=true");
    List<String> fields = get(path(), null).headers("Proxy-Authenticate");
    assertThat(fields).hasSize(1);
    assertThat(fields.get(0))
        .startsWith("Basic realm=\"Lab\", charset=\"UTF-8\", Digest realm=\"Lab\"");
  }

  @Test
  void realmTextGoesOutQuotedAsUtf8() throws Exception {
    knobs("realm=Caf\u00e9 \"Lab\"");
    String raw = get(path(), null).headers("Proxy-Authenticate").get(0);
    // the test reads each byte as one char: decode the bytes the proxy sent as UTF-8
    String sent = new String(raw.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    assertThat(sent).isEqualTo("Basic realm=\"Caf\u00e9 \\\"Lab\\\"\", charset=\"UTF-8\"");
  }

  @Test
  void plainChallengesSendWhatSquidSendsAndDigestWithoutOpaqueIsAccepted() throws Exception {
    knobs("plainChallenges=true");
    List<String> challenges = get(path(), null).headers("Proxy-Authenticate");
    assertThat(challenges).hasSize(2);
    assertThat(challenges.get(0)).isEqualTo("Basic realm=\"Lab\"");
    assertThat(challenges.get(1))
        .matches("Digest realm=\"Lab\", nonce=\"[^\"]+\", qop=\"auth\", stale=false");
    String path = path();
    DigestAnswer answer = DigestAnswer.to(challenges.get(1), "alice", "s3cret").uri(path);
    assertThat(answer.header()).doesNotContain("opaque");
    assertThat(get(path, answer.header()).status()).isEqualTo(200);
  }

  @Test
  void digestWithoutOpaqueIsRefusedWithoutPlainChallenges() throws Exception {
    String challenge = digestChallenge();
    String path = path();
    assertThat(get(
                path,
                DigestAnswer.to(challenge, "alice", "s3cret")
                    .uri(path)
                    .drop("opaque")
                    .header())
            .status())
        .isEqualTo(407);
  }

  @Test
  void delayHoldsTheRefusalBack() throws Exception {
    knobs("delayMillis=700");
    long start = System.nanoTime();
    assertThat(get(path(), null).status()).isEqualTo(407);
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(650));
    knobs();
    start = System.nanoTime();
    get(path(), null);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(600));
  }

  @Test
  void aDelayedRefusalHoldsUpNoOtherClient() throws Exception {
    assertThat(get(path(), GOOD).status()).isEqualTo(200); // alice's slow hash is checked once, now
    knobs("delayMillis=2000");
    RawHttpConnection refused = new RawHttpConnection(warden.port());
    java.util.concurrent.CompletableFuture<Integer> delayed =
        java.util.concurrent.CompletableFuture.supplyAsync(() -> {
          try (refused) {
            return refused.exchange(request("GET", path(), null, "HTTP/1.1")).status();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
    Thread.sleep(200); // the refusal is waiting now
    // connections take the event loops in turn: eight of them share the delayed one's loop at least
    // once
    for (int i = 0; i < 8; i++) {
      try (RawHttpConnection other = new RawHttpConnection(warden.port())) {
        long start = System.nanoTime();
        assertThat(other.exchange(request("GET", path(), GOOD, "HTTP/1.1")).status())
            .isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1000));
      }
    }
    assertThat(delayed.isDone()).isFalse();
    assertThat(delayed.get(10, TimeUnit.SECONDS)).isEqualTo(407);
  }

  @Test
  void aClientThatLeavesDuringTheDelayIsRecordedAsHavingLeft() throws Exception {
    knobs("delayMillis=1000");
    String path = path();
    connection.send(request("GET", path, null, "HTTP/1.1"));
    Thread.sleep(200);
    connection.close();
    Exchange left = recorded(path);
    assertThat(left.status()).isZero();
    assertThat(left.error()).isNotNull();
    Thread.sleep(1200); // the delayed refusal comes due on a closed connection: nothing changes
    assertThat(warden.warden().traffic().snapshot().stream()
            .filter(e -> e.url().endsWith(path))
            .toList())
        .containsExactly(left);
  }

  // ------------------------------------------------------------ session behaviour

  @Test
  void rechallengeEveryThirdRequestOfAnAuthenticatedClient() throws Exception {
    knobs("rechallengeEvery=3");
    String third = path();
    assertThat(get(path(), GOOD).status()).isEqualTo(200);
    assertThat(get(path(), GOOD).status()).isEqualTo(200);
    assertThat(get(third, GOOD).status()).isEqualTo(407);
    assertThat(get(path(), GOOD).status()).isEqualTo(200);
    Exchange refused = recorded(third);
    assertThat(((AuthOutcome.Challenged) refused.auth()).reason())
        .isEqualTo(ChallengeReason.FAULT_KNOB);
    assertThat(refused.faults()).contains("rechallengeEvery=3");
  }

  @Test
  void rechallengeAfterSecondsChallengesOnceWhenTheCredentialsAreOlder() throws Exception {
    knobs("rechallengeAfterSeconds=1");
    assertThat(get(path(), GOOD).status()).isEqualTo(200);
    Thread.sleep(1300);
    String expired = path();
    assertThat(get(expired, GOOD).status()).isEqualTo(407);
    assertThat(get(path(), GOOD).status()).isEqualTo(200);
    assertThat(recorded(expired).faults()).contains("rechallengeAfterSeconds=1");
  }

  @Test
  void randomPercentChallengesAShareOfAuthenticatedRequests() throws Exception {
    knobs("randomPercent=50");
    int refused = 0;
    for (int i = 0; i < 60; i++) {
      int status = get(path(), GOOD).status();
      assertThat(status).isIn(200, 407);
      refused += status == 407 ? 1 : 0;
    }
    // 60 tosses of a fair coin: all alike has a chance of 2^-59
    assertThat(refused).isBetween(1, 59);
    knobs("randomPercent=100");
    assertThat(get(path(), GOOD).status()).isEqualTo(407);
    knobs();
    assertThat(get(path(), GOOD).status()).isEqualTo(200);
  }

  private String digestChallenge() throws Exception {
    return get(path(), null).headers("Proxy-Authenticate").stream()
        .filter(c -> c.startsWith("Digest"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void digestStaleAnswersARightResponseWithStaleTrue() throws Exception {
    knobs("digestStale=true");
    String path = path();
    RawResponse stale = get(
        path, DigestAnswer.to(digestChallenge(), "alice", "s3cret").uri(path).header());
    assertThat(stale.status()).isEqualTo(407);
    assertThat(stale.headers("Proxy-Authenticate"))
        .anyMatch(c -> c.startsWith("Digest") && c.contains("stale=true"));
    assertThat(recorded(path).faults()).contains("digestStale=true");
  }

  @Test
  void nonceUsesMakesTheNonceStaleAfterItsNthUse() throws Exception {
    knobs("nonceUses=2");
    String challenge = digestChallenge();
    String first = path();
    String second = path();
    String third = path();
    assertThat(get(
                first,
                DigestAnswer.to(challenge, "alice", "s3cret").uri(first).nc(1).header())
            .status())
        .isEqualTo(200);
    assertThat(get(
                second,
                DigestAnswer.to(challenge, "alice", "s3cret").uri(second).nc(2).header())
            .status())
        .isEqualTo(200);
    RawResponse stale = get(
        third, DigestAnswer.to(challenge, "alice", "s3cret").uri(third).nc(3).header());
    assertThat(stale.status()).isEqualTo(407);
    assertThat(stale.headers("Proxy-Authenticate")).anyMatch(c -> c.contains("stale=true"));
    assertThat(recorded(third).faults()).contains("nonceUses=2");
  }

  // ------------------------------------------------------------ outcomes

  @Test
  void acceptAnyLetsAnyCredentialsThroughAndRecordsTheName() throws Exception {
    knobs("outcome=accept-any");
    String path = path();
    assertThat(get(path, Users.basic("mallory", "anything")).status()).isEqualTo(200);
    Exchange passed = recorded(path);
    assertThat(passed.user()).contains("mallory");
    assertThat(passed.faults()).contains("outcome=accept-any");
    assertThat(get(path(), null).status()).isEqualTo(407);
  }

  @Test
  void rejectAllRefusesEvenRightCredentials() throws Exception {
    knobs("outcome=reject-all");
    String path = path();
    assertThat(get(path, GOOD).status()).isEqualTo(407);
    assertThat(((AuthOutcome.Challenged) recorded(path).auth()).reason())
        .isEqualTo(ChallengeReason.FAULT_KNOB);
  }

  // ------------------------------------------------------------ applied on the next request,
  // recorded

  /**
   * A connection opened before the knob was set: its next request is shaped by it, and the record
   * of that exchange names the knob.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "connection=close",
        "connection=close-delimited",
        "version=1.0",
        "status=401",
        "status=403",
        "body=none",
        "body=short",
        "body=squid",
        "body=tinyproxy",
        "body=mitmproxy",
        "header=X-Lab: yes",
        "headerOrder=Date,Proxy-Authenticate",
        "challenge=omitted",
        "schemeOrder=digest",
        "joinChallenges=true",
        "realm=Other realm",
        "plainChallenges=true",
        "delayMillis=50",
        "rechallengeEvery=1",
        "randomPercent=100",
        "outcome=reject-all",
        "outcome=accept-any"
      })
  void knobSetWhileTheConnectionIsOpenShapesItsNextRequestAndIsRecorded(String line)
      throws Exception {
    assertThat(get(path(), null).status()).isEqualTo(407);
    knobs(line);
    String path = path();
    String credentials = line.startsWith("status")
        ? Users.basic("alice", "wrong")
        : line.startsWith("outcome=accept") ? Users.basic("anyone", "x") : GOOD;
    boolean refusedAnyway = line.startsWith("rechallenge")
        || line.startsWith("random")
        || line.startsWith("outcome=r")
        || line.startsWith("status");
    RawResponse answer =
        get(path, refusedAnyway || line.startsWith("outcome=accept") ? credentials : null);
    Exchange exchange = recorded(path);
    assertThat(exchange.faults()).contains(line);
    assertThat(exchange.status()).isEqualTo(answer.status());
  }
}
