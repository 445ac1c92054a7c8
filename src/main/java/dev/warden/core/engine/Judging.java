package dev.warden.core.engine;

import dev.warden.core.auth.AuthDecision;
import dev.warden.core.auth.AuthRequest;
import dev.warden.core.auth.InForce;
import dev.warden.core.auth.RequestBody;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.CompletableFuture;

/**
 * Takes each request head of one client connection from its arrival to its judgement acted on, for
 * its {@link WardenStage}: reads it ({@link HeadReader}; a head it cannot pass on goes to
 * {@link OwnAnswers}), reads the body first when the policy judges that too (Digest auth-int), lets
 * a slow verification run off the loop with reads paused, and then hands an allowed request to
 * LittleProxy (its body gated while LittleProxy connects) or a refused one to {@link OwnAnswers}.
 * Makes no object of its own for a request judged at once.
 *
 * <p>Threads: the client channel's event loop; a slow verification's decision hops back onto it.
 */
final class Judging {

  private final WardenStage stage;
  private final ChannelHandlerContext ctx;
  private final HeldMessages held;
  private final StageDeadlines deadlines;
  private final ConnectDecoding decoding;
  private final OwnAnswers answers;
  private final HeadReader heads;
  private final long connectionId;
  private final String client;
  /** The request whose body is being read before it is judged, or null. */
  private PendingJudgement pending;

  Judging(
      WardenStage stage,
      ChannelHandlerContext ctx,
      HeldMessages held,
      StageDeadlines deadlines,
      ConnectDecoding decoding,
      OwnAnswers answers,
      HeadReader heads,
      long connectionId,
      String client) {
    this.stage = stage;
    this.ctx = ctx;
    this.held = held;
    this.deadlines = deadlines;
    this.decoding = decoding;
    this.answers = answers;
    this.heads = heads;
    this.connectionId = connectionId;
    this.client = client;
  }

  /** A request head, taken in {@link StagePhase#IDLE}. */
  void head(HttpRequest head) {
    deadlines.requestStarted();
    HeadCheck.Failure failure = heads.read(head);
    if (failure != null) {
      answers.stageError(head, failure);
      return;
    }
    InForce inForce = heads.inForce();
    AuthRequest request = heads.request();
    if (inForce.policy().needsBody(request)) {
      pending = new PendingJudgement(head, heads.display(), inForce, request);
      stage.phase = StagePhase.COLLECTING;
      return;
    }
    judge(head, heads.display(), inForce, request);
  }

  /**
   * A body chunk of a request judged with its body: kept until the last one, then the request is
   * judged and the whole body handed on as one chunk (to LittleProxy if allowed, to the drain if
   * refused). A chunk past {@code RequestBody.MAX_BYTES}, or an invalid one, ends the collecting: the
   * request is judged without its body (and refused) and that chunk goes the way of the rest.
   */
  void collect(Object msg) {
    PendingJudgement request = pending;
    if (!(msg instanceof HttpContent content)) {
      ReferenceCountUtil.release(msg);
      return;
    }
    if (content.decoderResult().isFailure() || !request.fits(content.content())) {
      pending = null;
      held.addFirst(msg);
      judge(
          request.head,
          request.display,
          request.inForce,
          request.request.withBody(
              content.decoderResult().isFailure() ? RequestBody.NOT_HELD : RequestBody.TOO_LARGE));
      return;
    }
    request.add(content.content());
    boolean last = msg instanceof LastHttpContent;
    ReferenceCountUtil.release(msg);
    if (last) {
      pending = null;
      byte[] body = request.bytes();
      held.addFirst(new DefaultLastHttpContent(Unpooled.wrappedBuffer(body)));
      judge(
          request.head,
          request.display,
          request.inForce,
          request.request.withBody(RequestBody.held(body)));
    }
  }

  private void judge(HttpRequest head, String display, InForce inForce, AuthRequest request) {
    CompletableFuture<AuthDecision> judging = inForce.policy().judge(request);
    if (judging.isDone()) {
      judged(head, display, inForce, judging.join());
      return;
    }
    stage.phase = StagePhase.JUDGING;
    held.pauseReads();
    judging.thenAccept(decision -> ctx.executor().execute(() -> {
      if (stage.phase != StagePhase.JUDGING) {
        return; // the connection closed meanwhile
      }
      judged(head, display, inForce, decision);
      stage.drain();
    }));
  }

  private void judged(HttpRequest head, String display, InForce inForce, AuthDecision decision) {
    int bodyLimit = inForce.settings().bodyPrefixLimit();
    ExchangeDraft draft = new ExchangeDraft(
        connectionId,
        client,
        head.method().name(),
        display,
        head.protocolVersion().text(),
        HeaderCopy.redacted(head.headers(), decision.redactedCredentials()),
        decision,
        decision.allowed() ? bodyLimit : 0,
        bodyLimit);
    // Consumed by this proxy (RFC 9110 §11.7.2): never forwarded, whatever LittleProxy does later.
    head.headers().remove(HttpHeaderNames.PROXY_AUTHORIZATION);
    stage.current = draft;
    draft.destination = draft.connect ? head.uri() : head.headers().get(HttpHeaderNames.HOST, "");
    stage.closeAfterResponse = !HttpUtil.isKeepAlive(head);
    if (!decision.allowed()) {
      answers.refuse(head, draft, inForce);
      return;
    }
    ctx.channel().attr(ExchangeDraft.CURRENT).set(draft);
    if (draft.connect) {
      stage.phase = StagePhase.TUNNEL_PENDING;
      decoding.stop();
      ctx.fireChannelRead(head);
      if (draft.connectionStarted && draft.status == 0) {
        deadlines.connecting();
      }
      return;
    }
    stage.phase = StagePhase.FORWARDING;
    ctx.fireChannelRead(head);
    if (stage.phase == StagePhase.FORWARDING && draft.connectionStarted && !draft.gateOpen) {
      stage.phase = StagePhase.GATED;
      deadlines.connecting();
    }
  }
}
