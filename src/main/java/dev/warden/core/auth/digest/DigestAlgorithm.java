package dev.warden.core.auth.digest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The Digest algorithms of RFC 7616 §6.1, each with its token as written in the {@code algorithm}
 * parameter. A {@code -sess} algorithm hashes with the same function as its {@link #base() base}; it
 * only changes how H(A1) is formed (see {@link DigestCalculation#sessionHa1}).
 *
 * <p>SHA-512-256 is SHA-512/256 of FIPS 180-4 ({@code MessageDigest.getInstance("SHA-512/256")}, with
 * its own initial values), not SHA-512 truncated to 256 bits: the example of RFC 7616 §3.9.2 as printed
 * uses the truncation and is wrong (erratum 4897).
 *
 * <p>Thread-safe: {@link #hash} uses a {@link MessageDigest} of the calling thread.
 */
public enum DigestAlgorithm {
  MD5("MD5", "MD5", 32),
  MD5_SESS("MD5-sess", "MD5", 32),
  SHA_256("SHA-256", "SHA-256", 64),
  SHA_256_SESS("SHA-256-sess", "SHA-256", 64),
  SHA_512_256("SHA-512-256", "SHA-512/256", 64),
  SHA_512_256_SESS("SHA-512-256-sess", "SHA-512/256", 64);

  private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);
  /** {@code values()} copies its array on every call; this one is read only. */
  private static final DigestAlgorithm[] VALUES = values();

  private final String token;
  private final String javaName;
  private final int hexLength;

  DigestAlgorithm(String token, String javaName, int hexLength) {
    this.token = token;
    this.javaName = javaName;
    this.hexLength = hexLength;
  }

  /** The token as written on the wire, e.g. {@code SHA-256-sess}. */
  public String token() {
    return token;
  }

  /**
   * The algorithm whose token equals {@code token} ignoring ASCII case ({@code md5-SESS} is
   * {@link #MD5_SESS}), or empty for anything else, including {@code null}.
   */
  public static Optional<DigestAlgorithm> fromToken(String token) {
    if (token == null) {
      return Optional.empty();
    }
    for (DigestAlgorithm algorithm : VALUES) {
      if (algorithm.isSpelled(token)) {
        return Optional.of(algorithm);
      }
    }
    return Optional.empty();
  }

  /** Whether {@code text} is this token ignoring ASCII case only (no other letter folds onto one). */
  private boolean isSpelled(String text) {
    if (text.length() != token.length()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char given = text.charAt(i);
      char own = token.charAt(i);
      boolean ownIsLetter = own >= 'a' && own <= 'z' || own >= 'A' && own <= 'Z';
      if (given != own && !(ownIsLetter && (given ^ 0x20) == own)) {
        return false;
      }
    }
    return true;
  }

  /** Whether this is a {@code -sess} algorithm, whose H(A1) includes the nonce and cnonce. */
  public boolean isSession() {
    return token.endsWith("-sess");
  }

  /** The algorithm without {@code -sess}: itself when it is not a session algorithm. */
  public DigestAlgorithm base() {
    return switch (this) {
      case MD5, MD5_SESS -> MD5;
      case SHA_256, SHA_256_SESS -> SHA_256;
      case SHA_512_256, SHA_512_256_SESS -> SHA_512_256;
    };
  }

  /** The name of the hash function in the Java runtime, e.g. {@code SHA-512/256}. */
  String javaName() {
    return javaName;
  }

  /** The length of this algorithm's hashes in hex digits: 32 for MD5, 64 for the others. */
  public int hexLength() {
    return hexLength;
  }

  /**
   * The hash of {@code parts} concatenated (no separator is added), as lower-case hex of
   * {@link #hexLength()} digits. Leaves the arrays unchanged.
   */
  public String hash(byte[]... parts) {
    MessageDigest digest = HashScratch.ofThisThread().messageDigest(this);
    for (byte[] part : parts) {
      digest.update(part);
    }
    return lowerHex(digest.digest());
  }

  /**
   * Lower-case hex of {@code bytes}, written as Latin-1 bytes that become the string's own storage:
   * {@code HexFormat} appends char by char through a builder, which was a tenth of the Digest
   * decision's samples in a profile.
   */
  private static String lowerHex(byte[] bytes) {
    byte[] hex = new byte[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      hex[2 * i] = HEX_DIGITS[(bytes[i] >> 4) & 0xf];
      hex[2 * i + 1] = HEX_DIGITS[bytes[i] & 0xf];
    }
    return new String(hex, StandardCharsets.ISO_8859_1);
  }
}
