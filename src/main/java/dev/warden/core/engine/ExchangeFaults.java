package dev.warden.core.engine;

import dev.warden.core.settings.Limits;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;

/**
 * What goes wrong with one client connection's exchanges over time, and what its
 * {@link WardenStage} does about it: a deadline of {@link StageDeadlines} that passes (idle close,
 * 408, refused body cut off, 504), a destination that closes or resets (502 at once, or the client
 * connection cut, see {@link UpstreamFault}), and a response LittleProxy writes that must not reach
 * the wire. The answers themselves are {@link OwnAnswers}'.
 *
 * <p>Threads: the client channel's event loop only; {@link #upstreamEnded} may be called on a
 * destination loop and hops onto it.
 */
final class ExchangeFaults {

  private final WardenStage stage;
  private final ChannelHandlerContext ctx;
  private final Limits limits;
  private final StageDeadlines deadlines;
  private final HeldMessages held;
  private final OwnAnswers answers;

  ExchangeFaults(
      WardenStage stage,
      ChannelHandlerContext ctx,
      StageDeadlines deadlines,
      HeldMessages held,
      OwnAnswers answers) {
    this.stage = stage;
    this.ctx = ctx;
    this.limits = stage.limits();
    this.deadlines = deadlines;
    this.held = held;
    this.answers = answers;
  }

  void deadlinePassed(StageDeadlines.Deadline passed) {
    ExchangeDraft draft = stage.current;
    switch (passed) {
      case IDLE -> {
        // nothing was asked, so nothing is answered or recorded: the connection just ends
        if (stage.phase == StagePhase.IDLE && draft == null && held.isEmpty()) {
          stage.phase = StagePhase.CLOSED;
          ctx.channel().close();
        }
      }
      case REQUEST_HEAD -> {
        if (stage.phase != StagePhase.IDLE || draft != null) {
          deadlines.headOverdue();
        } else {
          headLate();
        }
      }
      case REFUSED_BODY -> {
        // a refused body that does not finish in time closes the connection (a slow-body attack)
        if (draft != null && stage.phase == StagePhase.DRAIN && !draft.requestEnded) {
          draft.requestEnded = true;
          draft.note = "request body not finished " + Limits.describe(limits.refusedBody())
              + " after the refusal (refused body deadline): connection closed";
          stage.closeAfterResponse = true;
          stage.finishIfDone();
        }
      }
      case CONNECT -> {
        if (draft != null
            && stage.phase != StagePhase.CLOSED
            && draft.status == 0
            && !draft.connected) {
          answers.answerInstead(
              draft, UpstreamFault.connectTimeout(draft, limits, draft.destination));
        }
      }
      case FIRST_BYTE -> {
        if (draft != null && stage.phase != StagePhase.CLOSED && draft.status == 0) {
          answers.answerInstead(
              draft, UpstreamFault.firstByteTimeout(draft, limits, draft.destination));
        }
      }
    }
  }

  /** A request head not complete in time: 408, recorded, and the connection closed. */
  void headLate() {
    answers.answerAlone(
        408,
        "request head not complete within " + Limits.describe(limits.requestHead())
            + " (request head deadline; " + deadlines.headBytesSeen() + " bytes received)",
        StageResponse.error(null, 408, "Request Timeout", "The request did not arrive in time."));
  }

  /**
   * Called (on a destination loop) when the destination connection serving {@code draft} ended:
   * closed or reset by the destination, or closed by LittleProxy after the destination fell silent.
   * Without a response yet: 502 now; with one under way and not complete: the client connection is
   * cut.
   */
  void upstreamEnded(ExchangeDraft draft, UpstreamWatch.End end) {
    Runnable answer = () -> {
      if (stage.current != draft
          || stage.phase == StagePhase.CLOSED
          || draft.connect
          || draft.lastPartSent) {
        return; // ended normally, or already answered
      }
      if (draft.status == 0) {
        // Kept open only after a clean close once LittleProxy had sent the request: then it writes
        // nothing more for it. After a reset (or a failed connection flow) it writes its own 502
        // later, which on an open connection could pass for the next request's answer.
        boolean keep = end == UpstreamWatch.End.CLOSED
            && !stage.closeAfterResponse
            && (stage.phase == StagePhase.FORWARDING
                || stage.phase == StagePhase.AWAITING_RESPONSE);
        answers.answerThenRead(
            draft,
            UpstreamFault.closedWithoutResponse(draft, end, limits, draft.destination, keep),
            keep);
      } else {
        answers.cut(draft, UpstreamFault.cut(draft, end, limits));
      }
    };
    // The destination connection usually lives on this loop (ClientLoopGroup): then answer now,
    // before LittleProxy, next in that pipeline, writes its own 502 to the client in the same call.
    if (ctx.executor().inEventLoop()) {
      answer.run();
    } else {
      ctx.executor().execute(answer);
    }
  }

  /**
   * A response LittleProxy writes that must not reach the wire: anything once the connection is
   * closing, any response when no exchange is in progress, and a second final head for the current
   * exchange (its 502 or 504 for a destination that failed after the response started, which cut
   * the response).
   */
  boolean dropped(Object msg) {
    if (stage.phase == StagePhase.CLOSED) {
      return true;
    }
    ExchangeDraft draft = stage.current;
    if (draft == null) {
      return msg instanceof HttpObject;
    }
    if (msg instanceof HttpResponse response && response.status().code() >= 200) {
      deadlines.responseStarted();
      if (draft.status != 0 && !draft.connect) {
        if (!draft.lastPartSent) {
          answers.cut(draft, UpstreamFault.cut(draft, UpstreamWatch.End.RESET, limits));
        }
        return true;
      }
    }
    return false;
  }
}
