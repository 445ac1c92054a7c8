package dev.warden.core.auth;

import dev.warden.core.settings.RealmLockout;
import java.time.Duration;
import java.util.Objects;

/**
 * When repeated failed authentications slow down and then lock out a client address or a claimed
 * user name in one realm. Immutable. The {@link AuthState}'s policy is the base; each realm applies
 * it with its own thresholds and duration ({@link #forRealm}).
 *
 * @param window how far back failures are counted (a sliding window)
 * @param delayAfter failures in the window after which answers from the key are delayed
 * @param firstDelay the delay of the first failure beyond {@code delayAfter}; it doubles with each
 *     further failure
 * @param maxDelay the longest delay
 * @param lockoutAfter failures in the window that lock the key out
 * @param lockoutFor how long a lockout lasts
 * @param trackedKeys how many client addresses, and separately how many user names, are counted at
 *     once; beyond it the oldest key is forgotten (and at most as many lockouts are held)
 * @param enforced false to count nothing, delay nothing and lock nobody out ({@link #OFF})
 */
public record LockoutPolicy(
    Duration window,
    int delayAfter,
    Duration firstDelay,
    Duration maxDelay,
    int lockoutAfter,
    Duration lockoutFor,
    int trackedKeys,
    boolean enforced) {

  /**
   * The largest threshold: each counted key keeps the times of its last {@code lockoutAfter}
   * failures, so the thresholds bound the memory a key costs.
   */
  public static final int MAX_THRESHOLD = 10_000;

  /** 10 failures a minute start the delay (250 ms doubling, max 5 s); 50 lock out for 5 minutes. */
  public static final LockoutPolicy DEFAULTS = new LockoutPolicy(
      Duration.ofMinutes(1),
      10,
      Duration.ofMillis(250),
      Duration.ofSeconds(5),
      50,
      Duration.ofMinutes(5),
      10_000,
      true);

  /** No counting, no delays, no lockouts: for measurements and tools that replay many failures. */
  public static final LockoutPolicy OFF = new LockoutPolicy(
      Duration.ofMinutes(1),
      MAX_THRESHOLD,
      Duration.ZERO,
      Duration.ZERO,
      MAX_THRESHOLD,
      Duration.ZERO,
      1,
      false);

  /** An enforced policy. */
  public LockoutPolicy(
      Duration window,
      int delayAfter,
      Duration firstDelay,
      Duration maxDelay,
      int lockoutAfter,
      Duration lockoutFor,
      int trackedKeys) {
    this(window, delayAfter, firstDelay, maxDelay, lockoutAfter, lockoutFor, trackedKeys, true);
  }

  public LockoutPolicy {
    Objects.requireNonNull(window);
    Objects.requireNonNull(firstDelay);
    Objects.requireNonNull(maxDelay);
    Objects.requireNonNull(lockoutFor);
    if (window.isNegative()
        || window.isZero()
        || lockoutFor.isNegative()
        || firstDelay.isNegative()
        || maxDelay.compareTo(firstDelay) < 0) {
      throw new IllegalArgumentException("durations must be positive and maxDelay >= firstDelay");
    }
    if (delayAfter < 0
        || delayAfter > MAX_THRESHOLD
        || lockoutAfter < 1
        || lockoutAfter > MAX_THRESHOLD
        || trackedKeys < 1) {
      throw new IllegalArgumentException("0 <= delayAfter <= " + MAX_THRESHOLD
          + ", 1 <= lockoutAfter <= " + MAX_THRESHOLD + ", trackedKeys >= 1");
    }
  }

  /**
   * The delay before answering a request from a key with {@code failures} failures in the window:
   * zero up to {@link #delayAfter}, then {@link #firstDelay} doubling per failure, at most
   * {@link #maxDelay}.
   */
  public Duration delayFor(int failures) {
    if (!enforced || failures <= delayAfter) {
      return Duration.ZERO;
    }
    int doublings = failures - delayAfter - 1;
    if (doublings >= 31) {
      return maxDelay;
    }
    Duration delay = firstDelay.multipliedBy(1L << doublings);
    return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
  }

  /**
   * This policy with a realm's thresholds and lockout duration. A realm left at
   * {@link RealmLockout#DEFAULTS} gets this policy as it is (so a state made with a policy of its
   * own, in tests and tools, applies it); a policy that is not enforced stays off.
   *
   * @throws IllegalArgumentException when the realm's values are out of range (the settings
   *     validator refuses them first)
   */
  public LockoutPolicy forRealm(RealmLockout realm) {
    if (!enforced
        || (realm.delayAfter() == RealmLockout.DEFAULTS.delayAfter()
            && realm.lockoutAfter() == RealmLockout.DEFAULTS.lockoutAfter()
            && realm.lockoutFor().equals(RealmLockout.DEFAULTS.lockoutFor()))) {
      return this;
    }
    return new LockoutPolicy(
        window,
        realm.delayAfter(),
        firstDelay,
        maxDelay,
        realm.lockoutAfter(),
        realm.lockoutFor(),
        trackedKeys,
        true);
  }
}
