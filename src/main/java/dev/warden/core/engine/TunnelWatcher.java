package dev.warden.core.engine;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpResponse;

/**
 * Reports the answer to one allowed CONNECT. LittleProxy writes its "200 Connection established"
 * straight to the channel, bypassing the filters, so this handler, placed in the client pipeline for
 * the duration of one CONNECT, sees that response, tells the exchange, and removes itself (after a
 * 2xx the channel carries tunnelled bytes only). Runs on the client channel's event loop.
 */
final class TunnelWatcher extends ChannelOutboundHandlerAdapter {

  static final String NAME = "warden-tunnel";

  private final ExchangeFilters exchange;

  TunnelWatcher(ExchangeFilters exchange) {
    this.exchange = exchange;
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
    if (msg instanceof HttpResponse response) {
      ctx.pipeline().remove(this);
      if (response.status().code() / 100 == 2) {
        exchange.tunnelEstablished(response);
      }
    }
    super.write(ctx, msg, promise);
  }
}
