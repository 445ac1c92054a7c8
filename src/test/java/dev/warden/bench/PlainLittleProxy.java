package dev.warden.bench;

import java.net.InetSocketAddress;
import org.littleshoot.proxy.impl.DefaultHttpProxyServer;
import org.littleshoot.proxy.impl.ServerGroup;

/**
 * LittleProxy with nothing of Warden's: no filters, no enforcement, no capture, as many client loops
 * as Warden's engine. Its connections to the destination stay on LittleProxy's own pool of server
 * loops: Warden puts them on the client connection's loop, but plain LittleProxy on that shape stops
 * answering at its first new destination connection (its write waits on the loop while connecting;
 * tried with wrk and curl), which Warden avoids only by holding writes back in its stage. The proxy benchmark runs it beside Warden to show how much of the
 * distance to the direct baseline is LittleProxy's own and how much is Warden's. Listens on
 * 127.0.0.1 on a free port and prints {@code plain LittleProxy listening on 127.0.0.1:PORT}.
 */
public final class PlainLittleProxy {

  private PlainLittleProxy() {}

  public static void main(String[] args) throws InterruptedException {
    int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
    var server = DefaultHttpProxyServer.bootstrap()
        .withServerGroup(new ServerGroup("plain", 1, threads, threads, false))
        .withAddress(new InetSocketAddress("127.0.0.1", 0))
        .start();
    System.out.println(
        "plain LittleProxy listening on 127.0.0.1:" + server.getListenAddress().getPort());
    System.out.flush();
    Thread.currentThread().join();
  }
}
