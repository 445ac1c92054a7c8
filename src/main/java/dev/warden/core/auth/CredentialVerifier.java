package dev.warden.core.auth;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

/**
 * Decides whether a user name and password are right in a {@link ProtectionSpace}, remembering the
 * answer. One instance lives in the {@link AuthState}, across settings changes: a verification is
 * cached under the stored hash it was checked against, so a changed password (a new hash) misses
 * the cache while unrelated changes keep it warm. Enabled/disabled is never cached: it is read from
 * the policy in force.
 *
 * <p>Both caches are keyed by {@link KeyedFingerprint}s and bounded ({@link #CACHE_CAPACITY} each).
 * The right-password cache makes the steady state cost microseconds; the wrong-password cache stops
 * a client that retries the same wrong password from costing a slow hash per try. An unknown user is
 * verified against one of the realm's own hashes (or a decoy PBKDF2 hash of the normal cost when the
 * realm has none), so it takes as long as a wrong password (CWE-208). A disabled user is reported
 * only once the password proved right.
 *
 * <p>Threads: {@link #verify} is called on network threads and never blocks: a cache hit completes
 * the returned future at once; a miss runs the slow hash on the {@link VerificationPool} and
 * completes it there.
 */
final class CredentialVerifier {

  static final int CACHE_CAPACITY = 10_000;

  /** What one check found. */
  enum Result {
    ACCEPTED,
    UNKNOWN_USER,
    WRONG_PASSWORD,
    DISABLED_USER,
    /** The verification pool was full: nothing was decided. */
    BUSY
  }

  private final KeyedFingerprint fingerprints = KeyedFingerprint.withRandomKey();
  private final BoundedSet<KeyedFingerprint.Fingerprint> right = new BoundedSet<>(CACHE_CAPACITY);
  private final BoundedSet<KeyedFingerprint.Fingerprint> wrong = new BoundedSet<>(CACHE_CAPACITY);
  private final PasswordHash decoy;
  private final VerificationPool pool;
  private final LongAdder slowVerifications = new LongAdder();

  CredentialVerifier(PasswordHash decoy, VerificationPool pool) {
    this.decoy = decoy;
    this.pool = pool;
  }

  /**
   * Checks {@code password} for {@code user} in {@code space}. Leaves {@code password} unchanged (a
   * miss works on its own copy, wiped when done). Never blocks; the future never fails.
   */
  CompletableFuture<Result> verify(ProtectionSpace space, String user, char[] password) {
    Account account = space.account(user);
    boolean usable = account != null && account.hash() != null;
    String context = usable ? account.stored() : "unknown\0" + space.name();
    KeyedFingerprint.Fingerprint key = fingerprints.of(context, user, password);
    if (usable && right.contains(key)) {
      return CompletableFuture.completedFuture(account.enabled() ? Result.ACCEPTED : Result.DISABLED_USER);
    }
    if (wrong.contains(key)) {
      return CompletableFuture.completedFuture(account == null ? Result.UNKNOWN_USER : Result.WRONG_PASSWORD);
    }
    char[] copy = password.clone();
    // Unknown users and unusable hashes are checked against a stand-in, so they cost a normal
    // verification of this realm; a match there means nothing, hence "&& usable".
    PasswordHash against = usable ? account.hash() : standIn(space);
    return pool.submit(
            () -> {
              try {
                slowVerifications.increment();
                boolean matches = against.matches(copy) && usable;
                (matches ? right : wrong).add(key);
                if (account == null) {
                  return Result.UNKNOWN_USER;
                }
                if (!matches) {
                  return Result.WRONG_PASSWORD;
                }
                return account.enabled() ? Result.ACCEPTED : Result.DISABLED_USER;
              } finally {
                Arrays.fill(copy, '\0');
              }
            })
        .exceptionally(
            refused -> {
              Arrays.fill(copy, '\0');
              return Result.BUSY;
            });
  }

  /**
   * What an unknown user's password is checked against: one of the realm's own hashes, so the cost
   * matches its format (an htpasswd realm of bcrypt users costs bcrypt), else the PBKDF2 decoy.
   */
  PasswordHash standIn(ProtectionSpace space) {
    return space.standIn().orElse(decoy);
  }

  /** How many slow hash verifications ran: for tests that watch the cache work. */
  long slowVerifications() {
    return slowVerifications.sum();
  }
}
