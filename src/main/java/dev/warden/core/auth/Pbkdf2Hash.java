package dev.warden.core.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Warden's own format: PBKDF2-HMAC-SHA256, {@code $pbkdf2-sha256$<iterations>$<salt>$<hash>}, salt
 * and hash in passlib's "ab64" (standard base64, {@code .} instead of {@code +}, no padding), so
 * hashes made by Python's passlib verify here and the other way round. Immutable; any thread.
 */
final class Pbkdf2Hash implements PasswordHash {

  static final String PREFIX = "$pbkdf2-sha256$";
  static final int HASH_BYTES = 32;
  /** Above this a single verification would stall a network thread for seconds. */
  static final int MAX_ITERATIONS = 5_000_000;

  private static final Pattern FORMAT = Pattern.compile(
      "\\$pbkdf2-sha256\\$([0-9]{1,7})\\$([./A-Za-z0-9]{4,88})\\$([./A-Za-z0-9]{43})");

  private final int iterations;
  private final byte[] salt;
  private final byte[] hash;

  Pbkdf2Hash(int iterations, byte[] salt, byte[] hash) {
    this.iterations = iterations;
    this.salt = salt.clone();
    this.hash = hash.clone();
  }

  static Pbkdf2Hash parse(String stored) {
    Matcher m = FORMAT.matcher(stored);
    if (!m.matches()) {
      throw new IllegalArgumentException("damaged pbkdf2-sha256 hash");
    }
    int iterations = Integer.parseInt(m.group(1));
    if (iterations < 1 || iterations > MAX_ITERATIONS) {
      throw new IllegalArgumentException(
          "pbkdf2-sha256 iteration count " + iterations + " is outside 1-" + MAX_ITERATIONS);
    }
    try {
      return new Pbkdf2Hash(iterations, ab64Decode(m.group(2)), ab64Decode(m.group(3)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("damaged pbkdf2-sha256 hash");
    }
  }

  /** Derives the hash of {@code password}; the caller keeps ownership of {@code password}. */
  static byte[] derive(char[] password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BYTES * 8);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
          .generateSecret(spec)
          .getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java 17 runtime", e);
    } finally {
      spec.clearPassword();
    }
  }

  String encode() {
    return PREFIX + iterations + "$" + ab64Encode(salt) + "$" + ab64Encode(hash);
  }

  int iterations() {
    return iterations;
  }

  @Override
  public boolean matches(char[] password) {
    try {
      return MessageDigest.isEqual(derive(password, salt, iterations), hash);
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public String format() {
    return "pbkdf2-sha256";
  }

  @Override
  public String costClass() {
    return "pbkdf2-sha256-" + iterations;
  }

  @Override
  public String toString() {
    return "Pbkdf2Hash[iterations=" + iterations + "]";
  }

  private static String ab64Encode(byte[] bytes) {
    return Base64.getEncoder().withoutPadding().encodeToString(bytes).replace('+', '.');
  }

  private static byte[] ab64Decode(String text) {
    return Base64.getDecoder().decode(text.replace('.', '+'));
  }
}
