package dev.warden.core.engine;

import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Watches one connection LittleProxy made to a destination, for the client connection it serves,
 * and tells that connection's {@link WardenStage} when the destination went away: closed or reset
 * the connection. LittleProxy alone would leave the client waiting (a close without a byte is never
 * answered; a reset mid-body gets a 502 head in the middle of the body, which cannot be sent). The
 * stage then answers 502 itself or cuts the client connection (see {@link UpstreamFault}).
 *
 * <p>Placed right before LittleProxy's handler, behind its response decoder, so the end of a body
 * delimited by the close reaches LittleProxy (and the client) before the close is reported: a
 * complete response is never taken for a cut one. Behind the idle timer too, so a connection
 * LittleProxy closes because the destination went silent is reported as such. A request written on the connection ties it to the exchange in progress on
 * the client connection at that moment (a connection is reused for the next request to the same
 * destination).
 *
 * <p>Threads: every method runs on the destination connection's event loop; the stage hops to its
 * own loop.
 */
final class UpstreamWatch extends ChannelDuplexHandler {

  static final String NAME = "warden-upstream-watch";
  /** LittleProxy's names in the destination connection's pipeline. */
  private static final String DECODER = "decoder";

  private static final String IDLE = "idle";
  private static final String HANDLER = "handler";

  /** How a destination connection ended under an exchange. */
  enum End {
    CLOSED,
    RESET,
    /** Silent for {@link dev.warden.core.settings.Limits#backstop()}: LittleProxy closed it. */
    STALLED
  }

  private final Channel client;
  private final WardenStage stage;
  private ExchangeDraft serving;
  private boolean reported;
  private boolean stalled;

  private UpstreamWatch(Channel client, WardenStage stage) {
    this.client = client;
    this.stage = stage;
  }

  /**
   * Adds a watch to a destination connection LittleProxy has just opened, once, and sets its idle
   * timer to {@code backstop} (LittleProxy's own would answer 504 in the middle of a slow response
   * at 70 s, whatever Warden's limits say).
   */
  static void install(
      ChannelPipeline pipeline, Channel client, WardenStage stage, Duration backstop) {
    if (pipeline.get(NAME) != null
        || pipeline.get(DECODER) == null
        || pipeline.get(HANDLER) == null) {
      return;
    }
    pipeline.addBefore(HANDLER, NAME, new UpstreamWatch(client, stage));
    if (pipeline.get(IDLE) != null) {
      pipeline.replace(
          IDLE, IDLE, new IdleStateHandler(0, 0, backstop.toMillis(), TimeUnit.MILLISECONDS));
    }
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise)
      throws Exception {
    if (msg instanceof HttpRequest) {
      serving = client.attr(ExchangeDraft.CURRENT).get();
      reported = false;
    }
    super.write(ctx, msg, promise);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) throws Exception {
    if (cause instanceof IOException) {
      // reported before LittleProxy, next in line, writes its 502 for it to the client
      report(End.RESET);
    }
    super.exceptionCaught(ctx, cause);
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof IdleStateEvent) {
      stalled = true;
    }
    super.userEventTriggered(ctx, evt);
  }

  /**
   * Reported after LittleProxy has seen the close: it then counts the connection as gone, so a next
   * request the stage lets through at once opens a new one instead of being written on this one.
   */
  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    super.channelInactive(ctx);
    report(stalled ? End.STALLED : End.CLOSED);
  }

  private void report(End end) {
    ExchangeDraft draft = serving;
    if (draft != null && !reported) {
      reported = true;
      stage.upstreamEnded(draft, end);
    }
  }
}
