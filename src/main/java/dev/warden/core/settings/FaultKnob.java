package dev.warden.core.settings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every fault knob of {@link RealmFaults}: its name, the syntax of its value, and one sentence on
 * what a client will see. {@code knob=value} is the one form the settings file, the command line
 * ({@code --fault}) and profile files use. Stateless; any thread.
 */
public enum FaultKnob {
  CONNECTION(
      "connection",
      "keep|close|close-delimited",
      "After a refusal the connection is kept open, closed with 'Connection: close', or closed with no"
          + " Content-Length so only the close ends the body."),
  VERSION("version", "1.1|1.0", "The refusal's status line says HTTP/1.1 or HTTP/1.0."),
  STATUS(
      "status",
      "407|401|403",
      "Credentials that were sent and refused get 407, or 401 with WWW-Authenticate (as tinyproxy), or 403;"
          + " a request without credentials still gets 407."),
  BODY(
      "body",
      "warden|none|short|squid|tinyproxy|mitmproxy",
      "The refusal's body: Warden's page, nothing, one line of text, or the page that proxy sends."),
  HEADER("header", "Name: value (repeatable)", "Each such field is added to the refusal."),
  HEADER_ORDER(
      "headerOrder",
      "Name,Name,...",
      "The refusal's fields come in this order, spelled as given; Warden's own fields not named are left out."),
  CHALLENGE("challenge", "sent|omitted", "The 407 carries its challenges, or none at all."),
  SCHEME_ORDER(
      "schemeOrder", "scheme,scheme,...", "Challenges of these schemes come first, in this order."),
  JOIN_CHALLENGES(
      "joinChallenges",
      "true|false",
      "All challenges come comma-joined in one field, which many clients misread."),
  REALM(
      "realm", "text", "Challenges name this realm (quotes and non-ASCII allowed, sent as UTF-8)."),
  PLAIN_CHALLENGES(
      "plainChallenges",
      "true|false",
      "Challenges carry only what Squid sends: Basic without charset, one Digest challenge with realm, nonce,"
          + " qop and stale (MD5, no opaque, no userhash)."),
  DELAY("delayMillis", "0..60000", "Each refusal waits this long before it is sent."),
  RECHALLENGE_EVERY(
      "rechallengeEvery",
      "N (0 off)",
      "Every Nth request of an authenticated client and user is challenged again."),
  RECHALLENGE_AFTER(
      "rechallengeAfterSeconds",
      "T (0 off)",
      "Credentials first accepted more than T seconds ago are challenged once, as if they expired."),
  RANDOM(
      "randomPercent",
      "0..100",
      "This share of authenticated requests is challenged at random (a flaky proxy)."),
  DIGEST_STALE(
      "digestStale",
      "true|false",
      "A right Digest response is always answered stale=true (a stale loop)."),
  NONCE_USES("nonceUses", "N (0 unlimited)", "A Digest nonce turns stale after N accepted uses."),
  OUTCOME(
      "outcome",
      "normal|accept-any|reject-all",
      "Any credentials pass (the user name is recorded, nothing is checked), or every request is refused."),
  LEGACY_NTLM(
      "legacyNtlm",
      "true|false",
      "NTLMv1 and NTLM2 session responses are checked against the password instead of refused; LM-only"
          + " answers stay refused (Warden never stores the LM hash).");

  private final String knob;
  private final String syntax;
  private final String sentence;

  FaultKnob(String knob, String syntax, String sentence) {
    this.knob = knob;
    this.syntax = syntax;
    this.sentence = sentence;
  }

  /** The name used in {@code knob=value}. */
  public String knob() {
    return knob;
  }

  /** The values it takes, e.g. {@code keep|close|close-delimited}. */
  public String syntax() {
    return syntax;
  }

  /** What a client will see when the knob is set, in one sentence. */
  public String sentence() {
    return sentence;
  }

  /** The knob named {@code name} (case-insensitive). */
  public static Optional<FaultKnob> named(String name) {
    return Arrays.stream(values())
        .filter(k -> k.knob.equalsIgnoreCase(name.strip()))
        .findFirst();
  }

