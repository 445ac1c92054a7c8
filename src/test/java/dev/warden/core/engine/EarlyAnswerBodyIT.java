package dev.warden.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.settings.Settings;
import dev.warden.core.traffic.Exchange;
import dev.warden.testing.EarlyAnswerOrigin;
import dev.warden.testing.RawHttpConnection;
import dev.warden.testing.RunningWarden;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A POST whose origin answers 405 before reading the body (and closes): Warden records the body the
 * client sent, complete, every time. Real LittleProxy, real origin, a raw-socket client
 * that sends the head and the body in two writes on a fresh connection each time.
 */
class EarlyAnswerBodyIT {

  static final int ROUNDS = 500;

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

  /** A JSON body that names its round, so a body from another round cannot pass. */
  static String body(int round) {
    return "{\"round\":" + round + ",\"user\":\"alice\",\"items\":[1,2,3,4,5,6,7,8,9,10],"
        + "\"note\":\"" + "x".repeat(200) + "\"}";
  }

  @Test
  void recordsTheCompleteJsonBodyEveryTimeTheOriginAnswers405BeforeReadingIt() throws Exception {
    List<String> wrong = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      String url = origin.url("/orders/" + round);
      byte[] body = body(round).getBytes(StandardCharsets.UTF_8);
      try (RawHttpConnection c = new RawHttpConnection(warden.port())) {
        // head and body in two writes, as most clients send them: the origin answers in between
        c.send("POST " + url + " HTTP/1.1\r\nHost: 127.0.0.1:" + origin.port()
            + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
            + "\r\nConnection: close\r\n\r\n");
        c.send(body);
        assertThat(c.read(false).status()).as("round %d", round).isEqualTo(405);
      }
      Exchange recorded = warden.awaitExchangeFor(url);
      String seen = new String(recorded.requestBody().bytes(), StandardCharsets.UTF_8);
      if (!seen.equals(body(round)) || recorded.requestBody().totalSize() != body.length) {
        wrong.add("round " + round + ": " + recorded.requestBody().totalSize() + " bytes, '" + seen
            + "'");
      }
    }
    assertThat(wrong).as("rounds whose recorded body differs from the one sent").isEmpty();
  }
}
