package dev.warden.core.engine;

import dev.warden.core.settings.Limits;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * When a client connection stops and starts reading HTTP around a CONNECT. The decoder leaves the
 * pipeline once a CONNECT has ended, whether the CONNECT is judged at once, later (behind an earlier
 * request) or slowly: every byte after it may be tunnel data, which must reach the tunnel as sent and
 * never be read as requests (Netty hands what the decoder had buffered to the stage as raw bytes, in
 * order). After a refused CONNECT the connection speaks HTTP again (RFC 9110 §9.3.6: only a 2xx
 * switches to a tunnel) so the client can retry on it, unless bytes already followed the CONNECT.
 * One per connection; its channel's event loop only.
 */
final class ConnectDecoding {

  private final ChannelPipeline pipeline;
  private final HeldMessages held;
  private final Limits limits;
  /** A CONNECT head has passed the decoder and its end (a LastHttpContent) has not yet. */
  private boolean connectEnding;
  /** That CONNECT was refused before its end passed, with nothing after it: the decoder stays. */
  private boolean decodeAfterConnect;

  ConnectDecoding(ChannelPipeline pipeline, HeldMessages held, Limits limits) {
    this.pipeline = pipeline;
    this.held = held;
    this.limits = limits;
  }

  /** A head came from the decoder. */
  void headArrived(HttpRequest head) {
    connectEnding =
        HttpMethod.CONNECT.equals(head.method()) && head.decoderResult().isSuccess();
    decodeAfterConnect = false;
  }

  /** {@code msg} was put in {@code held}: the end of a CONNECT takes the decoder out. */
  void heldMessage(Object msg) {
    if (connectEnding && msg instanceof LastHttpContent) {
      connectEnding = false;
      if (!decodeAfterConnect) {
        stop();
      }
    }
  }

  /** Takes the decoder out, if it is still in. */
  void stop() {
    if (pipeline.get(ClientLoopGroup.DECODER) != null) {
      pipeline.remove(ClientLoopGroup.DECODER);
    }
  }

  /**
   * A CONNECT was refused: the connection decodes HTTP again, unless bytes already followed the
   * CONNECT: those were meant for a tunnel, and reading them as requests could act on them, so the
   * connection must close after the refusal instead.
   *
   * @return whether the connection can carry another request
   */
  boolean resumeAfterRefusal() {
    if (pipeline.get(ClientLoopGroup.DECODER) instanceof RequestDecoder decoder) {
      if (decoder.holdsPartialMessage()) {
        return false;
      }
      decodeAfterConnect = connectEnding;
      return true;
    }
    if (held.holdsRawBytes()) {
      return false;
    }
    pipeline.addBefore(WardenStage.NAME, ClientLoopGroup.DECODER, ClientPipeline.decoder(limits));
    return true;
  }
}
