package dev.warden.core.settings;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the user can set, as one immutable value. Network threads read the value in force once
 * per request; an update replaces the whole value (validated and saved first, see
 * {@code SettingsStore}).
 *
 * @param listen where the proxy listens
 * @param enforcement whether requests must carry valid proxy credentials (407 otherwise)
 * @param realms protection spaces, first match wins; exactly one has no host patterns (the default)
 * @param trafficCapacity how many exchanges the traffic log keeps before dropping the oldest
 * @param bodyPrefixLimit how many body bytes of each message the traffic log keeps
 * @param closeAfterChallenge send {@code Connection: close} with every 407 (tinyproxy/Fiddler
 *     behaviour); off by default, as in Squid, so clients can retry on the same connection
 * @param limits the deadlines and sizes of the proxy path, read per client connection
 */
public record Settings(
    ListenAddress listen,
    boolean enforcement,
    List<Realm> realms,
    int trafficCapacity,
    int bodyPrefixLimit,
    boolean closeAfterChallenge,
    Limits limits) {

  public static final int DEFAULT_TRAFFIC_CAPACITY = 10_000;
  public static final int DEFAULT_BODY_PREFIX_LIMIT = 64 * 1024;
  public static final String DEFAULT_REALM_NAME = "Warden";

  public Settings {
    Objects.requireNonNull(listen, "listen");
    realms = List.copyOf(realms);
    Objects.requireNonNull(limits, "limits");
  }

  /** Settings with the default {@link Limits}. */
  public Settings(
      ListenAddress listen,
      boolean enforcement,
      List<Realm> realms,
      int trafficCapacity,
      int bodyPrefixLimit,
      boolean closeAfterChallenge) {
    this(
        listen,
        enforcement,
        realms,
        trafficCapacity,
        bodyPrefixLimit,
        closeAfterChallenge,
        Limits.DEFAULTS);
  }

  /** First run: loopback:3128, enforcement on, one default realm "Warden" without users. */
  public static Settings defaults() {
    return new Settings(
        ListenAddress.DEFAULT,
        true,
        List.of(new Realm(DEFAULT_REALM_NAME, List.of(), List.of())),
        DEFAULT_TRAFFIC_CAPACITY,
        DEFAULT_BODY_PREFIX_LIMIT,
        false,
        Limits.DEFAULTS);
  }

  public Optional<Realm> defaultRealm() {
    return realms.stream().filter(Realm::isDefault).findFirst();
  }

  public Optional<Realm> realm(String name) {
    return realms.stream().filter(r -> r.name().equals(name)).findFirst();
  }

  public Settings withListen(ListenAddress value) {
    return new Settings(
        value, enforcement, realms, trafficCapacity, bodyPrefixLimit, closeAfterChallenge, limits);
  }

  public Settings withEnforcement(boolean value) {
    return new Settings(
        listen, value, realms, trafficCapacity, bodyPrefixLimit, closeAfterChallenge, limits);
  }

  public Settings withRealms(List<Realm> value) {
    return new Settings(
        listen, enforcement, value, trafficCapacity, bodyPrefixLimit, closeAfterChallenge, limits);
  }

  public Settings withTrafficCapacity(int value) {
    return new Settings(
        listen, enforcement, realms, value, bodyPrefixLimit, closeAfterChallenge, limits);
  }

  public Settings withBodyPrefixLimit(int value) {
    return new Settings(
        listen, enforcement, realms, trafficCapacity, value, closeAfterChallenge, limits);
  }

  public Settings withCloseAfterChallenge(boolean value) {
    return new Settings(
        listen, enforcement, realms, trafficCapacity, bodyPrefixLimit, value, limits);
  }

  public Settings withLimits(Limits value) {
    return new Settings(
        listen, enforcement, realms, trafficCapacity, bodyPrefixLimit, closeAfterChallenge, value);
  }
}
