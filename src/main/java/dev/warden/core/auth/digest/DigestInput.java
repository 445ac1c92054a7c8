package dev.warden.core.auth.digest;

import java.util.Objects;

/**
 * The values of one Digest {@code Proxy-Authorization} that enter the response computation, already
 * parsed and unquoted: everything {@link DigestCalculation#expectedResponse} needs besides the stored
 * H(A1). Values are used as given (Java strings, hashed as UTF-8); checking their syntax, e.g. that
 * {@code nc} is 8 hex digits, is the parser's job.
 *
 * <p>Fields a qop does not use must be {@code null}, so a caller cannot believe they were checked:
 * {@code nc} and {@code cnonce} without qop ({@link Qop#NONE}), {@code entityBodyHash} unless
 * {@link Qop#AUTH_INT}. A {@code -sess} algorithm needs a qop (its H(A1) includes the cnonce).
 * Immutable; the constructor throws {@link NullPointerException} or {@link IllegalArgumentException}
 * for a combination that breaks these rules.
 *
 * @param algorithm the {@code algorithm} parameter (MD5 when the request had none)
 * @param qop the {@code qop} parameter, {@link Qop#NONE} when absent
 * @param method the request method, e.g. {@code GET} or {@code CONNECT}
 * @param uri the {@code uri} parameter as sent (the caller checks it names the request target)
 * @param nonce the {@code nonce} parameter
 * @param nc the {@code nc} parameter as sent, e.g. {@code 00000001}; null without qop
 * @param cnonce the {@code cnonce} parameter; null without qop
 * @param entityBodyHash H(request body) as lower-case hex, computed with {@code algorithm}, for
 *     {@link Qop#AUTH_INT} only
 */
public record DigestInput(
    DigestAlgorithm algorithm,
    Qop qop,
    String method,
    String uri,
    String nonce,
    String nc,
    String cnonce,
    String entityBodyHash) {

  /** Checks the combination; see the class comment. */
  public DigestInput {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(qop, "qop");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(nonce, "nonce");
    if (qop == Qop.NONE) {
      requireAbsent(nc, "nc");
      requireAbsent(cnonce, "cnonce");
      if (algorithm.isSession()) {
        throw new IllegalArgumentException(algorithm.token() + " needs a qop and a cnonce");
      }
    } else {
      Objects.requireNonNull(nc, "nc");
      Objects.requireNonNull(cnonce, "cnonce");
    }
    if (qop == Qop.AUTH_INT) {
      Objects.requireNonNull(entityBodyHash, "entityBodyHash");
      DigestCalculation.requireHex(entityBodyHash, algorithm, "H(entity-body)");
    } else {
      requireAbsent(entityBodyHash, "entityBodyHash");
    }
  }

  private static void requireAbsent(String value, String name) {
    if (value != null) {
      throw new IllegalArgumentException(name + " must be null for this qop");
    }
  }

  /** A request with {@code qop=auth}. */
  public static DigestInput auth(
      DigestAlgorithm algorithm,
      String method,
      String uri,
      String nonce,
      String nc,
      String cnonce) {
    return new DigestInput(algorithm, Qop.AUTH, method, uri, nonce, nc, cnonce, null);
  }

  /** A request with {@code qop=auth-int}; {@code entityBodyHash} is {@code algorithm.hash(body)}. */
  public static DigestInput authInt(
      DigestAlgorithm algorithm,
      String method,
      String uri,
      String entityBodyHash,
      String nonce,
      String nc,
      String cnonce) {
    return new DigestInput(algorithm, Qop.AUTH_INT, method, uri, nonce, nc, cnonce, entityBodyHash);
  }

  /** An RFC 2069 request, without qop, nc and cnonce (only for non-session algorithms). */
  public static DigestInput withoutQop(
      DigestAlgorithm algorithm, String method, String uri, String nonce) {
    return new DigestInput(algorithm, Qop.NONE, method, uri, nonce, null, null, null);
  }
}
