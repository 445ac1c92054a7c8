package dev.warden.core.auth;

import dev.warden.core.auth.digest.DigestAlgorithm;
import dev.warden.core.settings.HostPattern;
import dev.warden.core.settings.Realm;
import dev.warden.core.settings.RealmAuth;
import dev.warden.core.settings.User;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Turns one realm of the settings into the {@link ProtectionSpace} an {@link AuthPolicy} judges in. */
final class RealmCompiler {

  private RealmCompiler() {}

  /**
   * The protection space of {@code realm}: its host patterns, accounts, schemes in order and Digest
   * algorithms. What cannot be used is left out and described in {@code problems}; never throws on
   * content. Any thread.
   */
  static ProtectionSpace compile(
      int index, Realm realm, Map<String, AuthScheme> schemes, List<String> problems) {
    List<HostPattern> patterns = new ArrayList<>();
    for (String text : realm.hostPatterns()) {
      try {
        patterns.add(HostPattern.parse(text));
      } catch (IllegalArgumentException e) {
        problems.add("Realm '" + realm.name() + "': host pattern ignored: " + e.getMessage());
      }
    }
    Map<String, Account> accounts = new LinkedHashMap<>();
    for (User user : realm.users()) {
      if (accounts.containsKey(user.name())) {
        problems.add("Realm '" + realm.name() + "': user '" + user.name()
            + "' appears more than once; the first one counts");
        continue;
      }
      accounts.put(
          user.name(),
          new Account(
              user.name(),
              user.enabled(),
              parseHash(realm, user, problems),
              user.passwordHash(),
              user.digest()));
    }
    List<AuthScheme> offered = new ArrayList<>();
    for (String name : realm.auth().schemes()) {
      AuthScheme scheme = schemes.get(name);
      if (scheme == null) {
        problems.add("Realm '" + realm.name() + "': scheme '" + name + "' is not supported");
      } else if (!offered.contains(scheme)) {
        offered.add(scheme);
      }
    }
    if (offered.isEmpty()) {
      offered.add(schemes.get(RealmAuth.BASIC));
    }
    List<DigestAlgorithm> algorithms = new ArrayList<>();
    if (realm.auth().offers(RealmAuth.DIGEST)) {
      for (String token : realm.auth().digestAlgorithms()) {
        Optional<DigestAlgorithm> algorithm = DigestAlgorithm.fromToken(token);
        if (algorithm.isEmpty()) {
          problems.add(
              "Realm '" + realm.name() + "': Digest algorithm '" + token + "' is not supported");
        } else if (!algorithms.contains(algorithm.get())) {
          algorithms.add(algorithm.get());
        }
      }
      if (algorithms.isEmpty()) {
        algorithms.add(DigestAlgorithm.SHA_256);
      }
    }
    return ProtectionSpace.of(
            index,
            realm.name(),
            patterns,
            accounts,
            offered,
            realm.auth(),
            algorithms,
            realm.tokens())
        .withFaults(realm.faults());
  }

  private static PasswordHash parseHash(Realm realm, User user, List<String> problems) {
    try {
      return PasswordHash.parse(user.passwordHash());
    } catch (IllegalArgumentException e) {
      problems.add("Realm '" + realm.name() + "': user '" + user.name() + "' can never log in: "
          + e.getMessage().toLowerCase(Locale.ROOT));
      return null;
    }
  }
}
