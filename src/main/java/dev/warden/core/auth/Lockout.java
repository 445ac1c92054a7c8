package dev.warden.core.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * One key locked out: every request it covers is refused with 407 until {@code until}, without the
 * password being checked. Immutable.
 *
 * @param subject the client address or user name, and the realm
 * @param until when the lockout ends by itself
 * @param failures the failures in the window that started it
 */
public record Lockout(LockoutKey subject, Instant until, int failures) {

  public Lockout {
    Objects.requireNonNull(subject);
    Objects.requireNonNull(until);
  }

  public LockoutKey.Kind kind() {
    return subject.kind();
  }

  public String key() {
    return subject.key();
  }

  public String realm() {
    return subject.realm();
  }

  /** One phrase for outcomes and logs, e.g. {@code client 10.0.0.7 locked out until 2026-...Z}. */
  public String describe() {
    return (subject.kind() == LockoutKey.Kind.CLIENT ? "client " : "user '") + subject.key()
        + (subject.kind() == LockoutKey.Kind.CLIENT ? "" : "'") + " locked out until " + until;
  }
}
