package dev.warden.core.auth;

import dev.warden.core.auth.header.Challenge;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One HTTP authentication scheme Warden offers in its 407 challenges (Basic, Digest, NTLM, Negotiate,
 * Bearer). A realm lists
 * the schemes it offers, in preference order; {@link AuthPolicy} sends their challenges (each a
 * separate {@code Proxy-Authenticate} field, never comma-joined) and hands each Proxy-Authorization
 * field to the scheme whose name it carries. Adding a scheme is adding an implementation.
 *
 * <p>Implementations are thread-safe: every method runs on network threads, never blocks on I/O,
 * never throws on any input and never logs. Long-lived state (nonces, handshakes) lives in the
 * {@link AuthState} they are built with, not in the scheme.
 */
interface AuthScheme {

  /** The scheme name as Warden writes it, e.g. {@code Basic}; matched case-insensitively. */
  String name();

  /**
   * The challenges this scheme sends for {@code space}, one Proxy-Authenticate field each, built for
   * this one decision (a fresh nonce, say), in preference order (Digest: one per algorithm).
   *
   * @param stale the request's credentials were right but their nonce expired
   */
  List<Challenge> challenges(ProtectionSpace space, boolean stale);

  /**
   * The challenges for a refusal for {@code reason}: those of {@link #challenges(ProtectionSpace, boolean)}
   * unless the scheme says more about why (Bearer's {@code error="invalid_token"}).
   */
  default List<Challenge> challenges(ProtectionSpace space, boolean stale, ChallengeReason reason) {
    return challenges(space, stale);
  }

  /**
   * Judges credentials of this scheme for a request to a destination guarded by {@code space}.
   * Completes at once unless a slow hash must run (then on the {@link VerificationPool}); never
   * completes exceptionally.
   *
   * @param credentials the field value after the scheme name and its whitespace (a secret)
   */
  CompletableFuture<SchemeVerdict> judge(
      AuthRequest request, String credentials, ProtectionSpace space);

  /**
   * The user name the credentials claim, read without checking anything, or empty when none can be
   * read cheaply (then only the verdict's user is checked against lockouts).
   */
  String claimedUser(String credentials);

  /**
   * Whether these credentials can only be judged with the request body (Digest {@code qop=auth-int}
   * in a realm that offers it): the stage then holds the body, up to {@link RequestBody#MAX_BYTES},
   * and judges once it has it. Cheap; most schemes never need it.
   */
  default boolean needsBody(String credentials, ProtectionSpace space) {
    return false;
  }

  /**
   * Whether any credentials could need the body in {@code space}: when no scheme of a realm says
   * so, the policy answers {@link #needsBody} without reading the credentials. Cheap; false unless
   * the scheme overrides {@link #needsBody}.
   */
  default boolean mayNeedBody(ProtectionSpace space) {
    return false;
  }

  /** What may be shown of credentials of this scheme, e.g. {@code Basic alice:***}. */
  String redact(String credentials);
}
