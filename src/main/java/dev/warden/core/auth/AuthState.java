package dev.warden.core.auth;

/**
 * What Warden's authentication remembers across settings changes: the verification caches, the
 * slow-hash pool, and (for stateful schemes) nonce and handshake state. One instance lives as long
 * as the {@code Warden} that owns it; each compiled {@link AuthPolicy} reads and updates it.
 *
 * <p>Everything here is bounded and thread-safe, read and written on network threads. Entries are
 * keyed so that a settings change invalidates exactly what it touches: a verification is cached
 * under the stored hash it was checked against, so changing a user's password (a new hash) misses
 * the cache while an unrelated change (another realm, the listen address) keeps it warm.
 */
public final class AuthState implements AutoCloseable {

  private final VerificationPool pool;
  private final CredentialVerifier verifier;
  private final java.util.concurrent.atomic.LongAdder internalErrors = new java.util.concurrent.atomic.LongAdder();

  /** State with its own verification pool sized to the machine. */
  public AuthState() {
    this(VerificationPool.sized());
  }

  /** State verifying slow hashes on {@code pool}. */
  public AuthState(VerificationPool pool) {
    this.pool = pool;
    this.verifier = new CredentialVerifier(new PasswordHasher().decoy(), pool);
  }

  CredentialVerifier verifier() {
    return verifier;
  }

  VerificationPool pool() {
    return pool;
  }

  /** Requests refused because judging them failed (a bug): counted, logged, never let through. */
  java.util.concurrent.atomic.LongAdder internalErrors() {
    return internalErrors;
  }

  /** How many internal errors judging requests has met since start. Any thread. */
  public long internalErrorCount() {
    return internalErrors.sum();
  }

  /** Stops the verification threads. */
  @Override
  public void close() {
    pool.close();
  }
}
