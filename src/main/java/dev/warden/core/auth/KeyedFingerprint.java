package dev.warden.core.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns realm, user and password into an HMAC-SHA256 under a random key of its own, so verification
 * caches can be keyed without keeping passwords or fast unkeyed hashes of them in memory. The key dies
 * with the instance (one per {@link AuthState}). Thread-safe: each thread uses its own {@link Mac}.
 */
final class KeyedFingerprint {

  private static final String ALGORITHM = "HmacSHA256";

  /** The 256-bit fingerprint as four longs: cheap equals and hashCode, no array to copy. */
  record Fingerprint(long w0, long w1, long w2, long w3) {}

  private final SecretKeySpec key;
  /**
   * One Mac per thread: building one (provider lookup, key schedule) cost more than the HMAC, and a
   * fingerprint is taken on every Basic request, cache hits included. doFinal resets it for reuse.
   */
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

  private KeyedFingerprint(byte[] key) {
    this.key = new SecretKeySpec(key, ALGORITHM);
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java 17 runtime", e);
    }
  }

  static KeyedFingerprint withRandomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    try {
      return new KeyedFingerprint(key);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /**
   * The fingerprint of one credential in a context (e.g. the stored hash it is checked against);
   * leaves {@code password} unchanged.
   */
  Fingerprint of(String context, String user, char[] password) {
    byte[] contextBytes = context.getBytes(StandardCharsets.UTF_8);
    byte[] userBytes = user.getBytes(StandardCharsets.UTF_8);
    byte[] passwordBytes = PasswordBytes.utf8(password);
    try {
      Mac mac = macs.get();
      // lengths first, so ("ab", "c") and ("a", "bc") cannot meet
      mac.update(ByteBuffer.allocate(12)
          .putInt(contextBytes.length)
          .putInt(userBytes.length)
          .putInt(passwordBytes.length)
          .array());
      mac.update(contextBytes);
      mac.update(userBytes);
      mac.update(passwordBytes);
      ByteBuffer digest = ByteBuffer.wrap(mac.doFinal());
      return new Fingerprint(
          digest.getLong(), digest.getLong(), digest.getLong(), digest.getLong());
    } finally {
      Arrays.fill(passwordBytes, (byte) 0);
    }
  }
}
