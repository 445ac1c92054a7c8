package dev.warden.core.auth.header;

import java.util.List;

/**
 * The credentials of one {@code Proxy-Authorization} or {@code Authorization} field (RFC 9110 §11.4),
 * for instance {@code Basic YWxhZGRpbjpvcGVuc2VzYW1l} or {@code Digest username="a", response="..."}.
 *
 * <p>Credentials are secrets: {@link #toString} shows the scheme and the parameter names only.
 * Immutable; any thread. {@link #equals} compares the exact spelling of scheme and parameter names;
 * use {@link #hasScheme} and the parameter look-ups for the case-insensitive comparisons of RFC 9110.
 *
 * @param scheme the scheme name as spelled, a token
 * @param token68 the token68, or {@code ""} when the credentials have parameters
 * @param params the parameters in order, duplicates included; empty when there is a token68
 */
public record Credentials(String scheme, String token68, List<AuthParam> params)
    implements AuthValue {

  /**
   * Checks the shape; the parameter list is copied. As for the parser, credentials carry something
   * after the scheme, so that every credentials value can be written and read back.
   *
   * @throws IllegalArgumentException if {@code scheme} is not a token, {@code token68} is neither empty
   *     nor a token68, both a token68 and parameters are given, or neither is
   */
  public Credentials {
    HeaderSyntax.checkShape(scheme, token68, params);
    if (token68.isEmpty() && params.isEmpty()) {
      throw new IllegalArgumentException("credentials carry a token68 or parameters");
    }
    params = List.copyOf(params);
  }

  /** Credentials with parameters, such as Digest's. */
  public static Credentials withParams(String scheme, List<AuthParam> params) {
    return new Credentials(scheme, "", params);
  }

  /** Credentials with parameters, such as Digest's. */
  public static Credentials withParams(String scheme, AuthParam... params) {
    return new Credentials(scheme, "", List.of(params));
  }

  /** Credentials with a token68, such as Basic's base64 or a Bearer token. */
  public static Credentials withToken68(String scheme, String token68) {
    return new Credentials(scheme, token68, List.of());
  }

  /** The scheme and parameter names; never a token68 or a parameter value. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("Credentials[").append(scheme);
    if (hasToken68()) {
      text.append(" ***");
    }
    String separator = " ";
    for (AuthParam param : params) {
      text.append(separator).append(param.name()).append("=***");
      separator = ", ";
    }
    return text.append(']').toString();
  }
}
