package dev.warden.core.auth.digest;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * One thread's hashing tools, kept for the thread's life: a {@link MessageDigest} per hash function
 * (not thread-safe, reset before every use; a {@code -sess} algorithm shares its base's), two
 * {@link HashInput}s, one for H(A2) and one for the KD input that takes its hex, and a buffer for a
 * raw result. One thread-local for all of them: a Digest request hashes four times, and a profile
 * showed thread-local probes beside every hash when each tool had its own.
 *
 * <p>Confined to its thread; a method hands out nothing that outlives the caller's use of it.
 */
final class HashScratch {

  private static final ThreadLocal<HashScratch> OWN = ThreadLocal.withInitial(HashScratch::new);

  /** Holds H(A2) (or the inner hash of a {@code -sess} H(A1)) while the KD input is built. */
  final HashInput inner = new HashInput();
  /** Holds the KD input: H(A1) ":" nonce ":" ... ":" H(A2). */
  final HashInput outer = new HashInput();

  private final MessageDigest[] digests = new MessageDigest[DigestAlgorithm.values().length];
  /** The raw result of the last {@link #digest}: 16 bytes for MD5, 32 for the others. */
  private final byte[] raw = new byte[32];

  private HashScratch() {}

  /** The calling thread's scratch. */
  static HashScratch ofThisThread() {
    return OWN.get();
  }

  /** The thread's reset MessageDigest for {@code algorithm}'s hash function. */
  MessageDigest messageDigest(DigestAlgorithm algorithm) {
    int slot = algorithm.base().ordinal();
    MessageDigest digest = digests[slot];
    if (digest == null) {
      try {
        digest = MessageDigest.getInstance(algorithm.javaName());
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(
            algorithm.javaName() + " is part of every Java 17 runtime", e);
      }
      digests[slot] = digest;
    }
    digest.reset();
    return digest;
  }

  /**
   * Hashes {@code input} with {@code algorithm}'s function into {@link #raw()}; returns the number of
   * bytes written there.
   */
  int digest(DigestAlgorithm algorithm, HashInput input) {
    MessageDigest digest = messageDigest(algorithm);
    digest.update(input.bytes(), 0, input.length());
    try {
      return digest.digest(raw, 0, raw.length);
    } catch (DigestException e) {
      throw new IllegalStateException("32 bytes hold every result of RFC 7616's functions", e);
    }
  }

  /** The result of the last {@link #digest}, valid until the next. */
  byte[] raw() {
    return raw;
  }
}
