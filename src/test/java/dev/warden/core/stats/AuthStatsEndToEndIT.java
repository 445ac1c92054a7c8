package dev.warden.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.testing.RawHttpConnection;
import dev.warden.testing.RunningWarden;
import dev.warden.testing.TestOrigin;
import dev.warden.testing.Users;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Real requests through a real Warden (LittleProxy on loopback, a free port) to a real origin. */
class AuthStatsEndToEndIT {

  private static final int WITHOUT = 5;
  private static final int VALID = 4;
  private static final int WRONG = 3;

  @Test
  void countsChallengedAuthenticatedAndRefusedRequestsOfARealProxyExactly() throws Exception {
    try (TestOrigin origin = new TestOrigin();
        RunningWarden warden =
            new RunningWarden(Users.realmWith("Corp", Users.user("alice", "s3cret")))) {
      for (int i = 0; i < WITHOUT; i++) {
        assertThat(get(warden, origin, "/none", null).status()).isEqualTo(407);
      }
      for (int i = 0; i < VALID; i++) {
        assertThat(get(warden, origin, "/valid", "s3cret").status()).isEqualTo(200);
      }
      for (int i = 0; i < WRONG; i++) {
        assertThat(get(warden, origin, "/wrong", "guess").status()).isEqualTo(407);
      }
      AuthStats stats = warden.warden().stats();
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (stats.snapshot(1).totals().all() < WITHOUT + VALID + WRONG
          && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }

      StatsSnapshot now = stats.snapshot(60);

      assertThat(now.totals()).isEqualTo(new StatsSnapshot.Second(0, WITHOUT, VALID, WRONG, 0));
      assertThat(now.seconds().stream().mapToLong(StatsSnapshot.Second::all).sum())
          .isEqualTo(WITHOUT + VALID + WRONG);
      assertThat(now.reasons())
          .containsExactly(new StatsSnapshot.ReasonCount("wrong password", WRONG));
      assertThat(now.users().rows()).singleElement().satisfies(alice -> {
        assertThat(alice.name()).isEqualTo("alice");
        assertThat(alice.requests()).isEqualTo(VALID + WRONG);
        assertThat(alice.failures()).isEqualTo(WRONG);
      });
      assertThat(now.clients().rows()).singleElement().satisfies(client -> {
        assertThat(client.name()).isEqualTo("127.0.0.1");
        assertThat(client.requests()).isEqualTo(WITHOUT + VALID + WRONG);
        assertThat(client.failures()).isEqualTo(WRONG);
      });
    }
  }

  private static dev.warden.testing.RawResponse get(
      RunningWarden warden, TestOrigin origin, String path, String password) throws Exception {
    String auth =
        password == null ? "" : "Proxy-Authorization: " + Users.basic("alice", password) + "\r\n";
    try (RawHttpConnection c = new RawHttpConnection(warden.port())) {
      return c.exchange("GET " + origin.url(path) + " HTTP/1.1\r\nHost: 127.0.0.1:" + origin.port()
          + "\r\n" + auth + "Connection: close\r\n\r\n");
    }
  }
}
