package dev.warden.core.engine;

/**
 * Where one client connection's {@link WardenStage} is in its exchange: which inbound messages it
 * takes now and what it does with them. Shared with the parts that act on the stage's behalf
 * ({@link Judging}, {@link OwnAnswers}, {@link ExchangeFaults}, {@link Tunnel}). Read and set on
 * the client channel's event loop only.
 */
enum StagePhase {
  /** Waiting for a request head. */
  IDLE,
  /** The body is read before judging (Digest auth-int), at most {@code RequestBody.MAX_BYTES}. */
  COLLECTING,
  /** A slow verification is running; everything waits. */
  JUDGING,
  /** The request body is read, recorded and discarded (after a refusal or a stage error). */
  DRAIN,
  /** LittleProxy is connecting to the destination; the body waits. */
  GATED,
  /** Body chunks pass to LittleProxy, also after a response that came before their end. */
  FORWARDING,
  /** The request has passed; the next one waits for this response to end. */
  AWAITING_RESPONSE,
  /** An allowed CONNECT is with LittleProxy; tunnel bytes wait. */
  TUNNEL_PENDING,
  /** Raw bytes pass both ways. */
  TUNNEL,
  /** The connection is closing; everything is dropped. */
  CLOSED
}
