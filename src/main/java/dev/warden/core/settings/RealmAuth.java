package dev.warden.core.settings;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How one realm asks for credentials. Immutable.
 *
 * @param schemes the schemes offered, in challenge order, lower case: {@code basic}, {@code digest},
 *     {@code ntlm}, {@code negotiate}, {@code bearer}
 * @param digestAlgorithms Digest algorithms offered, in challenge order, as written on the wire
 *     ({@code SHA-256}, {@code MD5}, {@code SHA-512-256} and their {@code -sess} variants); used when
 *     {@code schemes} contains {@code digest}
 * @param nonceLifetime how long a Digest nonce is accepted; an older one is answered {@code stale=true}
 * @param disabledUserStatus what a disabled user with the right password gets: 403 (default: the
 *     credentials are understood and refused, retrying cannot help) or 407
 * @param authInt whether Digest also offers {@code qop=auth-int} (the response then covers the
 *     request body, which Warden holds, up to 1 MiB, before judging); off by default
 * @param lockout when failed logins are delayed and locked out, and how a lockout is answered
 */
public record RealmAuth(
    List<String> schemes,
    List<String> digestAlgorithms,
    Duration nonceLifetime,
    int disabledUserStatus,
    boolean authInt,
    RealmLockout lockout) {

  public static final String BASIC = "basic";
  public static final String DIGEST = "digest";
  /** NTLMv2, bound to the connection (users need an NT hash: one is stored with every new password). */
  public static final String NTLM = "ntlm";
  /** Negotiate with NTLM inside (raw or SPNEGO); Kerberos is not emulated. */
  public static final String NEGOTIATE = "negotiate";
  /** Static Bearer tokens (RFC 6750), the realm's {@link Realm#tokens()}. */
  public static final String BEARER = "bearer";
  /**
   * Every scheme a realm may offer, in the order the editor lists them. The one list settings,
   * validation and the command line consult.
   */
  public static final List<String> KNOWN_SCHEMES = List.of(BASIC, DIGEST, NTLM, NEGOTIATE, BEARER);

  public static final Duration MIN_NONCE_LIFETIME = Duration.ofSeconds(1);
  public static final Duration MAX_NONCE_LIFETIME = Duration.ofHours(24);
  /** RFC 7616 §3.7 wants the most preferred first; SHA-256 is mandatory to implement. */
  public static final List<String> DEFAULT_ALGORITHMS = List.of("SHA-256", "MD5");
  /**
   * The order the most clients complete (measured, see the README): python urllib up to 3.13 and
   * JDK 19+ HttpURLConnection both need MD5 first or SHA-256 last.
   */
  public static final List<String> COMPATIBLE_ALGORITHMS = List.of("MD5", "SHA-256");

  public static final Duration DEFAULT_NONCE_LIFETIME = Duration.ofMinutes(5);

  public RealmAuth {
    schemes = schemes.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    digestAlgorithms = List.copyOf(digestAlgorithms);
    Objects.requireNonNull(nonceLifetime, "nonceLifetime");
    Objects.requireNonNull(lockout, "lockout");
  }

  /** Without {@code qop=auth-int}, with the default lockout ({@link RealmLockout#DEFAULTS}). */
  public RealmAuth(
      List<String> schemes,
      List<String> digestAlgorithms,
      Duration nonceLifetime,
      int disabledUserStatus) {
    this(
        schemes, digestAlgorithms, nonceLifetime, disabledUserStatus, false, RealmLockout.DEFAULTS);
  }

  /** With the default lockout ({@link RealmLockout#DEFAULTS}). */
  public RealmAuth(
      List<String> schemes,
      List<String> digestAlgorithms,
      Duration nonceLifetime,
      int disabledUserStatus,
      boolean authInt) {
    this(
        schemes,
        digestAlgorithms,
        nonceLifetime,
        disabledUserStatus,
        authInt,
        RealmLockout.DEFAULTS);
  }

  /** Without {@code qop=auth-int}. */
  public RealmAuth(
      List<String> schemes,
      List<String> digestAlgorithms,
      Duration nonceLifetime,
      int disabledUserStatus,
      RealmLockout lockout) {
    this(schemes, digestAlgorithms, nonceLifetime, disabledUserStatus, false, lockout);
  }

  /**
   * Basic only, the Digest defaults ready for when it is switched on, 403 for disabled users, the
   * default lockout.
   */
  public static RealmAuth defaults() {
    return new RealmAuth(List.of(BASIC), DEFAULT_ALGORITHMS, DEFAULT_NONCE_LIFETIME, 403);
  }

  public boolean offers(String scheme) {
    return schemes.contains(scheme.toLowerCase(Locale.ROOT));
  }

  public RealmAuth withSchemes(List<String> value) {
    return new RealmAuth(
        value, digestAlgorithms, nonceLifetime, disabledUserStatus, authInt, lockout);
  }

  public RealmAuth withDigestAlgorithms(List<String> value) {
    return new RealmAuth(schemes, value, nonceLifetime, disabledUserStatus, authInt, lockout);
  }

  public RealmAuth withNonceLifetime(Duration value) {
    return new RealmAuth(schemes, digestAlgorithms, value, disabledUserStatus, authInt, lockout);
  }

  public RealmAuth withAuthInt(boolean value) {
    return new RealmAuth(
        schemes, digestAlgorithms, nonceLifetime, disabledUserStatus, value, lockout);
  }

  public RealmAuth withDisabledUserStatus(int value) {
    return new RealmAuth(schemes, digestAlgorithms, nonceLifetime, value, authInt, lockout);
  }

  public RealmAuth withLockout(RealmLockout value) {
    return new RealmAuth(
        schemes, digestAlgorithms, nonceLifetime, disabledUserStatus, authInt, value);
  }
}
