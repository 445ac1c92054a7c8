package dev.warden.cli;

import dev.warden.core.auth.digest.DigestAlgorithm;
import dev.warden.core.settings.BearerToken;
import dev.warden.core.settings.FaultKnob;
import dev.warden.core.settings.LifetimeText;
import dev.warden.core.settings.ListenAddress;
import dev.warden.core.settings.ProxyProfile;
import dev.warden.core.settings.ProxyProfiles;
import dev.warden.core.settings.RealmAuth;
import dev.warden.core.settings.RealmFaults;
import dev.warden.core.settings.RealmLockout;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

/**
 * Reads and checks the value of one flag, each on its own: a bad value is refused with one line
 * naming the flag and what is wrong with the value. Which flags combine is {@link Arguments}'s
 * concern. Stateless; any thread.
 */
final class FlagValues {

  private FlagValues() {}

  static ListenAddress listen(String flag, String value) throws UsageException {
    try {
      return ListenAddress.parse(value);
    } catch (IllegalArgumentException e) {
      throw new UsageException(flag + ": " + e.getMessage());
    }
  }

  static String realm(String flag, String value) throws UsageException {
    if (value.isBlank()) {
      throw new UsageException(flag + ": the realm name is empty");
    }
    return value.strip();
  }

  static ProxyProfile profile(String flag, String value) throws UsageException {
    return ProxyProfiles.named(value)
        .orElseThrow(() -> new UsageException(flag + ": no profile '"
            + value.strip() + "' (--list-profiles lists them: "
            + String.join(
                ", ", ProxyProfiles.all().stream().map(ProxyProfile::name).toList())
            + ")"));
  }

  /** {@code checked} with the knob {@code value} applied: a line no knob understands is refused. */
  static RealmFaults fault(String flag, RealmFaults checked, String value) throws UsageException {
    try {
      return FaultKnob.apply(checked, value);
    } catch (IllegalArgumentException e) {
      throw new UsageException(flag + ": " + e.getMessage());
    }
  }

  /**
   * {@code NAME:TOKEN}, the token an RFC 6750 b64token as a client sends it ({@link
   * BearerToken#syntaxProblem}), so a token no client can send is refused before it is stored. The
   * sentence names the token's name and the position of the bad character, never the token.
   */
  static UserCredential token(String flag, String value) throws UsageException {
    UserCredential token = UserCredential.parse(flag, "NAME:TOKEN", value);
    char[] secret = token.password();
    try {
      String problem = BearerToken.syntaxProblem(secret);
      if (problem != null) {
        String sentence = Character.toLowerCase(problem.charAt(0)) + problem.substring(1);
        throw new UsageException(flag + ": "
            + sentence.replaceFirst(
                "the token", Matcher.quoteReplacement("the token of '" + token.name() + "'")));
      }
    } finally {
      Arrays.fill(secret, '\0');
    }
    return token;
  }

  static Path path(String flag, String value) throws UsageException {
    if (value.isBlank()) {
      throw new UsageException(flag + ": the file name is empty");
    }
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new UsageException(
          flag + ": '" + value + "' is not a file name (" + e.getReason() + ")");
    }
  }

  /** Comma-separated items, spaces around them ignored; an empty item is refused. */
  private static List<String> items(String flag, String value) throws UsageException {
    List<String> items = new ArrayList<>();
    for (String item : value.split(",", -1)) {
      if (item.isBlank()) {
        throw new UsageException(
            flag + ": '" + value + "' has an empty item; give a comma-separated " + "list, e.g. "
                + flag + " " + FlagTable.example(flag));
      }
      items.add(item.strip());
    }
    return items;
  }

  static List<String> schemes(String flag, String value) throws UsageException {
    List<String> schemes = new ArrayList<>();
    for (String item : items(flag, value)) {
      String scheme = item.toLowerCase(Locale.ROOT);
      if (!RealmAuth.KNOWN_SCHEMES.contains(scheme)) {
        throw new UsageException(flag + ": unknown scheme '" + item + "' (known: "
            + String.join(", ", RealmAuth.KNOWN_SCHEMES) + ")");
      }
      if (schemes.contains(scheme)) {
        throw new UsageException(flag + ": scheme '" + item + "' is listed twice");
      }
      schemes.add(scheme);
    }
    return schemes;
  }

  static List<String> algorithms(String flag, String value) throws UsageException {
    List<String> tokens = new ArrayList<>();
    for (String item : items(flag, value)) {
      DigestAlgorithm algorithm = DigestAlgorithm.fromToken(item)
          .orElseThrow(
              () -> new UsageException(flag + ": unknown Digest algorithm '" + item + "' (known: "
                  + Arrays.stream(DigestAlgorithm.values())
                      .map(DigestAlgorithm::token)
                      .collect(Collectors.joining(", "))
                  + ")"));
      if (tokens.contains(algorithm.token())) {
        throw new UsageException(flag + ": algorithm '" + item + "' is listed twice");
      }
      tokens.add(algorithm.token());
    }
    return tokens;
  }

  static Duration lifetime(String flag, String value) throws UsageException {
    return duration(flag, value, RealmAuth.MIN_NONCE_LIFETIME, RealmAuth.MAX_NONCE_LIFETIME);
  }

  private static Duration duration(String flag, String value, Duration min, Duration max)
      throws UsageException {
    Duration duration = LifetimeText.parse(value)
        .orElseThrow(() -> new UsageException(
            flag + ": '" + value + "' is not a duration; use " + LifetimeText.FORMS));
    if (duration.compareTo(min) < 0 || duration.compareTo(max) > 0) {
      throw new UsageException(flag + ": '" + value + "' is outside 1s to 24h");
    }
    return duration;
  }

  /** {@code DELAY_AFTER,LOCKOUT_AFTER,DURATION[,STATUS]}, e.g. {@code 10,50,5m} or {@code 5,20,1h,429}. */
  static RealmLockout lockout(String flag, String value) throws UsageException {
    List<String> items = items(flag, value);
    if (items.size() < 3 || items.size() > 4) {
      throw new UsageException(
          flag + ": '" + value + "' should be DELAY_AFTER,LOCKOUT_AFTER,DURATION[,407|429],"
              + " e.g. " + flag + " " + FlagTable.example(flag));
    }
    int delayAfter = count(flag, items.get(0), 0);
    int lockoutAfter = count(flag, items.get(1), 1);
    Duration lasts =
        duration(flag, items.get(2), RealmLockout.MIN_LOCKOUT, RealmLockout.MAX_LOCKOUT);
    int status =
        items.size() == 4 ? count(flag, items.get(3), 0) : RealmLockout.DEFAULTS.lockedOutStatus();
    if (status != 407 && status != 429) {
      throw new UsageException(
          flag + ": the status of a lockout is 407 or 429, not '" + items.get(3) + "'");
    }
    return new RealmLockout(delayAfter, lockoutAfter, lasts, status);
  }

  private static int count(String flag, String item, int min) throws UsageException {
    if (!item.matches("[0-9]{1,5}")
        || Integer.parseInt(item) < min
        || Integer.parseInt(item) > RealmLockout.MAX_THRESHOLD) {
      throw new UsageException(flag + ": '" + item + "' is not a number from " + min + " to "
          + RealmLockout.MAX_THRESHOLD);
    }
    return Integer.parseInt(item);
  }
}
