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
    HashScratch scratch = HashScratch.ofThisThread();
    int count = response(scratch, storedHa1, request, request.method(), null);
    return scratch.inner.clear().hex(scratch.raw(), count).latin1();
  }

  /**
   * Whether {@code received} is the {@code response} a client knowing the password must have sent
   * with {@code request}: {@link #expectedResponse} compared as {@link #matches} does, in time that
   * depends only on the algorithm, without making the expected response a string. False when
   * {@code received} is null.
   */
  public static boolean responseMatches(String storedHa1, DigestInput request, String received) {
    HashScratch scratch = HashScratch.ofThisThread();
    int count = response(scratch, storedHa1, request, request.method(), null);
    HashInput expected = scratch.inner.clear().hex(scratch.raw(), count);
    return ConstantTimeText.equal(expected.bytes(), expected.length(), received);
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
    if (request.qop() == Qop.NONE) {
      throw new IllegalArgumentException("rspauth needs a qop");
    }
    if (request.qop() == Qop.AUTH_INT) {
      requireHex(responseBodyHash, request.algorithm(), "H(entity-body)");
    }
    HashScratch scratch = HashScratch.ofThisThread();
    int count = response(scratch, storedHa1, request, "", responseBodyHash);
    return scratch.inner.clear().hex(scratch.raw(), count).latin1();
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

  /**
   * KD(H(A1), ...) of {@code request} with {@code method} in A2, into the scratch's raw buffer;
   * returns the result's length in bytes. {@code bodyHash} replaces the request's entity-body hash
   * for auth-int (the rspauth of a response body); null keeps the request's. Built in the scratch's
   * two inputs, with no array or string per field.
   */
  private static int response(
      HashScratch scratch, String storedHa1, DigestInput request, String method, String bodyHash) {
    DigestAlgorithm algorithm = request.algorithm();
    requireHex(storedHa1, algorithm, "stored H(A1)");
    HashInput outer = scratch.outer.clear();
    if (algorithm.isSession()) {
      HashInput sessionA1 = scratch.inner.clear();
      sessionA1.text(storedHa1).colon().text(request.nonce()).colon().text(request.cnonce());
      outer.hex(scratch.raw(), scratch.digest(algorithm, sessionA1));
    } else {
      outer.text(storedHa1);
    }
    outer.colon().text(request.nonce()).colon();
    if (request.qop() != Qop.NONE) {
      outer.text(request.nc()).colon().text(request.cnonce()).colon();
      outer.text(request.qop().token()).colon();
    }
    HashInput a2 = scratch.inner.clear().text(method).colon().text(request.uri());
    if (request.qop() == Qop.AUTH_INT) {
      a2.colon().text(bodyHash != null ? bodyHash : request.entityBodyHash());
    }
    outer.hex(scratch.raw(), scratch.digest(algorithm, a2));
    return scratch.digest(algorithm, outer);
  }

  /** H of the fields joined with ':', each encoded as UTF-8. */
  private static String h(DigestAlgorithm algorithm, String... fields) {
    HashScratch scratch = HashScratch.ofThisThread();
    HashInput input = scratch.inner.clear();
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        input.colon();
      }
      input.text(fields[i]);
    }
    int count = scratch.digest(algorithm, input);
    return input.clear().hex(scratch.raw(), count).latin1();
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
