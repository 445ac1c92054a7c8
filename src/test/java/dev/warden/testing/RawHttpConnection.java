package dev.warden.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain socket to the proxy that writes requests byte for byte and reads responses by their
 * framing (Content-Length, chunked, or until close), so tests see exactly what went over the wire
 * and can reuse one connection for several requests.
 */
public final class RawHttpConnection implements AutoCloseable {

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  public RawHttpConnection(int port) throws IOException {
    this(port, null);
  }

  /**
   * A connection from {@code from}, another loopback address such as 127.0.0.2 (Linux routes all of
   * 127/8 to loopback), so one test can play several clients; {@code null} for the default.
   */
  public RawHttpConnection(int port, InetAddress from) throws IOException {
    socket = new Socket(InetAddress.getLoopbackAddress(), port, from, 0);
    socket.setSoTimeout(10_000);
    in = socket.getInputStream();
    out = socket.getOutputStream();
  }

  /** Sends text as ISO-8859-1 bytes (one char, one byte) so tests control every octet. */
  public void send(String raw) throws IOException {
    out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  public void send(byte[] raw) throws IOException {
    out.write(raw);
    out.flush();
  }

  /** Sends a request and reads its response; {@code head} when the request was HEAD. */
  public RawResponse exchange(String raw) throws IOException {
    send(raw);
    return read(raw.startsWith("HEAD "));
  }

  public RawResponse read(boolean headRequest) throws IOException {
    String statusLine = line();
    List<String[]> headers = new ArrayList<>();
    for (String line = line(); !line.isEmpty(); line = line()) {
      int colon = line.indexOf(':');
      headers.add(new String[] {
        line.substring(0, colon).trim(), line.substring(colon + 1).trim()
      });
    }
    RawResponse head = new RawResponse(statusLine, headers, new byte[0]);
    int status = head.status();
    if (headRequest
        || status == 204
        || status == 304
        || (status >= 100 && status < 200)
        || (status == 200 && statusLine.toLowerCase().contains("connection established"))) {
      return head;
    }
    String length = head.header("Content-Length");
    String encoding = head.header("Transfer-Encoding");
    byte[] body;
    if (length != null) {
      body = in.readNBytes(Integer.parseInt(length));
    } else if (encoding != null && encoding.equalsIgnoreCase("chunked")) {
      body = chunked();
    } else {
      body = in.readAllBytes();
    }
    return new RawResponse(statusLine, headers, body);
  }

  /** True once the peer has closed the connection (reads end of stream within the timeout). */
  public boolean isClosedByPeer(int timeoutMillis) throws IOException {
    int previous = socket.getSoTimeout();
    socket.setSoTimeout(timeoutMillis);
    try {
      return in.read() < 0;
    } catch (java.net.SocketTimeoutException stillOpen) {
      return false;
    } catch (java.net.SocketException reset) {
      return true;
    } finally {
      socket.setSoTimeout(previous);
    }
  }

  private byte[] chunked() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      int size = Integer.parseInt(line().split(";")[0].trim(), 16);
      if (size == 0) {
        while (!line().isEmpty()) {
          // trailers are not used by these tests
        }
        return body.toByteArray();
      }
      body.write(in.readNBytes(size));
      line();
    }
  }

  private String line() throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      if (b == '\n') {
        break;
      }
      if (b != '\r') {
        buffer.write(b);
      }
    }
    if (b < 0 && buffer.size() == 0) {
      throw new java.io.EOFException("connection closed by the proxy");
    }
    return buffer.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
