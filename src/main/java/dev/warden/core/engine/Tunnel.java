package dev.warden.core.engine;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.ReferenceCountUtil;

/**
 * The CONNECT tunnel of one client connection, for its {@link WardenStage}: opens it once
 * LittleProxy has switched the channel to raw bytes, and passes the client's bytes up, counted in
 * the exchange's draft (the bytes down are counted by {@link ResponseWatcher}).
 *
 * <p>Threads: the client channel's event loop only.
 */
final class Tunnel {

  private final WardenStage stage;
  private final ChannelHandlerContext ctx;

  Tunnel(WardenStage stage, ChannelHandlerContext ctx) {
    this.stage = stage;
    this.ctx = ctx;
  }

  /** Passes a message the client sent through the tunnel on to LittleProxy. */
  void up(Object msg) {
    if (msg instanceof ByteBuf bytes) {
      if (stage.current != null) {
        stage.current.tunnelUp += bytes.readableBytes();
      }
      ctx.fireChannelRead(msg);
    } else {
      // the empty LastHttpContent the decoder emits after a CONNECT head
      ReferenceCountUtil.release(msg);
    }
  }

  /**
   * LittleProxy has written its 2xx to the CONNECT; it switches the channel to raw bytes in a task
   * queued right after (removing its encoder). Held tunnel bytes go out once it has.
   */
  void open(ExchangeDraft draft, int attempt) {
    if (stage.current != draft || stage.phase != StagePhase.TUNNEL_PENDING) {
      return;
    }
    if (ctx.pipeline().get("encoder") != null && attempt < 100) {
      ctx.executor().execute(() -> open(draft, attempt + 1));
      return;
    }
    stage.phase = StagePhase.TUNNEL;
    stage.drain();
  }
}
