package dev.warden.core.settings;

import dev.warden.core.settings.SettingsFileDto.AuthDto;
import dev.warden.core.settings.SettingsFileDto.DigestDto;
import dev.warden.core.settings.SettingsFileDto.FileDto;
import dev.warden.core.settings.SettingsFileDto.LimitsDto;
import dev.warden.core.settings.SettingsFileDto.LockoutDto;
import dev.warden.core.settings.SettingsFileDto.RealmDto;
import dev.warden.core.settings.SettingsJson.UnreadableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@link Settings} a settings file stands for once Jackson has bound it to
 * {@link SettingsFileDto}: every missing field takes its default, a format-1 file is migrated
 * (every realm {@link RealmAuth#defaults()}, every user {@link DigestSecrets#NONE}), and a
 * {@code null} where a value belongs is refused with its JSON path. Whether the file is JSON, and
 * of which format, is {@link SettingsJson}'s; whether the values are allowed is
 * {@link SettingsValidator}'s. Stateless; any thread.
 */
final class SettingsFromFile {

  private SettingsFromFile() {}

  /**
   * The settings {@code file} holds, read as format {@code format}.
   *
   * @throws UnreadableException naming the JSON path of a null or unreadable value
   */
  static Settings settings(FileDto file, int format) throws UnreadableException {
    Settings defaults = Settings.defaults();
    ListenAddress listen;
    try {
      listen = file.listen() == null ? defaults.listen() : ListenAddress.parse(file.listen());
    } catch (IllegalArgumentException e) {
      throw new UnreadableException("\"listen\": " + e.getMessage(), e);
    }
    List<Realm> realms = file.realms() == null
        ? defaults.realms()
        : map(file.realms(), "realms", (dto, where) -> toRealm(dto, where, format));
    return new Settings(
        listen,
        orDefault(file.enforcement(), defaults.enforcement()),
        realms,
        orDefault(file.trafficCapacity(), defaults.trafficCapacity()),
        orDefault(file.bodyPrefixLimit(), defaults.bodyPrefixLimit()),
        orDefault(file.closeAfterChallenge(), defaults.closeAfterChallenge()),
        toLimits(file.limits()));
  }

  /** Each missing limit takes its default; any whole number is kept for the validator to judge. */
  private static Limits toLimits(LimitsDto dto) {
    Limits d = Limits.DEFAULTS;
    if (dto == null) {
      return d;
    }
    return new Limits(
        millis(dto.requestHeadMillis(), d.requestHead()),
        millis(dto.idleMillis(), d.idle()),
        millis(dto.refusedBodyMillis(), d.refusedBody()),
        orDefault(dto.refusedBodyDrainBytes(), d.refusedBodyDrain()),
        orDefault(dto.requestLineBytes(), d.requestLine()),
        orDefault(dto.headerBlockBytes(), d.headerBlock()),
        orDefault(dto.maxConnections(), d.maxConnections()),
        millis(dto.connectMillis(), d.connect()),
        millis(dto.firstByteMillis(), d.firstByte()));
  }

  private static Duration millis(Long value, Duration fallback) {
    return value == null ? fallback : Duration.ofMillis(value);
  }

  private static Realm toRealm(RealmDto dto, String where, int format) throws UnreadableException {
    List<String> patterns = dto.hostPatterns() == null
        ? List.of()
        : map(dto.hostPatterns(), where + ".hostPatterns", (p, w) -> p);
    List<User> users = dto.users() == null
        ? List.of()
        : map(
            dto.users(),
            where + ".users",
            (u, w) -> new User(
                orDefault(u.name(), ""),
                orDefault(u.enabled(), true),
                orDefault(u.passwordHash(), ""),
                format == 1 ? DigestSecrets.NONE : toDigest(u.digest(), w + ".digest")));
    RealmAuth auth = format == 1 ? RealmAuth.defaults() : toAuth(dto.auth(), where + ".auth");
    // Files written before the list existed get the default; the validator judges the numbers.
    List<Integer> connectPorts = dto.connectPorts() == null
        ? Realm.DEFAULT_CONNECT_PORTS
        : map(dto.connectPorts(), where + ".connectPorts", (p, w) -> p);
    RealmFaults faults = RealmFaults.NONE;
    if (dto.faults() != null) {
      for (String line : map(dto.faults(), where + ".faults", (f, w) -> f)) {
        try {
          faults = FaultKnob.apply(faults, line);
        } catch (IllegalArgumentException e) {
          throw new UnreadableException("\"" + where + ".faults\": " + e.getMessage(), e);
        }
      }
    }
    // A missing name becomes "" so the validator reports it like any other unnamed realm.
    List<BearerToken> tokens = dto.tokens() == null
        ? List.of()
        : map(
            dto.tokens(),
            where + ".tokens",
            (t, w) -> new BearerToken(orDefault(t.name(), ""), orDefault(t.hash(), "")));
    return new Realm(
        orDefault(dto.name(), ""), patterns, users, auth, connectPorts, tokens, faults);
  }

  private static RealmAuth toAuth(AuthDto dto, String where) throws UnreadableException {
    RealmAuth defaults = RealmAuth.defaults();
    if (dto == null) {
      return defaults;
    }
    List<String> schemes = dto.schemes() == null
        ? defaults.schemes()
        : map(dto.schemes(), where + ".schemes", (s, w) -> s);
    List<String> algorithms = dto.digestAlgorithms() == null
        ? defaults.digestAlgorithms()
        : map(dto.digestAlgorithms(), where + ".digestAlgorithms", (a, w) -> a);
    // Any whole number is read as it is: the validator, not the reader, says what range is allowed.
    Duration lifetime = dto.nonceLifetimeSeconds() == null
        ? defaults.nonceLifetime()
        : Duration.ofSeconds(dto.nonceLifetimeSeconds());
    int status = orDefault(dto.disabledUserStatus(), defaults.disabledUserStatus());
    boolean authInt = dto.authInt() != null && dto.authInt();
    return new RealmAuth(schemes, algorithms, lifetime, status, authInt, toLockout(dto.lockout()));
  }

  /** A file from before per-realm lockouts has none: the realm gets {@link RealmLockout#DEFAULTS}. */
  private static RealmLockout toLockout(LockoutDto dto) {
    RealmLockout defaults = RealmLockout.DEFAULTS;
    if (dto == null) {
      return defaults;
    }
    return new RealmLockout(
        orDefault(dto.delayAfter(), defaults.delayAfter()),
        orDefault(dto.lockoutAfter(), defaults.lockoutAfter()),
        dto.lockoutSeconds() == null
            ? defaults.lockoutFor()
            : Duration.ofSeconds(dto.lockoutSeconds()),
        orDefault(dto.lockedOutStatus(), defaults.lockedOutStatus()));
  }

  private static DigestSecrets toDigest(DigestDto dto, String where) throws UnreadableException {
    if (dto == null) {
      return DigestSecrets.NONE;
    }
    Map<String, String> ha1 = new TreeMap<>();
    if (dto.ha1() != null) {
      for (Map.Entry<String, String> e : dto.ha1().entrySet()) {
        if (e.getValue() == null) {
          throw new UnreadableException("\"" + where + ".ha1." + e.getKey() + "\" is null", null);
        }
        ha1.put(e.getKey(), e.getValue());
      }
    }
    return new DigestSecrets(orDefault(dto.realm(), ""), ha1);
  }

  private interface Mapping<T, R> {
    R apply(T value, String where) throws UnreadableException;
  }

  private static <T, R> List<R> map(List<T> values, String where, Mapping<T, R> mapping)
      throws UnreadableException {
    List<R> out = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      String here = where + "[" + i + "]";
      if (values.get(i) == null) {
        throw new UnreadableException("\"" + here + "\" is null", null);
      }
      out.add(mapping.apply(values.get(i), here));
    }
    return out;
  }

  private static <T> T orDefault(T value, T fallback) {
    return value == null ? fallback : value;
  }
}
