package dev.warden.core.engine;

import dev.warden.core.auth.AuthDecision;
import dev.warden.core.auth.AuthOutcome;
import dev.warden.core.auth.InForce;
import dev.warden.core.settings.Limits;
import dev.warden.core.target.RequestTarget;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Future;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What one client connection's {@link WardenStage} answers on Warden's behalf, instead of LittleProxy
 * or the destination: refusals (407/403, delayed by a fault knob if set), requests it cannot pass on
 * (400/414/431/501/505/508), a connection with no request to answer (503 over the connection limit,
 * 408 for a late head), an allowed exchange the destination failed (502/504, see
 * {@link UpstreamFault}), a response cut short, and the refused body it then reads and discards
 * within the drain limits. Each answer is recorded in the exchange's draft and ends the exchange
 * once written, through the stage.
 *
 * <p>Threads: the client channel's event loop only, like the stage whose phase it sets.
 */
final class OwnAnswers {

  private final WardenStage stage;
  private final ChannelHandlerContext ctx;
  private final Limits limits;
  private final StageDeadlines deadlines;
  private final ConnectDecoding decoding;
  private final long connectionId;
  private final String client;
  /** Request body bytes read since the stage began to drain; over the drain limit, it closes. */
  private long drained;

  OwnAnswers(
      WardenStage stage,
      ChannelHandlerContext ctx,
      StageDeadlines deadlines,
      ConnectDecoding decoding,
      long connectionId,
      String client) {
    this.stage = stage;
    this.ctx = ctx;
    this.limits = stage.limits();
    this.deadlines = deadlines;
    this.decoding = decoding;
    this.connectionId = connectionId;
    this.client = client;
  }

  /** The stage is about to drain a body from its start: the drain limit counts from here. */
  void drainStarts() {
    drained = 0;
  }

  void refuse(HttpRequest head, ExchangeDraft draft, InForce inForce) {
    boolean close =
        inForce.settings().closeAfterChallenge() || draft.connect && !decoding.resumeAfterRefusal();
    ChallengeShape.Shaped shaped = ChallengeShape.refusal(head, draft.decision, close);
    if (shaped.close()) {
      stage.closeAfterResponse = true;
    }
    stage.phase = StagePhase.DRAIN;
    drained = 0;
    deadlines.refusedBodyStarted();
    if (shaped.delay().isZero()) {
      draft.answered(shaped);
      ctx.writeAndFlush(shaped.response()).addListener(f -> ownResponseWritten(draft, f));
      return;
    }
    // a fault knob's delay: the loop goes on serving; a client that leaves meanwhile gets nothing
    ctx.executor()
        .schedule(
            () -> {
              if (stage.phase == StagePhase.CLOSED) {
                shaped.response().release(); // recorded as aborted when the connection closed
                return;
              }
              draft.answered(shaped);
              ctx.writeAndFlush(shaped.response()).addListener(f -> ownResponseWritten(draft, f));
            },
            shaped.delay().toMillis(),
            TimeUnit.MILLISECONDS);
  }

  /** Answers a request this stage cannot pass on, records it and closes the connection. */
  void stageError(HttpRequest head, HeadCheck.Failure failure) {
    String why = failure.why();
    ExchangeDraft draft = new ExchangeDraft(
        connectionId,
        client,
        head.method().name(),
        safeTarget(head),
        head.protocolVersion().text(),
        HeaderCopy.redacted(head.headers(), ""),
        new AuthDecision(new AuthOutcome.Unjudged(why), failure.code(), List.of(), List.of(), ""),
        0,
        0);
    draft.requestEnded = true;
    draft.note = why;
    stage.current = draft;
    stage.closeAfterResponse = true;
    FullHttpResponse response = StageResponse.error(
        head,
        failure.code(),
        failure.reason(),
        "Warden could not accept this request: " + why + ".");
    draft.answered(response);
    stage.phase = StagePhase.DRAIN;
    ctx.writeAndFlush(response).addListener(f -> ownResponseWritten(draft, f));
  }

  private void ownResponseWritten(ExchangeDraft draft, Future<? super Void> written) {
    if (!written.isSuccess()) {
      draft.abort = "client closed the connection before the response was sent";
      draft.status = 0;
      draft.requestEnded = true;
    }
    draft.responseEnded = true;
    stage.finishIfDone();
    stage.drain();
  }

