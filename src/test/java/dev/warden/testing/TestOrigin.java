package dev.warden.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP origin on 127.0.0.1 (JDK HttpServer) that answers every path with a small text body
 * and remembers the headers of every request it received, so tests can prove what reached it.
 */
public final class TestOrigin implements AutoCloseable {

  /** What the origin saw of one request. */
  public record Seen(String method, String path, Map<String, List<String>> headers) {
    public boolean hasHeader(String name) {
      return headers.keySet().stream().anyMatch(k -> k.equalsIgnoreCase(name));
    }

    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  public static final String BODY = "hello from origin\n";

  static {
    // The JDK server writes a response's head and body separately and, by default, with Nagle's
    // algorithm on: each response then waits ~40 ms for the client's delayed ACK, which every
    // latency measured through this origin would carry. Read once, when the server classes load.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final List<Seen> seen = new CopyOnWriteArrayList<>();

  public TestOrigin() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.createContext("/", exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        in.readAllBytes();
      }
      seen.add(new Seen(
          exchange.getRequestMethod(),
          exchange.getRequestURI().toString(),
          Map.copyOf(exchange.getRequestHeaders())));
      byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
      if ("HEAD".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(200, -1);
      } else {
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
      }
      exchange.close();
    });
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://127.0.0.1:PORT} + path. */
  public String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  public List<Seen> seen() {
    return List.copyOf(seen);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
