package dev.warden.core.settings;

import java.time.Duration;
import java.util.Objects;

/**
 * How one realm answers guessing: after {@code delayAfter} failed logins a minute from one client
 * address (or for one claimed user name) its answers are delayed, growing with each further failure;
 * after {@code lockoutAfter} the address or name is locked out for {@code lockoutFor}, and its
 * requests get {@code lockedOutStatus} at once: 407 with the reason "locked out" (the default), or
 * 429 Too Many Requests with {@code Retry-After}. Immutable.
 *
 * @param delayAfter failures a minute after which answers are delayed (0 to delay from the first)
 * @param lockoutAfter failures a minute that lock the address or name out
 * @param lockoutFor how long a lockout lasts
 * @param lockedOutStatus 407 or 429
 */
public record RealmLockout(
    int delayAfter, int lockoutAfter, Duration lockoutFor, int lockedOutStatus) {

  /** The largest threshold (each counted key keeps the times of its last failures). */
  public static final int MAX_THRESHOLD = 10_000;

  public static final Duration MIN_LOCKOUT = Duration.ofSeconds(1);
  public static final Duration MAX_LOCKOUT = Duration.ofHours(24);

  /** 10 failures a minute start the delay, 50 lock out for 5 minutes, answered 407. */
  public static final RealmLockout DEFAULTS = new RealmLockout(10, 50, Duration.ofMinutes(5), 407);

  public RealmLockout {
    Objects.requireNonNull(lockoutFor, "lockoutFor");
  }

  public RealmLockout withDelayAfter(int value) {
    return new RealmLockout(value, lockoutAfter, lockoutFor, lockedOutStatus);
  }

  public RealmLockout withLockoutAfter(int value) {
    return new RealmLockout(delayAfter, value, lockoutFor, lockedOutStatus);
  }

  public RealmLockout withLockoutFor(Duration value) {
    return new RealmLockout(delayAfter, lockoutAfter, value, lockedOutStatus);
  }

  public RealmLockout withLockedOutStatus(int value) {
    return new RealmLockout(delayAfter, lockoutAfter, lockoutFor, value);
  }
}
