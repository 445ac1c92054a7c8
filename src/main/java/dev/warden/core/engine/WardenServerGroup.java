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

  WardenServerGroup(int threads, ClientLoopGroup clients) {
    super("warden", 1, 1, threads, false);
    this.clients = clients;
  }

  @Override
  public EventLoopGroup getClientToProxyWorkerPoolForTransport(TransportProtocol protocol) {
    return clients;
  }

  /**
   * Stops LittleProxy's pools, then the client loops, waiting briefly for both so no task is
   * submitted to a loop that is already gone (which Netty reports as an error).
   */
  @Override
  public void shutdown(boolean graceful) {
    super.shutdown(graceful);
    clients.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }
}
