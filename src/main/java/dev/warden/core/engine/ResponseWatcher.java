package dev.warden.core.engine;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.Future;
import java.util.function.BiConsumer;

/**
 * The outbound half of a {@link WardenStage}: watches what LittleProxy writes to the client for the
 * exchange in progress, records it in the draft as it goes out (the final head, the body, tunnel
 * bytes), lets 1xx interim responses pass without ending the exchange, and reports when the last
 * byte of the final response has been written (or failed) so the stage can end the exchange with
 * what the client really received. Used on the client channel's event loop only.
 */
final class ResponseWatcher {

  private final BiConsumer<ExchangeDraft, Future<? super Void>> written;
  private boolean interim;

  /** @param written called once the last part of a final response is written, or its write failed */
  ResponseWatcher(BiConsumer<ExchangeDraft, Future<? super Void>> written) {
    this.written = written;
  }

  /**
   * Passes {@code msg} on, recording it in {@code draft} (null when no exchange is in progress).
   *
   * @param tunnel the channel carries raw tunnel bytes now
   * @param close the client asked to close after this response
   */
  void write(
      ChannelHandlerContext ctx,
      Object msg,
      ChannelPromise promise,
      ExchangeDraft draft,
      boolean tunnel,
      boolean close) {
    if (draft == null || tunnel) {
      if (draft != null && msg instanceof ByteBuf bytes) {
        draft.tunnelDown += bytes.readableBytes();
      }
      ctx.write(msg, promise);
      return;
    }
    if (msg instanceof HttpResponse response) {
      int code = response.status().code();
      if (code / 100 == 1 && code != 101) {
        interim = true;
      } else {
        draft.forwardedHead(response, close);
      }
    }
    boolean last = msg instanceof LastHttpContent;
    boolean finalPart = !interim;
    if (msg instanceof HttpContent content && finalPart) {
      draft.responseBody.add(content.content());
    }
    if (last && interim) {
      interim = false;
    }
    ChannelPromise watched = promise.unvoid();
    ctx.write(msg, watched);
    if (last && finalPart) {
      draft.lastPartSent = true;
      watched.addListener(f -> written.accept(draft, f));
    }
  }
}
