package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.traffic.Exchange;
import dev.warden.testing.RawHttpConnection;
import dev.warden.testing.RawResponse;
import dev.warden.testing.RunningWarden;
import dev.warden.testing.TestOrigin;
import dev.warden.testing.Users;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Secrets in request targets, end to end: a real Warden, a real origin, raw sockets, and the record
 * and access-log line Warden makes of each exchange. Userinfo is dropped before anything resolves or
 * records it; secret-looking query values are forwarded as sent but masked wherever Warden shows them.
 */
class SecretsInTargetsIT {

  private static final String ALICE =
      "Proxy-Authorization: " + Users.basic("alice", "s3cret") + "\r\n";

  private static TestOrigin origin;
  private static RunningWarden warden;

  @BeforeAll
  static void start() throws Exception {
    origin = new TestOrigin();
    warden = new RunningWarden(Users.realmWith("Lab", Users.user("alice", "s3cret")));
  }

  @AfterAll
  static void stop() {
    warden.close();
    origin.close();
  }

  @Test
  void forwardsAUrlWithUserinfoWithoutItAndNeverRecordsThePassword() throws Exception {
    String authority = "127.0.0.1:" + origin.port();
    try (RawHttpConnection c = new RawHttpConnection(warden.port())) {
      RawResponse response = c.exchange("GET http://someone:pa55-in-url@" + authority
          + "/userinfo HTTP/1.1\r\n" + "Host: " + authority + "\r\n" + ALICE + "\r\n");
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.bodyText()).isEqualTo(TestOrigin.BODY);
    }
    TestOrigin.Seen seen = origin.seen().stream()
        .filter(s -> s.path().equals("/userinfo"))
        .findFirst()
        .orElseThrow();
    assertThat(seen.header("Host")).isEqualTo(authority);
    assertThat(seen.hasHeader("Authorization")).isFalse();
    Exchange recorded = warden.awaitExchangeFor("http://" + authority + "/userinfo");
    assertThat(recorded.status()).isEqualTo(200);
    assertNowhere(recorded, "pa55-in-url", "someone");
  }

  @Test
  void recordsARefusedUrlWithUserinfoWithoutThePassword() throws Exception {
    String authority = "127.0.0.1:" + origin.port();
    try (RawHttpConnection c = new RawHttpConnection(warden.port())) {
      RawResponse response = c.exchange("GET http://someone:pa55-refused@" + authority
          + "/refused HTTP/1.1\r\n" + "Host: " + authority + "\r\n\r\n");
      assertThat(response.status()).isEqualTo(407);
    }
    assertNowhere(warden.awaitExchangeFor("http://" + authority + "/refused"), "pa55-refused");
  }

  @Test
  void forwardsSecretQueryValuesAsSentAndMasksThemInTheRecordAndTheAccessLog() throws Exception {
    String authority = "127.0.0.1:" + origin.port();
    String query = "/q?access_token=tok-123&page=2&password=pw-456&api_key=key-789";
    try (RawHttpConnection c = new RawHttpConnection(warden.port())) {
      assertThat(c.exchange("GET http://" + authority + query + " HTTP/1.1\r\nHost: " + authority
                  + "\r\n" + ALICE + "\r\n")
              .status())
          .isEqualTo(200);
    }
    assertThat(origin.seen()).anyMatch(s -> s.path().equals(query));
    String masked = "http://" + authority + "/q?access_token=***&page=2&password=***&api_key=***";
    Exchange recorded = warden.awaitExchangeFor(masked);
    assertThat(AccessLogLine.of(recorded)).contains(" GET " + masked + " 200 ");
    assertNowhere(recorded, "tok-123", "pw-456", "key-789");
  }

  /** Not in any field of the record (its text holds every field), nor in its access-log line. */
  private static void assertNowhere(Exchange recorded, String... secrets) {
    assertThat(recorded.toString()).doesNotContain(secrets);
    assertThat(recorded.requestHeaders().toString()).doesNotContain(secrets);
    assertThat(AccessLogLine.of(recorded)).doesNotContain(secrets);
  }
}
