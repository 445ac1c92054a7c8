package dev.warden.core.auth;

import dev.warden.core.auth.digest.NonceCounts;
import dev.warden.core.auth.digest.NonceFactory;

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

  /** Digest nonces whose counts are remembered; older ones are answered {@code stale=true}. */
  static final int TRACKED_NONCES = 65_536;

  private final VerificationPool pool;
  private final NonceFactory nonces = new NonceFactory();
  private final NonceCounts counts = new NonceCounts(TRACKED_NONCES);
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

  NonceFactory nonces() {
    return nonces;
  }

  NonceCounts counts() {
    return counts;
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
