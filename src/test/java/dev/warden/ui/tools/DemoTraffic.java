package dev.warden.ui.tools;

import com.sun.net.httpserver.HttpServer;
import dev.warden.core.auth.PasswordHasher;
import dev.warden.core.settings.ListenAddress;
import dev.warden.core.settings.Realm;
import dev.warden.core.settings.Settings;
import dev.warden.core.settings.User;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * A loopback origin with text, JSON and binary answers, demo settings (two realms, a few users) and a
 * client that sends a realistic mix through the proxy: accepted, refused for each reason, and a
 * failed destination. For the screenshot and benchmark runs only; loopback only.
 */
final class DemoTraffic implements AutoCloseable {

  static final String PASSWORD = "correct horse";

  private final HttpServer origin;

  DemoTraffic() throws IOException {
    // the JDK server writes head and body separately: without TCP_NODELAY, Nagle plus delayed ACKs
    // add 40 ms to every response and the origin, not Warden, would be what is measured
    System.setProperty("sun.net.httpserver.nodelay", "true");
    origin = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
    origin.setExecutor(Executors.newFixedThreadPool(4));
    origin.createContext("/", exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        in.readAllBytes();
      }
      String path = exchange.getRequestURI().getPath();
      byte[] body;
      String type;
      if (path.startsWith("/api/")) {
        body = ("{\"user\":{\"id\":42,\"name\":\"Ada\",\"roles\":[\"admin\",\"dev\"]},\"path\":\""
                + path + "\",\"ok\":true}")
            .getBytes(StandardCharsets.UTF_8);
        type = "application/json";
      } else if (path.endsWith(".png")) {
        body = new byte[] {
          (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0
        };
        type = "image/png";
      } else {
        body = "hello from origin\n".getBytes(StandardCharsets.UTF_8);
        type = "text/plain; charset=utf-8";
      }
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    origin.start();
  }

  int originPort() {
    return origin.getAddress().getPort();
  }

  /** Two realms: "Warden" (default; alice, bob, carol disabled) and "Corp" for localhost (dave). */
  static Settings settings(ListenAddress listen) {
    PasswordHasher hasher = new PasswordHasher();
    String hash = hasher.hash(PASSWORD.toCharArray());
    Realm warden = new Realm(
        "Warden",
        List.of(),
        List.of(
            new User("alice", true, hash),
            new User("bob", true, hash),
            new User("carol", false, hash)));
    Realm corp = new Realm("Corp", List.of("localhost"), List.of(new User("dave", true, hash)));
    return Settings.defaults().withListen(listen).withRealms(List.of(warden, corp));
  }

  /** One round of the mix through the proxy on {@code proxyPort}. */
  void sendMix(int proxyPort) {
    String o = "http://127.0.0.1:" + originPort();
    String corp = "http://localhost:" + originPort();
    get(proxyPort, o + "/index.html", "alice", PASSWORD);
    get(proxyPort, o + "/api/users/42", "alice", PASSWORD);
    get(proxyPort, o + "/assets/logo.png", "bob", PASSWORD);
    get(proxyPort, o + "/reports?month=11", null, null);
    get(proxyPort, o + "/admin", "bob", "guess");
    get(proxyPort, o + "/api/orders", "eve", "letmein");
    get(proxyPort, corp + "/wiki/Proxy", "dave", PASSWORD);
    get(proxyPort, corp + "/wiki/Start", "alice", PASSWORD);
    get(proxyPort, o + "/api/profile", "carol", PASSWORD);
    get(proxyPort, "http://127.0.0.1:9/unreachable", "alice", PASSWORD);
    get(proxyPort, o + "/search?q=proxy+auth", "alice", PASSWORD);
  }

  /**
   * What clients do around a 407, for the conversation view: a challenge answered with the right
   * password, one answered twice with the same wrong one, and credentials sent before any challenge.
   */
  void sendConversations(int proxyPort) {
    String o = "http://127.0.0.1:" + originPort();
    get(proxyPort, o + "/reports?month=12", null, null);
    get(proxyPort, o + "/reports?month=12", "alice", PASSWORD);
    get(proxyPort, o + "/admin/users", null, null);
    get(proxyPort, o + "/admin/users", "bob", "guess");
    get(proxyPort, o + "/admin/users", "bob", "guess");
    get(proxyPort, o + "/api/status", "dave", PASSWORD);
  }

  static void get(int proxyPort, String url, String user, String password) {
    get(proxyPort, url, user, password, InetAddress.getLoopbackAddress());
  }

  /**
   * One request through the proxy from the local address {@code from} (any of 127.0.0.0/8 on Linux),
   * so the demo has several clients.
   */
  static void get(int proxyPort, String url, String user, String password, InetAddress from) {
    String host = url.replaceFirst("^http://", "").replaceFirst("/.*$", "");
    StringBuilder req = new StringBuilder("GET " + url + " HTTP/1.1\r\nHost: " + host + "\r\n"
        + "User-Agent: curl/8.5.0\r\nAccept: */*\r\n");
    if (user != null) {
      req.append("Proxy-Authorization: Basic ")
          .append(Base64.getEncoder()
              .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
          .append("\r\n");
    }
    req.append("Connection: close\r\n\r\n");
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), proxyPort, from, 0)) {
      s.setSoTimeout(5000);
      s.getOutputStream().write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
      readResponse(s.getInputStream());
    } catch (IOException ignored) {
      // a demo request that fails is just one row less
    }
  }

  /** Reads one response by its Content-Length, so a kept-alive connection does not stall the demo. */
  static void readResponse(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    int b;
    while ((b = in.read()) >= 0) {
      head.append((char) b);
      if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
        break;
      }
    }
    long length = 0;
    for (String line : head.toString().split("\r\n")) {
      if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
        length = Long.parseLong(line.substring(15).strip());
      }
    }
    in.readNBytes((int) length);
  }

  @Override
  public void close() {
    origin.stop(0);
    ((java.util.concurrent.ExecutorService) origin.getExecutor()).shutdownNow();
  }
}
