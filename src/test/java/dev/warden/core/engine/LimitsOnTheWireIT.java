package dev.warden.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.cli.AccessLogLine;
import dev.warden.core.settings.Limits;
import dev.warden.core.settings.Settings;
import dev.warden.core.traffic.Exchange;
import dev.warden.core.traffic.ExchangeError;
import dev.warden.testing.BlackholeDestination;
import dev.warden.testing.FaultyOrigin;
import dev.warden.testing.RawHttpConnection;
import dev.warden.testing.RawResponse;
import dev.warden.testing.RunningWarden;
import dev.warden.testing.TunnelPorts;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Each limit and deadline of the proxy path firing on real sockets, with small values: what the
 * client receives, that the record says the same with a reason naming the limit, and that other
 * clients are served meanwhile. Enforcement is off: these limits apply before and after the 407
 * layer alike.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LimitsOnTheWireIT {

  private static final Limits SMALL = Limits.DEFAULTS
      .withRequestHead(Duration.ofMillis(500))
      .withIdle(Duration.ofMillis(700))
      .withConnect(Duration.ofMillis(500))
      .withFirstByte(Duration.ofMillis(500))
      .withRefusedBody(Duration.ofMillis(500))
      .withRequestLine(1024);

  private static FaultyOrigin origin;
  private static RunningWarden warden;

  @BeforeAll
  static void start() throws Exception {
    origin = new FaultyOrigin();
    warden = new RunningWarden(Settings.defaults().withEnforcement(false));
    // the first request through a fresh JVM loads classes for a second, longer than the small
    // deadlines: made with the defaults, which the connections of the tests no longer have
    try (RawHttpConnection warmUp = new RawHttpConnection(warden.port())) {
      assertThat(warmUp.exchange(get("/ok")).status()).isEqualTo(200);
    }
    warden.update(s -> s.withLimits(SMALL));
  }

  @AfterAll
  static void stop() throws IOException {
    warden.close();
    origin.close();
  }

  private static String get(String path) {
    return "GET " + origin.url(path) + " HTTP/1.1\r\nHost: 127.0.0.1:" + origin.port() + "\r\n\r\n";
  }

  /** Another client, served normally: a limit firing on one connection leaves the others alone. */
  private static void anotherClientIsServed() throws IOException {
    long start = System.nanoTime();
    try (RawHttpConnection other = new RawHttpConnection(warden.port())) {
      RawResponse ok = other.exchange(get("/ok"));
      assertThat(ok.status()).isEqualTo(200);
      assertThat(ok.bodyText()).isEqualTo("hello, world");
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1000));
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  @Test
  void answers408AndClosesWhenARequestHeadTrickles() throws Exception {
    try (RawHttpConnection slow = new RawHttpConnection(warden.port())) {
      long start = System.nanoTime();
      String head = get("/slowloris");
      // a byte every 50 ms: the deadline runs from the first byte, later bytes do not extend it
      for (int i = 0; i < 5; i++) {
        slow.send(head.substring(i, i + 1));
        Thread.sleep(50);
      }
      anotherClientIsServed();
      RawResponse late = slow.read(false);
      long elapsed = millisSince(start);

      assertThat(late.status()).isEqualTo(408);
      assertThat(late.closesConnection()).isTrue();
      assertThat(slow.isClosedByPeer(2000)).isTrue();
      assertThat(elapsed).isBetween(500L, 3000L);
    }
    Exchange recorded = warden.awaitExchange(e -> e.status() == 408);
    assertThat(recorded.failure())
        .get()
        .extracting(ExchangeError::detail)
        .asString()
        .startsWith("request head not complete within 500 ms (request head deadline; ");
    assertThat(AccessLogLine.of(recorded)).contains(" - - 408 refused ");
    assertThat(origin.requestLines()).noneMatch(line -> line.contains("/slowloris"));
  }

  @Test
  void closesAnIdleKeepAliveConnectionWithoutAnswerOrRecord() throws Exception {
    try (RawHttpConnection idle = new RawHttpConnection(warden.port())) {
      long lastId = warden.warden().traffic().snapshot().stream()
          .mapToLong(e -> e.id())
          .max()
          .orElse(0);
      assertThat(idle.exchange(get("/ok")).status()).isEqualTo(200);
      long start = System.nanoTime();
      // the exchange is recorded once both directions have ended, which can be just after the
      // client has its answer
      warden.awaitExchange(e -> e.id() > lastId && e.path().equals("/ok"));
      long recordedBefore = warden.warden().traffic().snapshot().size();

      assertThat(idle.isClosedByPeer(200))
          .as("still open well within the idle timeout")
          .isFalse();
      assertThat(idle.isClosedByPeer(3000)).isTrue();
      assertThat(millisSince(start)).isBetween(550L, 3000L);
      assertThat(warden.warden().traffic().snapshot()).hasSize((int) recordedBefore);
    }
  }

  @Test
  void closesAConnectionThatNeverSendsAByteAfterTheIdleTimeout() throws Exception {
    try (RawHttpConnection silent = new RawHttpConnection(warden.port())) {
      long start = System.nanoTime();
      assertThat(silent.isClosedByPeer(3000)).isTrue();
      assertThat(millisSince(start)).isBetween(650L, 3000L);
    }
  }

  @Test
  void answers504WhenTheDestinationDoesNotAcceptWithinTheConnectTimeout() throws Exception {
    try (BlackholeDestination blackhole = new BlackholeDestination();
        RawHttpConnection client = new RawHttpConnection(warden.port())) {
      String url = "http://127.0.0.1:" + blackhole.port() + "/nowhere";
      long start = System.nanoTime();
      client.send("GET " + url + " HTTP/1.1\r\nHost: 127.0.0.1:" + blackhole.port() + "\r\n\r\n");
      anotherClientIsServed();
      RawResponse timedOut = client.read(false);

      assertThat(timedOut.status()).isEqualTo(504);
      assertThat(millisSince(start)).isBetween(500L, 3000L);
      assertThat(client.isClosedByPeer(2000)).isTrue();
      Exchange recorded = warden.awaitExchangeFor(url);
      assertThat(recorded.status()).isEqualTo(504);
      assertThat(recorded.failure())
          .get()
          .extracting(ExchangeError::kind)
          .isEqualTo(ExchangeError.Kind.TIMEOUT);
      assertThat(recorded.failure().get().detail())
          .isEqualTo("127.0.0.1:" + blackhole.port()
              + ": no connection within 500 ms (upstream connect timeout)");
      assertThat(recorded.responseBody().totalSize()).isEqualTo(timedOut.body().length);
    }
  }

  @Test
  void answers504ToAConnectWhoseTunnelCannotBeOpenedWithinTheConnectTimeout() throws Exception {
    try (BlackholeDestination blackhole = new BlackholeDestination();
        RawHttpConnection client = new RawHttpConnection(warden.port())) {
      warden.update(s -> TunnelPorts.allowing(s, blackhole.port()));
      String authority = "127.0.0.1:" + blackhole.port();
      long start = System.nanoTime();
      RawResponse timedOut =
          client.exchange("CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\n\r\n");

      assertThat(timedOut.status()).isEqualTo(504);
      assertThat(millisSince(start)).isBetween(500L, 3000L);
      assertThat(client.isClosedByPeer(2000)).isTrue();
      Exchange recorded = warden.awaitExchangeFor(authority);
      assertThat(recorded.status()).isEqualTo(504);
      assertThat(recorded.failure())
          .get()
          .extracting(ExchangeError::detail)
          .isEqualTo(authority + ": no connection within 500 ms (upstream connect timeout)");
    }
  }

  @Test
  void answers504WhenTheDestinationSendsNothingWithinTheFirstByteTimeout() throws Exception {
    try (RawHttpConnection client = new RawHttpConnection(warden.port())) {
      long start = System.nanoTime();
      client.send(get("/silent"));
      anotherClientIsServed();
      RawResponse timedOut = client.read(false);

      assertThat(timedOut.status()).isEqualTo(504);
      assertThat(millisSince(start)).isBetween(500L, 3000L);
      assertThat(client.isClosedByPeer(2000)).isTrue();
    }
    Exchange recorded = warden.awaitExchangeFor(origin.url("/silent"));
    assertThat(recorded.status()).isEqualTo(504);
    assertThat(recorded.failure())
        .get()
        .extracting(ExchangeError::detail)
        .isEqualTo("127.0.0.1:" + origin.port()
            + ": no response within 500 ms of the request (upstream first-byte timeout)");
    assertThat(AccessLogLine.of(recorded)).contains(" 504 ");
  }

  @Test
  void answers502AtOnceAndKeepsTheConnectionWhenTheDestinationClosesWithoutAByte()
      throws Exception {
    answers502AtOnce("/close", "server closed the connection without a response", true);
  }

  @Test
  void answers502AtOnceAndClosesWhenTheDestinationResetsWithoutAByte() throws Exception {
    answers502AtOnce("/reset", "server reset the connection without a response", false);
  }

  private static void answers502AtOnce(String path, String why, boolean kept) throws Exception {
    try (RawHttpConnection client = new RawHttpConnection(warden.port())) {
      long start = System.nanoTime();
      RawResponse bad = client.exchange(get(path));

      assertThat(bad.status()).isEqualTo(502);
      assertThat(millisSince(start)).as("well before any deadline").isLessThan(450L);
      if (kept) {
        // a clean close leaves nothing of LittleProxy's to come: the next request is served
        assertThat(bad.closesConnection()).isFalse();
        assertThat(client.exchange(get("/ok")).status()).isEqualTo(200);
      } else {
        assertThat(bad.closesConnection()).isTrue();
        assertThat(client.isClosedByPeer(2000)).isTrue();
      }
    }
    Exchange recorded = warden.awaitExchangeFor(origin.url(path));
    assertThat(recorded.status()).isEqualTo(502);
    assertThat(recorded.failure())
        .get()
        .extracting(ExchangeError::kind)
        .isEqualTo(ExchangeError.Kind.SERVER_ABORTED);
    assertThat(recorded.failure().get().detail())
        .isEqualTo("127.0.0.1:" + origin.port() + ": " + why);
    assertThat(AccessLogLine.of(recorded)).contains(" 502 ");
  }

  @Test
  void closesTheClientConnectionAtOnceWhenTheDestinationResetsMidBody() throws Exception {
    cutsTheResponse(
        "/cut-reset",
        "server reset after 100 bytes of the response body: client connection closed");
  }

  @Test
  void closesTheClientConnectionAtOnceWhenTheDestinationClosesMidBody() throws Exception {
    cutsTheResponse(
        "/cut-close",
        "server closed the connection after 100 bytes of the response body: client connection closed");
  }

  @Test
  void cutsAResponseWhoseDestinationFallsSilentMidBodyAtTheBackstop() throws Exception {
    assertThat(SMALL.backstop()).isEqualTo(Duration.ofMillis(1700));
    try (Socket client = new Socket(InetAddress.getLoopbackAddress(), warden.port())) {
      client.setSoTimeout(10_000);
      long start = System.nanoTime();
      client.getOutputStream().write(get("/stall").getBytes(StandardCharsets.ISO_8859_1));
      String all = readUntilClosed(client.getInputStream());

      assertThat(millisSince(start)).isBetween(1600L, 5000L);
      assertThat(all).startsWith("HTTP/1.1 200");
      assertThat(all.length() - all.indexOf("\r\n\r\n") - 4).isEqualTo(FaultyOrigin.CUT_SENT);
    }
    Exchange recorded = warden.awaitExchangeFor(origin.url("/stall"));
    assertThat(recorded.status()).isEqualTo(200);
    assertThat(recorded.failure())
        .get()
        .extracting(ExchangeError::detail)
        .isEqualTo(
            "server silent for 1.7 s (idle backstop) after 100 bytes of the response body: client connection closed");
  }

  @Test
  void closesTheClientConnectionAtOnceWhenTheDestinationResetsAChunkedBody() throws Exception {
    try (Socket client = new Socket(InetAddress.getLoopbackAddress(), warden.port())) {
      client.setSoTimeout(5000);
      long start = System.nanoTime();
      client.getOutputStream().write(get("/cut-chunked").getBytes(StandardCharsets.ISO_8859_1));
      String received = readUntilClosed(client.getInputStream());

      assertThat(millisSince(start)).isLessThan(2000L);
      assertThat(received).startsWith("HTTP/1.1 200").contains("Transfer-Encoding: chunked");
      assertThat(received)
          .as("never the last chunk of a complete body")
          .doesNotContain("\r\n0\r\n\r\n");
    }
    Exchange recorded = warden.awaitExchangeFor(origin.url("/cut-chunked"));
    assertThat(recorded.failure())
        .get()
        .extracting(ExchangeError::detail)
        .asString()
        .startsWith("server reset after 100 bytes");
  }

  private static void cutsTheResponse(String path, String why) throws Exception {
    int received;
    try (Socket client = new Socket(InetAddress.getLoopbackAddress(), warden.port())) {
      client.setSoTimeout(5000);
      long start = System.nanoTime();
      client.getOutputStream().write(get(path).getBytes(StandardCharsets.ISO_8859_1));
      String all = readUntilClosed(client.getInputStream());
      long elapsed = millisSince(start);

      assertThat(elapsed).as("closed at once, not after an idle timeout").isLessThan(2000L);
      assertThat(all)
          .startsWith("HTTP/1.1 200")
          .contains("Content-Length: " + FaultyOrigin.CUT_LENGTH);
      received = all.length() - all.indexOf("\r\n\r\n") - 4;
      assertThat(received).isEqualTo(FaultyOrigin.CUT_SENT);
    }
    Exchange recorded = warden.awaitExchangeFor(origin.url(path));
    assertThat(recorded.status()).as("the head the client got").isEqualTo(200);
    assertThat(recorded.responseBody().totalSize()).isEqualTo(received);
    assertThat(recorded.failure())
        .get()
        .extracting(ExchangeError::kind)
        .isEqualTo(ExchangeError.Kind.SERVER_ABORTED);
    assertThat(recorded.failure().get().detail()).isEqualTo(why);
    assertThat(AccessLogLine.of(recorded)).contains(" 200 ").contains("error=\"");
  }

  private static String readUntilClosed(InputStream in) throws IOException {
    StringBuilder out = new StringBuilder();
    byte[] buffer = new byte[4096];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        out.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
      }
    } catch (SocketException reset) {
      // a reset ends the stream as well as a close does
    }
    return out.toString();
  }

  @Test
  void answers414NamingTheRequestLineLimit() throws Exception {
    try (RawHttpConnection client = new RawHttpConnection(warden.port())) {
      RawResponse tooLong = client.exchange(get("/" + "a".repeat(1100)));
      assertThat(tooLong.status()).isEqualTo(414);
    }
    Exchange recorded = warden.awaitExchange(e -> e.status() == 414);
    assertThat(recorded.failure())
        .get()
        .extracting(ExchangeError::detail)
        .isEqualTo("request line over 1 KiB (request line limit)");
  }

  @Test
  void servesAKeptAliveConnectionAgainWithinTheIdleTimeout() throws Exception {
    try (RawHttpConnection client = new RawHttpConnection(warden.port())) {
      for (int i = 0; i < 3; i++) {
        assertThat(client.exchange(get("/ok")).status()).isEqualTo(200);
        Thread.sleep(300);
      }
    } catch (EOFException closedTooEarly) {
      throw new AssertionError("the idle timer was not reset by a request", closedTooEarly);
    }
  }
}
