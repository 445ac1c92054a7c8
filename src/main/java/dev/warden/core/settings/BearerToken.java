package dev.warden.core.settings;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A static Bearer token (RFC 6750) of one realm, stored as {@code sha256:} and the hex SHA-256 of the
 * token, never the token. Unsalted on purpose: a client sends the token alone, without a name, so
 * Warden must find it by its hash; a salted slow hash per stored token would cost a slow hash per
 * token on every unknown one. The settings file already holds password-equivalent Digest and NT
 * material and is written owner-only; choose long random tokens. Immutable.
 *
 * @param name what the token stands for (a service, a user): recorded as the authenticated user
 * @param hash {@code sha256:} and 64 lower-case hex digits
 */
public record BearerToken(String name, String hash) {

  public static final String PREFIX = "sha256:";

  public BearerToken {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(hash, "hash");
  }

  /** The stored form of {@code token} under {@code name}; the token is neither kept nor changed. */
  public static BearerToken of(String name, char[] token) {
    return new BearerToken(name, hashOf(token));
  }

  /** {@code sha256:} and the hex SHA-256 of the token's UTF-8 bytes. */
  public static String hashOf(char[] token) {
    ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(token));
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(bytes.array(), 0, bytes.limit());
      return PREFIX + HexFormat.of().formatHex(sha256.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    } finally {
      Arrays.fill(bytes.array(), (byte) 0);
    }
  }

  /**
   * Why {@code token} cannot be sent as a Bearer token, or null when it can: RFC 6750 §2.1's
   * b64token, {@code 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}. The sentence
   * names the position and, when printable, the character; never the token.
   */
  public static String syntaxProblem(char[] token) {
    if (token.length == 0 || new String(token).isBlank()) {
      return "The token is empty";
    }
    boolean padding = false;
    for (int i = 0; i < token.length; i++) {
      char c = token[i];
      if (c == '=') {
        if (i == 0) {
          return "The token cannot start with '=': '=' may only end it (RFC 6750 b64token)";
        }
        padding = true;
        continue;
      }
      boolean allowed = (c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || "-._~+/".indexOf(c) >= 0;
      if (!allowed) {
        String shown = Character.isWhitespace(c)
            ? "a space"
            : c < 0x20 || c == 0x7f || c > 0x7e ? String.format("U+%04X", (int) c) : "'" + c + "'";
        return "Character " + (i + 1) + " of the token is " + shown
            + ": a Bearer token holds only letters,"
            + " digits and - . _ ~ + /, then = at the end (RFC 6750 b64token)";
      }
      if (padding) {
        return "Character " + (i + 1)
            + " of the token follows an '=': '=' may only end it (RFC 6750 b64token)";
      }
    }
    return null;
  }

  /** The token's hash shortened to recognise it by, e.g. {@code sha256:3f2a9c…}; never the token. */
  public String fingerprint() {
    return hash.length() > PREFIX.length() + 6
        ? hash.substring(0, PREFIX.length() + 6) + "\u2026"
        : hash;
  }

  /** Whether the stored hash has its one valid shape. */
  public boolean wellFormed() {
    return hash.length() == PREFIX.length() + 64
        && hash.startsWith(PREFIX)
        && hash.substring(PREFIX.length())
            .chars()
            .allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
  }

  /** Never prints the hash. */
  @Override
  public String toString() {
    return "BearerToken[" + name + "]";
  }
}
