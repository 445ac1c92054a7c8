package dev.warden.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real origin on 127.0.0.1 that answers {@code 405 Method Not Allowed} as soon as it has read a
 * request's head, without reading its body, and closes the connection: the origin that once made
 * Warden record a POST's body as "(no body)". One thread per connection.
 */
public final class EarlyAnswerOrigin implements AutoCloseable {

  private static final byte[] ANSWER = ("HTTP/1.1 405 Method Not Allowed\r\nAllow: GET\r\n"
          + "Content-Type: text/plain\r\nContent-Length: 11\r\nConnection: close\r\n\r\nnot allowed")
      .getBytes(StandardCharsets.US_ASCII);

  private final ServerSocket server;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "early-answer-origin");
    t.setDaemon(true);
    return t;
  });

  public EarlyAnswerOrigin() throws IOException {
    server = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
    threads.execute(this::acceptLoop);
  }

  public int port() {
    return server.getLocalPort();
  }

  /** {@code http://127.0.0.1:PORT} + path. */
  public String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        threads.execute(() -> answer(socket));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private static void answer(Socket socket) {
    try (socket) {
      readHead(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      out.write(ANSWER);
      out.flush();
      socket.shutdownOutput();
    } catch (SocketException reset) {
      // the proxy may close first: nothing to answer any more
    } catch (IOException other) {
      // same: the test judges what Warden recorded, not this side
    }
  }

  /** Reads up to the blank line after the headers and not one byte of the body. */
  private static void readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        return;
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    threads.shutdownNow();
  }
}
