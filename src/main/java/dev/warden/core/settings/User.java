package dev.warden.core.settings;

import java.util.Objects;

/**
 * A proxy user of one realm. The password exists only as {@code passwordHash}: a salted slow hash in
 * one of the formats {@code dev.warden.core.auth} verifies (PBKDF2 written by Warden, or bcrypt, SHA
 * and APR1 read from htpasswd files) and, for Digest realms, as {@link DigestSecrets}. Immutable.
 */
public record User(String name, boolean enabled, String passwordHash, DigestSecrets digest) {

  public User {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(passwordHash, "passwordHash");
    Objects.requireNonNull(digest, "digest");
  }

  /** A user without Digest material (Basic only until the password is given again). */
  public User(String name, boolean enabled, String passwordHash) {
    this(name, enabled, passwordHash, DigestSecrets.NONE);
  }

  public User withEnabled(boolean value) {
    return new User(name, value, passwordHash, digest);
  }

  /** Renamed; the Digest material (which hashed the old name) no longer applies. */
  public User withName(String value) {
    return new User(value, enabled, passwordHash, value.equals(name) ? digest : DigestSecrets.NONE);
  }

  /** A new password hash; the caller gives the Digest material of the same password with it. */
  public User withPasswordHash(String value) {
    return new User(name, enabled, value, DigestSecrets.NONE);
  }

  public User withDigest(DigestSecrets value) {
    return new User(name, enabled, passwordHash, value);
  }

  /** Never prints the hash or the Digest material: they would let a reader guess or replay. */
  @Override
  public String toString() {
    return "User[" + name + (enabled ? "" : ", disabled") + "]";
  }
}
