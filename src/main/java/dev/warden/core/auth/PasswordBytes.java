package dev.warden.core.auth;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Encodes a password to UTF-8 without leaving a second copy behind: the encoder's buffer is wiped and
 * the caller owns (and should wipe) the returned array. Stateless; any thread.
 */
final class PasswordBytes {

  private PasswordBytes() {}

  /** The UTF-8 bytes of {@code password}; unpaired surrogates become '?', as the JDK encoder does. */
  static byte[] utf8(char[] password) {
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    if (encoded.hasArray()) {
      Arrays.fill(encoded.array(), (byte) 0);
    }
    return bytes;
  }

  /** A check of a password's UTF-8 bytes; may throw, which counts as "no match". */
  interface Check {
    boolean test(byte[] utf8) throws Exception;
  }

  /**
   * Runs {@code check} over the UTF-8 bytes of {@code password} and wipes them afterwards. Any
   * failure inside the check means "does not match": verification never throws. Any thread.
   */
  static boolean matchUtf8(char[] password, Check check) {
    byte[] bytes = utf8(password);
    try {
      return check.test(bytes);
    } catch (Exception e) {
      return false;
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }
}
