package dev.warden.core.engine;

import dev.warden.core.auth.ConnectionAuth;
import dev.warden.core.settings.Limits;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.nio.channels.ClosedChannelException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Warden's stage in front of LittleProxy, one per client connection, between LittleProxy's HTTP
 * decoder and its connection handler. It owns what LittleProxy gets wrong or cannot do:
 *
 * <ul>
 *   <li><b>407 enforcement</b>: every request head is judged here, before LittleProxy sees it; a
 *       refused request never reaches LittleProxy (no name is resolved, no connection opened) and is
 *       answered by this stage with its own framed 407/403/503;
 *   <li><b>nothing slow on the event loop</b>: when judging needs a slow hash, reads are paused and
 *       the request waits while the verification pool works; the loop serves other connections;
 *   <li><b>responses in request order</b>: one request at a time is handed to LittleProxy; pipelined
 *       requests wait here until the previous response has been written, Warden's own 407s
 *       included;
 *   <li><b>no blocking writes</b>: body chunks wait here while LittleProxy connects to the
 *       destination (LittleProxy 2.8.0 would block the loop in {@code Object.wait} for up to 30 s),
 *       and bytes that follow a CONNECT head in the same read are kept and forwarded once the tunnel
 *       is up;
 *   <li><b>strict framing</b>: unreadable heads (400/414/431), transfer codings other than chunked
 *       (501), Transfer-Encoding with Content-Length (400), invalid chunk sizes (400) and HTTP
 *       versions other than 1.0/1.1 (505) are answered here and the connection closed;
 *   <li><b>a record that agrees with the wire</b>: each exchange is recorded once both directions
 *       have ended, with the status and bytes the client actually received, interim 1xx responses
 *       not ending it, aborted exchanges recorded with what was seen, CONNECT tunnels when they
 *       close;
 *   <li><b>limits and deadlines</b> ({@link Limits}, read once per connection): idle connections
 *       closed, late heads answered 408, late connections and first bytes 504, a destination that
 *       closes or resets answered 502 at once or the client connection cut (see
 *       {@link StageDeadlines}, {@link UpstreamWatch}, {@link UpstreamFault},
 *       {@link ExchangeFaults}).
 * </ul>
 *
 * <p>The stage keeps the connection's phase and exchange and moves messages in order; its parts each
 * do one job on its behalf: {@link Judging} takes a head to its judgement acted on,
 * {@link OwnAnswers} answers for Warden, {@link ExchangeFaults} handles deadlines and a destination
 * gone, {@link Tunnel} carries a CONNECT's bytes.
 *
 * <p>Threads: every method runs on the client channel's event loop. Facts LittleProxy reports on a
 * server loop arrive through {@link #gateOpened}, which hops back onto this loop. Never blocks.
 */
final class WardenStage extends ChannelDuplexHandler {

  static final String NAME = "warden-stage";

  private final StageContext context;
  private final Limits limits;
  private StageDeadlines deadlines;
  private HeldMessages held;
  private ChannelHandlerContext ctx;
  private long connectionId;
  private String client = "";
  /** What connection-bound schemes (NTLM) remember on this connection; closed with it. */
  private final ConnectionAuth connectionAuth = new ConnectionAuth();

  // not private: the parts that act for the stage read and set these, all on this loop
  StagePhase phase = StagePhase.IDLE;
  ExchangeDraft current;
  boolean closeAfterResponse;
  private final ResponseWatcher responses = new ResponseWatcher(this::responseWritten);
  private boolean counted;
  private ConnectDecoding decoding;
  private OwnAnswers answers;
  private ExchangeFaults faults;
  private Tunnel tunnel;
  private Judging judging;

  WardenStage(StageContext context) {
    this.context = context;
    this.limits = context.limits();
  }

  /** The limits this connection was accepted under. */
  Limits limits() {
    return limits;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    this.held = new HeldMessages(ctx.channel());
    this.decoding = new ConnectDecoding(ctx.pipeline(), held, limits);
    this.connectionId = context.connectionIds.incrementAndGet();
    this.client = ClientAddress.withPort(ctx.channel().remoteAddress());
    this.deadlines =
        new StageDeadlines(ctx.executor(), limits, passed -> faults.deadlinePassed(passed));
    this.answers = new OwnAnswers(this, ctx, deadlines, decoding, connectionId, client);
    this.faults = new ExchangeFaults(this, ctx, deadlines, held, answers);
    HeadReader heads = new HeadReader(
        limits,
        ctx.channel(),
        context.inForce,
        ClientAddress.of(ctx.channel().remoteAddress()),
        connectionAuth);
    this.tunnel = new Tunnel(this, ctx);
    this.judging =
        new Judging(this, ctx, held, deadlines, decoding, answers, heads, connectionId, client);
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    counted = true;
    if (context.open.incrementAndGet() > limits.maxConnections()) {
      answers.answerAlone(
          503,
          "over " + limits.maxConnections() + " open client connections (connection limit)",
          StageResponse.error(
              null,
              503,
              "Service Unavailable",
              "This proxy (Warden) has too many open connections; try again shortly."));
      return;
    }
    deadlines.awaitingRequest(false);
    super.channelActive(ctx);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    if (counted) {
      counted = false;
      context.open.decrementAndGet();
    }
    ExchangeDraft draft = current;
    if (draft != null) {
      if (phase == StagePhase.TUNNEL
          || phase == StagePhase.TUNNEL_PENDING && draft.status / 100 == 2) {
        draft.requestEnded = true;
        draft.responseEnded = true;
      } else if (!draft.done()) {
        draft.abort = draft.status == 0
            ? "client closed the connection after " + draft.requestBody.total()
                + " request body bytes"
            : "connection closed before the response was complete";
      }
      record(draft);
    }
    phase = StagePhase.CLOSED;
    deadlines.close();
    connectionAuth.close();
    held.release();
    super.channelInactive(ctx);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof HttpRequest head) {
      deadlines.headComplete();
      decoding.headArrived(head);
    }
    if (phase == StagePhase.CLOSED) {
      ReferenceCountUtil.release(msg);
      return;
    }
    if (phase == StagePhase.TUNNEL && held.isEmpty()) {
      tunnel.up(msg);
      return;
    }
    held.add(msg);
    decoding.heldMessage(msg);
    drain();
  }

  // ---------------------------------------------------------------- inbound, in order

  /** Processes held messages while the phase accepts them; pauses reads while any wait. */
  void drain() {
    held.drain(accepts, process, closed);
  }

  // made once: a method reference is a new object at each evaluation, and drain runs per message
  private final BooleanSupplier accepts = this::accepts;
  private final Consumer<Object> process = this::process;
  private final BooleanSupplier closed = () -> phase == StagePhase.CLOSED;

  private boolean accepts() {
    return switch (phase) {
      case IDLE, TUNNEL, CLOSED, COLLECTING -> true;
      // the body of the current request only: the next head waits until this exchange has ended
      case DRAIN, FORWARDING -> current != null && !current.requestEnded;
      case JUDGING, GATED, AWAITING_RESPONSE, TUNNEL_PENDING -> false;
    };
  }

  private void process(Object msg) {
    switch (phase) {
      case IDLE -> {
        if (msg instanceof HttpRequest head) {
          judging.head(head);
        } else {
          // content of a request that ended early (e.g. after a stage error): nothing wants it
          ReferenceCountUtil.release(msg);
        }
      }
      case COLLECTING -> judging.collect(msg);
      case DRAIN -> answers.drainContent(msg);
      case FORWARDING -> onForwardContent(msg);
      case TUNNEL -> tunnel.up(msg);
      default -> ReferenceCountUtil.release(msg);
    }
  }

  /**
   * Called (on any thread) when LittleProxy has a connection to the destination and has sent the
   * head, or gave up connecting: body chunks may pass (or be drained) now.
   */
  void gateOpened(ExchangeDraft draft) {
    ctx.executor().execute(() -> {
      draft.gateOpen = true;
      if (current == draft && phase == StagePhase.GATED) {
        phase = StagePhase.FORWARDING;
        drain();
      }
    });
  }

  private void onForwardContent(Object msg) {
    if (!(msg instanceof HttpContent content)) {
      ReferenceCountUtil.release(msg);
      return;
    }
    ExchangeDraft draft = current;
    if (content.decoderResult().isFailure()) {
      ReferenceCountUtil.release(msg);
      answers.badBody(draft, content);
      return;
    }
    draft.requestBody.add(content.content());
    boolean last = msg instanceof LastHttpContent;
    ctx.fireChannelRead(msg);
    if (last) {
      draft.requestEnded = true;
      if (phase == StagePhase.FORWARDING) {
        phase = StagePhase.AWAITING_RESPONSE;
      }
      if (draft.status == 0) {
        deadlines.requestForwarded();
      }
      finishIfDone();
    }
  }

  // ---------------------------------------------------------------- limits and origin faults

  /** Bytes came in, not yet decoded ({@link HeadClock}): between requests they start a head. */
  void bytesArrived(int bytes) {
    ExchangeDraft draft = current;
    if (phase != StagePhase.TUNNEL
        && phase != StagePhase.TUNNEL_PENDING
        && phase != StagePhase.CLOSED
        && (draft == null || draft.requestEnded)) {
      deadlines.headBytes(bytes);
    }
  }

  /**
   * Called (on a destination loop) when the destination connection serving {@code draft} ended; see
   * {@link ExchangeFaults#upstreamEnded}.
   */
  void upstreamEnded(ExchangeDraft draft, UpstreamWatch.End end) {
    faults.upstreamEnded(draft, end);
  }

  // ---------------------------------------------------------------- outbound

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (faults.dropped(msg)) {
      ReferenceCountUtil.release(msg);
      promise.tryFailure(new ClosedChannelException());
      return;
    }
    responses.write(ctx, msg, promise, current, phase == StagePhase.TUNNEL, closeAfterResponse);
  }

  private void responseWritten(
      ExchangeDraft draft, io.netty.util.concurrent.Future<? super Void> written) {
    if (current != draft) {
      return;
    }
    if (!written.isSuccess()) {
      draft.abort = "client connection failed while the response was sent";
      draft.requestEnded = true;
      draft.responseEnded = true;
      closeAfterResponse = true;
      finishIfDone();
      return;
    }
    if (draft.connect) {
      if (draft.status / 100 == 2) {
        ctx.executor().execute(() -> tunnel.open(draft, 0));
        return;
      }
      // the decoder is gone: this connection cannot carry another request
      draft.requestEnded = true;
      closeAfterResponse = true;
    }
    draft.responseEnded = true;
    // Answered before the body was all read. By the destination (an early response): the rest still
    // goes to LittleProxy, which holds the request until its last chunk (a head while it waits for
    // one makes it close the client connection); it sends it on to a destination that still reads
    // and drops it for one that closed. By LittleProxy, which could not connect: it is done with
    // the request (and, still connecting, would block the loop on a chunk), so the stage reads the
    // rest, and it goes nowhere. Either way the chunks are recorded as they pass.
    if (!draft.requestEnded && phase == StagePhase.GATED) {
      phase = draft.connected ? StagePhase.FORWARDING : StagePhase.DRAIN;
      answers.drainStarts();
    }
    finishIfDone();
    drain();
  }

  // ---------------------------------------------------------------- the end of an exchange

  /**
   * Ends the current exchange once both its directions have ended: records it, then closes the
   * connection or waits for the next head. Called by the stage's parts too, on this loop.
   */
  void finishIfDone() {
    ExchangeDraft draft = current;
    if (draft == null || !draft.done()) {
      return;
    }
    record(draft);
    current = null;
    ctx.channel().attr(ExchangeDraft.CURRENT).set(null);
    deadlines.exchangeEnded();
    if (closeAfterResponse) {
      phase = StagePhase.CLOSED;
      // after what is already queued (the part of a cut response that was sent): the record counts
      // it
      ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
      return;
    }
    phase = StagePhase.IDLE;
    if (deadlines.awaitingRequest(
        ctx.pipeline().get(ClientLoopGroup.DECODER) instanceof RequestDecoder decoder
            && decoder.holdsPartialMessage())) {
      faults.headLate();
    }
  }

  private void record(ExchangeDraft draft) {
    if (draft.recorded) {
      return;
    }
    draft.recorded = true;
    context.traffic.record(draft::toExchange);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ExchangeDraft draft = current;
    if (draft != null && draft.abort == null) {
      draft.abort = "connection error: " + cause.getClass().getSimpleName();
    }
    ctx.fireExceptionCaught(cause);
  }
}
