package dev.warden.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.auth.AuthOutcome;
import dev.warden.core.auth.ChallengeReason;
import dev.warden.core.traffic.Exchange;
import dev.warden.testing.RawHttpConnection;
import dev.warden.testing.RawResponse;
import dev.warden.testing.RunningWarden;
import dev.warden.testing.TestOrigin;
import dev.warden.testing.Users;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every malformed Proxy-Authorization is an ordinary failed authentication: a 407 on a connection
 * that stays usable, recorded with its reason. Real sockets, real LittleProxy, real origin.
 */
class MalformedCredentialsIT {

  private static final AtomicInteger PATHS = new AtomicInteger();
  private static TestOrigin origin;
  private static RunningWarden warden;

  @BeforeAll
  static void start() throws Exception {
    origin = new TestOrigin();
    warden = new RunningWarden(Users.realmWith(
        "Warden",
        Users.user("alice", "s3cret"),
        Users.user("jürgen", "pässwörd"),
        Users.user("colon", "pa:ss:word")));
  }

  @AfterAll
  static void stop() {
    warden.close();
    origin.close();
  }

  private static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static String b64(String text) {
    return b64(text.getBytes(StandardCharsets.UTF_8));
  }

  static Stream<Arguments> malformed() {
    ByteArrayOutputStream invalidUtf8 = new ByteArrayOutputStream();
    invalidUtf8.writeBytes(new byte[] {(byte) 0xC3, 0x28});
    invalidUtf8.writeBytes(":pw".getBytes(StandardCharsets.US_ASCII));
    return Stream.of(
        Arguments.of("none", null, ChallengeReason.MISSING),
        Arguments.of("scheme only", "Basic", ChallengeReason.MALFORMED),
        Arguments.of("not base64", "Basic !!!", ChallengeReason.MALFORMED),
        Arguments.of("bad padding", "Basic YWxpY2U6czNjcmV0=", ChallengeReason.MALFORMED),
        Arguments.of("no colon", "Basic " + b64("alice"), ChallengeReason.MALFORMED),
        Arguments.of("empty user", "Basic " + b64(":s3cret"), ChallengeReason.MALFORMED),
        Arguments.of("other scheme", "Bearer x", ChallengeReason.UNSUPPORTED_SCHEME),
        Arguments.of("10 KB token", "Basic " + "A".repeat(10 * 1024), ChallengeReason.MALFORMED),
        Arguments.of(
            "control character", "Basic " + b64("al\u0001ice:s3cret"), ChallengeReason.MALFORMED),
        // not UTF-8, so read as ISO-8859-1 (what JDK clients send): a well-formed unknown user
        Arguments.of(
            "invalid UTF-8",
            "Basic " + b64(invalidUtf8.toByteArray()),
            ChallengeReason.UNKNOWN_USER),
        Arguments.of(
            "unknown user", Users.basic("mallory", "s3cret"), ChallengeReason.UNKNOWN_USER),
        Arguments.of(
            "wrong password", Users.basic("alice", "guess"), ChallengeReason.WRONG_PASSWORD));
  }

  private static RawResponse get(RawHttpConnection c, String path, String credentials)
      throws Exception {
    String url = origin.url(path);
    String header = credentials == null ? "" : "Proxy-Authorization: " + credentials + "\r\n";
    return c.exchange(
        "GET " + url + " HTTP/1.1\r\nHost: 127.0.0.1:" + origin.port() + "\r\n" + header + "\r\n");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void answersWith407AndKeepsTheConnectionUsable(
      String name, String credentials, ChallengeReason reason) throws Exception {
    String path = "/malformed-" + PATHS.incrementAndGet();
    try (RawHttpConnection c = new RawHttpConnection(warden.port())) {
      RawResponse refused = get(c, path, credentials);
      assertThat(refused.status()).isEqualTo(407);
      assertThat(refused.header("Proxy-Authenticate"))
          .isEqualTo("Basic realm=\"Warden\", charset=\"UTF-8\"");
      assertThat(refused.closesConnection()).isFalse();

      RawResponse retried = get(c, path + "-retry", Users.basic("alice", "s3cret"));
      assertThat(retried.status()).isEqualTo(200);
    }
    Exchange recorded = warden.awaitExchangeFor(origin.url(path));
    assertThat(recorded.auth()).isInstanceOfSatisfying(AuthOutcome.Challenged.class, c -> {
      assertThat(c.reason()).isEqualTo(reason);
      if (reason == ChallengeReason.MALFORMED) {
        assertThat(c.detail()).isNotBlank();
      }
    });
    assertThat(recorded.requestHeaders().toString()).doesNotContain("s3cret", "guess");
    assertThat(origin.seen()).noneMatch(s -> s.path().equals(path));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void acceptsWellFormedVariants(String name, String credentials, String user) throws Exception {
    String path = "/accepted-" + PATHS.incrementAndGet();
    try (RawHttpConnection c = new RawHttpConnection(warden.port())) {
      assertThat(get(c, path, credentials).status()).isEqualTo(200);
    }
    Exchange recorded = warden.awaitExchangeFor(origin.url(path));
    assertThat(recorded.user()).contains(user);
  }

  static Stream<Arguments> accepted() {
    return Stream.of(
        Arguments.of("lower-case scheme", "basic " + b64("alice:s3cret"), "alice"),
        Arguments.of("upper-case scheme", "BASIC " + b64("alice:s3cret"), "alice"),
        Arguments.of("password with colons", Users.basic("colon", "pa:ss:word"), "colon"),
        Arguments.of("UTF-8 user and password", Users.basic("jürgen", "pässwörd"), "jürgen"));
  }

  @Test
  void recordsOnlySchemeAndUserOfTheCredentials() throws Exception {
    String path = "/redacted-" + PATHS.incrementAndGet();
    try (RawHttpConnection c = new RawHttpConnection(warden.port())) {
      get(c, path, Users.basic("alice", "s3cret"));
    }
    Exchange recorded = warden.awaitExchangeFor(origin.url(path));
    assertThat(recorded.requestHeader("Proxy-Authorization")).contains("Basic alice:***");
  }
}
