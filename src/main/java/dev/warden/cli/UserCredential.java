package dev.warden.cli;

import java.util.Arrays;
import java.util.Objects;

/**
 * One {@code --user NAME:PASSWORD} flag: a user name and its plain password, held only until it is
 * hashed. {@link #toString()} never shows the password. Not thread-safe; used on the main thread.
 */
public final class UserCredential {

  private final String name;
  private final char[] password;

  public UserCredential(String name, char[] password) {
    this.name = Objects.requireNonNull(name);
    this.password = password.clone();
  }

  /**
   * Reads {@code NAME:PASSWORD}, split at the first colon, so passwords may contain colons (as in
   * Basic credentials, where user names cannot).
   *
   * @throws UsageException naming what is wrong, without echoing the value (it may be a password)
   */
  public static UserCredential parse(String value) throws UsageException {
    return parse("--user", "NAME:PASSWORD", value);
  }

  /**
   * Reads {@code NAME:SECRET} for {@code flag} ({@code --token NAME:TOKEN} too), split at the first
   * colon; errors name {@code flag} and {@code shape}, never the secret.
   */
  public static UserCredential parse(String flag, String shape, String value)
      throws UsageException {
    String secret = shape.substring(shape.indexOf(':') + 1).toLowerCase(java.util.Locale.ROOT);
    int colon = value.indexOf(':');
    if (colon < 0) {
      throw new UsageException(flag + ": expected " + shape + ", but the value has no ':'");
    }
    String name = value.substring(0, colon);
    if (name.isBlank()) {
      throw new UsageException(flag + ": the " + ("--user".equals(flag) ? "user" : "token")
          + " name before ':' is empty");
    }
    if (colon == value.length() - 1) {
      throw new UsageException(flag + ": the " + secret + " of '" + name + "' is empty");
    }
    return new UserCredential(name, value.substring(colon + 1).toCharArray());
  }

  public String name() {
    return name;
  }

  /** A copy of the password: the caller may wipe it after hashing. */
  public char[] password() {
    return password.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UserCredential other
        && name.equals(other.name)
        && Arrays.equals(password, other.password);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return "UserCredential[" + name + ":***]";
  }
}
