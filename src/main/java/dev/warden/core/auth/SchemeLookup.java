package dev.warden.core.auth;

import java.util.List;
import java.util.Map;

/**
 * The schemes a policy knows, found by the name a {@code Proxy-Authorization} field gives (in any
 * case): what a field claims and how it is shown redacted, read without judging it. Immutable; any
 * thread.
 */
final class SchemeLookup {

  /** In the catalogue's order: the first whose name matches is the one. */
  private final List<AuthScheme> schemes;

  SchemeLookup(Map<String, AuthScheme> schemes) {
    this.schemes = List.copyOf(schemes.values());
  }

  /** The user name the field's credentials claim, unchecked; empty when they name none. */
  String claimedUser(ProxyAuthorization field) {
    if (field instanceof ProxyAuthorization.Present present) {
      AuthScheme scheme = named(present.scheme());
      return scheme == null ? "" : scheme.claimedUser(present.credentials());
    }
    return "";
  }

  /** The field as the record shows it, secrets replaced; empty when there is none. */
  String redact(ProxyAuthorization field) {
    if (field instanceof ProxyAuthorization.Present present) {
      AuthScheme scheme = named(present.scheme());
      return scheme == null ? present.scheme() + " ***" : scheme.redact(present.credentials());
    }
    return field instanceof ProxyAuthorization.Unreadable ? "(unreadable)" : "";
  }

  private AuthScheme named(String name) {
    for (AuthScheme scheme : schemes) {
      if (scheme.name().equalsIgnoreCase(name)) {
        return scheme;
      }
    }
    return null;
  }
}
