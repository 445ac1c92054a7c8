package dev.warden.core.auth;

import java.security.SecureRandom;

/**
 * Makes the stored form of a new password: PBKDF2-HMAC-SHA256 with a random 16-byte salt, written as
 * {@code $pbkdf2-sha256$<iterations>$<salt>$<hash>} (passlib-compatible, see {@link Pbkdf2Hash}).
 *
 * <p>{@link #ITERATIONS} follows OWASP's guidance for PBKDF2-HMAC-SHA256 (600,000, Password Storage
 * Cheat Sheet): about 160 ms per hash on the development machine (2 shared cores, OpenJDK 17, about
 * 0.26 µs per iteration). A verification costs the same but runs on the {@link VerificationPool},
 * never on a network thread, and the verification cache keeps it off the steady state. Hashes stored
 * with fewer iterations (Warden before this guidance used 50,000) keep verifying: the count is part
 * of the stored form.
 *
 * <p>Thread-safe; call it from a worker thread (never the FX thread, which it would stall).
 */
public final class PasswordHasher {

  /** PBKDF2 iterations of newly made hashes (OWASP 2023 for PBKDF2-HMAC-SHA256, see above). */
  public static final int ITERATIONS = 600_000;

  static final int SALT_BYTES = 16;

  private final int iterations;
  private final SecureRandom random = new SecureRandom();

  /** A hasher using {@link #ITERATIONS}. */
  public PasswordHasher() {
    this(ITERATIONS);
  }

  /**
   * A hasher of another cost: for tests and tools that make many hashes. Warden itself only ever
   * uses {@link #PasswordHasher()}.
   */
  public PasswordHasher(int iterations) {
    if (iterations < 1 || iterations > Pbkdf2Hash.MAX_ITERATIONS) {
      throw new IllegalArgumentException("iterations outside 1-" + Pbkdf2Hash.MAX_ITERATIONS);
    }
    this.iterations = iterations;
  }

  /**
   * Hashes a password. The caller owns {@code password} and should wipe it when done: this method
   * neither changes nor keeps it (it wipes only the copies it makes itself).
   *
   * @return the stored form, e.g. {@code $pbkdf2-sha256$600000$...$...}
   */
  public String hash(char[] password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    return new Pbkdf2Hash(iterations, salt, Pbkdf2Hash.derive(password, salt, iterations)).encode();
  }

  /**
   * A hash nobody knows the password of, at the normal cost: verified against when the user is
   * unknown, so that path takes as long as a wrong password (CWE-208).
   */
  PasswordHash decoy() {
    byte[] salt = new byte[SALT_BYTES];
    byte[] hash = new byte[Pbkdf2Hash.HASH_BYTES];
    random.nextBytes(salt);
    random.nextBytes(hash);
    return new Pbkdf2Hash(iterations, salt, hash);
  }
}
