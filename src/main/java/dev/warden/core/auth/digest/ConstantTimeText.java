package dev.warden.core.auth.digest;

/**
 * Compares a secret text with a received one in time that depends only on the secret's length, as
 * {@link java.security.MessageDigest#isEqual} does for bytes, without encoding either to bytes
 * first (two arrays per comparison, on every Digest request). Any thread.
 */
final class ConstantTimeText {

  private ConstantTimeText() {}

  /**
   * Whether {@code received} equals {@code expected} character for character. Every character of
   * {@code expected} is compared, whatever {@code received}'s length and wherever the first
   * difference is; false when {@code received} is null.
   */
  static boolean equal(String expected, String received) {
    if (received == null) {
      return false;
    }
    int receivedLength = received.length();
    int difference = expected.length() ^ receivedLength;
    for (int i = 0; i < expected.length(); i++) {
      // past the end of a shorter text, compare with a character no text here holds
      int other = i < receivedLength ? received.charAt(i) : 0x10000;
      difference |= expected.charAt(i) ^ other;
    }
    return difference == 0;
  }

  /**
   * {@link #equal(String, String)} for an expected text held as Latin-1 bytes ({@code
   * expected[0, length)}), such as hex written into a buffer: every byte is compared whatever {@code
   * received}'s length and wherever the first difference is; false when {@code received} is null.
   */
  static boolean equal(byte[] expected, int length, String received) {
    if (received == null) {
      return false;
    }
    int receivedLength = received.length();
    int difference = length ^ receivedLength;
    for (int i = 0; i < length; i++) {
      int other = i < receivedLength ? received.charAt(i) : 0x10000;
      difference |= (expected[i] & 0xff) ^ other;
    }
    return difference == 0;
  }
}
