package dev.warden.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.settings.Settings;
import dev.warden.testing.EarlyAnswerOrigin;
import dev.warden.testing.RawHttpConnection;
import dev.warden.testing.RawResponse;
import dev.warden.testing.RunningWarden;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * RFC 9110 §6.6.1: a proxy forwarding a response that has no {@code Date} adds one. Warden adds it
 * itself (from its per-second value) before LittleProxy would; the client must see exactly one, in
 * IMF-fixdate, for the current time. Real LittleProxy, a real origin whose answers carry no Date.
 */
class DateOnForwardedResponsesIT {

  private static EarlyAnswerOrigin origin;
  private static RunningWarden warden;

  @BeforeAll
  static void start() throws Exception {
    origin = new EarlyAnswerOrigin();
    warden = new RunningWarden(Settings.defaults().withEnforcement(false));
  }

  @AfterAll
  static void stop() throws Exception {
    warden.close();
    origin.close();
  }

  @Test
  void addsOneImfFixdateDateToAResponseThatHadNone() throws Exception {
    RawResponse response;
    try (RawHttpConnection c = new RawHttpConnection(warden.port())) {
      response = c.exchange("GET " + origin.url("/no-date") + " HTTP/1.1\r\nHost: 127.0.0.1:"
          + origin.port() + "\r\nConnection: close\r\n\r\n");
    }
    assertThat(response.status()).isEqualTo(405);
    assertThat(response.headers("Date")).hasSize(1);
    String date = response.header("Date");
    assertThat(date).matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
    Instant sent =
        ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    assertThat(Duration.between(sent, Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
  }
}
