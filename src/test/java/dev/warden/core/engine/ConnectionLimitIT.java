package dev.warden.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.settings.Limits;
import dev.warden.core.settings.Settings;
import dev.warden.core.traffic.Exchange;
import dev.warden.core.traffic.ExchangeError;
import dev.warden.testing.FaultyOrigin;
import dev.warden.testing.RawHttpConnection;
import dev.warden.testing.RawResponse;
import dev.warden.testing.RunningWarden;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The connection limit, and limits read per connection so a change applies to new connections. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConnectionLimitIT {

  @Test
  void answers503BeyondTheConnectionLimitAndServesAgainOnceOneCloses() throws Exception {
    try (FaultyOrigin origin = new FaultyOrigin();
        RunningWarden warden = new RunningWarden(Settings.defaults()
            .withEnforcement(false)
            .withLimits(Limits.DEFAULTS.withMaxConnections(2)))) {
      String get =
          "GET " + origin.url("/ok") + " HTTP/1.1\r\nHost: 127.0.0.1:" + origin.port() + "\r\n\r\n";
      RawHttpConnection first = new RawHttpConnection(warden.port());
      try (RawHttpConnection second = new RawHttpConnection(warden.port())) {
        assertThat(first.exchange(get).status()).isEqualTo(200);
        assertThat(second.exchange(get).status()).isEqualTo(200);
        try (RawHttpConnection third = new RawHttpConnection(warden.port())) {
          RawResponse busy = third.read(false);
          assertThat(busy.status()).isEqualTo(503);
          assertThat(busy.closesConnection()).isTrue();
          assertThat(third.isClosedByPeer(2000)).isTrue();
        }
        Exchange recorded = warden.awaitExchange(e -> e.status() == 503);
        assertThat(recorded.failure())
            .get()
            .extracting(ExchangeError::detail)
            .isEqualTo("over 2 open client connections (connection limit)");

        first.close();
        Thread.sleep(200);
        try (RawHttpConnection fourth = new RawHttpConnection(warden.port())) {
          assertThat(fourth.exchange(get).status()).isEqualTo(200);
        }
        assertThat(second.exchange(get).status())
            .as("the open ones were never disturbed")
            .isEqualTo(200);
      }
    }
  }

  @Test
  void appliesAChangedLimitToConnectionsOpenedAfterIt() throws Exception {
    try (FaultyOrigin origin = new FaultyOrigin();
        RunningWarden warden = new RunningWarden(Settings.defaults()
            .withEnforcement(false)
            .withLimits(Limits.DEFAULTS.withIdle(Duration.ofSeconds(30))))) {
      String get =
          "GET " + origin.url("/ok") + " HTTP/1.1\r\nHost: 127.0.0.1:" + origin.port() + "\r\n\r\n";
      try (RawHttpConnection before = new RawHttpConnection(warden.port())) {
        // answered, so accepted by Warden (and its limits read) before the change
        assertThat(before.exchange(get).status()).isEqualTo(200);
        warden.update(s -> s.withLimits(s.limits().withIdle(Duration.ofMillis(300))));
        try (RawHttpConnection after = new RawHttpConnection(warden.port())) {
          assertThat(after.isClosedByPeer(3000))
              .as("the new connection has the new idle timeout")
              .isTrue();
          assertThat(before.isClosedByPeer(200))
              .as("the older one keeps its own")
              .isFalse();
        }
      }
    }
  }

  @Test
  void answers408AfterTheEarlierResponseWhenAPipelinedHeadIsLate() throws Exception {
    try (FaultyOrigin origin = new FaultyOrigin();
        RunningWarden warden = new RunningWarden(Settings.defaults().withEnforcement(false))) {
      String host = "Host: 127.0.0.1:" + origin.port() + "\r\n";
      try (RawHttpConnection warmUp = new RawHttpConnection(warden.port())) {
        assertThat(warmUp
                .exchange("GET " + origin.url("/ok") + " HTTP/1.1\r\n" + host + "\r\n")
                .status())
            .isEqualTo(200);
      }
      warden.update(s -> s.withLimits(s.limits().withRequestHead(Duration.ofMillis(200))));
      try (RawHttpConnection client = new RawHttpConnection(warden.port())) {
        // the second head starts while the first response is awaited, and is never finished
        client.send("GET " + origin.url("/slow") + " HTTP/1.1\r\n" + host + "\r\nGET "
            + origin.url("/never"));

        RawResponse first = client.read(false);
        RawResponse late = client.read(false);

        assertThat(first.status()).as("the earlier response first, whole").isEqualTo(200);
        assertThat(first.bodyText()).isEqualTo("hello, world");
        assertThat(late.status()).isEqualTo(408);
        assertThat(client.isClosedByPeer(2000)).isTrue();
      }
      assertThat(warden.awaitExchange(e -> e.status() == 408).failure())
          .get()
          .extracting(ExchangeError::detail)
          .asString()
          .startsWith("request head not complete within 200 ms");
    }
  }
}
