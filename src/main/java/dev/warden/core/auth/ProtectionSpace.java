package dev.warden.core.auth;

import dev.warden.core.settings.HostPattern;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A realm compiled for judging requests: parsed host patterns, users by name with parsed hashes, and
 * the schemes it offers. Immutable; any thread.
 *
 * @param index position among the policy's spaces; tells apart realms that share a name
 * @param name the realm name sent in challenges
 * @param patterns destinations this space guards; empty for the default space
 * @param accounts users by exact name
 * @param schemes the schemes this realm offers, in preference order
 */
record ProtectionSpace(
    int index, String name, List<HostPattern> patterns, Map<String, Account> accounts, List<AuthScheme> schemes) {

  ProtectionSpace {
    patterns = List.copyOf(patterns);
    accounts = Map.copyOf(accounts);
    schemes = List.copyOf(schemes);
  }

  /** Whether one of the patterns covers the destination (never true for the default space). */
  boolean guards(String host, int port) {
    for (HostPattern pattern : patterns) {
      if (pattern.matches(host, port)) {
        return true;
      }
    }
    return false;
  }

  /** The account named {@code user}, or {@code null}. */
  Account account(String user) {
    return accounts.get(user);
  }

  /**
   * The hash of one of this realm's users, to stand in for an unknown user's: checking a password
   * against it costs what a wrong password costs here (bcrypt at the realm's cost, say), so timing
   * does not tell unknown users from known ones. Empty when no user has a usable hash.
   */
  Optional<PasswordHash> standIn() {
    return accounts.values().stream().map(Account::hash).filter(Objects::nonNull).findFirst();
  }
}
