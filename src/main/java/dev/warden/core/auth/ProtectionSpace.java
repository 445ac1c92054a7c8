package dev.warden.core.auth;

import dev.warden.core.auth.digest.DigestAlgorithm;
import dev.warden.core.auth.digest.DigestCalculation;
import dev.warden.core.settings.BearerToken;
import dev.warden.core.settings.HostPattern;
import dev.warden.core.settings.RealmAuth;
import dev.warden.core.settings.RealmFaults;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A realm compiled for judging requests: parsed host patterns, users by name with parsed hashes, the
 * schemes it offers and its Digest algorithms. Immutable; any thread.
 *
 * @param index position among the policy's spaces; tells apart realms that share a name
 * @param name the realm name sent in challenges
 * @param patterns destinations this space guards; empty for the default space
 * @param accounts users by exact name
 * @param schemes the schemes this realm offers, in preference order
 * @param auth the realm's scheme settings (Digest algorithms, nonce lifetime, disabled-user status)
 * @param algorithms the Digest algorithms offered, parsed, in challenge order
 * @param tokens the realm's Bearer tokens, hashed
 * @param faults the realm's fault knobs ({@code plainChallenges} lets Digest answers omit opaque)
 */
record ProtectionSpace(
    int index,
    String name,
    List<HostPattern> patterns,
    Map<String, Account> accounts,
    List<AuthScheme> schemes,
    RealmAuth auth,
    List<DigestAlgorithm> algorithms,
    Map<String, Account> byUserhash,
    List<BearerToken> tokens,
    RealmFaults faults) {

  ProtectionSpace {
    patterns = List.copyOf(patterns);
    accounts = Map.copyOf(accounts);
    schemes = List.copyOf(schemes);
    Objects.requireNonNull(auth);
    algorithms = List.copyOf(algorithms);
    byUserhash = Map.copyOf(byUserhash);
    tokens = List.copyOf(tokens);
    Objects.requireNonNull(faults);
  }

  /** Whether any scheme this space offers could need a request's body to judge it. */
  boolean mayNeedBody() {
    for (AuthScheme scheme : schemes) {
      if (scheme.mayNeedBody(this)) {
        return true;
      }
    }
    return false;
  }

  /** This space with the realm's fault knobs. */
  ProtectionSpace withFaults(RealmFaults value) {
    return new ProtectionSpace(
        index, name, patterns, accounts, schemes, auth, algorithms, byUserhash, tokens, value);
  }

  ProtectionSpace(
      int index,
      String name,
      List<HostPattern> patterns,
      Map<String, Account> accounts,
      List<AuthScheme> schemes) {
    this(
        index,
        name,
        patterns,
        accounts,
        schemes,
        RealmAuth.defaults(),
        List.of(),
        Map.of(),
        List.of(),
        RealmFaults.NONE);
  }

  /**
   * Compiles a space; for Digest, indexes the users by {@code userhash} (RFC 7616 §3.4.4) for each
   * offered base algorithm: one fast hash per user and algorithm, at compile time.
   */
  static ProtectionSpace of(
      int index,
      String name,
      List<HostPattern> patterns,
      Map<String, Account> accounts,
      List<AuthScheme> schemes,
      RealmAuth auth,
      List<DigestAlgorithm> algorithms,
      List<BearerToken> tokens) {
    Map<String, Account> byUserhash = new HashMap<>();
    for (DigestAlgorithm algorithm : algorithms) {
      DigestAlgorithm base = algorithm.base();
      for (Account account : accounts.values()) {
        byUserhash.putIfAbsent(
            userhashKey(base, DigestCalculation.userhash(base, account.name(), name)), account);
      }
    }
    return new ProtectionSpace(
        index,
        name,
        patterns,
        accounts,
        schemes,
        auth,
        algorithms,
        byUserhash,
        tokens,
        RealmFaults.NONE);
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

  /** The account whose userhash under {@code algorithm} is {@code userhash}, or {@code null}. */
  Account accountByUserhash(DigestAlgorithm algorithm, String userhash) {
    return byUserhash.get(userhashKey(algorithm.base(), userhash));
  }

  /** The scheme of this realm named {@code name} (case-insensitive), or {@code null}. */
  AuthScheme scheme(String name) {
    for (AuthScheme scheme : schemes) {
      if (scheme.name().equalsIgnoreCase(name)) {
        return scheme;
      }
    }
    return null;
  }

  private static String userhashKey(DigestAlgorithm base, String userhash) {
    return base.token() + ":" + userhash;
  }
}
