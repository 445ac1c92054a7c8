package dev.warden.core.auth.header;

import java.util.List;

/**
 * One challenge of a {@code Proxy-Authenticate} or {@code WWW-Authenticate} field (RFC 9110 §11.3),
 * for instance {@code Digest realm="a", nonce="b"} or {@code Negotiate} or {@code NTLM TlRMTVNT...}.
 * A challenge may have neither token68 nor parameters ({@code Negotiate}).
 *
 * <p>Immutable; any thread. {@link #equals} compares the exact spelling of scheme and parameter names;
 * use {@link #hasScheme} and the parameter look-ups for the case-insensitive comparisons of RFC 9110.
 *
 * @param scheme the scheme name as spelled, a token
 * @param token68 the token68, or {@code ""} when the challenge has parameters or nothing
 * @param params the parameters in order, duplicates included; empty when there is a token68
 */
public record Challenge(String scheme, String token68, List<AuthParam> params)
    implements AuthValue {

  /**
   * Checks the shape; the parameter list is copied.
   *
   * @throws IllegalArgumentException if {@code scheme} is not a token, {@code token68} is neither empty
   *     nor a token68, or both a token68 and parameters are given
   */
  public Challenge {
    HeaderSyntax.checkShape(scheme, token68, params);
    params = List.copyOf(params);
  }

  /** A challenge with parameters, such as {@code Basic realm="proxy"}. */
  public static Challenge withParams(String scheme, List<AuthParam> params) {
    return new Challenge(scheme, "", params);
  }

  /** A challenge with parameters, such as {@code Basic realm="proxy"}. */
  public static Challenge withParams(String scheme, AuthParam... params) {
    return new Challenge(scheme, "", List.of(params));
  }

  /** A challenge with a token68, such as an NTLM type-2 message. */
  public static Challenge withToken68(String scheme, String token68) {
    return new Challenge(scheme, token68, List.of());
  }
}
