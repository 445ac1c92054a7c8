package dev.warden.core.engine;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.util.AttributeKey;

/**
 * Puts the Proxy-Authenticate fields back on Warden's own 407s. LittleProxy removes hop-by-hop
 * fields (Proxy-Authenticate among them) from every response after the filters have seen it; this
 * handler sits just before LittleProxy's handler in the client pipeline, so it sees the response
 * after that stripping and before encoding. Only the exact response registered in
 * {@link #PENDING} is touched: a 407 relayed from elsewhere keeps LittleProxy's treatment.
 *
 * <p>Runs on the client channel's event loop. One instance per client channel.
 */
final class ChallengeRestorer extends ChannelOutboundHandlerAdapter {

  static final String NAME = "warden-challenge";
  static final AttributeKey<PendingChallenge> PENDING = AttributeKey.valueOf("warden.pending-challenge");

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
    if (msg instanceof HttpResponse response) {
      PendingChallenge pending = ctx.channel().attr(PENDING).get();
      if (pending != null && pending.response() == response) {
        ctx.channel().attr(PENDING).compareAndSet(pending, null);
        for (String challenge : pending.challenges()) {
          response.headers().add("Proxy-Authenticate", challenge);
        }
        if (pending.http10KeepAlive()) {
          response.headers().set("Connection", HttpHeaderValues.KEEP_ALIVE);
        }
      }
    }
    super.write(ctx, msg, promise);
  }
}
