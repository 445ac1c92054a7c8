package dev.warden.core.auth;

/**
 * A stored password hash in one of the formats Warden verifies: its own PBKDF2
 * ({@code $pbkdf2-sha256$}), and from htpasswd files bcrypt ({@code $2a$}, {@code $2b$},
 * {@code $2y$}), {@code {SHA}} and {@code $apr1$}. Immutable and thread-safe.
 *
 * <p>Implementations compare digests with {@link java.security.MessageDigest#isEqual} (constant
 * time), never throw from {@link #matches}, and never show the hash in {@code toString()}.
 */
public sealed interface PasswordHash permits Pbkdf2Hash, BcryptHash, Sha1Hash, Apr1Hash {

  /**
   * Reads a stored hash. Cheap: no hashing happens here. Any thread.
   *
   * @throws IllegalArgumentException when the format is unsupported or the hash is damaged; the
   *     message names the format ("unsupported hash format (crypt)") and never contains the hash
   */
  static PasswordHash parse(String stored) {
    if (stored == null || stored.isEmpty()) {
      throw new IllegalArgumentException("empty password hash");
    }
    if (stored.startsWith(Pbkdf2Hash.PREFIX)) {
      return Pbkdf2Hash.parse(stored);
    }
    if (stored.startsWith("$2a$") || stored.startsWith("$2b$") || stored.startsWith("$2y$")) {
      return BcryptHash.parse(stored);
    }
    if (stored.startsWith(Sha1Hash.PREFIX)) {
      return Sha1Hash.parse(stored);
    }
    if (stored.startsWith(Apr1Hash.PREFIX)) {
      return Apr1Hash.parse(stored);
    }
    throw new IllegalArgumentException(
        "unsupported hash format (" + unsupportedFormatName(stored) + ")");
  }

  /**
   * Whether {@code password} is the one this hash was made from. Slow on purpose for PBKDF2 and
   * bcrypt (milliseconds); leaves {@code password} unchanged. Never throws. Any thread.
   */
  boolean matches(char[] password);

  /** Short name of the format for messages, e.g. "bcrypt". */
  String format();

  /**
   * The format and its cost parameter, e.g. {@code bcrypt-12} or {@code pbkdf2-sha256-600000}: hashes
   * of one class take the same time to verify, so {@link HashCosts} measures each class once.
   */
  String costClass();

  /** A name for a format Warden cannot verify; never more of the hash than its format marker. */
  private static String unsupportedFormatName(String stored) {
    if (stored.startsWith("$1$")
        || stored.startsWith("$5$")
        || stored.startsWith("$6$")
        || isDesCrypt(stored)) {
      return "crypt";
    }
    if (stored.startsWith("$2")) {
      return "bcrypt variant";
    }
    if (stored.startsWith("{")) {
      int close = stored.indexOf('}');
      String marker = close > 0 ? stored.substring(0, close + 1) : "";
      return marker.matches("\\{[A-Za-z0-9-]{1,16}}") ? marker : "unknown";
    }
    if (stored.startsWith("$")) {
      return "unknown";
    }
    return "plain text";
  }

  /** DES crypt(3): 2 salt characters and 11 hash characters, all from the crypt alphabet. */
  private static boolean isDesCrypt(String stored) {
    return stored.length() == 13
        && stored
            .chars()
            .allMatch(c -> c == '.'
                || c == '/'
                || (c >= '0' && c <= '9')
                || (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z'));
  }
}
