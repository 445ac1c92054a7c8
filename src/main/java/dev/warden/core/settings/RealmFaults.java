package dev.warden.core.settings;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The fault knobs of one realm: how its refusals look on the wire and how it misjudges on purpose,
 * so a client can be tested against a proxy that misbehaves the way real ones do. {@link #NONE}, the
 * default, changes nothing. Each knob has a name and one value syntax ({@link FaultKnob}), shared by
 * the settings file, {@code --fault KNOB=VALUE} and profile files. Immutable; the compact
 * constructor refuses values no knob can take.
 *
 * @param connection after a refusal: {@code keep} (as the settings and the client say), {@code close}
 *     ({@code Connection: close} and closed), {@code close-delimited} (no Content-Length; the close
 *     ends the body)
 * @param httpVersion the refusal's version: {@code 1.1} or {@code 1.0}
 * @param credentialsStatus the status of a refusal of credentials that were sent: 407, 401 (with
 *     {@code WWW-Authenticate}, as tinyproxy does) or 403; a request without credentials gets 407
 * @param body the refusal's body: {@code warden}, {@code none}, {@code short}, or a proxy's page
 *     ({@code squid}, {@code tinyproxy}, {@code mitmproxy})
 * @param extraHeaders fields added to the refusal, {@code Name: value} each
 * @param headerOrder the refusal's fields in order, spelled as sent; empty for Warden's own layout
 * @param omitChallenge the 407 carries no challenge at all
 * @param challengeOrder scheme names whose challenges go first, in this order
 * @param joinChallenges every challenge in one comma-joined field
 * @param challengeRealm the realm text the challenges show instead of the realm's name; empty for none
 * @param plainChallenges challenges with only what most proxies send: Basic without {@code charset},
 *     one Digest challenge with {@code realm}, {@code nonce}, {@code qop="auth"} and {@code stale} (MD5
 *     implied, no {@code opaque}, no {@code userhash}), as Squid sends it
 * @param delay how long a refusal waits before it is sent
 * @param rechallengeEvery every Nth authenticated request of a client and user is challenged; 0 off
 * @param rechallengeAfter an authentication older than this is challenged once; zero off
 * @param randomRefusalPercent this share of authenticated requests is challenged
 * @param digestAlwaysStale a right Digest response is answered {@code stale=true}
 * @param nonceUses a Digest nonce is stale after this many accepted uses; 0 unlimited
 * @param outcome {@code normal}, {@code accept-any} (any credentials pass, the name is recorded) or
 *     {@code reject-all}
 * @param legacyNtlm NTLMv1 and the NTLM2 session response are verified from the NT hash instead of
 *     refused; an LM-only answer is still refused (it needs the LM hash, which Warden never stores)
 */
public record RealmFaults(
    String connection,
    String httpVersion,
    int credentialsStatus,
    String body,
    List<String> extraHeaders,
    List<String> headerOrder,
    boolean omitChallenge,
    List<String> challengeOrder,
    boolean joinChallenges,
    String challengeRealm,
    boolean plainChallenges,
    Duration delay,
    int rechallengeEvery,
    Duration rechallengeAfter,
    int randomRefusalPercent,
    boolean digestAlwaysStale,
    int nonceUses,
    String outcome,
    boolean legacyNtlm) {

  public static final List<String> CONNECTIONS = List.of("keep", "close", "close-delimited");
  public static final List<String> VERSIONS = List.of("1.1", "1.0");
  public static final List<Integer> STATUSES = List.of(407, 401, 403);
  public static final List<String> BODIES =
      List.of("warden", "none", "short", "squid", "tinyproxy", "mitmproxy");
  public static final List<String> OUTCOMES = List.of("normal", "accept-any", "reject-all");
  public static final Duration MAX_DELAY = Duration.ofSeconds(60);

  /** No fault: Warden's own, standard behaviour. */
  public static final RealmFaults NONE = new RealmFaults(
      "keep",
      "1.1",
      407,
      "warden",
      List.of(),
      List.of(),
      false,
      List.of(),
      false,
      "",
      false,
      Duration.ZERO,
      0,
      Duration.ZERO,
      0,
      false,
      0,
      "normal",
      false);

  public RealmFaults {
    connection = oneOf("connection", connection, CONNECTIONS);
    httpVersion = oneOf("version", httpVersion, VERSIONS);
    if (!STATUSES.contains(credentialsStatus)) {
      throw new IllegalArgumentException("status must be 407, 401 or 403");
    }
    body = oneOf("body", body, BODIES);
    extraHeaders = List.copyOf(extraHeaders);
    extraHeaders.forEach(RealmFaults::checkHeaderLine);
    headerOrder = List.copyOf(headerOrder);
    headerOrder.forEach(RealmFaults::checkName);
    challengeOrder =
        challengeOrder.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    challengeOrder.forEach(RealmFaults::checkName);
    Objects.requireNonNull(challengeRealm, "challengeRealm");
    if (challengeRealm.chars().anyMatch(c -> c != '\t' && Character.isISOControl(c))) {
      throw new IllegalArgumentException("realm must not contain a control character");
    }
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative() || delay.compareTo(MAX_DELAY) > 0) {
      throw new IllegalArgumentException("delay must be 0 to 60000 ms");
    }
    if (rechallengeEvery < 0 || nonceUses < 0) {
      throw new IllegalArgumentException("a count must be 0 (off) or more");
    }
    Objects.requireNonNull(rechallengeAfter, "rechallengeAfter");
    if (rechallengeAfter.isNegative()) {
      throw new IllegalArgumentException("rechallengeAfterSeconds must be 0 (off) or more");
    }
    if (randomRefusalPercent < 0 || randomRefusalPercent > 100) {
      throw new IllegalArgumentException("randomPercent must be 0 to 100");
    }
    outcome = oneOf("outcome", outcome, OUTCOMES);
  }

  /** Whether any knob differs from {@link #NONE}. */
  public boolean any() {
    return !equals(NONE);
  }

  /** The knobs that differ from {@link #NONE}, as {@code knob=value} lines in {@link FaultKnob} order. */
  public List<String> lines() {
    return FaultKnob.lines(this);
  }

  private static String oneOf(String knob, String value, List<String> allowed) {
    String v = Objects.requireNonNull(value, knob).strip().toLowerCase(Locale.ROOT);
    if (!allowed.contains(v)) {
      throw new IllegalArgumentException(knob + " must be one of " + String.join(", ", allowed));
    }
    return v;
  }

  private static void checkHeaderLine(String line) {
    int colon = line.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("header must be 'Name: value'");
    }
    checkName(line.substring(0, colon));
    if (line.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
      throw new IllegalArgumentException("header must not contain CR, LF or NUL");
    }
  }

  private static void checkName(String name) {
    if (name.isEmpty()
        || !name.chars()
            .allMatch(c -> c > 0x20 && c < 0x7f && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0)) {
      throw new IllegalArgumentException("'" + name + "' is not a header or scheme name (a token)");
    }
  }
}
