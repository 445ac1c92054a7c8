package dev.warden.core.auth.digest;

import java.util.Optional;

/**
 * The quality of protection a Digest request used (RFC 7616 §3.4): {@link #AUTH}, {@link #AUTH_INT},
 * or {@link #NONE} for a request without a {@code qop} parameter (RFC 2069 compatibility).
 */
public enum Qop {
  /** No {@code qop} parameter: the response is {@code KD(H(A1), nonce ":" H(A2))}. */
  NONE(""),
  /** {@code qop=auth}: authentication only. */
  AUTH("auth"),
  /** {@code qop=auth-int}: authentication with integrity protection of the entity body. */
  AUTH_INT("auth-int");

  private final String token;

  Qop(String token) {
    this.token = token;
  }

  /** The token as written on the wire and hashed into the response; empty for {@link #NONE}. */
  public String token() {
    return token;
  }

  /**
   * {@link #AUTH} for exactly {@code auth}, {@link #AUTH_INT} for exactly {@code auth-int}, empty for
   * anything else. Case matters: the token enters the response hash as the client sent it, so a client
   * sending {@code AUTH} would need its own spelling hashed, which this type cannot carry.
   */
  public static Optional<Qop> fromToken(String token) {
    if (AUTH.token.equals(token)) {
      return Optional.of(AUTH);
    }
    if (AUTH_INT.token.equals(token)) {
      return Optional.of(AUTH_INT);
    }
    return Optional.empty();
  }
}