  /**
   * {@code faults} with one {@code knob=value} line applied; a {@code header} line adds a field.
   *
   * @throws IllegalArgumentException with a sentence for the user when the line is not a known knob
   *     with a valid value
   */
  public static RealmFaults apply(RealmFaults faults, String line) {
    int eq = line.indexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException("'" + line + "' is not KNOB=VALUE");
    }
    String name = line.substring(0, eq);
    FaultKnob knob = named(name)
        .orElseThrow(() -> new IllegalArgumentException("'" + name.strip()
            + "' is not a fault knob (known: "
            + String.join(", ", Arrays.stream(values()).map(FaultKnob::knob).toList())
            + ")"));
    try {
      return knob.set(faults, line.substring(eq + 1));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(knob.knob + ": " + e.getMessage(), e);
    }
  }

  /** {@link RealmFaults#NONE} with every line applied in order. */
  public static RealmFaults parse(List<String> lines) {
    RealmFaults faults = RealmFaults.NONE;
    for (String line : lines) {
      faults = apply(faults, line);
    }
    return faults;
  }

  /** The lines that rebuild {@code faults} from {@link RealmFaults#NONE}: set knobs only. */
  public static List<String> lines(RealmFaults faults) {
    List<String> out = new ArrayList<>();
    for (FaultKnob knob : values()) {
      if (knob.isSet(faults)) {
        knob.values(faults).forEach(v -> out.add(knob.knob + "=" + v));
      }
    }
    return out;
  }

  /** Whether {@code faults} sets this knob to something other than its default. */
  public boolean isSet(RealmFaults faults) {
    return !values(faults).equals(values(RealmFaults.NONE));
  }

  /** The knob's value(s) in {@code faults}, as written after {@code knob=}. */
  public List<String> values(RealmFaults f) {
    return switch (this) {
      case CONNECTION -> List.of(f.connection());
      case VERSION -> List.of(f.httpVersion());
      case STATUS -> List.of(Integer.toString(f.credentialsStatus()));
      case BODY -> List.of(f.body());
      case HEADER -> f.extraHeaders();
      case HEADER_ORDER -> List.of(String.join(",", f.headerOrder()));
      case CHALLENGE -> List.of(f.omitChallenge() ? "omitted" : "sent");
      case SCHEME_ORDER -> List.of(String.join(",", f.challengeOrder()));
      case JOIN_CHALLENGES -> List.of(Boolean.toString(f.joinChallenges()));
      case REALM -> List.of(f.challengeRealm());
      case PLAIN_CHALLENGES -> List.of(Boolean.toString(f.plainChallenges()));
      case DELAY -> List.of(Long.toString(f.delay().toMillis()));
      case RECHALLENGE_EVERY -> List.of(Integer.toString(f.rechallengeEvery()));
      case RECHALLENGE_AFTER -> List.of(Long.toString(f.rechallengeAfter().toSeconds()));
      case RANDOM -> List.of(Integer.toString(f.randomRefusalPercent()));
      case DIGEST_STALE -> List.of(Boolean.toString(f.digestAlwaysStale()));
      case NONCE_USES -> List.of(Integer.toString(f.nonceUses()));
      case OUTCOME -> List.of(f.outcome());
      case LEGACY_NTLM -> List.of(Boolean.toString(f.legacyNtlm()));
    };
  }

  private RealmFaults set(RealmFaults f, String raw) {
    String v = this == HEADER || this == REALM ? raw : raw.strip();
    Knobs k = new Knobs(f);
    switch (this) {
      case CONNECTION -> k.connection = v;
      case VERSION -> k.httpVersion = v;
      case STATUS -> k.credentialsStatus = number(v);
      case BODY -> k.body = v;
      case HEADER -> k.extraHeaders = plus(f.extraHeaders(), headerLine(v));
      case HEADER_ORDER -> k.headerOrder = list(v);
      case CHALLENGE -> k.omitChallenge = choice(v, "omitted", "sent");
      case SCHEME_ORDER -> k.challengeOrder = list(v);
      case JOIN_CHALLENGES -> k.joinChallenges = choice(v, "true", "false");
      case REALM -> k.challengeRealm = v;
      case PLAIN_CHALLENGES -> k.plainChallenges = choice(v, "true", "false");
      case DELAY -> k.delay = Duration.ofMillis(number(v));
      case RECHALLENGE_EVERY -> k.rechallengeEvery = number(v);
      case RECHALLENGE_AFTER -> k.rechallengeAfter = Duration.ofSeconds(number(v));
      case RANDOM -> k.randomRefusalPercent = number(v);
      case DIGEST_STALE -> k.digestAlwaysStale = choice(v, "true", "false");
      case NONCE_USES -> k.nonceUses = number(v);
      case OUTCOME -> k.outcome = v;
      case LEGACY_NTLM -> k.legacyNtlm = choice(v, "true", "false");
    }
    return k.build();
  }

  /** A {@link RealmFaults} being changed one knob at a time. */
  private static final class Knobs {
    String connection;
    String httpVersion;
    int credentialsStatus;
    String body;
    List<String> extraHeaders;
    List<String> headerOrder;
    boolean omitChallenge;
    List<String> challengeOrder;
    boolean joinChallenges;
    String challengeRealm;
    boolean plainChallenges;
    Duration delay;
    int rechallengeEvery;
    Duration rechallengeAfter;
    int randomRefusalPercent;
    boolean digestAlwaysStale;
    int nonceUses;
    String outcome;
    boolean legacyNtlm;

    Knobs(RealmFaults f) {
      connection = f.connection();
      httpVersion = f.httpVersion();
      credentialsStatus = f.credentialsStatus();
      body = f.body();
      extraHeaders = f.extraHeaders();
      headerOrder = f.headerOrder();
      omitChallenge = f.omitChallenge();
      challengeOrder = f.challengeOrder();
      joinChallenges = f.joinChallenges();
      challengeRealm = f.challengeRealm();
      plainChallenges = f.plainChallenges();
      delay = f.delay();
      rechallengeEvery = f.rechallengeEvery();
      rechallengeAfter = f.rechallengeAfter();
      randomRefusalPercent = f.randomRefusalPercent();
      digestAlwaysStale = f.digestAlwaysStale();
      nonceUses = f.nonceUses();
      outcome = f.outcome();
      legacyNtlm = f.legacyNtlm();
    }

    RealmFaults build() {
      return new RealmFaults(
          connection,
          httpVersion,
          credentialsStatus,
          body,
          extraHeaders,
          headerOrder,
          omitChallenge,
          challengeOrder,
          joinChallenges,
          challengeRealm,
          plainChallenges,
          delay,
          rechallengeEvery,
          rechallengeAfter,
          randomRefusalPercent,
          digestAlwaysStale,
          nonceUses,
          outcome,
          legacyNtlm);
    }
  }

  private static int number(String v) {
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + v + "' is not a whole number", e);
    }
  }

  private static boolean choice(String v, String yes, String no) {
    String value = v.toLowerCase(Locale.ROOT);
    if (!value.equals(yes) && !value.equals(no)) {
      throw new IllegalArgumentException("must be " + yes + " or " + no);
    }
    return value.equals(yes);
  }

  private static List<String> list(String v) {
    return v.isBlank()
        ? List.of()
        : Arrays.stream(v.split(",")).map(String::strip).toList();
  }

  /** {@code Name: value} with one space after the colon, however it was typed. */
  private static String headerLine(String v) {
    int colon = v.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("'" + v.strip() + "' is not 'Name: value'");
    }
    return v.substring(0, colon).strip() + ": " + v.substring(colon + 1).strip();
  }

  private static List<String> plus(List<String> list, String item) {
    List<String> out = new ArrayList<>(list);
    out.add(item);
    return out;
  }
}
