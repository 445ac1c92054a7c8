package dev.warden.core.auth;

import java.security.MessageDigest;
import java.util.Base64;

/**
 * htpasswd's {@code {SHA}}: base64 of the unsalted SHA-1 of the password ({@code htpasswd -s}). Weak,
 * read only so existing files keep working. Immutable; any thread.
 */
final class Sha1Hash implements PasswordHash {

  static final String PREFIX = "{SHA}";

  private final byte[] digest;

  private Sha1Hash(byte[] digest) {
    this.digest = digest;
  }

  static Sha1Hash parse(String stored) {
    byte[] digest;
    try {
      digest = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("damaged {SHA} hash");
    }
    if (digest.length != 20) {
      throw new IllegalArgumentException("damaged {SHA} hash");
    }
    return new Sha1Hash(digest);
  }

  @Override
  public boolean matches(char[] password) {
    return PasswordBytes.matchUtf8(
        password,
        bytes -> MessageDigest.isEqual(MessageDigest.getInstance("SHA-1").digest(bytes), digest));
  }

  @Override
  public String format() {
    return "{SHA}";
  }

  @Override
  public String costClass() {
    return format();
  }

  @Override
  public String toString() {
    return "Sha1Hash[]";
  }
}
