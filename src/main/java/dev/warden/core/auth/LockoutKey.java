package dev.warden.core.auth;

import java.util.Objects;

/**
 * What failures are counted against: one client address, or one claimed user name, in one realm.
 *
 * @param kind whether {@code key} is a client address or a user name
 * @param realm the realm name
 * @param key the client IP address (no port) or the user name as the client sent it
 */
public record LockoutKey(Kind kind, String realm, String key) {

  /** What a key names. */
  public enum Kind {
    /** A client IP address: every request from it in the realm. */
    CLIENT,
    /** A user name: every request claiming it in the realm, from any address. */
    USER
  }

  public LockoutKey {
    Objects.requireNonNull(kind);
    Objects.requireNonNull(realm);
    Objects.requireNonNull(key);
  }

  /** A client address in a realm. */
  public static LockoutKey client(String realm, String address) {
    return new LockoutKey(Kind.CLIENT, realm, address);
  }

  /** A user name in a realm. */
  public static LockoutKey user(String realm, String user) {
    return new LockoutKey(Kind.USER, realm, user);
  }
}
