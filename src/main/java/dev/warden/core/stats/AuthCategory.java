package dev.warden.core.stats;

import dev.warden.core.auth.AuthOutcome;
import dev.warden.core.auth.ChallengeReason;

/**
 * Which line of the dashboard an exchange counts in, decided from its structured {@link AuthOutcome}
 * alone (never from text). Pure; any thread.
 */
public enum AuthCategory {
  /**
   * A 407 that is a normal step of the handshake, which the client is expected to answer: no
   * credentials yet, a Digest nonce gone stale, a connection-bound handshake (NTLM) that continues.
   */
  CHALLENGED,
  /** Valid credentials of an enabled user, whatever the origin answered. */
  AUTHENTICATED,
  /**
   * Credentials sent and refused (wrong password, unknown or disabled user, locked out, ...), a
   * CONNECT port the realm does not allow, or a request refused before it could be judged.
   */
  REFUSED,
  /** Not judged: enforcement was off, or the exchange came from an imported capture. */
  NOT_JUDGED;

  /** The category of an outcome. */
  public static AuthCategory of(AuthOutcome outcome) {
    if (outcome instanceof AuthOutcome.Authenticated) {
      return AUTHENTICATED;
    }
    if (outcome instanceof AuthOutcome.Challenged c) {
      return isHandshakeStep(c.reason()) ? CHALLENGED : REFUSED;
    }
    if (outcome instanceof AuthOutcome.PortRefused || outcome instanceof AuthOutcome.Unjudged) {
      return REFUSED;
    }
    return NOT_JUDGED;
  }

  private static boolean isHandshakeStep(ChallengeReason reason) {
    return reason == ChallengeReason.MISSING
        || reason == ChallengeReason.STALE_NONCE
        || reason == ChallengeReason.HANDSHAKE_CONTINUES;
  }
}
