package dev.warden.core.auth.digest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The hash computations of Digest authentication (RFC 7616 §3.4), all from strings hashed as UTF-8
 * and giving lower-case hex:
 *
 * <pre>
 *   H(A1)         = H(username ":" realm ":" passwd)                  {@link #ha1}
 *   session H(A1) = H(H(A1) ":" nonce ":" cnonce)                     {@link #sessionHa1} (-sess)
 *   H(A2)         = H(method ":" uri [":" H(entity-body)])            {@link #ha2} (auth-int adds the body)
 *   response      = KD(H(A1), nonce ":" nc ":" cnonce ":" qop ":" H(A2))   {@link #expectedResponse}
 *                 = KD(H(A1), nonce ":" H(A2))                         without qop (RFC 2069)
 *   rspauth       = the response with method empty: A2 = ":" uri ...  {@link #rspauth}
 *   userhash      = H(username ":" realm)                             {@link #userhash}
 *   KD(s, d)      = H(s ":" d)
 * </pre>
 *
 * Warden stores H(A1) per user, realm and hash function, never the password, so the verifying methods
 * start from a stored H(A1): the one of {@code algorithm.base()} (MD5-sess uses the MD5 H(A1)).
 * Compare a received response with {@link #matches}, never with {@code equals}.
 *
 * <p>Stateless and thread-safe. Invalid arguments (a stored H(A1) that is not hex of the algorithm's
 * length) throw {@link IllegalArgumentException} without echoing the hash.
 */
public final class DigestCalculation {

  private static final byte[] COLON = {':'};

  private DigestCalculation() {}

  /**
   * H(A1) = H(username ":" realm ":" password), what Warden stores when a password is set. For a
   * {@code -sess} algorithm this is the same value as for its base. Wipes its own copy of the password
   * bytes; leaves {@code password} unchanged.
   */
  public static String ha1(
      DigestAlgorithm algorithm, String username, String realm, char[] password) {
    byte[] passwordBytes = utf8(password);
    try {
      return algorithm.hash(utf8(username), COLON, utf8(realm), COLON, passwordBytes);
    } finally {
      Arrays.fill(passwordBytes, (byte) 0);
    }
  }

  /** The {@code userhash} of RFC 7616 §3.4.4: H(username ":" realm). */
  public static String userhash(DigestAlgorithm algorithm, String username, String realm) {
    return h(algorithm, username, realm);
  }

  /** The H(A1) of a {@code -sess} algorithm: H(ha1 ":" nonce ":" cnonce), {@code ha1} being the stored one. */
  public static String sessionHa1(
      DigestAlgorithm algorithm, String ha1, String nonce, String cnonce) {
    requireHex(ha1, algorithm, "H(A1)");
    return h(algorithm, ha1, nonce, cnonce);
  }

  /** H(A2) for {@code qop=auth} or no qop: H(method ":" uri). */
  public static String ha2(DigestAlgorithm algorithm, String method, String uri) {
    return h(algorithm, method, uri);
  }

  /** H(A2) for {@code qop=auth-int}: H(method ":" uri ":" entityBodyHash). */
  public static String ha2(
      DigestAlgorithm algorithm, String method, String uri, String entityBodyHash) {
    requireHex(entityBodyHash, algorithm, "H(entity-body)");
    return h(algorithm, method, uri, entityBodyHash);
  }

  /**
   * The {@code response} a client knowing the password must have sent with {@code request}, from the
   * stored H(A1) of {@code request.algorithm().base()}.
   */
  public static String expectedResponse(String storedHa1, DigestInput request) {
    String ha2 = request.qop() == Qop.AUTH_INT
        ? ha2(request.algorithm(), request.method(), request.uri(), request.entityBodyHash())
        : ha2(request.algorithm(), request.method(), request.uri());
    return digest(storedHa1, request, ha2);
  }

  /**
   * The {@code rspauth} of {@code Proxy-Authentication-Info} (RFC 7616 §3.5) answering
   * {@code request}: its response computed with an empty method. For {@link Qop#AUTH_INT},
   * {@code responseBodyHash} is H(response body) computed with the request's algorithm; for
   * {@link Qop#AUTH} it is ignored and may be null.
   *
   * @throws IllegalArgumentException for a request without qop, which gets no rspauth
   */
  public static String rspauth(String storedHa1, DigestInput request, String responseBodyHash) {
    String ha2 = switch (request.qop()) {
      case NONE -> throw new IllegalArgumentException("rspauth needs a qop");
      case AUTH -> ha2(request.algorithm(), "", request.uri());
      case AUTH_INT -> ha2(request.algorithm(), "", request.uri(), responseBodyHash);
    };
    return digest(storedHa1, request, ha2);
  }

  /**
   * Whether {@code received} equals {@code expected}, in time that depends only on the length of
   * {@code expected} ({@link ConstantTimeText}): neither a differing length nor the position of the
   * first differing digit ends the comparison early. Exact: hex must be lower-case, as RFC 7616
   * requires. False when {@code received} is null.
   */
  public static boolean matches(String expected, String received) {
    return ConstantTimeText.equal(expected, received);
  }

  private static String digest(String storedHa1, DigestInput request, String ha2) {
    DigestAlgorithm algorithm = request.algorithm();
    requireHex(storedHa1, algorithm, "stored H(A1)");
    String ha1 = algorithm.isSession()
        ? h(algorithm, storedHa1, request.nonce(), request.cnonce())
        : storedHa1;
    if (request.qop() == Qop.NONE) {
      return h(algorithm, ha1, request.nonce(), ha2);
    }
    return h(
        algorithm,
        ha1,
        request.nonce(),
        request.nc(),
        request.cnonce(),
        request.qop().token(),
        ha2);
  }

  /** H of the fields joined with ':', each encoded as UTF-8. */
  private static String h(DigestAlgorithm algorithm, String... fields) {
    byte[][] parts = new byte[fields.length * 2 - 1][];
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        parts[2 * i - 1] = COLON;
      }
      parts[2 * i] = utf8(fields[i]);
    }
    return algorithm.hash(parts);
  }

  static void requireHex(String value, DigestAlgorithm algorithm, String what) {
    if (value.length() != algorithm.hexLength()) {
      throw new IllegalArgumentException(what + " must be " + algorithm.hexLength()
          + " lower-case hex digits for " + algorithm.token());
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        throw new IllegalArgumentException(what + " must be " + algorithm.hexLength()
            + " lower-case hex digits for " + algorithm.token());
      }
    }
  }

  private static byte[] utf8(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] utf8(char[] password) {
    CharsetEncoder encoder = StandardCharsets.UTF_8
        .newEncoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    ByteBuffer buffer;
    try {
      buffer = encoder.encode(CharBuffer.wrap(password));
    } catch (CharacterCodingException e) {
      throw new IllegalStateException("REPLACE does not throw", e);
    }
    byte[] bytes = Arrays.copyOf(buffer.array(), buffer.limit());
    Arrays.fill(buffer.array(), (byte) 0);
    return bytes;
  }
}
