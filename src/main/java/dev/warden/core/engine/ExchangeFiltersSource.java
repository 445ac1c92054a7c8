package dev.warden.core.engine;

import dev.warden.core.auth.AuthPolicy;
import dev.warden.core.settings.Settings;
import dev.warden.core.traffic.TrafficLog;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.littleshoot.proxy.HttpFilters;
import org.littleshoot.proxy.HttpFiltersSourceAdapter;

/**
 * Gives LittleProxy one {@link ExchangeFilters} per request, judged by the policy and settings in
 * force when the request arrives, and equips each client channel once with a
 * {@link ChallengeRestorer}, a {@link CloseWhenAsked} and a connection id. Called on client event loops; never blocks.
 *
 * <p>Buffer sizes stay 0: a positive size would make LittleProxy aggregate and decompress whole
 * bodies in memory and answer oversize ones with 502/413. Bodies are sampled as chunks pass instead.
 */
final class ExchangeFiltersSource extends HttpFiltersSourceAdapter {

  private static final AttributeKey<Connection> CONNECTION = AttributeKey.valueOf("warden.connection");

  /** What stays the same for every request of one client connection, worked out once. */
  private record Connection(long id, String client) {}

  private final Supplier<AuthPolicy> policy;
  private final Supplier<Settings> settings;
  private final TrafficLog traffic;
  private final AtomicLong connections = new AtomicLong();

  ExchangeFiltersSource(Supplier<AuthPolicy> policy, Supplier<Settings> settings, TrafficLog traffic) {
    this.policy = policy;
    this.settings = settings;
    this.traffic = traffic;
  }

  @Override
  public HttpFilters filterRequest(HttpRequest originalRequest, ChannelHandlerContext ctx) {
    Connection connection = ctx.channel().attr(CONNECTION).get();
    if (connection == null) {
      connection = new Connection(connections.incrementAndGet(), clientOf(ctx.channel().remoteAddress()));
      ctx.channel().attr(CONNECTION).set(connection);
      ChannelPipeline pipeline = ctx.pipeline();
      if (pipeline.get(ChallengeRestorer.NAME) == null) {
        pipeline.addBefore(ctx.name(), ChallengeRestorer.NAME, new ChallengeRestorer());
        pipeline.addBefore(ctx.name(), CloseWhenAsked.NAME, new CloseWhenAsked());
      }
    }
    return new ExchangeFilters(
        originalRequest,
        ctx,
        connection.id(),
        connection.client(),
        policy.get(),
        settings.get(),
        traffic);
  }

  private static String clientOf(SocketAddress address) {
    if (address instanceof InetSocketAddress inet) {
      String host = inet.getAddress() == null ? inet.getHostString() : inet.getAddress().getHostAddress();
      return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + inet.getPort();
    }
    return String.valueOf(address);
  }
}
