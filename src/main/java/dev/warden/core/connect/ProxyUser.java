package dev.warden.core.connect;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A user a client is set up for: the name, the realm it belongs to and the schemes that realm
 * offers (lower case, in challenge order). Never a password. Immutable.
 */
public record ProxyUser(String name, String realm, List<String> schemes) {

  public ProxyUser {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(realm, "realm");
    schemes = schemes.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
  }

  public boolean offers(String scheme) {
    return schemes.contains(scheme);
  }

  /** How a picker shows it: {@code alice (Lab)}. */
  @Override
  public String toString() {
    return name + " (" + realm + ")";
  }
}
