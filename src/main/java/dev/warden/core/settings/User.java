package dev.warden.core.settings;

import java.util.Objects;

/**
 * A proxy user of one realm. The password exists only as {@code passwordHash}: a salted slow hash in
 * one of the formats {@code dev.warden.core.auth} verifies (PBKDF2 written by Warden, or bcrypt, SHA
 * and APR1 read from htpasswd files). Immutable.
 */
public record User(String name, boolean enabled, String passwordHash) {

  public User {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(passwordHash, "passwordHash");
  }

  public User withEnabled(boolean value) {
    return new User(name, value, passwordHash);
  }

  public User withName(String value) {
    return new User(value, enabled, passwordHash);
  }

  public User withPasswordHash(String value) {
    return new User(name, enabled, value);
  }

  /** Never prints the hash: it would let a reader run an offline guessing attack. */
  @Override
  public String toString() {
    return "User[" + name + (enabled ? "" : ", disabled") + "]";
  }
}
