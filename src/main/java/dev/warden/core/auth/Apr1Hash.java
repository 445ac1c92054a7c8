package dev.warden.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.regex.Pattern;
import org.apache.commons.codec.digest.Md5Crypt;

/**
 * Apache's MD5 variant {@code $apr1$<salt>$<hash>} ({@code htpasswd -m}, htpasswd's default). Weak,
 * read only so existing files keep working. Immutable; any thread.
 */
final class Apr1Hash implements PasswordHash {

  static final String PREFIX = "$apr1$";

  private static final Pattern FORMAT =
      Pattern.compile("\\$apr1\\$[./0-9A-Za-z]{1,8}\\$[./0-9A-Za-z]{22}");

  private final String stored;

  private Apr1Hash(String stored) {
    this.stored = stored;
  }

  static Apr1Hash parse(String stored) {
    if (!FORMAT.matcher(stored).matches()) {
      throw new IllegalArgumentException("damaged $apr1$ hash");
    }
    return new Apr1Hash(stored);
  }

  @Override
  public boolean matches(char[] password) {
    // apr1Crypt takes the salt out of the stored value, so the results line up byte for byte
    return PasswordBytes.matchUtf8(
        password,
        bytes -> MessageDigest.isEqual(
            Md5Crypt.apr1Crypt(bytes, stored).getBytes(StandardCharsets.US_ASCII),
            stored.getBytes(StandardCharsets.US_ASCII)));
  }

  @Override
  public String format() {
    return "$apr1$";
  }

  @Override
  public String costClass() {
    return format();
  }

  @Override
  public String toString() {
    return "Apr1Hash[]";
  }
}
