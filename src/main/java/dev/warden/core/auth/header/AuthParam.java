package dev.warden.core.auth.header;

import java.util.Objects;

/**
 * One {@code auth-param} of a challenge or credentials (RFC 9110 §11.2): {@code name=token} or
 * {@code name="quoted string"}.
 *
 * <p>A parsed parameter says how it came on the wire; a parameter to write says how it must go. So
 * {@code quoted} is {@code true} for a quoted-string and {@code false} for a bare token, and a value
 * that is not a token (empty, or with a space, comma, quote, non-ASCII character...) is always
 * quoted: {@code new AuthParam("stale", "not a token", false)} is refused. Digest, for instance, builds
 * {@code AuthParam.quoted("realm", realm)} and {@code new AuthParam("algorithm", "SHA-256", false)}.
 *
 * <p>Immutable; any thread. Names compare case-insensitively with {@link #hasName}, while
 * {@link #name} keeps the original spelling; {@link #equals} compares the exact spelling.
 *
 * @param name the parameter name as spelled, a token such as {@code realm} or {@code username*}
 * @param value the value, unescaped: without the surrounding quotes and with each quoted-pair
 *     {@code \x} read as {@code x}. It never holds a control character other than HTAB
 * @param quoted whether the value is, or is to be written as, a quoted-string
 */
public record AuthParam(String name, String value, boolean quoted) {

  /**
   * Checks that the parameter can be written.
   *
   * @throws IllegalArgumentException if {@code name} is not a token, {@code value} holds a control
   *     character other than HTAB, or {@code quoted} is false while {@code value} is not a token
   */
  public AuthParam {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    if (!HeaderSyntax.isToken(name)) {
      throw new IllegalArgumentException("parameter name is not a token: " + name);
    }
    if (!HeaderSyntax.isQuotable(value)) {
      throw new IllegalArgumentException("value of " + name + " holds a control character");
    }
    if (!quoted && !HeaderSyntax.isToken(value)) {
      throw new IllegalArgumentException("value of " + name + " is not a token, so must be quoted");
    }
  }

  /**
   * A parameter written as a bare token when {@code value} is one, quoted otherwise.
   *
   * @throws IllegalArgumentException as the constructor does
   */
  public static AuthParam of(String name, String value) {
    return new AuthParam(
        name, value, !HeaderSyntax.isToken(Objects.requireNonNull(value, "value")));
  }

  /**
   * A parameter always written as a quoted-string, token or not.
   *
   * @throws IllegalArgumentException as the constructor does
   */
  public static AuthParam quoted(String name, String value) {
    return new AuthParam(name, value, true);
  }

  /** Whether this parameter is called {@code otherName}, ignoring ASCII case. */
  public boolean hasName(String otherName) {
    return name.equalsIgnoreCase(otherName);
  }
}
