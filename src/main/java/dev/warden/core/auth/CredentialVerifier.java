package dev.warden.core.auth;

import java.util.concurrent.atomic.LongAdder;

/**
 * Decides whether a user name and password are right in a {@link ProtectionSpace}, remembering the
 * answer: one instance per {@link AuthPolicy}, so a new settings version starts with empty caches.
 *
 * <p>Both caches are keyed by {@link KeyedFingerprint}s and bounded ({@link #CACHE_CAPACITY} each).
 * The right-password cache makes the steady state cost microseconds; the wrong-password cache stops
 * a client that retries the same wrong password from costing a slow hash per try. An unknown user is
 * verified against one of the realm's own hashes (or a decoy PBKDF2 hash of the normal cost when the
 * realm has none), so it takes as long as a wrong password (CWE-208). A disabled user is reported only once the password proved right.
 *
 * <p>Thread-safe; runs on network threads. A cache miss costs one slow hash (about 13 ms for
 * Warden's PBKDF2, see {@link PasswordHasher}; whatever the cost parameter says for bcrypt).
 */
final class CredentialVerifier {

  static final int CACHE_CAPACITY = 10_000;

  /** What one check found. */
  enum Result {
    ACCEPTED,
    UNKNOWN_USER,
    WRONG_PASSWORD,
    DISABLED_USER
  }

  private final KeyedFingerprint fingerprints = KeyedFingerprint.withRandomKey();
  private final BoundedSet<KeyedFingerprint.Fingerprint> right = new BoundedSet<>(CACHE_CAPACITY);
  private final BoundedSet<KeyedFingerprint.Fingerprint> wrong = new BoundedSet<>(CACHE_CAPACITY);
  private final PasswordHash decoy;
  private final LongAdder slowVerifications = new LongAdder();

  CredentialVerifier(PasswordHash decoy) {
    this.decoy = decoy;
  }

  /** Checks {@code password} for {@code user} in {@code space}; leaves {@code password} unchanged. */
  Result verify(ProtectionSpace space, String user, char[] password) {
    Account account = space.account(user);
    boolean passwordRight = passwordRight(space, user, account, password);
    if (account == null) {
      return Result.UNKNOWN_USER;
    }
    if (!passwordRight) {
      return Result.WRONG_PASSWORD;
    }
    return account.enabled() ? Result.ACCEPTED : Result.DISABLED_USER;
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

  private boolean passwordRight(ProtectionSpace space, String user, Account account, char[] password) {
    KeyedFingerprint.Fingerprint key = fingerprints.of(space.index(), user, password);
    if (right.contains(key)) {
      return true;
    }
    if (wrong.contains(key)) {
      return false;
    }
    slowVerifications.increment();
    boolean usable = account != null && account.hash() != null;
    // Unknown users and unusable hashes are checked against a stand-in, so they cost a normal
    // verification of this realm; a match there means nothing, hence "&& usable".
    boolean matches = (usable ? account.hash() : standIn(space)).matches(password) && usable;
    (matches ? right : wrong).add(key);
    return matches;
  }
}
