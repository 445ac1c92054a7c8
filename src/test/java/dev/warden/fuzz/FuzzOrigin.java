package dev.warden.fuzz;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An origin on one loopback address guarded by one realm, which checks every request that reaches
 * it: the fuzzer tags each request it sends with {@code X-Fuzz: CASE REALMS}, the realms for which
 * the request carried valid proxy credentials (worked out when the credentials were made, never
 * from Warden's answer). A request that arrives untagged, or tagged without this origin's realm,
 * passed Warden without valid credentials for the realm guarding this destination: a wrong accept.
 *
 * <p>A small HTTP/1.1 server of its own (thread per connection) rather than the JDK's, so that a
 * request body that never ends is answered 408 after {@link #READ_TIMEOUT_MS} and the connection
 * closed: the fuzzer's hang bound then measures Warden, not the origin.
 */
final class FuzzOrigin implements AutoCloseable {

  static final String TAG = "X-Fuzz";
  static final int READ_TIMEOUT_MS = 2_000;
  private static final int MAX_HEAD = 128 * 1024;
  private static final byte[] OK =
      "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 3\r\n\r\nok\n"
          .getBytes(StandardCharsets.ISO_8859_1);

  private final String realm;
  private final ServerSocket server;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "fuzz-origin");
    t.setDaemon(true);
    return t;
  });
  private final AtomicLong arrivals = new AtomicLong();
  private final AtomicLong wrongAccepts = new AtomicLong();
  private final ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
  private final AtomicLong tunnelDamage = new AtomicLong();
  private final ConcurrentLinkedQueue<String> damaged = new ConcurrentLinkedQueue<>();

  /** Listens on {@code address}:{@code port} (0 for a free one) for the realm named {@code realm}. */
  FuzzOrigin(String realm, InetAddress address, int port) throws IOException {
    this.realm = realm;
    server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(address, port), 256);
    threads.execute(this::accept);
  }

  int port() {
    return server.getLocalPort();
  }

  String realm() {
    return realm;
  }

  long arrivals() {
    return arrivals.get();
  }

  long wrongAccepts() {
    return wrongAccepts.get();
  }

  /**
   * Requests that came through a tunnel (no Via of Warden's) without the tag they were sent with:
   * tunnel bytes Warden lost or cut, so the request the origin read starts mid-way. Not wrong
   * accepts (the bytes are the tunnel's), but not what the client sent either.
   */
  long tunnelDamage() {
    return tunnelDamage.get();
  }

  List<String> tunnelDamageSamples() {
    return damaged.stream().limit(10).toList();
  }

  /** The first few wrong accepts: case number and tag, for reproduction. */
  List<String> wrongAcceptSamples() {
    return wrong.stream().limit(20).toList();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        threads.execute(() -> serve(socket));
      } catch (IOException closed) {
        return;
      } catch (java.util.concurrent.RejectedExecutionException shutDown) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      socket.setSoTimeout(READ_TIMEOUT_MS);
      InputStream in = new BufferedInputStream(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      while (true) {
        String requestLine;
        try {
          requestLine = line(in);
        } catch (SocketTimeoutException idle) {
          return;
        }
        if (requestLine == null) {
          return;
        }
        if (requestLine.isEmpty()) {
          continue;
        }
        long length = 0;
        boolean chunked = false;
        boolean close = requestLine.endsWith("HTTP/1.0");
        String tag = null;
        boolean viaWarden = false;
        int headBytes = requestLine.length();
        StringBuilder head = new StringBuilder(requestLine);
        try {
          for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            headBytes += header.length();
            if (head.length() < 600) {
              head.append(" | ").append(header);
            }
            if (headBytes > MAX_HEAD) {
              answer(out, "431 Request Header Fields Too Large");
              return;
            }
            int colon = header.indexOf(':');
            if (colon <= 0) {
              continue;
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
              case "content-length" -> length = Long.parseLong(value);
              case "transfer-encoding" ->
                chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
              case "connection" -> close |= value.toLowerCase(Locale.ROOT).contains("close");
              case "x-fuzz" -> tag = tag == null ? value : tag + "," + value;
              case "via" -> viaWarden |= value.contains("warden-");
              default -> {}
            }
          }
          check(head.toString(), tag, viaWarden);
          if (chunked) {
            readChunked(in);
          } else {
            skip(in, length);
          }
        } catch (SocketTimeoutException slow) {
          answer(out, "408 Request Timeout");
          return;
        } catch (NumberFormatException badFraming) {
          answer(out, "400 Bad Request");
          return;
        }
        // a HEAD answer has no body: bytes after it would corrupt the next answer on the connection
        out.write(OK, 0, requestLine.startsWith("HEAD ") ? OK.length - 3 : OK.length);
        out.flush();
        if (close) {
          return;
        }
      }
    } catch (IOException gone) {
      // the proxy closed or reset its side: nothing to answer
    }
  }

  /**
   * Counts the arrival; a request without valid credentials for this origin's realm is a wrong
   * accept. Requests Warden forwarded carry its Via; tunnel bytes do not. The sentinel has no
   * credentials: forwarded, it is a wrong accept; in a tunnel its tag names the CONNECT's realms.
   */
  private void check(String requestLine, String tag, boolean viaWarden) {
    arrivals.incrementAndGet();
    if (tag != null && !tag.contains(",")) {
      // "CASE@CONNECTION REALMS"; a fuzzed line that starts with a space folds into the tag, after
      // both tokens
      String[] parts = tag.trim().split("[ \t]+");
      boolean forwardedSentinel = viaWarden && parts[0].startsWith("sentinel@");
      if (!forwardedSentinel
          && parts.length >= 2
          && List.of(parts[1].split("\\+")).contains(realm)) {
        return;
      }
    } else if (!viaWarden) {
      tunnelDamage.incrementAndGet();
      if (damaged.size() < 10) {
        damaged.add(
            "realm " + realm + " origin read '" + requestLine + "' untagged through a tunnel");
      }
      return;
    }
    wrongAccepts.incrementAndGet();
    if (wrong.size() < 20) {
      wrong.add("realm " + realm + " origin got '" + requestLine + "' tagged "
          + (tag == null ? "(none)" : "'" + tag + "'"));
    }
  }

  private static void answer(OutputStream out, String status) throws IOException {
    out.write(("HTTP/1.1 " + status + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  private static void readChunked(InputStream in) throws IOException {
    while (true) {
      String size = line(in);
      if (size == null) {
        throw new IOException("closed mid-body");
      }
      int semicolon = size.indexOf(';');
      long n = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
      if (n == 0) {
        for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
          // trailers are read and dropped
        }
        return;
      }
      skip(in, n);
      line(in);
    }
  }

  private static void skip(InputStream in, long n) throws IOException {
    long left = n;
    while (left > 0) {
      long skipped = in.skip(left);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new IOException("closed mid-body");
        }
        skipped = 1;
      }
      left -= skipped;
    }
  }

  /** One line without its CRLF (or LF); null at the end of the stream before any byte. */
  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(64);
    int b;
    while ((b = in.read()) >= 0) {
      if (b == '\n') {
        break;
      }
      if (b != '\r') {
        buffer.write(b);
      }
      if (buffer.size() > MAX_HEAD) {
        throw new IOException("line too long");
      }
    }
    if (b < 0 && buffer.size() == 0) {
      return null;
    }
    return buffer.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    server.close();
    threads.shutdownNow();
  }
}
