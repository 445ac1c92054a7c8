package dev.warden.bench;

import dev.warden.bench.SoakSettings.Ask;
import dev.warden.bench.SoakSettings.Member;
import dev.warden.bench.SoakSettings.Space;
import dev.warden.bench.SoakSettings.Version;
import dev.warden.testing.RawHttpConnection;
import dev.warden.testing.RawResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One client of the soak: until its deadline, keep-alive GETs, pipelined GETs, CONNECT tunnels
 * (with a request through them) and requests Warden must refuse as malformed, with credentials
 * right, wrong, stale or missing, to both guarded addresses. Every answer is checked against the
 * settings versions that may have judged it ({@link SoakSettings#explains}).
 */
final class SoakTraffic implements Runnable {

  /** What all clients count together. */
  static final class Counts {
    final AtomicLong sent = new AtomicLong();
    final AtomicLong answered = new AtomicLong();
    final AtomicLong wrong = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final ConcurrentLinkedQueue<String> samples = new ConcurrentLinkedQueue<>();

    void sample(String what) {
      if (samples.size() < 20) {
        samples.add(what);
      }
    }
  }

  private final SoakSettings settings;
  private final int proxyPort;
  private final int originPort;
  private final long deadline;
  private final Counts counts;
  private final Random random;
  private RawHttpConnection connection;

  SoakTraffic(
      SoakSettings settings,
      int proxyPort,
      int originPort,
      long deadline,
      Counts counts,
      long seed) {
    this.settings = settings;
    this.proxyPort = proxyPort;
    this.originPort = originPort;
    this.deadline = deadline;
    this.counts = counts;
    this.random = new Random(seed);
  }

  @Override
  public void run() {
    while (System.nanoTime() < deadline) {
      try {
        int kind = random.nextInt(100);
        if (kind < 50) {
          pipelined(1);
        } else if (kind < 70) {
          pipelined(2 + random.nextInt(3));
        } else if (kind < 88) {
          tunnel();
        } else {
          malformed();
        }
      } catch (IOException | RuntimeException e) {
        counts.errors.incrementAndGet();
        counts.sample("client error: " + e);
        closeConnection();
      }
    }
    closeConnection();
  }

  /** {@code n} GETs in one write on the kept-alive connection, then their answers in order. */
  private void pipelined(int n) throws IOException {
    if (connection == null) {
      connection = new RawHttpConnection(proxyPort);
    }
    List<Ask> asks = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < n; i++) {
      Ask ask =
          ask(false, random.nextBoolean() ? "127.0.0.1" : SoakSettings.SECOND_HOST, originPort);
      asks.add(ask);
      String authority = ask.host() + ":" + originPort;
      text.append("GET http://")
          .append(authority)
          .append("/soak HTTP/1.1\r\nHost: ")
          .append(authority)
          .append("\r\n")
          .append(credentials(ask))
          .append("\r\n");
    }
    long sent = System.nanoTime();
    counts.sent.addAndGet(n);
    connection.send(text.toString());
    for (Ask ask : asks) {
      RawResponse response = connection.read(false);
      check(ask, sent, response.status());
      if (response.closesConnection()) {
        closeConnection();
        return;
      }
    }
  }

  /** CONNECT (to the origin's port, or now and then to port 25) on a new connection; a GET through it. */
  private void tunnel() throws IOException {
    int port = random.nextInt(10) == 0 ? 25 : originPort;
    Ask ask = ask(true, random.nextBoolean() ? "127.0.0.1" : SoakSettings.SECOND_HOST, port);
    String authority = ask.host() + ":" + port;
    try (RawHttpConnection c = new RawHttpConnection(proxyPort)) {
      long sent = System.nanoTime();
      counts.sent.incrementAndGet();
      RawResponse response = c.exchange("CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority
          + "\r\n" + credentials(ask) + "\r\n");
      check(ask, sent, response.status());
      if (response.status() == 200) {
        RawResponse inner = c.exchange(
            "GET /through HTTP/1.1\r\nHost: " + authority + "\r\nConnection: close\r\n\r\n");
        if (inner.status() != 200) {
          counts.errors.incrementAndGet();
          counts.sample("tunnel to " + authority + " answered " + inner.status());
        }
      }
    }
  }

  /** Transfer-Encoding with Content-Length: 400 and closed, whatever the credentials and settings. */
  private void malformed() throws IOException {
    Ask ask = ask(false, "127.0.0.1", originPort);
    try (RawHttpConnection c = new RawHttpConnection(proxyPort)) {
      counts.sent.incrementAndGet();
      RawResponse response = c.exchange(
          "POST http://127.0.0.1:" + originPort + "/bad HTTP/1.1\r\nHost: x\r\n" + credentials(ask)
              + "Transfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n");
      counts.answered.incrementAndGet();
      if (response.status() != 400) {
        counts.wrong.incrementAndGet();
        counts.sample("malformed request answered " + response.status());
      }
    }
  }

  private void check(Ask ask, long sent, int status) {
    counts.answered.incrementAndGet();
    if (!settings.explains(ask, sent, System.nanoTime(), status)) {
      counts.wrong.incrementAndGet();
      counts.sample((ask.connect() ? "CONNECT " : "GET ") + ask.host() + ":" + ask.port() + " as "
          + (ask.user() == null ? "nobody" : ask.user() + "/" + ask.password()) + " answered "
          + status
          + " (expected now: " + SoakSettings.expected(settings.current(), ask) + ")");
    }
  }

  /** Credentials drawn from the latest settings: right (most), wrong, of another realm, or none. */
  private Ask ask(boolean connect, String host, int port) {
    Version now = settings.current();
    int pick = random.nextInt(100);
    if (pick < 12) {
      return new Ask(connect, host, port, null, null);
    }
    Space space = now.spaces.get(random.nextInt(now.spaces.size()));
    List<String> names = new ArrayList<>(space.users().keySet());
    if (names.isEmpty()) {
      return new Ask(connect, host, port, "nobody", "x");
    }
    String user = names.get(random.nextInt(names.size()));
    Member member = space.users().get(user);
    String password = pick < 80 ? member.password() : member.password() + "-wrong";
    return new Ask(connect, host, port, user, password);
  }

  private static String credentials(Ask ask) {
    if (ask.user() == null) {
      return "";
    }
    return "Proxy-Authorization: Basic "
        + Base64.getEncoder()
            .encodeToString((ask.user() + ":" + ask.password()).getBytes(StandardCharsets.UTF_8))
        + "\r\n";
  }

  private void closeConnection() {
    if (connection != null) {
      try {
        connection.close();
      } catch (IOException ignored) {
        // already gone
      }
      connection = null;
    }
  }
}
