package dev.warden.core.auth;

/**
 * One HTTP authentication scheme Warden offers in its 407 challenges (Basic now; Digest, RFC 7616,
 * next). {@link AuthPolicy} holds its schemes in preference order, sends one challenge per scheme,
 * and hands each Proxy-Authorization field to the scheme whose name it carries.
 *
 * <p>Implementations are immutable or thread-safe: {@link #judge} and {@link #redact} run on network
 * threads, so they never block on I/O, never throw and never log.
 *
 * <p>Package-private on purpose: Digest will still shape this interface (it needs nonces and the
 * request method), and nothing outside this package has to implement it.
 */
interface AuthScheme {

  /** The scheme name as Warden writes it, e.g. {@code Basic}; matched case-insensitively. */
  String name();

  /** The Proxy-Authenticate field value for {@code realm}, e.g. {@code Basic realm="Corp", charset="UTF-8"}. */
  String challenge(String realm);

  /**
   * Judges credentials of this scheme for a request to a destination guarded by {@code space}.
   *
   * @param credentials the field value after the scheme name and its whitespace (a secret)
   */
  SchemeVerdict judge(AuthRequest request, String credentials, ProtectionSpace space);

  /** What may be shown of credentials of this scheme, e.g. {@code Basic alice:***}. */
  String redact(String credentials);
}
