package dev.warden.core.engine;

import dev.warden.core.settings.Limits;
import io.netty.util.concurrent.EventExecutor;
import java.util.function.Consumer;

/**
 * The deadlines of Warden's own on one client connection, each a {@link StageTimer} on the
 * connection's event loop, each reported to the stage by name when it passes:
 *
 * <ul>
 *   <li>{@link Deadline#IDLE}: no byte of a next request (or of the first) within
 *       {@link Limits#idle()} of the connection being ready for one;
 *   <li>{@link Deadline#REQUEST_HEAD}: a request head not complete within
 *       {@link Limits#requestHead()} of its first byte;
 *   <li>{@link Deadline#REFUSED_BODY}: a refused request's body not read to its end within
 *       {@link Limits#refusedBody()} of the refusal;
 *   <li>{@link Deadline#CONNECT}: no connection to the destination within {@link Limits#connect()}
 *       of LittleProxy starting to connect;
 *   <li>{@link Deadline#FIRST_BYTE}: no response head within {@link Limits#firstByte()} of the
 *       whole request having been forwarded.
 * </ul>
 *
 * <p>The waiting deadlines (idle, head) share one timer, as do the upstream ones (connect, first
 * byte): only one of each pair can run at a time. Used on the channel's event loop only.
 */
final class StageDeadlines {

  enum Deadline {
    IDLE,
    REQUEST_HEAD,
    REFUSED_BODY,
    CONNECT,
    FIRST_BYTE
  }

  private final Limits limits;
  private final StageTimer waiting;
  private final StageTimer body;
  private final StageTimer upstream;
  private Deadline waitingFor = Deadline.IDLE;
  private Deadline upstreamFor = Deadline.CONNECT;
  private boolean headStarted;
  private boolean headOverdue;
  private long headBytes;

  /** @param expired told which deadline passed, on the loop */
  StageDeadlines(EventExecutor loop, Limits limits, Consumer<Deadline> expired) {
    this.limits = limits;
    this.waiting = new StageTimer(loop, () -> expired.accept(waitingFor));
    this.body = new StageTimer(loop, () -> expired.accept(Deadline.REFUSED_BODY));
    this.upstream = new StageTimer(loop, () -> expired.accept(upstreamFor));
  }

  Limits limits() {
    return limits;
  }

  /**
   * The connection is ready for a next request (just opened, or the previous exchange ended): the
   * idle timeout runs unless bytes of a head have already come. Returns true when a head that came
   * meanwhile is already overdue: the stage answers it now.
   *
   * @param headWaiting the decoder holds the start of a head that came with the previous request
   *     (in the same read, so its deadline could not start then): it starts now
   */
  boolean awaitingRequest(boolean headWaiting) {
    if (headOverdue) {
      return true;
    }
    if (headWaiting) {
      headBytes(0);
    }
    if (!headStarted) {
      waitingFor = Deadline.IDLE;
      waiting.arm(limits.idle());
    }
    return false;
  }

  /** {@code bytes} of a request head arrived (before the decoder); the first start its deadline. */
  void headBytes(int bytes) {
    headBytes += bytes;
    if (!headStarted) {
      headStarted = true;
      waitingFor = Deadline.REQUEST_HEAD;
      waiting.arm(limits.requestHead());
    }
  }

  /** A whole head was decoded (it may still wait its turn): its deadline is met. */
  void headComplete() {
    headStarted = false;
    headOverdue = false;
    headBytes = 0;
    if (waitingFor == Deadline.REQUEST_HEAD) {
      waiting.disarm();
    }
  }

  /** A request is being handled: the connection is not idle. */
  void requestStarted() {
    if (waitingFor == Deadline.IDLE) {
      waiting.disarm();
    }
  }

  /** The head deadline passed while an earlier exchange was still going: answered when it ends. */
  void headOverdue() {
    headOverdue = true;
  }

  /** Bytes of the head that is late, for the record. */
  long headBytesSeen() {
    return headBytes;
  }

  void refusedBodyStarted() {
    body.arm(limits.refusedBody());
  }

  void refusedBodyEnded() {
    body.disarm();
  }

  /** LittleProxy started connecting to the destination. */
  void connecting() {
    upstreamFor = Deadline.CONNECT;
    upstream.arm(limits.connect());
  }

  /** The whole request has been handed to LittleProxy: the first byte of its response is due. */
  void requestForwarded() {
    upstreamFor = Deadline.FIRST_BYTE;
    upstream.arm(limits.firstByte());
  }

  /** A response (or Warden's own answer) is on its way: no upstream deadline applies. */
  void responseStarted() {
    upstream.disarm();
  }

  /** The exchange ended: its own deadlines no longer apply. */
  void exchangeEnded() {
    body.disarm();
    upstream.disarm();
  }

  void close() {
    waiting.close();
    body.close();
    upstream.close();
  }
}