  /** Answers, records and closes a connection that has no request to answer (or none complete). */
  void answerAlone(int status, String why, FullHttpResponse response) {
    ExchangeDraft draft = ExchangeDraft.withoutRequest(connectionId, client, status, why);
    draft.answered(response);
    stage.current = draft;
    stage.closeAfterResponse = true;
    stage.phase = StagePhase.CLOSED;
    ctx.writeAndFlush(response).addListener(f -> ownResponseWritten(draft, f));
  }

  /**
   * Warden answers an allowed exchange itself, instead of the destination, and closes the connection
   * after it: LittleProxy still holds the request, so whatever it writes later is dropped.
   */
  void answerInstead(ExchangeDraft draft, UpstreamFault.Answer answer) {
    draft.error = answer.error();
    draft.answered(answer.response());
    draft.requestEnded = true;
    stage.closeAfterResponse = true;
    stage.phase = StagePhase.CLOSED;
    ctx.writeAndFlush(answer.response()).addListener(f -> ownResponseWritten(draft, f));
  }

  /**
   * Warden answers an allowed exchange itself because the destination went away before a response
   * head, and still reads the rest of the request body: the record keeps the whole body the client
   * sent, and a client still sending is not reset (which could make it lose the answer). Whatever
   * LittleProxy writes for this request later is dropped ({@link ExchangeFaults#dropped}).
   *
   * @param keep the connection stays open: the rest of the body goes on to LittleProxy (whose
   *     connection is gone, so it goes nowhere) to bring it back to waiting for a head; otherwise the
   *     stage drains it, within the refused body deadline, and closes
   */
  void answerThenRead(ExchangeDraft draft, UpstreamFault.Answer answer, boolean keep) {
    draft.error = answer.error();
    draft.answered(answer.response());
    draft.lastPartSent = true;
    if (!keep) {
      stage.closeAfterResponse = true;
      if (!draft.requestEnded) {
        stage.phase = StagePhase.DRAIN;
        drained = 0;
        deadlines.refusedBodyStarted();
      }
    }
    ctx.writeAndFlush(answer.response()).addListener(f -> ownResponseWritten(draft, f));
  }

  /** A response under way that cannot be completed: the client learns it from the closed connection. */
  void cut(ExchangeDraft draft, String why) {
    draft.abort = why;
    draft.requestEnded = true;
    draft.responseEnded = true;
    stage.closeAfterResponse = true;
    stage.finishIfDone();
  }

  /** An invalid chunk mid-body: answer 400 if nothing was answered yet, and close. */
  void badBody(ExchangeDraft draft, HttpContent content) {
    Throwable cause = content.decoderResult().cause();
    draft.requestEnded = true;
    draft.note =
        "invalid chunked body (" + (cause == null ? "malformed" : cause.getMessage()) + ")";
    stage.closeAfterResponse = true;
    if (draft.status == 0) {
      FullHttpResponse bad =
          StageResponse.error(null, 400, "Bad Request", "The request body is not validly framed.");
      draft.answered(bad);
      ctx.writeAndFlush(bad).addListener(f -> {
        draft.responseEnded = true;
        stage.finishIfDone();
      });
      stage.phase = StagePhase.DRAIN;
      return;
    }
    draft.responseEnded = true;
    stage.finishIfDone();
  }

  /**
   * A chunk of a body the stage reads and discards ({@link StagePhase#DRAIN}): recorded, and the
   * connection closed once an unauthenticated body passes the refused body drain limit or a chunk is
   * invalid.
   */
  void drainContent(Object msg) {
    ExchangeDraft draft = stage.current;
    if (!(msg instanceof HttpContent content) || draft == null) {
      ReferenceCountUtil.release(msg);
      return;
    }
    try {
      if (content.decoderResult().isFailure()) {
        draft.requestEnded = true;
        stage.closeAfterResponse = true;
        stage.finishIfDone();
        return;
      }
      drained += content.content().readableBytes();
      draft.requestBody.add(content.content());
      if (!draft.decision.allowed() && drained > limits.refusedBodyDrain()) {
        draft.requestEnded = true;
        draft.note = "unauthenticated body over " + HeadCheck.bytes(limits.refusedBodyDrain())
            + " (refused body drain limit): connection closed";
        stage.closeAfterResponse = true;
        stage.finishIfDone();
        return;
      }
      if (msg instanceof LastHttpContent) {
        draft.requestEnded = true;
        deadlines.refusedBodyEnded();
        stage.finishIfDone();
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  /** What the record shows of a target it refused: parsed for display (no userinfo, secrets masked). */
  private static String safeTarget(HttpRequest head) {
    return RequestTarget.parse(
            head.method().name(), head.uri(), head.headers().getAll(HttpHeaderNames.HOST))
        .display();
  }
}
