package dev.warden.core.auth;

/**
 * Told when lockouts start and end. Called on whatever thread noticed the change (a network thread
 * recording a failure, the lockout timer, a caller of {@code release}): implementations must be
 * quick, must not block and must hand UI work to their own thread. An exception thrown here is
 * logged and ignored.
 */
public interface LockoutListener {

  /** {@code lockout} has just started. */
  default void started(Lockout lockout) {}

  /** {@code lockout} has ended: it expired, was released, or was evicted to bound memory. */
  default void ended(Lockout lockout) {}
}
