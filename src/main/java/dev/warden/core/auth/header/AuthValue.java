package dev.warden.core.auth.header;

import java.util.List;
import java.util.Optional;

/**
 * What a challenge and credentials share (RFC 9110 §11.3, §11.4):
 * {@code auth-scheme [ 1*SP ( token68 / #auth-param ) ]}. Either {@link #token68} is set and there are
 * no parameters, or {@link #token68} is empty and there are zero or more parameters.
 *
 * <p>Implementations are immutable records; every method is pure and thread-safe.
 */
public sealed interface AuthValue permits Challenge, Credentials {

  /** The scheme name as spelled, a token such as {@code Basic}, {@code Digest} or {@code NTLM}. */
  String scheme();

  /** The token68 (for instance Basic's base64 or an NTLM message), or {@code ""} when there is none. */
  String token68();

  /** Every parameter in order, duplicates included; empty when there is a token68. */
  List<AuthParam> params();

  /** Whether the scheme is {@code name}, ignoring ASCII case (RFC 9110 §11.1). */
  default boolean hasScheme(String name) {
    return scheme().equalsIgnoreCase(name);
  }

  /** Whether this value carries a token68 rather than parameters. */
  default boolean hasToken68() {
    return !token68().isEmpty();
  }

  /** The first parameter called {@code name}, ignoring ASCII case. */
  default Optional<AuthParam> first(String name) {
    for (AuthParam param : params()) {
      if (param.hasName(name)) {
        return Optional.of(param);
      }
    }
    return Optional.empty();
  }

  /** The value of the first parameter called {@code name}, ignoring ASCII case. */
  default Optional<String> firstValue(String name) {
    return first(name).map(AuthParam::value);
  }

  /**
   * How many parameters are called {@code name}, ignoring ASCII case. A scheme that allows a parameter
   * once (Digest's {@code nc}, {@code realm}...) refuses the value when this is above one.
   */
  default int count(String name) {
    int count = 0;
    for (AuthParam param : params()) {
      if (param.hasName(name)) {
        count++;
      }
    }
    return count;
  }

  /** Every parameter called {@code name}, ignoring ASCII case, in order. */
  default List<AuthParam> all(String name) {
    return params().stream().filter(param -> param.hasName(name)).toList();
  }
}
