package dev.warden.core.engine;

import dev.warden.core.settings.Limits;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * Puts Warden into a client pipeline LittleProxy has just built, with the {@link Limits} the new
 * connection's stage read: LittleProxy's request decoder replaced by one with the request-line and
 * header-block limits (LittleProxy's are fixed when the server is built), a {@link HeadClock} in
 * front of it, the {@link WardenStage} behind it, and LittleProxy's idle timer set to
 * {@link Limits#backstop()}, longer than every deadline of Warden's own, so those fire first and
 * name themselves in the record. Runs on the channel's loop, before any byte is read.
 */
final class ClientPipeline {

  /** LittleProxy's own, kept: body chunks of at most this many bytes. */
  private static final int MAX_CHUNK_SIZE = 16 * 1024;

  private static final String IDLE = "idle";

  private static final String FLUSHES = "warden-flushes";

  private ClientPipeline() {}

  /**
   * A request decoder with the limits of one connection: at its start, and again after a refused
   * CONNECT (whose head took the decoder out so that no tunnel byte is read as HTTP).
   */
  static RequestDecoder decoder(Limits limits) {
    return new RequestDecoder(new HttpDecoderConfig()
        .setMaxInitialLineLength(limits.requestLine())
        .setMaxHeaderSize(limits.headerBlock())
        .setMaxChunkSize(MAX_CHUNK_SIZE));
  }

  static void build(ChannelPipeline pipeline, WardenStage stage) {
    Limits limits = stage.limits();
    // LittleProxy flushes each part of a forwarded response as it passes it on: head and body went
    // out in two write calls though the origin's bytes came in one read. Flushes made outside a
    // read of this channel (a response arrives on the server channel) now wait for the loop's next
    // task, and those made while reading it for the read's end, so what one read brought leaves in
    // one writev. Close and removal flush what is pending first.
    pipeline.addFirst(
        FLUSHES,
        new FlushConsolidationHandler(
            FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, true));
    pipeline.replace(ClientLoopGroup.DECODER, ClientLoopGroup.DECODER, decoder(limits));
    pipeline.addBefore(ClientLoopGroup.DECODER, HeadClock.NAME, new HeadClock(stage));
    pipeline.addAfter(ClientLoopGroup.DECODER, WardenStage.NAME, stage);
    if (pipeline.get(IDLE) != null) {
      pipeline.replace(
          IDLE,
          IDLE,
          new IdleStateHandler(0, 0, limits.backstop().toMillis(), TimeUnit.MILLISECONDS));
    }
  }
}
