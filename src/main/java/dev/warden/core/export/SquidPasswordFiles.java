package dev.warden.core.export;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.warden.core.auth.PasswordHash;
import dev.warden.core.auth.digest.DigestAlgorithm;
import dev.warden.core.auth.digest.DigestCalculation;
import dev.warden.core.settings.Realm;
import dev.warden.core.settings.RealmAuth;
import dev.warden.core.settings.User;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The two password files of a Squid export, filled user by user: htpasswd lines for
 * {@code basic_ncsa_auth} (a stored bcrypt or APR1 hash as it is, else the password typed at export
 * hashed with bcrypt) and {@code user:realm:HA1} lines for {@code digest_file_auth -c} (stored MD5
 * H(A1) for the Digest realm name, else computed from the typed password). Keeps who was left out:
 * disabled users, and users whose password must be typed again. What cannot carry over is told to
 * the notes. One per export; not thread-safe; CPU only (a typed password costs a slow hash or two).
 */
final class SquidPasswordFiles {

  /** bcrypt cost of passwords typed at export: Apache htpasswd's default is 5, OWASP asks 10. */
  static final int BCRYPT_COST = 10;

  private final SquidExportOptions options;
  private final String digestRealm;
  private final Consumer<String> notes;
  private final List<String> needPassword = new ArrayList<>();
  private final List<String> disabled = new ArrayList<>();
  private final Map<String, String> basicLines = new LinkedHashMap<>();
  private final Map<String, String> digestLines = new LinkedHashMap<>();

  /**
   * @param digestRealm the one realm name Squid's Digest challenges with, which H(A1) is tied to
   * @param notes takes each sentence on what did not carry over
   */
  SquidPasswordFiles(SquidExportOptions options, String digestRealm, Consumer<String> notes) {
    this.options = options;
    this.digestRealm = digestRealm;
    this.notes = notes;
  }

  /**
   * Adds the lines of {@code user} of {@code realm} to the password files of the schemes the realm
   * offers; whether any scheme can now admit the user.
   */
  boolean add(Realm realm, User user) {
    String who = realm.name() + "/" + user.name();
    if (!user.enabled()) {
      disabled.add(who);
      return false;
    }
    if (!SquidText.isUserName(user.name())) {
      notes.accept("user " + who
          + " is not exported: Squid's ACLs cannot hold a name with spaces, quotes or ':'");
      return false;
    }
    char[] typed = options.typedPasswords().get(user.name());
    if (typed != null && !storedHashMatches(user.passwordHash(), typed)) {
      notes.accept(
          "user " + who + ": the password typed for the export is not the stored one; not used");
      typed = null;
    }
    boolean admitted = false;
    String lacking = null;
    if (realm.auth().offers(RealmAuth.BASIC)) {
      Optional<String> hash = squidReadable(user.passwordHash());
      if (hash.isEmpty() && typed != null) {
        hash = Optional.of(BCrypt.with(BCrypt.Version.VERSION_2Y).hashToString(BCRYPT_COST, typed));
      }
      if (hash.isEmpty()) {
        lacking = "Basic";
      } else {
        admitted |=
            put(basicLines, user.name(), user.name() + ":" + hash.get() + "\n", who, "Basic");
      }
    }
    if (realm.auth().offers(RealmAuth.DIGEST)) {
      String ha1 = null;
      if (user.digest().covers(digestRealm, "MD5")) {
        ha1 = user.digest().ha1().get("MD5");
      } else if (typed != null) {
        ha1 = DigestCalculation.ha1(DigestAlgorithm.MD5, user.name(), digestRealm, typed);
      }
      if (ha1 == null) {
        lacking = lacking == null ? "Digest" : "";
      } else {
        admitted |= put(
            digestLines,
            user.name(),
            user.name() + ":" + digestRealm + ":" + ha1 + "\n",
            who,
            "Digest");
      }
    }
    if (lacking != null) {
      // exported for one scheme but not the other: say which one still needs the password
      needPassword.add(admitted && !lacking.isEmpty() ? who + " (for " + lacking + ")" : who);
    }
    return admitted;
  }

  /** One line per user name: Squid's password files know no realms. */
  private boolean put(
      Map<String, String> lines, String name, String line, String who, String scheme) {
    String present = lines.putIfAbsent(name, line);
    if (present != null && !present.equals(line)) {
      notes.accept(
          "user " + who + " has another " + scheme + " password than the same name in an earlier "
              + "realm; Squid keeps one password per name: the earlier one");
      return false;
    }
    return true;
  }

  /** The htpasswd file: one line per user name, in the order first met. */
  String basic() {
    return String.join("", basicLines.values());
  }

  /** The {@code user:realm:HA1} file: one line per user name, in the order first met. */
  String digest() {
    return String.join("", digestLines.values());
  }

  /** {@code realm/user} of users left out until their password is given, with the scheme if one. */
  List<String> needPassword() {
    return needPassword;
  }

  /** {@code realm/user} of disabled users, never exported. */
  List<String> disabled() {
    return disabled;
  }

  private static boolean storedHashMatches(String stored, char[] typed) {
    try {
      return PasswordHash.parse(stored).matches(typed);
    } catch (IllegalArgumentException unreadable) {
      return false;
    }
  }

  /** The hash as it is when Squid's basic_ncsa_auth can check it. */
  private static Optional<String> squidReadable(String stored) {
    if (stored.startsWith("$2y$")
        || stored.startsWith("$2b$")
        || stored.startsWith("$2a$")
        || stored.startsWith("$apr1$")) {
      return Optional.of(stored);
    }
    return Optional.empty();
  }
}
