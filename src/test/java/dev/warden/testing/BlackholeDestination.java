package dev.warden.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback port whose connections never complete: a listening socket that never accepts, its
 * accept queue filled by connections of its own, so the kernel drops further SYNs (Linux) and a
 * connect to it waits until its own timeout. Stands in for an unreachable destination without
 * leaving 127.0.0.0/8.
 */
public final class BlackholeDestination implements AutoCloseable {

  private final ServerSocket server;
  private final List<Socket> fillers = new ArrayList<>();

  public BlackholeDestination() throws IOException {
    server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    for (int i = 0; i < 16; i++) {
      Socket filler = new Socket();
      try {
        filler.connect(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 200);
        fillers.add(filler);
      } catch (SocketTimeoutException full) {
        filler.close();
        return;
      }
    }
    throw new IllegalStateException(
        "the accept queue never filled: this kernel accepts beyond the backlog");
  }

  public int port() {
    return server.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    for (Socket filler : fillers) {
      filler.close();
    }
    server.close();
  }
}
