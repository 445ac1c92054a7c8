package dev.warden.core.auth.header;

/**
 * Receives one credentials as {@link AuthHeaderParser#parseCredentials(String, CredentialsSink)}
 * reads it and makes the parse's value, so a scheme that reads parameters on every request can keep
 * only the ones it knows, without an {@link AuthParam} and a list per request. The parser has checked
 * the grammar by the time a method is called: names are tokens, a value holds no control character,
 * an unquoted value is a token.
 *
 * <p>Called on the parsing thread, in the order of the text; either {@link #token68} once, or
 * {@link #param} for each parameter and then {@link #params} once. A sink serves one parse.
 *
 * @param <T> the parse's value
 */
public interface CredentialsSink<T> {

  /** The credentials were a token68 (after {@code scheme}); returns the parse's value. */
  T token68(String scheme, String token68);

  /** The next parameter: its name as sent, its value unescaped, whether it was quoted. */
  void param(String name, String value, boolean quoted);

  /** Every parameter was handed over; returns the parse's value. Never null. */
  T params(String scheme);
}
