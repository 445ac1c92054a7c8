package dev.warden.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.settings.Settings;
import dev.warden.core.traffic.Exchange;
import dev.warden.core.traffic.ExchangeError;
import dev.warden.testing.EarlyAnswerOrigin;
import dev.warden.testing.FaultyOrigin;
import dev.warden.testing.RawHttpConnection;
import dev.warden.testing.RawResponse;
import dev.warden.testing.RunningWarden;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A POST on a keep-alive connection whose origin answers 405 before reading the body and closes
 * with the body unread: the client always gets an answer on a connection that stays open, the 405
 * or, the few times the origin's connection ends before Warden has read a byte of it, Warden's 502
 * saying the origin closed the connection without answering; the record has the complete body, the
 * status the client got, and a failure on the origin's side. Real LittleProxy,
 * real origin, the JDK's HttpClient and a raw socket, both reusing their connection to Warden.
 */
class EarlyAnswerKeepAliveIT {

  static final int ROUNDS = 500;

  private static EarlyAnswerOrigin origin;
  private static FaultyOrigin faulty;
  private static RunningWarden warden;

  @BeforeAll
  static void start() throws Exception {
    origin = new EarlyAnswerOrigin();
    faulty = new FaultyOrigin();
    warden = new RunningWarden(Settings.defaults().withEnforcement(false));
  }

  @AfterAll
  static void stop() throws Exception {
    warden.close();
    origin.close();
    faulty.close();
  }

  @Test
  void anOriginThatResetsBeforeAnsweringGets502AndTheWholeBodyStillRecorded() throws Exception {
    sendsTheBodyAfterWardensAnswer(
        "/reset", "server reset the connection without a response", false);
  }

  @Test
  void anOriginThatClosesBeforeAnsweringGets502TheWholeBodyRecordedAndTheConnectionKept()
      throws Exception {
    sendsTheBodyAfterWardensAnswer(
        "/close", "server closed the connection without a response", true);
  }

  /** The head alone, Warden's 502 read, then the body: the record has all of it. */
  private static void sendsTheBodyAfterWardensAnswer(String path, String why, boolean kept)
      throws Exception {
    String url = faulty.url(path);
    String body = EarlyAnswerBodyIT.body(7);
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    try (RawHttpConnection c = new RawHttpConnection(warden.port())) {
      c.send("POST " + url + " HTTP/1.1\r\nHost: 127.0.0.1:" + faulty.port()
          + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
          + "\r\n\r\n");
      RawResponse answer = c.read(false);
      assertThat(answer.status()).isEqualTo(502);
      assertThat(answer.bodyText()).contains("closed the connection without answering");
      assertThat(answer.closesConnection()).isEqualTo(!kept);
      c.send(bytes);
      if (kept) {
        assertThat(c.exchange("GET " + faulty.url("/ok") + " HTTP/1.1\r\nHost: 127.0.0.1:"
                    + faulty.port() + "\r\n\r\n")
                .status())
            .as("the next request on the connection")
            .isEqualTo(200);
      } else {
        assertThat(c.isClosedByPeer(5000)).as("closed once the body is read").isTrue();
      }
    }
    Exchange recorded = warden.awaitExchangeFor(url);
    assertThat(recorded.status()).isEqualTo(502);
    assertThat(new String(recorded.requestBody().bytes(), StandardCharsets.UTF_8))
        .isEqualTo(body);
    assertThat(recorded.requestBody().totalSize()).isEqualTo(bytes.length);
    assertThat(recorded.error())
        .isEqualTo(new ExchangeError(
            ExchangeError.Kind.SERVER_ABORTED, "127.0.0.1:" + faulty.port() + ": " + why));
  }

  @Test
  void everyKeepAliveJsonPostThroughHttpClientGetsAnAnswerAndAnHonestRecord() throws Exception {
    HttpClient client = HttpClient.newBuilder()
        .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", warden.port())))
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
    List<String> wrong = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      String url = origin.url("/client/" + round);
      String body = EarlyAnswerBodyIT.body(round);
      HttpResponse<String> response;
      try {
        response = client.send(
            HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
      } catch (IOException noAnswer) {
        wrong.add("round " + round + ": no answer (" + noAnswer.getMessage() + ")");
        continue;
      }
      String problem = judge(url, body, response.statusCode(), response.body());
      if (problem != null) {
        wrong.add("round " + round + ": " + problem);
      }
    }
    assertThat(wrong).as("rounds without an answer or with a wrong record").isEmpty();
  }

  @Test
  void everyKeepAliveJsonPostOnOneRawSocketGetsAnAnswerAndKeepsTheConnection() throws Exception {
    List<String> wrong = new ArrayList<>();
    RawHttpConnection c = new RawHttpConnection(warden.port());
    try {
      for (int round = 0; round < ROUNDS; round++) {
        String url = origin.url("/raw/" + round);
        String body = EarlyAnswerBodyIT.body(round);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        RawResponse response;
        try {
          // head and body in two writes, as most clients send them: the origin answers in between
          c.send("POST " + url + " HTTP/1.1\r\nHost: 127.0.0.1:" + origin.port()
              + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
              + "\r\n\r\n");
          c.send(bytes);
          response = c.read(false);
        } catch (IOException noAnswer) {
          wrong.add("round " + round + ": no answer (" + noAnswer.getMessage() + ")");
          c.close();
          c = new RawHttpConnection(warden.port());
          continue;
        }
        String problem = judge(url, body, response.status(), response.bodyText());
        if (problem == null && response.closesConnection() && !afterReset(url)) {
          problem = "Warden closed the keep-alive connection after " + response.status();
        }
        if (problem != null) {
          wrong.add("round " + round + ": " + problem);
        }
        if (response.closesConnection()) {
          c.close();
          c = new RawHttpConnection(warden.port());
        }
      }
    } finally {
      c.close();
    }
    assertThat(wrong)
        .as("rounds without an answer, a closed connection or a wrong record")
        .isEmpty();
  }

  /** Only a reset (after which LittleProxy writes a 502 of its own) closes the connection. */
  private static boolean afterReset(String url) throws InterruptedException {
    ExchangeError failure = warden.awaitExchangeFor(url).error();
    return failure != null && failure.detail().contains("reset");
  }

  /** What is wrong with one round's answer and record, or null. */
  private static String judge(String url, String body, int status, String answer)
      throws InterruptedException {
    // Warden's own 502 when the 405 never reached it
    if (status != 405
        && !(status == 502 && answer.contains("closed the connection without answering"))) {
      return "answered " + status + " '" + answer + "'";
    }
    Exchange recorded = warden.awaitExchangeFor(url);
    String seen = new String(recorded.requestBody().bytes(), StandardCharsets.UTF_8);
    int length = body.getBytes(StandardCharsets.UTF_8).length;
    if (!seen.equals(body) || recorded.requestBody().totalSize() != length) {
      return "recorded body " + recorded.requestBody().totalSize() + " bytes '" + seen + "'";
    }
    if (recorded.status() != status) {
      return "recorded status " + recorded.status() + " but the client got " + status;
    }
    ExchangeError failure = recorded.error();
    if (status == 502 && (failure == null || failure.kind() != ExchangeError.Kind.SERVER_ABORTED)) {
      return "recorded failure " + failure + " for Warden's 502";
    }
    if (status == 405 && failure != null) {
      return "recorded failure " + failure + " for the origin's 405";
    }
    return null;
  }
}
