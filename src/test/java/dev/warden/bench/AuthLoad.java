package dev.warden.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
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
 * <p>Usage: {@code AuthLoad PROXY_PORT ORIGIN_PORT basic|digest SECONDS CONNECTIONS USER PASSWORD}.
 * Prints one line: {@code <mode> <requests/s> <non-200 responses> <p50 ms> <p99 ms>}. Loopback only. Not a test.
 */
public final class AuthLoad {

  private static final Pattern PARAM = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]*))");
  private static final byte[] HEAD_END = {'\r', '\n', '\r', '\n'};

  private final int originPort;
  private final boolean digest;
  private final String user;
  private final String password;
  private final String basicRequest;
  private final String ha2;
  private final MessageDigest sha256;
  private long ok;
  private long failed;
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
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  public static void main(String[] args) throws Exception {
    int proxyPort = Integer.parseInt(args[0]);
    AuthLoad load =
        new AuthLoad(Integer.parseInt(args[1]), args[2].equals("digest"), args[5], args[6]);
    long seconds = Long.parseLong(args[3]);
    int connections = Integer.parseInt(args[4]);
    double elapsed = load.run(proxyPort, connections, seconds);
    long[] sorted = Arrays.copyOf(load.latencies, (int) Math.min(load.ok, load.latencies.length));
    Arrays.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "%s %.0f %d %.2f %.2f%n",
        load.digest ? "digest" : "basic",
        load.ok / elapsed,
        load.failed,
        percentileMillis(sorted, 0.50),
        percentileMillis(sorted, 0.99));
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
    String opaque;
    String realm;
    String ha1;
    int nc;
    boolean sentCredentials;
    long sentAt;
    // one cnonce per connection and H(A2) once: the generator's own cost per request is one hash,
    // so it takes as little as possible of the CPU it shares with Warden on this machine
    final String cnonce = Long.toHexString(System.nanoTime());

    Connection(SocketChannel channel) {
      this.channel = channel;
    }
  }

  private double run(int proxyPort, int connections, long seconds) throws IOException {
    long start = System.nanoTime();
    long end = start + seconds * 1_000_000_000L;
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
      int headEnd = indexOf(buffer, HEAD_END);
      if (headEnd < 0) {
        return true;
      }
      String head = new String(buffer.array(), 0, headEnd, StandardCharsets.ISO_8859_1);
      int length = 0;
      String challenge = null;
      String[] lines = head.split("\r\n");
      int status = Integer.parseInt(lines[0].split(" ")[1]);
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        String name = lines[i].substring(0, colon).trim();
        String value = lines[i].substring(colon + 1).trim();
        if (name.equalsIgnoreCase("Content-Length")) {
          length = Integer.parseInt(value);
        } else if (name.equalsIgnoreCase("Proxy-Authenticate")
            && challenge == null
            && value.startsWith("Digest")
            && value.contains("algorithm=SHA-256,")) {
          challenge = value;
        }
      }
      int total = headEnd + HEAD_END.length + length;
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
      Matcher m = PARAM.matcher(challenge);
      while (m.find()) {
        String value = m.group(2) != null ? m.group(2) : m.group(3);
        switch (m.group(1)) {
          case "nonce" -> connection.nonce = value;
          case "opaque" -> connection.opaque = value;
          case "realm" -> connection.realm = value;
          default -> {}
        }
      }
      connection.ha1 = sha256(user + ":" + connection.realm + ":" + password);
      connection.nc = 0;
      if (!connection.sentCredentials) {
        return;
      }
    }
    failed++;
  }

  private void send(Connection connection) throws IOException {
    String text;
    if (!digest) {
      text = basicRequest;
    } else if (connection.nonce == null) {
      connection.sentCredentials = false;
      text = request(null);
    } else {
      connection.sentCredentials = true;
      connection.nc++;
      String hex = Integer.toHexString(connection.nc);
      String nc = "00000000".substring(hex.length()) + hex;
      String response = sha256(connection.ha1 + ":" + connection.nonce + ":" + nc + ":"
          + connection.cnonce + ":auth:" + ha2);
      text =
          request("Digest username=\"" + user + "\", realm=\"" + connection.realm + "\", nonce=\""
              + connection.nonce + "\", uri=\"/\", algorithm=SHA-256, qop=auth, nc=" + nc
              + ", cnonce=\""
              + connection.cnonce + "\", opaque=\"" + connection.opaque + "\", response=\""
              + response + "\"");
    }
    ByteBuffer out = ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1));
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

  private static int indexOf(ByteBuffer buffer, byte[] wanted) {
    byte[] bytes = buffer.array();
    for (int i = 0; i + wanted.length <= buffer.position(); i++) {
      if (bytes[i] == wanted[0]
          && bytes[i + 1] == wanted[1]
          && bytes[i + 2] == wanted[2]
          && bytes[i + 3] == wanted[3]) {
        return i;
      }
    }
    return -1;
  }

  private String sha256(String text) {
    return HexFormat.of().formatHex(sha256.digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
