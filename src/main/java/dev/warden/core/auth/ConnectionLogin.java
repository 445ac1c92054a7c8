package dev.warden.core.auth;

import java.util.Objects;

/**
 * A client connection that completed a connection-bound handshake (NTLM): its later requests carry
 * no credentials and pass as long as the very {@link ProtectionSpace} it authenticated in is in
 * force, that is, until the settings change (a new policy compiles new spaces) or the request goes to
 * another realm. Kept in the connection's {@link ConnectionAuth}, so it dies with the connection.
 * Immutable.
 *
 * @param space the compiled realm the handshake completed in, compared by identity
 * @param scheme the scheme that authenticated the connection, e.g. {@code NTLM}
 */
record ConnectionLogin(ProtectionSpace space, String scheme, String user) {

  /** The key it is kept under in a {@link ConnectionAuth}. */
  static final String KEY = "login";

  ConnectionLogin {
    Objects.requireNonNull(space);
    Objects.requireNonNull(scheme);
    Objects.requireNonNull(user);
  }

  /** Whether it lets a request to {@code current} pass: the same compiled realm, not an equal one. */
  boolean admits(ProtectionSpace current) {
    return space == current;
  }
}
