package dev.warden.core.settings;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The settings file's shape, one record per JSON object, as {@link SettingsJson} reads and writes
 * it: kept apart from the domain values so the on-disk format changes only on purpose. Every field
 * is nullable (a file from an older version lacks the newer ones); {@link SettingsJson} fills the
 * defaults and validates.
 */
final class SettingsFileDto {

  private SettingsFileDto() {}

  @JsonPropertyOrder({
    "format",
    "listen",
    "enforcement",
    "closeAfterChallenge",
    "trafficCapacity",
    "bodyPrefixLimit",
    "limits",
    "realms"
  })
  record FileDto(
      Integer format,
      String listen,
      Boolean enforcement,
      Boolean closeAfterChallenge,
      Integer trafficCapacity,
      Integer bodyPrefixLimit,
      LimitsDto limits,
      List<RealmDto> realms) {}

  @JsonPropertyOrder({
    "requestHeadMillis",
    "idleMillis",
    "refusedBodyMillis",
    "refusedBodyDrainBytes",
    "requestLineBytes",
    "headerBlockBytes",
    "maxConnections",
    "connectMillis",
    "firstByteMillis"
  })
  record LimitsDto(
      Long requestHeadMillis,
      Long idleMillis,
      Long refusedBodyMillis,
      Integer refusedBodyDrainBytes,
      Integer requestLineBytes,
      Integer headerBlockBytes,
      Integer maxConnections,
      Long connectMillis,
      Long firstByteMillis) {}

  /**
   * {@code tokens} is left out while empty, so files without Bearer look as before; {@code faults}:
   * {@code knob=value} lines ({@link FaultKnob}), left out when the realm has none.
   */
  @JsonPropertyOrder({"name", "hostPatterns", "users", "auth", "connectPorts", "tokens", "faults"})
  record RealmDto(
      String name,
      List<String> hostPatterns,
      List<UserDto> users,
      AuthDto auth,
      List<Integer> connectPorts,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<TokenDto> tokens,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> faults) {}

  @JsonPropertyOrder({"name", "hash"})
  record TokenDto(String name, String hash) {}

  @JsonPropertyOrder({
    "schemes",
    "digestAlgorithms",
    "nonceLifetimeSeconds",
    "disabledUserStatus",
    "authInt",
    "lockout"
  })
  record AuthDto(
      List<String> schemes,
      List<String> digestAlgorithms,
      Long nonceLifetimeSeconds,
      Integer disabledUserStatus,
      Boolean authInt,
      LockoutDto lockout) {}

  @JsonPropertyOrder({"delayAfter", "lockoutAfter", "lockoutSeconds", "lockedOutStatus"})
  record LockoutDto(
      Integer delayAfter, Integer lockoutAfter, Long lockoutSeconds, Integer lockedOutStatus) {}

  @JsonPropertyOrder({"name", "enabled", "passwordHash", "digest"})
  record UserDto(
      String name,
      Boolean enabled,
      String passwordHash,
      @JsonInclude(JsonInclude.Include.NON_NULL) DigestDto digest) {}

  /** {@code ha1} is a sorted map so the file lists algorithms in a stable order and diffs cleanly. */
  @JsonPropertyOrder({"realm", "ha1"})
  record DigestDto(String realm, Map<String, String> ha1) {}

  /** The file's form of {@code settings}, in format {@code format}. */
  static FileDto of(Settings settings, int format) {
    return new FileDto(
        format,
        settings.listen().toString(),
        settings.enforcement(),
        settings.closeAfterChallenge(),
        settings.trafficCapacity(),
        settings.bodyPrefixLimit(),
        toDto(settings.limits()),
        settings.realms().stream().map(SettingsFileDto::toDto).toList());
  }

  private static LimitsDto toDto(Limits limits) {
    return new LimitsDto(
        limits.requestHead().toMillis(),
        limits.idle().toMillis(),
        limits.refusedBody().toMillis(),
        limits.refusedBodyDrain(),
        limits.requestLine(),
        limits.headerBlock(),
        limits.maxConnections(),
        limits.connect().toMillis(),
        limits.firstByte().toMillis());
  }

  private static RealmDto toDto(Realm realm) {
    RealmAuth auth = realm.auth();
    return new RealmDto(
        realm.name(),
        realm.hostPatterns(),
        realm.users().stream().map(SettingsFileDto::toDto).toList(),
        new AuthDto(
            auth.schemes(),
            auth.digestAlgorithms(),
            auth.nonceLifetime().toSeconds(),
            auth.disabledUserStatus(),
            auth.authInt(),
            toDto(auth.lockout())),
        realm.connectPorts(),
        realm.tokens().stream().map(t -> new TokenDto(t.name(), t.hash())).toList(),
        realm.faults().lines());
  }

  private static LockoutDto toDto(RealmLockout lockout) {
    return new LockoutDto(
        lockout.delayAfter(),
        lockout.lockoutAfter(),
        lockout.lockoutFor().toSeconds(),
        lockout.lockedOutStatus());
  }

  private static UserDto toDto(User user) {
    DigestDto digest = user.digest().equals(DigestSecrets.NONE)
        ? null
        : new DigestDto(user.digest().realm(), new TreeMap<>(user.digest().ha1()));
    return new UserDto(user.name(), user.enabled(), user.passwordHash(), digest);
  }
}
