package dev.warden.core.auth;

import dev.warden.core.settings.HostPattern;
import dev.warden.core.settings.Realm;
import dev.warden.core.settings.Settings;
import dev.warden.core.settings.User;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The 407 enforcement compiled from one {@link Settings} value. Immutable and thread-safe; a new
 * policy replaces it when the settings change, so every request is judged by the settings in force
 * when it arrived.
 *
 * <p>Each policy owns its verification caches (see {@link CredentialVerifier}): after any settings
 * change the new policy starts with empty ones, so a removed user or changed password takes effect on
 * the next request. The steady state costs microseconds; only the first request with given
 * credentials pays for a slow hash.
 */
public final class AuthPolicy {

  private final boolean enforcement;
  private final List<AuthScheme> schemes;
  private final List<ProtectionSpace> guarded;
  private final ProtectionSpace fallback;
  private final List<String> problems;
  private final CredentialVerifier verifier;

  private AuthPolicy(
      boolean enforcement,
      List<AuthScheme> schemes,
      List<ProtectionSpace> guarded,
      ProtectionSpace fallback,
      List<String> problems,
      CredentialVerifier verifier) {
    this.enforcement = enforcement;
    this.schemes = schemes;
    this.guarded = guarded;
    this.fallback = fallback;
    this.problems = problems;
    this.verifier = verifier;
  }

  /**
   * Compiles the settings. Cheap: no hashing happens here. Never throws on content: a host pattern
   * or a stored hash it cannot use is left out and named in {@link #problems()}. Any thread.
   */
  public static AuthPolicy of(Settings settings) {
    CredentialVerifier verifier = new CredentialVerifier(new PasswordHasher().decoy());
    List<AuthScheme> schemes = List.of(new BasicScheme(verifier));
    List<String> problems = new ArrayList<>();
    List<ProtectionSpace> guarded = new ArrayList<>();
    ProtectionSpace fallback = null;
    List<Realm> realms = settings.realms();
    for (int index = 0; index < realms.size(); index++) {
      Realm realm = realms.get(index);
      ProtectionSpace space = compile(index, realm, schemes, problems);
      if (!realm.isDefault()) {
        guarded.add(space);
      } else if (fallback == null) {
        fallback = space;
      } else {
        problems.add("Realm '" + realm.name() + "' has no host patterns, but realm '" + fallback.name()
            + "' is already the default; it is never used");
      }
    }
    if (fallback == null) {
      // every destination needs a realm to be challenged in; this one has no users, so it admits nobody
      fallback = compile(realms.size(),
          new Realm(Settings.DEFAULT_REALM_NAME, List.of(), List.of()), schemes, problems);
    }
    return new AuthPolicy(settings.enforcement(), schemes, List.copyOf(guarded), fallback,
        List.copyOf(problems), verifier);
  }

  /**
   * Judges one request. Called on network threads: never blocks on I/O, never throws, never logs.
   * Runs a slow hash only on the first request with given credentials (a cache miss).
   */
  public AuthDecision decide(AuthRequest request) {
    try {
      ProxyAuthorization field = ProxyAuthorization.read(request.proxyAuthorization());
      if (!enforcement) {
        return new AuthDecision(new AuthOutcome.NotRequired(), List.of(), redact(field));
      }
      return judge(request, field, spaceFor(request.host(), request.port()));
    } catch (RuntimeException e) {
      // a bug must not open the proxy, nor break the connection: fail closed with a plain challenge
      return challenge(fallback, ChallengeReason.MALFORMED, "could not be judged", "", "", "");
    }
  }

  /**
   * What in the settings this policy could not use, one sentence each (a host pattern it cannot
   * parse, a stored hash in an unsupported format, a second default realm); empty when all is well.
   * Never contains a hash. Any thread.
   */
  public List<String> problems() {
    return problems;
  }

  /** How many slow hash verifications this policy ran: lets tests watch the cache. */
  long slowVerifications() {
    return verifier.slowVerifications();
  }

  private AuthDecision judge(AuthRequest request, ProxyAuthorization field, ProtectionSpace space) {
    if (field instanceof ProxyAuthorization.Unreadable unreadable) {
      return challenge(space, ChallengeReason.MALFORMED, unreadable.detail(), "", "", "(unreadable)");
    }
    if (!(field instanceof ProxyAuthorization.Present present)) {
      return challenge(space, ChallengeReason.MISSING, "", "", "", "");
    }
    AuthScheme scheme = schemeNamed(present.scheme());
    if (scheme == null) {
      return challenge(space, ChallengeReason.UNSUPPORTED_SCHEME, "", present.scheme(), "",
          present.scheme() + " ***");
    }
    SchemeVerdict verdict = scheme.judge(request, present.credentials(), space);
    if (verdict instanceof SchemeVerdict.Rejected rejected) {
      return challenge(space, rejected.reason(), rejected.detail(), scheme.name(), rejected.user(),
          rejected.redacted());
    }
    SchemeVerdict.Accepted accepted = (SchemeVerdict.Accepted) verdict;
    return new AuthDecision(
        new AuthOutcome.Authenticated(scheme.name(), accepted.user(), space.name()),
        List.of(),
        accepted.redacted());
  }

  private String redact(ProxyAuthorization field) {
    if (field instanceof ProxyAuthorization.Present present) {
      AuthScheme scheme = schemeNamed(present.scheme());
      return scheme == null ? present.scheme() + " ***" : scheme.redact(present.credentials());
    }
    return field instanceof ProxyAuthorization.Unreadable ? "(unreadable)" : "";
  }

  private ProtectionSpace spaceFor(String host, int port) {
    for (ProtectionSpace space : guarded) {
      if (space.guards(host, port)) {
        return space;
      }
    }
    return fallback;
  }

  private AuthScheme schemeNamed(String name) {
    for (AuthScheme scheme : schemes) {
      if (scheme.name().equalsIgnoreCase(name)) {
        return scheme;
      }
    }
    return null;
  }

  private static AuthDecision challenge(ProtectionSpace space, ChallengeReason reason, String detail,
      String scheme, String user, String redacted) {
    return new AuthDecision(
        new AuthOutcome.Challenged(reason, detail, space.name(), scheme, user),
        space.challenges(),
        redacted);
  }

  private static ProtectionSpace compile(
      int index, Realm realm, List<AuthScheme> schemes, List<String> problems) {
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
      accounts.put(user.name(), new Account(user.name(), user.enabled(), parseHash(realm, user, problems)));
    }
    List<String> challenges = new ArrayList<>();
    for (AuthScheme scheme : schemes) {
      challenges.add(scheme.challenge(realm.name()));
    }
    return new ProtectionSpace(index, realm.name(), patterns, accounts, challenges);
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
