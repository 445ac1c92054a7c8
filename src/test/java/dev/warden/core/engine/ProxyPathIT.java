package dev.warden.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.auth.AuthOutcome;
import dev.warden.core.traffic.Exchange;
import dev.warden.core.traffic.ExchangeError;
import dev.warden.testing.RawHttpConnection;
import dev.warden.testing.RawResponse;
import dev.warden.testing.RunningWarden;
import dev.warden.testing.TestOrigin;
import dev.warden.testing.TunnelPorts;
import dev.warden.testing.Users;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The path around the 407 layer, attacked on raw sockets: pipelining order, early tunnel bytes,
 * framing LittleProxy would forward wrongly, refused bodies, and what the record says.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProxyPathIT {

  private static TestOrigin origin;
  private static RunningWarden warden;
  private static String alice;

  @BeforeAll
  static void start() throws Exception {
    origin = new TestOrigin();
    warden = new RunningWarden(
        TunnelPorts.allowing(Users.realmWith("Lab", Users.user("alice", "s3cret")), origin.port()));
    alice = "Proxy-Authorization: " + Users.basic("alice", "s3cret") + "\r\n";
  }

  @AfterAll
  static void stop() {
    warden.close();
    origin.close();
  }

  private static String get(String path, String credentials) {
    return "GET " + origin.url(path) + " HTTP/1.1\r\nHost: 127.0.0.1:" + origin.port() + "\r\n"
        + credentials + "\r\n";
  }

  @Test
  void answersPipelinedRequestsInTheOrderTheyWereSent() throws Exception {
    try (RawHttpConnection connection = new RawHttpConnection(warden.port())) {
      connection.send(get("/p1", alice)
          + get("/p2", "")
          + get("/p3", alice)
          + get("/p4", "")
          + get("/p5", alice));
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        statuses.add(connection.read(false).status());
      }
      assertThat(statuses).containsExactly(200, 407, 200, 407, 200);
    }
  }

  @Test
  void sendsThe407OfAPipelinedRequestAfterTheEarlierResponse() throws Exception {
    try (RawHttpConnection connection = new RawHttpConnection(warden.port())) {
      connection.send(get("/first", alice) + get("/second", ""));
      RawResponse first = connection.read(false);
      RawResponse second = connection.read(false);
      assertThat(first.status()).isEqualTo(200);
      assertThat(first.bodyText()).isEqualTo(TestOrigin.BODY);
      assertThat(second.status()).isEqualTo(407);
      assertThat(second.headers("Proxy-Authenticate")).isNotEmpty();
    }
  }

  @Test
  void forwardsTunnelBytesThatArriveWithTheConnectHead() throws Exception {
    String authority = "127.0.0.1:" + origin.port();
    String early = "GET /early HTTP/1.1\r\nHost: " + authority + "\r\nConnection: close\r\n\r\n";
    try (RawHttpConnection connection = new RawHttpConnection(warden.port())) {
      connection.send("CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\n" + alice
          + "\r\n" + early);
      RawResponse established = connection.read(false);
      RawResponse tunnelled = connection.read(false);
      assertThat(established.status()).isEqualTo(200);
      assertThat(tunnelled.status()).isEqualTo(200);
      assertThat(tunnelled.bodyText()).isEqualTo(TestOrigin.BODY);
    }
    assertThat(origin.seen()).anyMatch(seen -> seen.path().equals("/early"));
  }

  @Test
  void forwardsTunnelBytesOfAConnectThatWaitedBehindAnEarlierRequest() throws Exception {
    String authority = "127.0.0.1:" + origin.port();
    String early = "GET /behind HTTP/1.1\r\nHost: " + authority + "\r\nConnection: close\r\n\r\n";
    try (RawHttpConnection connection = new RawHttpConnection(warden.port())) {
      connection.send(get("/ahead", alice) + "CONNECT " + authority + " HTTP/1.1\r\nHost: "
          + authority + "\r\n" + alice + "\r\n" + early);
      assertThat(connection.read(false).status()).isEqualTo(200);
      assertThat(connection.read(false).status()).as("tunnel established").isEqualTo(200);
      RawResponse tunnelled = connection.read(false);
      assertThat(tunnelled.status()).isEqualTo(200);
      assertThat(tunnelled.bodyText()).isEqualTo(TestOrigin.BODY);
    }
    assertThat(origin.seen()).anyMatch(seen -> seen.path().equals("/behind"));
  }

  @Test
  void keepsTheConnectionForARetryAfterARefusedConnect() throws Exception {
    String authority = "127.0.0.1:" + origin.port();
    String connect = "CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\n";
    try (RawHttpConnection connection = new RawHttpConnection(warden.port())) {
      RawResponse refused = connection.exchange(connect + "\r\n");
      assertThat(refused.status()).isEqualTo(407);
      assertThat(refused.closesConnection()).isFalse();
      assertThat(connection.exchange(connect + alice + "\r\n").status()).isEqualTo(200);
      connection.send(
          "GET /after-retry HTTP/1.1\r\nHost: " + authority + "\r\nConnection: close\r\n\r\n");
      assertThat(connection.read(false).bodyText()).isEqualTo(TestOrigin.BODY);
    }
  }

  @Test
  void closesARefusedConnectWhoseTunnelBytesAlreadyFollowed() throws Exception {
    String authority = "127.0.0.1:" + origin.port();
    String early = "GET /never-tunnelled HTTP/1.1\r\nHost: " + authority + "\r\n\r\n";
    try (RawHttpConnection connection = new RawHttpConnection(warden.port())) {
      connection.send(
          "CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\n\r\n" + early);
      RawResponse refused = connection.read(false);
      assertThat(refused.status()).isEqualTo(407);
      assertThat(refused.closesConnection()).isTrue();
      assertThat(connection.isClosedByPeer(5_000)).isTrue();
    }
    assertThat(origin.seen()).noneMatch(seen -> seen.path().equals("/never-tunnelled"));
  }

  @Test
  void answersARequestWhoseBodyFollowsLaterAndWhoseNameLoopsBackToWarden() throws Exception {
    String authority = "localhost:" + warden.port();
    for (int i = 0; i < 20; i++) {
      try (RawHttpConnection connection = new RawHttpConnection(warden.port())) {
        connection.send("POST http://" + authority + "/loop-" + i + " HTTP/1.1\r\nHost: "
            + authority + "\r\n" + alice + "Transfer-Encoding: chunked\r\n\r\n");
        Thread.sleep(20);
        connection.send("5\r\nhello\r\n0\r\n\r\n");
        RawResponse answer = connection.read(false);
        assertThat(answer.status()).as("attempt %d", i).isGreaterThanOrEqualTo(400);
      }
    }
  }

  @Test
  void recordsATunnelWhenItClosesWithItsBytesEachWay() throws Exception {
    String authority = "127.0.0.1:" + origin.port();
    String inner =
        "GET /tunnel-bytes HTTP/1.1\r\nHost: " + authority + "\r\nConnection: close\r\n\r\n";
    try (RawHttpConnection connection = new RawHttpConnection(warden.port())) {
      connection.send(
          "CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\n" + alice + "\r\n");
      assertThat(connection.read(false).status()).isEqualTo(200);
      connection.send(inner);
      assertThat(connection.read(false).bodyText()).isEqualTo(TestOrigin.BODY);
    }
    Exchange tunnel =
        warden.awaitExchange(e -> e.isConnect() && e.requestBody().totalSize() == inner.length());
    assertThat(tunnel.status()).isEqualTo(200);
    assertThat(tunnel.responseBody().totalSize()).isGreaterThan(TestOrigin.BODY.length());
    assertThat(tunnel.user()).contains("alice");
  }

  @Test
  void refusesTransferEncodingWithContentLength() throws Exception {
    assertFramingRefused(
        "POST " + origin.url("/te-cl") + " HTTP/1.1\r\nHost: x\r\n" + alice
            + "Transfer-Encoding: gzip\r\nContent-Length: 3\r\n\r\nabc",
        400,
        "/te-cl");
  }

  @Test
  void refusesATransferCodingOtherThanChunked() throws Exception {
    assertFramingRefused(
        "POST " + origin.url("/xchunked") + " HTTP/1.1\r\nHost: x\r\n" + alice
            + "Transfer-Encoding: xchunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
        501,
        "/xchunked");
  }

  @Test
  void refusesAnUnsupportedHttpVersion() throws Exception {
    assertFramingRefused(
        "GET " + origin.url("/v12") + " HTTP/1.2\r\nHost: x\r\n" + alice + "\r\n", 505, "/v12");
    assertFramingRefused(
        "GET " + origin.url("/v30") + " HTTP/3.0\r\nHost: x\r\n" + alice + "\r\n", 505, "/v30");
  }

  @Test
  void answersAnInvalidChunkSizeWith400AndCloses() throws Exception {
    for (String size : List.of("zz", "-5", "11111111111111111")) {
      try (RawHttpConnection connection = new RawHttpConnection(warden.port())) {
        connection.send("POST " + origin.url("/chunk-" + size) + " HTTP/1.1\r\nHost: x\r\n" + alice
            + "Transfer-Encoding: chunked\r\n\r\n" + size + "\r\nabc\r\n0\r\n\r\n");
        assertThat(connection.read(false).status()).as(size).isEqualTo(400);
        assertThat(connection.isClosedByPeer(5_000)).as(size).isTrue();
      }
    }
  }

  @Test
  void closesAnUnauthenticatedUploadAfterTheDrainLimit() throws Exception {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), warden.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST " + origin.url("/upload")
              + " HTTP/1.1\r\nHost: x\r\nContent-Length: 104857600\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      byte[] chunk = new byte[16 * 1024];
      long sent = 0;
      try {
        while (sent < 100L * 1024 * 1024) {
          out.write(chunk);
          sent += chunk.length;
        }
      } catch (IOException closedByWarden) {
        // expected: Warden stops reading and closes long before 100 MiB
      }
      assertThat(sent).isLessThan(8L * 1024 * 1024);
    }
    Exchange refused = warden.awaitExchange(e -> e.url().endsWith("/upload"));
    assertThat(refused.status()).isEqualTo(407);
    assertThat(refused.failure())
        .map(ExchangeError::kind)
        .contains(ExchangeError.Kind.REFUSED_BY_PROXY);
    assertThat(origin.seen()).noneMatch(seen -> seen.path().equals("/upload"));
  }

  @Test
  void closesAnUnauthenticatedBodyThatTrickles() throws Exception {
    try (RawHttpConnection connection = new RawHttpConnection(warden.port())) {
      connection.send("POST " + origin.url("/trickle")
          + " HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\nabc");
      assertThat(connection.read(false).status()).isEqualTo(407);
      long start = System.nanoTime();
      boolean closed = false;
      while (!closed && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(20)) {
        connection.send("x");
        closed = connection.isClosedByPeer(1_000);
      }
      assertThat(closed).isTrue();
    }
    Exchange refused = warden.awaitExchange(e -> e.url().endsWith("/trickle"));
    assertThat(refused.failure())
        .map(ExchangeError::detail)
        .hasValueSatisfying(d -> assertThat(d).contains("not finished"));
  }

  @Test
  void recordsAnExpectContinueExchangeWithItsFinalStatusAndBody() throws Exception {
    String body = "{\"hello\":\"continue\"}";
    try (RawHttpConnection connection = new RawHttpConnection(warden.port())) {
      connection.send("POST " + origin.url("/continue") + " HTTP/1.1\r\nHost: 127.0.0.1:"
          + origin.port() + "\r\n" + alice + "Expect: 100-continue\r\nContent-Length: "
          + body.length() + "\r\n\r\n");
      RawResponse interim = connection.read(false);
      assertThat(interim.status()).isEqualTo(100);
      connection.send(body);
      assertThat(connection.read(false).status()).isEqualTo(200);
    }
    Exchange recorded = warden.awaitExchange(e -> e.url().endsWith("/continue"));
    assertThat(recorded.status()).isEqualTo(200);
    assertThat(new String(recorded.requestBody().bytes(), StandardCharsets.UTF_8))
        .isEqualTo(body);
    assertThat(new String(recorded.responseBody().bytes(), StandardCharsets.UTF_8))
        .isEqualTo(TestOrigin.BODY);
  }

  @Test
  void recordsAnUploadTheClientAbandons() throws Exception {
    try (RawHttpConnection connection = new RawHttpConnection(warden.port())) {
      connection.send("POST " + origin.url("/abandoned") + " HTTP/1.1\r\nHost: x\r\n" + alice
          + "Content-Length: 1000\r\n\r\n0123456789");
      Thread.sleep(300);
    }
    Exchange aborted = warden.awaitExchange(e -> e.url().endsWith("/abandoned"));
    assertThat(aborted.failure())
        .map(ExchangeError::kind)
        .contains(ExchangeError.Kind.CLIENT_ABORTED);
    assertThat(aborted.requestBody().totalSize()).isEqualTo(10);
    assertThat(aborted.auth()).isInstanceOf(AuthOutcome.Authenticated.class);
  }

  private static void assertFramingRefused(String request, int status, String path)
      throws Exception {
    try (RawHttpConnection connection = new RawHttpConnection(warden.port())) {
      connection.send(request);
      RawResponse response = connection.read(false);
      assertThat(response.status()).as(request).isEqualTo(status);
      assertThat(response.closesConnection()).isTrue();
      assertThat(connection.isClosedByPeer(5_000)).isTrue();
    }
    assertThat(origin.seen()).noneMatch(seen -> seen.path().equals(path));
    Exchange refused = warden.awaitExchange(e -> e.url().endsWith(path));
    assertThat(refused.status()).isEqualTo(status);
    assertThat(refused.auth()).isInstanceOf(AuthOutcome.Unjudged.class);
  }
}
