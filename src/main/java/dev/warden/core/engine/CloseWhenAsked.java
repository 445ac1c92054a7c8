package dev.warden.core.engine;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AttributeKey;

/**
 * Closes the client connection after the last byte of a forwarded response when the client asked
 * for that ({@code Connection: close}, or HTTP/1.0 without keep-alive). LittleProxy 2.8.0 decides
 * from the request as forwarded, whose Connection field it has already stripped as hop-by-hop, and
 * so keeps such connections open. Runs on the client channel's event loop; one per client channel.
 */
final class CloseWhenAsked extends ChannelOutboundHandlerAdapter {

  static final String NAME = "warden-close";
  static final AttributeKey<Boolean> REQUESTED = AttributeKey.valueOf("warden.close-requested");

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
    boolean requested = Boolean.TRUE.equals(ctx.channel().attr(REQUESTED).get());
    if (requested && msg instanceof HttpResponse response) {
      // RFC 9112 §9.6: say so too, since LittleProxy stripped the origin's Connection field.
      response.headers().set("Connection", HttpHeaderValues.CLOSE);
    }
    if (requested && msg instanceof LastHttpContent) {
      ctx.channel().attr(REQUESTED).set(null);
      promise.addListener(ChannelFutureListener.CLOSE);
    }
    super.write(ctx, msg, promise);
  }
}
