package dev.warden.core.engine;

import dev.warden.core.traffic.ExchangeError;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import org.littleshoot.proxy.HttpFiltersAdapter;

/**
 * What LittleProxy tells Warden about one allowed request while it forwards it: whether it opened a
 * new connection to the destination (then the body must wait, see {@link WardenStage}), when that
 * connection is up and the head sent, and why it failed (name not resolved, refused, timed out).
 * Judging, capture and recording happen in the {@link WardenStage}; this class only reports, and
 * puts an {@link UpstreamWatch} on each new destination connection so the stage hears when the
 * destination closes or resets it.
 *
 * <p>Threads: {@link #proxyToServerConnectionStarted} runs on the client loop while the stage hands
 * the head over; the other callbacks run on server loops and hand over through volatile fields of
 * the draft or {@link WardenStage#gateOpened}, which hops onto the client loop.
 */
final class ExchangeFilters extends HttpFiltersAdapter {

  private final ExchangeDraft draft;
  private final WardenStage stage;

  ExchangeFilters(
      HttpRequest originalRequest,
      ChannelHandlerContext ctx,
      ExchangeDraft draft,
      WardenStage stage) {
    super(originalRequest, ctx);
    this.draft = draft;
    this.stage = stage;
  }

  @Override
  public void proxyToServerConnectionStarted() {
    draft.connectionStarted = true;
  }

  @Override
  public void proxyToServerResolutionFailed(String hostAndPort) {
    draft.error =
        new ExchangeError(ExchangeError.Kind.DNS_FAILURE, hostAndPort + ": name not resolved");
  }

  @Override
  public void proxyToServerConnectionSucceeded(ChannelHandlerContext serverCtx) {
    draft.connected = true;
    if (!draft.connect) {
      UpstreamWatch.install(
          serverCtx.pipeline(), ctx.channel(), stage, stage.limits().backstop());
    }
  }

  @Override
  public void proxyToServerConnectionFailed() {
    stage.gateOpened(draft);
  }

  /**
   * Opens the gate only when the stage closed it (a new connection was being made): on a reused
   * connection the body already flows, and a task hop to the client loop per request would cost a
   * wake-up of that loop for nothing.
   */
  @Override
  public void proxyToServerRequestSending() {
    draft.connected = true;
    if (draft.connectionStarted) {
      stage.gateOpened(draft);
    }
  }

  /**
   * Gives a response without a {@code Date} the one RFC 9110 §6.6.1 requires a forwarding proxy to
   * add, from {@link DateField}'s per-second value: LittleProxy would add it too, but builds a
   * formatter from its pattern for every response, which cost more than all of Warden's recording
   * per request. Server loop; returns the same object.
   */
  @Override
  public HttpObject serverToProxyResponse(HttpObject httpObject) {
    if (httpObject instanceof HttpResponse response
        && !response.headers().contains(HttpHeaderNames.DATE)) {
      response.headers().set(HttpHeaderNames.DATE, DateField.nowAscii());
    }
    return httpObject;
  }

  @Override
  public void serverToProxyResponseTimedOut() {
    draft.error =
        new ExchangeError(ExchangeError.Kind.TIMEOUT, "no response from the destination in time");
  }
}
