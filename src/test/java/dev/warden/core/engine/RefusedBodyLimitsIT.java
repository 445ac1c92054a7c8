package dev.warden.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.settings.Limits;
import dev.warden.core.traffic.Exchange;
import dev.warden.core.traffic.ExchangeError;
import dev.warden.testing.RawHttpConnection;
import dev.warden.testing.RunningWarden;
import dev.warden.testing.Users;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The body of a refused request, bounded by the configured deadline and drain limit. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RefusedBodyLimitsIT {

  private static RunningWarden warden;

  @BeforeAll
  static void start() throws Exception {
    warden = new RunningWarden(Users.realmWith("Lab", Users.user("alice", "s3cret"))
        .withLimits(
            Limits.DEFAULTS.withRefusedBody(Duration.ofMillis(300)).withRefusedBodyDrain(1024)));
  }

  @AfterAll
  static void stop() {
    warden.close();
  }

  @Test
  void closesARefusedBodyThatTricklesPastTheConfiguredDeadline() throws Exception {
    try (RawHttpConnection connection = new RawHttpConnection(warden.port())) {
      connection.send(
          "POST http://127.0.0.1:9/trickle HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\nabc");
      assertThat(connection.read(false).status()).isEqualTo(407);
      long start = System.nanoTime();
      boolean closed = false;
      while (!closed && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5)) {
        connection.send("x");
        closed = connection.isClosedByPeer(50);
      }
      assertThat(closed).isTrue();
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isBetween(Duration.ofMillis(200), Duration.ofSeconds(3));
    } catch (IOException closedWhileSending) {
      // closed between two bytes: as good as seen closed
    }
    Exchange refused = warden.awaitExchange(e -> e.url().endsWith("/trickle"));
    assertThat(refused.status()).isEqualTo(407);
    assertThat(refused.failure())
        .map(ExchangeError::detail)
        .contains(
            "request body not finished 300 ms after the refusal (refused body deadline): connection closed");
  }

  @Test
  void closesARefusedBodyOverTheConfiguredDrainLimit() throws Exception {
    try (RawHttpConnection connection = new RawHttpConnection(warden.port())) {
      connection.send(
          "POST http://127.0.0.1:9/big HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n");
      assertThat(connection.read(false).status()).isEqualTo(407);
      try {
        connection.send(new byte[4096]);
      } catch (IOException closedWhileSending) {
        // closed as soon as the limit was passed
      }
      assertThat(connection.isClosedByPeer(2000)).isTrue();
    }
    Exchange refused = warden.awaitExchange(e -> e.url().endsWith("/big"));
    assertThat(refused.failure())
        .map(ExchangeError::detail)
        .contains("unauthenticated body over 1 KiB (refused body drain limit): connection closed");
    assertThat(refused.requestBody().totalSize()).isGreaterThan(1024).isLessThanOrEqualTo(4096);
  }
}
