package dev.warden.core.engine;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Sits in front of LittleProxy's request decoder and tells the {@link WardenStage} how many bytes
 * each read brought, before any is decoded: the first bytes of a request head start its deadline,
 * which the stage could not see otherwise (the decoder hands it nothing until the head is whole).
 * Passes everything on untouched. Runs on the channel's event loop.
 */
final class HeadClock extends ChannelInboundHandlerAdapter {

  static final String NAME = "warden-head-clock";

  private final WardenStage stage;

  HeadClock(WardenStage stage) {
    this.stage = stage;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof ByteBuf bytes) {
      stage.bytesArrived(bytes.readableBytes());
    }
    ctx.fireChannelRead(msg);
  }
}
