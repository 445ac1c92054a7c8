package dev.warden.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Opens many keep-alive client connections to a proxy, sends one authenticated GET on each, reads its
 * response, and then holds every connection open and idle until killed: the idle crowd of the scale
 * benchmark ({@code scripts/bench-scale.sh}). Connections come from 127.0.0.1 to 127.0.0.40 in
 * turn, so 10,000 of them never run out of ephemeral ports.
 *
 * <p>Usage: {@code IdleConnections PROXY_PORT ORIGIN_PORT COUNT USER PASSWORD}. Prints
 * {@code holding N idle connections} once all are open and answered (to stdout), then sleeps.
 * Loopback only. Not a test.
 */
public final class IdleConnections {

  public static void main(String[] args) throws Exception {
    int proxyPort = Integer.parseInt(args[0]);
    int originPort = Integer.parseInt(args[1]);
    int count = Integer.parseInt(args[2]);
    String credentials = Base64.getEncoder()
        .encodeToString((args[3] + ":" + args[4]).getBytes(StandardCharsets.UTF_8));
    byte[] request = ("GET http://127.0.0.1:" + originPort + "/ HTTP/1.1\r\nHost: 127.0.0.1:"
            + originPort + "\r\nProxy-Authorization: Basic " + credentials + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
    List<Socket> held = new ArrayList<>(count);
    int failed = 0;
    for (int i = 0; i < count; i++) {
      Socket socket = new Socket();
      try {
        socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0." + (1 + i % 40)), 0));
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), proxyPort), 10_000);
        socket.setSoTimeout(30_000);
        socket.getOutputStream().write(request);
        if (readStatus(socket.getInputStream()) == 200) {
          held.add(socket);
          continue;
        }
      } catch (IOException e) {
        // counted below
      }
      failed++;
      socket.close();
    }
    System.out.println("holding " + held.size() + " idle connections (" + failed + " failed)");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }

  /** Reads one response with a Content-Length body; returns its status. */
  private static int readStatus(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed");
      }
      head.append((char) b);
    }
    String text = head.toString();
    int status = Integer.parseInt(text.substring(9, 12));
    long length = 0;
    for (String line : text.split("\r\n")) {
      if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
        length = Long.parseLong(line.substring(15).strip());
      }
    }
    in.readNBytes((int) length);
    return status;
  }
}
