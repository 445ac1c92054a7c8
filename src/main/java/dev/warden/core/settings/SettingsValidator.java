package dev.warden.core.settings;

import dev.warden.core.auth.digest.DigestAlgorithm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a {@link Settings} value before it is applied or saved.
 *
 * <p>{@link #problems} are blocking: settings with any problem are refused. {@link #warnings} are
 * not: the settings work, but probably not as the user expects. Each sentence names the realm or
 * user it is about and never contains a password hash. Stateless; any thread.
 */
public final class SettingsValidator {

  public static final int MIN_TRAFFIC_CAPACITY = 100;
  public static final int MAX_TRAFFIC_CAPACITY = 1_000_000;
  public static final int MAX_BODY_PREFIX_LIMIT = 16 * 1024 * 1024;
  /** CONNECT ports one realm may list: enough for any real set, small enough to show in one line. */
  public static final int MAX_CONNECT_PORTS = 64;

  private static final Pattern LOWER_HEX = Pattern.compile("[0-9a-f]+");
  /** Where a user's credential material keeps NTLM's NT hash (beside the Digest H(A1) values). */
  private static final String NT_KEY = "NT";

  /** Every problem found, one sentence each, empty when the settings can be applied. */
  public List<String> problems(Settings settings) {
    List<String> problems = new ArrayList<>();
    checkRealmSet(settings.realms(), problems);
    for (int i = 0; i < settings.realms().size(); i++) {
      checkRealm(settings.realms().get(i), i, problems);
    }
    if (settings.trafficCapacity() < MIN_TRAFFIC_CAPACITY
        || settings.trafficCapacity() > MAX_TRAFFIC_CAPACITY) {
      problems.add(String.format(
          Locale.ROOT,
          "Traffic capacity %,d is outside %,d-%,d exchanges",
          settings.trafficCapacity(),
          MIN_TRAFFIC_CAPACITY,
          MAX_TRAFFIC_CAPACITY));
    }
    if (settings.bodyPrefixLimit() < 0 || settings.bodyPrefixLimit() > MAX_BODY_PREFIX_LIMIT) {
      problems.add(String.format(
          Locale.ROOT,
          "Body prefix limit %,d bytes is outside 0-16 MiB (0-%,d bytes)",
          settings.bodyPrefixLimit(),
          MAX_BODY_PREFIX_LIMIT));
    }
    problems.addAll(settings.limits().problems());
    return List.copyOf(problems);
  }

  /**
   * Things that are allowed but probably unintended, one sentence each. Meaningful only for
   * settings without {@link #problems}; the first-run defaults get one (a realm without users).
   */
  public List<String> warnings(Settings settings) {
    List<String> warnings = new ArrayList<>();
    if (!isLoopback(settings.listen().host())) {
      warnings.add("Listening on " + settings.listen()
          + " lets other machines use the proxy; 127.0.0.1 keeps it to this computer");
    }
    if (settings.enforcement()) {
      for (int i = 0; i < settings.realms().size(); i++) {
        warnNoUsableUsers(settings, i, warnings);
      }
    }
    for (int i = 0; i < settings.realms().size(); i++) {
      warnFaults(settings.realms().get(i), i, warnings);
    }
    return List.copyOf(warnings);
  }

  private static void checkRealmSet(List<Realm> realms, List<String> problems) {
    if (realms.isEmpty()) {
      problems.add("At least one realm is needed");
      return;
    }
    List<String> defaults =
        realms.stream().filter(Realm::isDefault).map(r -> quote(r.name())).toList();
    if (defaults.isEmpty()) {
      problems.add("One realm must have no host patterns: it is the default realm for every other "
          + "destination");
    } else if (defaults.size() > 1) {
      problems.add("Only one realm may have no host patterns (the default realm), but "
          + String.join(", ", defaults) + " have none");
    }
    Set<String> seen = new HashSet<>();
    Set<String> reported = new HashSet<>();
    for (Realm realm : realms) {
      String key = realm.name().strip().toLowerCase(Locale.ROOT);
      if (!key.isEmpty() && !seen.add(key) && reported.add(key)) {
        problems.add("Realm name " + quote(realm.name())
            + " is used more than once (names are compared without regard to case)");
      }
    }
  }

  private static void checkRealm(Realm realm, int index, List<String> problems) {
    String label = label(realm, index);
    String name = realm.name();
    if (name.isBlank()) {
      problems.add(label + " has no name");
    } else if (name.chars().anyMatch(Character::isISOControl)) {
      problems.add(label + " contains a control character");
    } else if (!name.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
      problems.add(label + ": use ASCII letters only; the realm travels in an ASCII header");
    }

    Set<HostPattern> patterns = new HashSet<>();
    for (String text : realm.hostPatterns()) {
      try {
        if (!patterns.add(HostPattern.parse(text))) {
          problems.add(
              label + ": host pattern " + quote(text.strip()) + " is listed more than once");
        }
      } catch (IllegalArgumentException e) {
        problems.add(label + ": " + e.getMessage());
      }
    }

    checkAuth(label, realm.auth(), problems);
    checkTokens(label, realm.tokens(), problems);
    checkConnectPorts(label, realm.connectPorts(), problems);

    Set<String> userNames = new HashSet<>();
    Set<String> reportedUsers = new HashSet<>();
    for (User user : realm.users()) {
      checkUser(label, user, problems);
      checkDigestValues(label, user, problems);
      if (!user.name().isEmpty() && !userNames.add(user.name()) && reportedUsers.add(user.name())) {
        problems.add(label + ": user " + quote(user.name()) + " is listed more than once");
      }
    }
  }

  /** A token without a name cannot be told apart in the record; a malformed hash never matches. */
  private static void checkTokens(String label, List<BearerToken> tokens, List<String> problems) {
    Set<String> names = new HashSet<>();
    Set<String> hashes = new HashSet<>();
    for (BearerToken token : tokens) {
      if (token.name().isBlank() || token.name().chars().anyMatch(Character::isISOControl)) {
        problems.add(label + ": a Bearer token has no name, or a control character in it");
      } else if (!names.add(token.name())) {
        problems.add(label + ": Bearer token " + quote(token.name()) + " is listed more than once");
      }
      if (!token.wellFormed()) {
        problems.add(label + ": Bearer token " + quote(token.name())
            + " is not stored as sha256: and 64 lower-case hex digits");
      } else if (!hashes.add(token.hash())) {
        problems.add(
            label + ": Bearer token " + quote(token.name()) + " is the same token as another one");
      }
    }
  }

  /** A port outside 1-65535 could never match; a repeated one is probably a typo for another. */
  private static void checkConnectPorts(String label, List<Integer> ports, List<String> problems) {
    if (ports.size() > MAX_CONNECT_PORTS) {
      problems.add(label + " lists " + ports.size() + " CONNECT ports; at most " + MAX_CONNECT_PORTS
          + " are allowed");
    }
    Set<Integer> seen = new HashSet<>();
    for (int port : ports) {
      if (port < 1 || port > 65_535) {
        problems.add(label + ": CONNECT port " + port + " is outside 1-65535");
      } else if (!seen.add(port)) {
        problems.add(label + ": CONNECT port " + port + " is listed more than once");
      }
    }
  }

  private static void checkUser(String realmLabel, User user, List<String> problems) {
    String name = user.name();
    if (name.isEmpty()) {
      problems.add(realmLabel + ": a user has no name");
      return;
    }
    if (name.chars().anyMatch(Character::isISOControl)) {
      problems.add(realmLabel + ": user name " + quote(name) + " contains a control character");
    }
    if (name.indexOf(':') >= 0) {
      problems.add(realmLabel + ": user name " + quote(name)
          + " contains ':', which Basic authentication cannot carry");
    }
    if (user.passwordHash().isBlank()) {
      problems.add(realmLabel + ": user " + quote(name) + " has no password");
    }
  }

  private static void checkAuth(String label, RealmAuth auth, List<String> problems) {
    if (auth.schemes().isEmpty()) {
      problems.add(label + " offers no authentication scheme; choose at least one of "
          + String.join(", ", RealmAuth.KNOWN_SCHEMES));
    }
    Set<String> schemes = new HashSet<>();
    for (String scheme : auth.schemes()) {
      if (!RealmAuth.KNOWN_SCHEMES.contains(scheme)) {
        problems.add(label + ": scheme " + quote(scheme) + " is not one Warden knows ("
            + String.join(", ", RealmAuth.KNOWN_SCHEMES) + ")");
      } else if (!schemes.add(scheme)) {
        problems.add(label + ": scheme " + quote(scheme) + " is listed more than once");
      }
    }
    if (auth.offers(RealmAuth.DIGEST) && auth.digestAlgorithms().isEmpty()) {
      problems.add(label + " offers Digest but no Digest algorithm; choose at least one");
    }
    Set<DigestAlgorithm> algorithms = new HashSet<>();
    for (String token : auth.digestAlgorithms()) {
      Optional<DigestAlgorithm> algorithm = DigestAlgorithm.fromToken(token);
      if (algorithm.isEmpty()) {
        problems.add(label + ": Digest algorithm " + quote(token) + " is not one Warden knows ("
            + Arrays.stream(DigestAlgorithm.values())
                .map(DigestAlgorithm::token)
                .collect(Collectors.joining(", "))
            + ")");
      } else if (!algorithms.add(algorithm.get())) {
        problems.add(label + ": Digest algorithm " + quote(token) + " is listed more than once");
      }
    }
    Duration lifetime = auth.nonceLifetime();
    if (lifetime.compareTo(RealmAuth.MIN_NONCE_LIFETIME) < 0
        || lifetime.compareTo(RealmAuth.MAX_NONCE_LIFETIME) > 0) {
      problems.add(label + ": nonce lifetime " + lifetime.toSeconds()
          + " s is outside 1 s to 24 h (86400 s)");
    }
    if (auth.disabledUserStatus() != 403 && auth.disabledUserStatus() != 407) {
      problems.add(
          label + ": disabled users must get 403 or 407, not " + auth.disabledUserStatus());
    }
    checkLockout(label, auth.lockout(), problems);
  }

  private static void checkLockout(String label, RealmLockout lockout, List<String> problems) {
    int max = RealmLockout.MAX_THRESHOLD;
    if (lockout.lockoutAfter() < 1 || lockout.lockoutAfter() > max) {
      problems.add(
          label + ": lockout after " + lockout.lockoutAfter() + " failures is outside 1 to " + max);
    }
    if (lockout.delayAfter() < 0 || lockout.delayAfter() > max) {
      problems.add(
          label + ": delay after " + lockout.delayAfter() + " failures is outside 0 to " + max);
    }
    Duration lasts = lockout.lockoutFor();
    if (lasts.compareTo(RealmLockout.MIN_LOCKOUT) < 0
        || lasts.compareTo(RealmLockout.MAX_LOCKOUT) > 0) {
      problems.add(label + ": lockout duration " + lasts.toSeconds()
          + " s is outside 1 s to 24 h (86400 s)");
    }
    if (lockout.lockedOutStatus() != 407 && lockout.lockedOutStatus() != 429) {
      problems.add(
          label + ": locked-out clients must get 407 or 429, not " + lockout.lockedOutStatus());
    }
  }

  /**
   * A malformed H(A1) would make Digest fail for that user without a word; the value itself is
   * never put in the sentence (it is password-equivalent).
   */
  private static void checkDigestValues(String realmLabel, User user, List<String> problems) {
    for (Map.Entry<String, String> e : user.digest().ha1().entrySet()) {
      if (NT_KEY.equals(e.getKey())) {
        if (!LOWER_HEX.matcher(e.getValue()).matches() || e.getValue().length() != 32) {
          problems.add(realmLabel + ": user " + quote(user.name())
              + " has an NT hash that is not 32 lower-case hex digits");
        }
        continue;
      }
      Optional<DigestAlgorithm> algorithm = DigestAlgorithm.fromToken(e.getKey())
          .filter(a -> !a.isSession() && a.token().equals(e.getKey()));
      if (algorithm.isEmpty()) {
        problems.add(realmLabel + ": user " + quote(user.name()) + " has Digest material for "
            + quote(e.getKey()) + ", which is not a base algorithm (MD5, SHA-256, SHA-512-256)");
      } else if (!LOWER_HEX.matcher(e.getValue()).matches()
          || e.getValue().length() != algorithm.get().hexLength()) {
        problems.add(realmLabel + ": user " + quote(user.name()) + " has a " + e.getKey()
            + " H(A1) that is not " + algorithm.get().hexLength() + " lower-case hex digits");
      }
    }
  }

  /**
   * Users of Digest realms who cannot answer Digest there yet, one sentence each: their stored
   * material is missing, was made for another realm name, or lacks an offered algorithm. Not a
   * problem (Basic still works for them), but the editor and headless mode show it, since the only
   * cure is to set the password again.
   */
  public List<String> digestGaps(Settings settings) {
    List<String> gaps = new ArrayList<>();
    for (Realm realm : settings.realms()) {
      if (!realm.auth().offers(RealmAuth.DIGEST)) {
        continue;
      }
      Set<String> bases = new LinkedHashSet<>();
      for (String token : realm.auth().digestAlgorithms()) {
        DigestAlgorithm.fromToken(token).ifPresent(a -> bases.add(a.base().token()));
      }
      for (User user : realm.users()) {
        DigestSecrets digest = user.digest();
        String why;
        if (digest.isEmpty()) {
          why = "it was stored before Digest was on";
        } else if (!digest.realm().equals(realm.name())) {
          why = "the realm was renamed";
        } else {
          List<String> missing =
              bases.stream().filter(b -> !digest.covers(realm.name(), b)).toList();
          if (missing.isEmpty()) {
            continue;
          }
          why = "it was stored without " + String.join(", ", missing);
        }
        gaps.add(user.name() + " cannot use Digest in realm " + quote(realm.name())
            + " until their password is set again (" + why + ")");
      }
    }
    return List.copyOf(gaps);
  }

  /**
   * Fault knobs that make a realm unusable in a way that is easy to miss: any credentials let in, or a
   * plain Digest challenge (no algorithm, so MD5) in a realm that does not accept MD5.
   */
  private static void warnFaults(Realm realm, int index, List<String> warnings) {
    RealmFaults faults = realm.faults();
    if ("accept-any".equals(faults.outcome())) {
      warnings.add(
          label(realm, index) + " lets any credentials through (fault knob outcome=accept-any)");
    }
    if (faults.plainChallenges()
        && realm.auth().offers(RealmAuth.DIGEST)
        && realm.auth().digestAlgorithms().stream().noneMatch("MD5"::equalsIgnoreCase)) {
      warnings.add(
          label(realm, index) + ": its plain Digest challenge names no algorithm, so clients answer"
              + " with MD5, which the realm does not accept (fault knob plainChallenges=true)");
    }
  }

  private static void warnNoUsableUsers(Settings settings, int index, List<String> warnings) {
    Realm realm = settings.realms().get(index);
    String whom;
    if (!realm.isDefault()) {
      whom = "every request to its hosts will be challenged";
    } else if (settings.realms().size() == 1) {
      whom = "every request will be challenged";
    } else {
      whom = "every request outside the other realms will be challenged";
    }
    if (realm.users().isEmpty()) {
      warnings.add(label(realm, index) + " has no users: " + whom);
    } else if (realm.users().stream().noneMatch(User::enabled)) {
      warnings.add(label(realm, index) + " has only disabled users: " + whom);
    }
  }

  /**
   * Loopback by its literal form only: resolving a name here would block and could reach the
   * network, and a warning does not need to be exact.
   */
  static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost")
        || h.startsWith("127.")
        || h.equals("::1")
        || h.equals("0:0:0:0:0:0:0:1");
  }

  private static String label(Realm realm, int index) {
    return realm.name().isBlank() ? "Realm #" + (index + 1) : "Realm " + quote(realm.name());
  }

  /** Quotes a name for a message, escaping control characters so the sentence stays one line. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('\'');
    text.chars().forEach(c -> {
      if (Character.isISOControl(c)) {
        out.append(String.format(Locale.ROOT, "\\u%04X", c));
      } else {
        out.append((char) c);
      }
    });
    return out.append('\'').toString();
  }
}
