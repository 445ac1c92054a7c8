package dev.warden.core.engine;

import io.netty.channel.EventLoopGroup;
import java.util.concurrent.TimeUnit;
import org.littleshoot.proxy.TransportProtocol;
import org.littleshoot.proxy.impl.ServerGroup;

/**
 * LittleProxy's thread pools with Warden's {@link ClientLoopGroup} for client connections. Shared
 * by every server the engine builds; shut down once.
 */
final class WardenServerGroup extends ServerGroup {

  private final ClientLoopGroup clients;

  WardenServerGroup(ClientLoopGroup clients) {
    super("warden", 1, 1, 1, false);
    this.clients = clients;
  }

  @Override
  public EventLoopGroup getClientToProxyWorkerPoolForTransport(TransportProtocol protocol) {
    return clients;
  }

  /** The client loops: a server connection lives on the loop of the client connection that opened it. */
  @Override
  public EventLoopGroup getProxyToServerWorkerPoolForTransport(TransportProtocol protocol) {
    return clients;
  }

  /**
   * Stops LittleProxy's pools and waits until the acceptor has ended, then stops the client loops:
   * a connection accepted while the client loops were already gone would be registered with a
   * terminated loop, which Netty reports as an error.
   */
  @Override
  public void shutdown(boolean graceful) {
    if (isStopped()) {
      return;
    }
    EventLoopGroup acceptor = super.getClientToProxyAcceptorPoolForTransport(TransportProtocol.TCP);
    super.shutdown(graceful);
    try {
      acceptor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    clients.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }
}
