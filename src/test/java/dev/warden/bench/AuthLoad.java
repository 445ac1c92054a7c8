package dev.warden.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A keep-alive load generator that authenticates every request, with Basic or with Digest, so both
 * schemes are measured by the same client in the same run (wrk cannot compute a Digest response).
 * For Digest it takes the first {@code SHA-256} challenge of a 407 and answers every request with a
 * fresh response and the next nonce count, as real clients do on one connection; a stale nonce is
 * refreshed from the 407.
 *
 * <p>All connections run on one thread over a {@link Selector}, one request in flight on each: on
 * this two-core machine the generator shares the CPU with Warden, and a thread per connection (its
 * first form) spent about as much on blocking reads and context switches as Warden spent serving,
 * which capped both schemes at the generator's rate and hid Warden's own difference between them.
 *
 * <p>A fresh JVM runs the generator's own code interpreted for its first second or so, and more of it
 * for Digest (the hash, the hex) than for Basic: {@code WARMUP_SECONDS} of load on the same
 * connections come first and are left out of the rate and the percentiles, as wrk, native code,
 * needs no such time.
 *
 * <p>Usage: {@code AuthLoad PROXY_PORT ORIGIN_PORT basic|digest SECONDS CONNECTIONS USER PASSWORD
 * [WARMUP_SECONDS]}. Prints one line: {@code <mode> <requests/s> <non-200 responses> <p50 ms> <p99 ms>
 * <200 responses including the warm-up> <generator µs of CPU per 200>}: the count including the
 * warm-up divides a proxy's CPU time read around the whole run; the generator's own CPU (its one
 * thread's, over the measured seconds) is what it took from the two cores it shares with the proxy. Loopback only. Not a test.
 */
public final class AuthLoad {

  private static final Pattern PARAM = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]*))");
  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] CONTENT_LENGTH =
      "content-length:".getBytes(StandardCharsets.ISO_8859_1);
  private static final byte[] PROXY_AUTHENTICATE =
      "proxy-authenticate:".getBytes(StandardCharsets.ISO_8859_1);
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);

  private final int originPort;
  private final boolean digest;
  private final String user;
  private final String password;
  private final byte[] basicRequest;
  private final byte[] bareRequest;
  private final String ha2;
  private final MessageDigest sha256;
  private final byte[] hash = new byte[32];
  private long ok;
  private long failed;
  /** The 200 responses of the warm-up, left out of {@link #ok}. */
  private long warmUpOk;
  /** The generator thread's CPU time over the measured seconds, in nanoseconds. */
  private long cpuNanos;
  /** Latency of each 200 in nanoseconds, as many as fit: enough for percentiles of a long run. */
  private final long[] latencies = new long[4_000_000];

  private AuthLoad(int originPort, boolean digest, String user, String password)
      throws NoSuchAlgorithmException {
    this.originPort = originPort;
    this.digest = digest;
    this.user = user;
    this.password = password;
    this.sha256 = MessageDigest.getInstance("SHA-256");
    this.ha2 = sha256("GET:/");
    this.basicRequest = request("Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
        .getBytes(StandardCharsets.ISO_8859_1);
    this.bareRequest = request(null).getBytes(StandardCharsets.ISO_8859_1);
  }

  public static void main(String[] args) throws Exception {
    int proxyPort = Integer.parseInt(args[0]);
    AuthLoad load =
        new AuthLoad(Integer.parseInt(args[1]), args[2].equals("digest"), args[5], args[6]);
    long seconds = Long.parseLong(args[3]);
    int connections = Integer.parseInt(args[4]);
    long warmUpSeconds = args.length > 7 ? Long.parseLong(args[7]) : 0;
    double elapsed = load.run(proxyPort, connections, warmUpSeconds, seconds);
    long[] sorted = Arrays.copyOf(load.latencies, (int) Math.min(load.ok, load.latencies.length));
    Arrays.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "%s %.0f %d %.2f %.2f %d %.1f%n",
        load.digest ? "digest" : "basic",
        load.ok / elapsed,
        load.failed,
        percentileMillis(sorted, 0.50),
        percentileMillis(sorted, 0.99),
        load.warmUpOk + load.ok,
        load.ok == 0 ? 0 : load.cpuNanos / 1e3 / load.ok);
  }

  private static double percentileMillis(long[] sorted, double share) {
    return sorted.length == 0
        ? 0
        : sorted[(int) Math.min(sorted.length - 1, Math.round(share * sorted.length))] / 1e6;
  }

  /** One client connection's Digest state and unread bytes. */
  private static final class Connection {
    final SocketChannel channel;
    ByteBuffer in = ByteBuffer.allocate(16 * 1024);
    String nonce;
    int nc;
    boolean sentCredentials;
    long sentAt;
    // one cnonce per connection
    final String cnonce = Long.toHexString(System.nanoTime());
    // The whole request for the current nonce, in which each request rewrites only the 8 digits of
    // nc (at ncAt) and the 64 of response (at responseAt): the generator's own cost per request is
    // one hash over bytes, so it takes as little as it can of the two cores it shares with Warden.
    // hashHead and hashTail are H(A1) ":" nonce ":" and ":" cnonce ":auth:" H(A2), around the nc.
    byte[] template;
    int ncAt;
    int responseAt;
    byte[] hashHead;
    byte[] hashTail;

    Connection(SocketChannel channel) {
      this.channel = channel;
    }
  }

  /** Runs the load; returns the seconds measured, after the warm-up. */
  private double run(int proxyPort, int connections, long warmUpSeconds, long seconds)
      throws IOException {
    long start = System.nanoTime() + warmUpSeconds * 1_000_000_000L;
    long end = start + seconds * 1_000_000_000L;
    boolean warmingUp = warmUpSeconds > 0;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuAtStart = warmingUp ? 0 : threads.getCurrentThreadCpuTime();
    List<Connection> all = new ArrayList<>();
    try (Selector selector = Selector.open()) {
      for (int i = 0; i < connections; i++) {
        SocketChannel channel =
            SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), proxyPort));
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        channel.configureBlocking(false);
        Connection connection = new Connection(channel);
        channel.register(selector, SelectionKey.OP_READ, connection);
        all.add(connection);
        send(connection);
      }
      while (System.nanoTime() < end && !selector.keys().isEmpty()) {
        if (warmingUp && System.nanoTime() >= start) {
          warmingUp = false;
          warmUpOk = ok;
          cpuAtStart = threads.getCurrentThreadCpuTime();
          ok = 0;
          failed = 0;
        }
        selector.select(100);
        for (SelectionKey key : selector.selectedKeys()) {
          Connection connection = (Connection) key.attachment();
          if (!read(connection)) {
            failed++;
            key.cancel();
            connection.channel.close();
          }
        }
        selector.selectedKeys().clear();
      }
      cpuNanos = threads.getCurrentThreadCpuTime() - cpuAtStart;
    } finally {
      for (Connection connection : all) {
        connection.channel.close();
      }
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /** Reads what arrived and answers every complete response with the next request; false when closed. */
  private boolean read(Connection connection) throws IOException {
    if (!connection.in.hasRemaining()) {
      ByteBuffer bigger = ByteBuffer.allocate(connection.in.capacity() * 2);
      connection.in.flip();
      bigger.put(connection.in);
      connection.in = bigger;
    }
    if (connection.channel.read(connection.in) < 0) {
      return false;
    }
    while (true) {
      ByteBuffer buffer = connection.in;
      // one pass over the head, as bytes, looking only at lines that start like the two headers it
      // needs, and at a header as text only when it is a 407's challenge: per response the
      // generator
      // should cost what wrk's parser costs, and no more for Digest's longer answers (searching the
      // head for its end, then each line for its end, was a tenth of the generator's Digest
      // samples)
      byte[] bytes = buffer.array();
      int end = buffer.position();
      int headEnd = -1;
      int status = 0;
      int length = 0;
      String challenge = null;
      int line = 0;
      for (int i = 1; i < end; i++) {
        if (bytes[i] != '\n' || bytes[i - 1] != '\r') {
          continue;
        }
        int lineEnd = i - 1;
        if (lineEnd == line) {
          headEnd = line;
          break;
        }
        if (line == 0) {
          status = (bytes[9] - '0') * 100 + (bytes[10] - '0') * 10 + (bytes[11] - '0');
        } else if ((bytes[line] | 0x20) == 'c'
            && startsWithIgnoreCase(bytes, line, lineEnd, CONTENT_LENGTH)) {
          length = 0;
          for (int k = line + CONTENT_LENGTH.length; k < lineEnd; k++) {
            if (bytes[k] >= '0' && bytes[k] <= '9') {
              length = length * 10 + bytes[k] - '0';
            }
          }
        } else if (status == 407
            && challenge == null
            && (bytes[line] | 0x20) == 'p'
            && startsWithIgnoreCase(bytes, line, lineEnd, PROXY_AUTHENTICATE)) {
          String value = new String(
                  bytes,
                  line + PROXY_AUTHENTICATE.length,
                  lineEnd - line - PROXY_AUTHENTICATE.length,
                  StandardCharsets.ISO_8859_1)
              .trim();
          if (value.startsWith("Digest") && value.contains("algorithm=SHA-256,")) {
            challenge = value;
          }
        }
        line = i + 1;
      }
      if (headEnd < 0) {
        return true;
      }
      int total = headEnd + CRLF.length + length;
      if (buffer.position() < total) {
        return true;
      }
      buffer.flip();
      buffer.position(total);
      buffer.compact();
      answered(connection, status, challenge);
      send(connection);
    }
  }

  private void answered(Connection connection, int status, String challenge) {
    if (status == 200) {
      if (ok < latencies.length) {
        latencies[(int) ok] = System.nanoTime() - connection.sentAt;
      }
      ok++;
      return;
    }
    if (digest && status == 407 && challenge != null) {
      String realm = null;
      String opaque = null;
      Matcher m = PARAM.matcher(challenge);
      while (m.find()) {
        String value = m.group(2) != null ? m.group(2) : m.group(3);
        switch (m.group(1)) {
          case "nonce" -> connection.nonce = value;
          case "opaque" -> opaque = value;
          case "realm" -> realm = value;
          default -> {}
        }
      }
      String ha1 = sha256(user + ":" + realm + ":" + password);
      String head = request(null).replace("\r\n\r\n", "\r\n")
          + "Proxy-Authorization: Digest username=\"" + user + "\", realm=\"" + realm
          + "\", nonce=\"" + connection.nonce + "\", uri=\"/\", algorithm=SHA-256, qop=auth, nc=";
      String middle =
          ", cnonce=\"" + connection.cnonce + "\", opaque=\"" + opaque + "\", response=\"";
      connection.template = (head + "00000000" + middle + "0".repeat(64) + "\"\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1);
      connection.ncAt = head.length();
      connection.responseAt = head.length() + 8 + middle.length();
      connection.hashHead =
          (ha1 + ":" + connection.nonce + ":").getBytes(StandardCharsets.ISO_8859_1);
      connection.hashTail =
          (":" + connection.cnonce + ":auth:" + ha2).getBytes(StandardCharsets.ISO_8859_1);
      connection.nc = 0;
      if (!connection.sentCredentials) {
        return;
      }
    }
    failed++;
  }

  private void send(Connection connection) throws IOException {
    byte[] bytes;
    if (!digest) {
      bytes = basicRequest;
    } else if (connection.nonce == null) {
      connection.sentCredentials = false;
      bytes = bareRequest;
    } else {
      connection.sentCredentials = true;
      bytes = connection.template;
      int nc = ++connection.nc;
      for (int i = 7; i >= 0; i--) {
        bytes[connection.ncAt + i] = HEX[nc & 0xf];
        nc >>>= 4;
      }
      sha256.update(connection.hashHead);
      sha256.update(bytes, connection.ncAt, 8);
      sha256.update(connection.hashTail);
      try {
        sha256.digest(hash, 0, hash.length);
      } catch (DigestException e) {
        throw new IllegalStateException(e);
      }
      for (int i = 0; i < hash.length; i++) {
        bytes[connection.responseAt + 2 * i] = HEX[(hash[i] >> 4) & 0xf];
        bytes[connection.responseAt + 2 * i + 1] = HEX[hash[i] & 0xf];
      }
    }
    ByteBuffer out = ByteBuffer.wrap(bytes);
    connection.sentAt = System.nanoTime();
    // a few hundred bytes into an empty socket buffer (one request in flight): written at once
    while (out.hasRemaining()) {
      connection.channel.write(out);
    }
  }

  private String request(String authorization) {
    return "GET http://127.0.0.1:" + originPort + "/ HTTP/1.1\r\nHost: 127.0.0.1:" + originPort
        + "\r\n" + (authorization == null ? "" : "Proxy-Authorization: " + authorization + "\r\n")
        + "\r\n";
  }

  /** Whether the line {@code bytes[from, to)} starts with {@code prefix}, ignoring ASCII case. */
  private static boolean startsWithIgnoreCase(byte[] bytes, int from, int to, byte[] prefix) {
    if (to - from < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (Character.toLowerCase(bytes[from + i]) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private String sha256(String text) {
    return HexFormat.of().formatHex(sha256.digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
