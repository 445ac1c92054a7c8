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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An origin on 127.0.0.1 over a raw {@link ServerSocket} that misbehaves on purpose, chosen by the
 * request path, and remembers every request line it read:
 *
 * <ul>
 *   <li>{@code /ok}: a 200 with a {@value #OK_BODY_LENGTH}-byte body, kept alive;
 *   <li>{@code /slow}: the same after {@value #SLOW_MILLIS} ms;
 *   <li>{@code /close}: closes (FIN) without sending a byte;
 *   <li>{@code /reset}: resets (RST) without sending a byte;
 *   <li>{@code /cut-close} and {@code /cut-reset}: a 200 head announcing {@value #CUT_LENGTH} bytes
 *       (Content-Length), {@value #CUT_SENT} of them, then a close or a reset;
 *   <li>{@code /cut-chunked}: a chunked 200 with one chunk of {@value #CUT_SENT} bytes, then a reset;
 *   <li>{@code /stall}: the head and {@value #CUT_SENT} of {@value #CUT_LENGTH} bytes, then silence
 *       until the peer closes the connection;
 *   <li>{@code /silent}: never answers; holds the connection until the peer closes it.
 * </ul>
 */
public final class FaultyOrigin implements AutoCloseable {

  public static final int OK_BODY_LENGTH = 12;
  public static final int CUT_LENGTH = 1000;
  public static final int CUT_SENT = 100;
  public static final int SLOW_MILLIS = 600;

  private final ServerSocket server;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "faulty-origin");
    t.setDaemon(true);
    return t;
  });
  private final List<String> requestLines = new CopyOnWriteArrayList<>();
  private final List<Socket> open = new CopyOnWriteArrayList<>();

  public FaultyOrigin() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.execute(this::accept);
  }

  public int port() {
    return server.getLocalPort();
  }

  /** {@code http://127.0.0.1:PORT} + path. */
  public String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  /** Every request line read, in order. */
  public List<String> requestLines() {
    return List.copyOf(requestLines);
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        open.add(socket);
        threads.execute(() -> serve(socket));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      String head;
      while ((head = readHead(in)) != null) {
        String line = head.substring(0, head.indexOf('\r'));
        requestLines.add(line);
        String path = line.split(" ")[1];
        path = path.startsWith("http")
            ? path.substring(path.indexOf('/', path.indexOf("//") + 2))
            : path;
        switch (path) {
          case "/ok", "/slow" -> {
            if (path.equals("/slow")) {
              pause(SLOW_MILLIS);
            }
            out.write(
                ("HTTP/1.1 200 OK\r\nContent-Length: " + OK_BODY_LENGTH + "\r\n\r\nhello, world")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
          }
          case "/close" -> {
            return;
          }
          case "/reset" -> {
            reset(socket);
            return;
          }
          case "/cut-close", "/cut-reset" -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + CUT_LENGTH + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
            out.write(new byte[CUT_SENT]);
            out.flush();
            pause(100);
            if (path.equals("/cut-reset")) {
              reset(socket);
            }
            return;
          }
          case "/cut-chunked" -> {
            out.write(("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(CUT_SENT) + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
            out.write(new byte[CUT_SENT]);
            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            pause(100);
            reset(socket);
            return;
          }
          case "/stall" -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + CUT_LENGTH + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
            out.write(new byte[CUT_SENT]);
            out.flush();
            while (in.read() >= 0) {
              // silent until the proxy gives up on it
            }
            return;
          }
          case "/silent" -> {
            while (in.read() >= 0) {
              // hold the connection until the proxy gives up on it
            }
            return;
          }
          default -> {
            out.write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
          }
        }
      }
    } catch (IOException gone) {
      // the proxy closed its side: nothing more to do
    } finally {
      open.remove(socket);
    }
  }

  /** Lets the bytes already written reach the proxy before the connection ends. */
  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** An RST instead of a FIN: linger on, zero seconds. */
  private static void reset(Socket socket) throws SocketException {
    socket.setSoLinger(true, 0);
  }

  /** The head of a request without a body, or null at the end of the stream. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      head.write(b);
      byte[] bytes = head.toByteArray();
      int n = bytes.length;
      if (n >= 4
          && bytes[n - 4] == '\r'
          && bytes[n - 3] == '\n'
          && bytes[n - 2] == '\r'
          && bytes[n - 1] == '\n') {
        return head.toString(StandardCharsets.ISO_8859_1);
      }
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : open) {
      socket.close();
    }
    threads.shutdownNow();
  }
}
