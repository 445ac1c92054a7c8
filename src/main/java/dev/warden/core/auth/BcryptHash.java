package dev.warden.core.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * bcrypt as written by {@code htpasswd -B} ({@code $2y$}) and other tools ({@code $2a$},
 * {@code $2b$}). Passwords longer than 72 bytes are truncated, as htpasswd and OpenBSD do, so such a
 * password set with htpasswd still verifies. Immutable; any thread.
 */
final class BcryptHash implements PasswordHash {

  private static final Pattern FORMAT =
      Pattern.compile("\\$2[aby]\\$([0-9]{2})\\$[./A-Za-z0-9]{53}");
  private static final BCrypt.Verifyer VERIFYER =
      BCrypt.verifyer(null, LongPasswordStrategies.truncate(BCrypt.Version.VERSION_2Y));

  private final byte[] stored;
  /** The highest bcrypt cost Warden accepts (about 250 ms per check on this class of machine). */
  static final int MAX_ACCEPTED_COST = 12;

  private final int cost;

  private BcryptHash(byte[] stored, int cost) {
    this.stored = stored;
    this.cost = cost;
  }

  static BcryptHash parse(String stored) {
    Matcher m = FORMAT.matcher(stored);
    if (!m.matches()) {
      throw new IllegalArgumentException("damaged bcrypt hash");
    }
    int cost = Integer.parseInt(m.group(1));
    if (cost > MAX_ACCEPTED_COST && cost <= BCrypt.MAX_COST) {
      // each verification doubles per step: cost 13 is ~0.5 s, 16 ~4 s of a verifier thread per
      // guess, which would let a few wrong passwords occupy the whole pool
      throw new IllegalArgumentException("bcrypt cost " + cost + " is above " + MAX_ACCEPTED_COST
          + ", the most Warden verifies; re-hash this password with cost " + MAX_ACCEPTED_COST
          + " or less");
    }
    if (cost < BCrypt.MIN_COST || cost > BCrypt.MAX_COST) {
      throw new IllegalArgumentException(
          "bcrypt cost " + cost + " is outside " + BCrypt.MIN_COST + "-" + BCrypt.MAX_COST);
    }
    return new BcryptHash(stored.getBytes(StandardCharsets.US_ASCII), cost);
  }

  @Override
  public boolean matches(char[] password) {
    return PasswordBytes.matchUtf8(password, bytes -> VERIFYER.verify(bytes, stored).verified);
  }

  @Override
  public String format() {
    return "bcrypt";
  }

  @Override
  public String costClass() {
    return "bcrypt-" + cost;
  }

  @Override
  public String toString() {
    return "BcryptHash[cost=" + cost + "]";
  }
}
