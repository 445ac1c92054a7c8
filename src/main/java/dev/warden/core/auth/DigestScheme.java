package dev.warden.core.auth;

import dev.warden.core.auth.DigestFields.Name;
import dev.warden.core.auth.digest.DigestAlgorithm;
import dev.warden.core.auth.digest.DigestCalculation;
import dev.warden.core.auth.digest.DigestInput;
import dev.warden.core.auth.digest.NonceCounts;
import dev.warden.core.auth.digest.NonceVerdict;
import dev.warden.core.auth.digest.Qop;
import dev.warden.core.auth.header.AuthHeaderParser;
import dev.warden.core.auth.header.AuthHeaderWriter;
import dev.warden.core.auth.header.AuthParam;
import dev.warden.core.auth.header.Challenge;
import dev.warden.core.auth.header.Credentials;
import dev.warden.core.auth.header.ExtValue;
import dev.warden.core.auth.header.ParseResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * HTTP Digest (RFC 7616) for proxies: every algorithm (MD5, SHA-256, SHA-512-256 and their
 * {@code -sess} variants), {@code qop="auth"} (and {@code auth-int} over the held request body where
 * the realm offers it), {@code userhash} and {@code username*}, nonces that
 * carry their own issue time (verified without a lookup), nonce counts remembered so an exact replay
 * is refused, {@code uri} bound to the request-target, {@code realm} to the guarding realm, the
 * response to the method, and {@code Proxy-Authentication-Info} with {@code rspauth} on success.
 *
 * <p>Every refusal has its own reason. The checks run in an order that leaks nothing and wastes no
 * state: the syntax, the realm, the algorithm and qop first; then the response, which proves the
 * password; only a right response may consume a nonce count or earn {@code stale=true} (RFC 7616
 * §3.3: stale means "the digest was right, only the nonce was old", so the client retries silently).
 *
 * <p>Thread-safe and non-blocking: no slow hash (H(A1) is stored), nonce state in the
 * {@link AuthState}. Runs on network threads.
 */
final class DigestScheme implements AuthScheme {

  static final String NAME = "Digest";
  /** What a Digest credentials with {@code qop} must carry besides a user name (RFC 7616 §3.4). */
  private static final List<Name> REQUIRED =
      List.of(Name.REALM, Name.NONCE, Name.URI, Name.RESPONSE, Name.QOP, Name.NC, Name.CNONCE);
  /** Stands for a hashed user name that matches no account: no one's name, so not counted as one. */
  static final String UNKNOWN_HASHED_USER = "(userhash)";
  /** A nonce older than this share of its lifetime gets a {@code nextnonce} with its success. */
  private static final double NEXTNONCE_AT = 0.8;

  private final AuthState state;

  DigestScheme(AuthState state) {
    this.state = state;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Challenge> challenges(ProtectionSpace space, boolean stale) {
    String nonce = issueNonce(space);
    String opaque = state.nonces().opaque(space.name());
    List<Challenge> challenges = new ArrayList<>(space.algorithms().size());
    for (DigestAlgorithm algorithm : space.algorithms()) {
      List<AuthParam> params = new ArrayList<>();
      params.add(AuthParam.quoted("realm", QuotedString.quotable(space.name())));
      params.add(AuthParam.quoted("qop", space.auth().authInt() ? "auth,auth-int" : "auth"));
      params.add(AuthParam.of("algorithm", algorithm.token()));
      params.add(AuthParam.quoted("nonce", nonce));
      params.add(AuthParam.quoted("opaque", opaque));
      if (stale) {
        params.add(AuthParam.of("stale", "true"));
      }
      params.add(AuthParam.of("userhash", "true"));
      challenges.add(Challenge.withParams(NAME, params));
    }
    return challenges;
  }

  private String issueNonce(ProtectionSpace space) {
    String nonce = state.nonces().issue(space.name());
    state.counts().track(nonce);
    return nonce;
  }

  @Override
  public CompletableFuture<SchemeVerdict> judge(
      AuthRequest request, String credentials, ProtectionSpace space) {
    return CompletableFuture.completedFuture(verdict(request, credentials, space));
  }

  private SchemeVerdict verdict(AuthRequest request, String text, ProtectionSpace space) {
    ParseResult<DigestFields> parsed = DigestFields.read(NAME + " " + text);
    if (!(parsed instanceof ParseResult.Parsed<DigestFields> ok)) {
      return malformed(((ParseResult.Failed<DigestFields>) parsed).reason());
    }
    if (ok.value().hasToken68()) {
      return malformed("Digest credentials need parameters, not a token");
    }
    DigestFields given = ok.value();
    // verified once, here: its age is recorded whatever the verdict, and it decides freshness below
    String nonceText = given.value(Name.NONCE);
    NonceVerdict nonce = nonceText == null
        ? null
        : state.nonces().verify(nonceText, space.name(), space.auth().nonceLifetime());
    return check(request, given, space, nonce).withReceived(received(given, nonce));
  }

  /** The parameters as read, for the record: {@code response} left out. */
  private static ReceivedCredentials.DigestParams received(DigestFields given, NonceVerdict nonce) {
    String user = given.value(Name.USERNAME);
    if (user == null) {
      user = decodedExtName(given.value(Name.USERNAME_EXT, ""));
    }
    Duration age = nonce instanceof NonceVerdict.Fresh fresh
        ? fresh.age()
        : nonce instanceof NonceVerdict.Expired expired ? expired.age() : null;
    return new ReceivedCredentials.DigestParams(
        user,
        given.userhash(),
        given.value(Name.REALM, ""),
        given.value(Name.NONCE, ""),
        age,
        given.value(Name.NC, ""),
        given.value(Name.CNONCE, ""),
        given.value(Name.QOP, ""),
        given.value(Name.ALGORITHM, ""),
        given.value(Name.URI, ""),
        given.has(Name.OPAQUE));
  }

  /** An RFC 8187 {@code username*} decoded, or "" when it is not a valid one. */
  private static String decodedExtName(String value) {
    return ExtValue.decode(value) instanceof ParseResult.Parsed<ExtValue> ext
        ? ext.value().value()
        : "";
  }

  private SchemeVerdict check(
      AuthRequest request, DigestFields given, ProtectionSpace space, NonceVerdict nonceVerdict) {
    Optional<Name> twice = given.duplicate();
    if (twice.isPresent()) {
      return malformed("parameter " + twice.get().wire() + " given twice");
    }
    String nameText = given.value(Name.USERNAME);
    String nameExt = given.value(Name.USERNAME_EXT);
    if (nameText != null && nameExt != null) {
      return malformed("both username and username*");
    }
    String user;
    if (nameExt != null) {
      ParseResult<ExtValue> decoded = ExtValue.decode(nameExt);
      if (!(decoded instanceof ParseResult.Parsed<ExtValue> ext)) {
        return malformed("username* is not a valid RFC 8187 value");
      }
      user = ext.value().value();
    } else if (nameText != null) {
      user = nameText;
    } else {
      return missing("username", "");
    }
    String redacted = NAME + " username=\"" + user + "\", response=***";
    for (Name required : REQUIRED) {
      if (!given.has(required)) {
        return new SchemeVerdict.Rejected(
            ChallengeReason.MISSING_FIELD, required.wire(), user, redacted);
      }
    }
    String realm = given.value(Name.REALM);
    if (!realm.equals(space.name())) {
      return new SchemeVerdict.Rejected(
          ChallengeReason.REALM_MISMATCH, "'" + realm + "'", user, redacted);
    }
    String algorithmToken = given.value(Name.ALGORITHM, "MD5");
    Optional<DigestAlgorithm> algorithm = DigestAlgorithm.fromToken(algorithmToken);
    if (algorithm.isEmpty() || !space.algorithms().contains(algorithm.get())) {
      return new SchemeVerdict.Rejected(
          ChallengeReason.ALGORITHM_NOT_OFFERED, algorithmToken, user, redacted);
    }
    String qopToken = given.value(Name.QOP);
    Optional<Qop> qop = Qop.fromToken(qopToken);
    if (qop.isEmpty() || qop.get() == Qop.AUTH_INT && !space.auth().authInt()) {
      return new SchemeVerdict.Rejected(ChallengeReason.QOP_NOT_OFFERED, qopToken, user, redacted);
    }
    if (qop.get() == Qop.AUTH_INT && !request.body().isHeld()) {
      return new SchemeVerdict.Rejected(
          ChallengeReason.BODY_NOT_VERIFIABLE,
          request.body().tooLarge()
              ? "body over " + RequestBody.MAX_BYTES / 1024 + " KiB"
              : "body not held",
          user,
          redacted);
    }
    String nc = given.value(Name.NC);
    long count = DigestFields.nonceCount(nc);
    if (count < 0) {
      return malformed("nc must be 8 hex digits");
    }
    String opaque = given.value(Name.OPAQUE);
    // a plain challenge (a fault knob, as Squid sends it) has no opaque for the client to echo
    if (opaque == null && !space.faults().plainChallenges()) {
      return new SchemeVerdict.Rejected(ChallengeReason.MISSING_FIELD, "opaque", user, redacted);
    }
    if (opaque != null && !state.nonces().isOpaque(opaque, space.name())) {
      return new SchemeVerdict.Rejected(ChallengeReason.OPAQUE_MISMATCH, "", user, redacted);
    }
    String uri = given.value(Name.URI);
    if (!DigestFields.namesTarget(uri, request)) {
      return new SchemeVerdict.Rejected(
          ChallengeReason.URI_MISMATCH, "'" + uri + "'", user, redacted);
    }

    boolean hashedName = given.userhash();
    Account account =
        hashedName ? space.accountByUserhash(algorithm.get(), user) : space.account(user);
    String shownUser = account != null ? account.name() : (hashedName ? UNKNOWN_HASHED_USER : user);
    redacted = NAME + " username=\"" + shownUser + "\", response=***";
    String nonce = given.value(Name.NONCE);
    String cnonce = given.value(Name.CNONCE);
    DigestInput input = qop.get() == Qop.AUTH_INT
        ? DigestInput.authInt(
            algorithm.get(),
            request.method(),
            uri,
            algorithm.get().hash(request.body().bytes()),
            nonce,
            nc,
            cnonce)
        : DigestInput.auth(algorithm.get(), request.method(), uri, nonce, nc, cnonce);
    if (account == null) {
      // an unknown user costs what a known one costs: one response computation
      DigestCalculation.responseMatches(
          decoyHa1(algorithm.get()), input, given.value(Name.RESPONSE));
      return new SchemeVerdict.Rejected(ChallengeReason.UNKNOWN_USER, "", shownUser, redacted);
    }
    String base = algorithm.get().base().token();
    if (!account.digest().covers(space.name(), base)) {
      return new SchemeVerdict.Rejected(
          ChallengeReason.NO_DIGEST_CREDENTIAL, base, shownUser, redacted);
    }
    String ha1 = account.digest().ha1().get(base);
    if (!DigestCalculation.responseMatches(ha1, input, given.value(Name.RESPONSE))) {
      return new SchemeVerdict.Rejected(ChallengeReason.BAD_RESPONSE, "", shownUser, redacted);
    }

    // The response proves the password; now the nonce and its count decide.
    NonceVerdict fresh = nonceVerdict;
    if (fresh instanceof NonceVerdict.Expired) {
      return new SchemeVerdict.Rejected(ChallengeReason.STALE_NONCE, "", shownUser, redacted, true);
    }
    if (fresh instanceof NonceVerdict.Unknown unknown) {
      return new SchemeVerdict.Rejected(
          ChallengeReason.UNKNOWN_NONCE,
          unknown.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
          shownUser,
          redacted,
          true);
    }
    NonceCounts.Use use = state.counts().record(nonce, count);
    switch (use) {
      case REPLAY:
        return new SchemeVerdict.Rejected(
            ChallengeReason.REPLAYED_NONCE_COUNT, "nc " + nc + " used before", shownUser, redacted);
      case TOO_OLD:
        return new SchemeVerdict.Rejected(
            ChallengeReason.REPLAYED_NONCE_COUNT,
            "nc " + nc + " below the window",
            shownUser,
            redacted);
      case UNTRACKED:
        // the nonce's counts were forgotten (capacity): a fresh nonce is the only safe answer
        return new SchemeVerdict.Rejected(
            ChallengeReason.STALE_NONCE, "nonce no longer tracked", shownUser, redacted, true);
      default:
        break;
    }
    if (!account.enabled()) {
      return new SchemeVerdict.Rejected(ChallengeReason.DISABLED_USER, "", shownUser, redacted);
    }
    return new SchemeVerdict.Accepted(
        account.name(),
        redacted,
        List.of(new ResponseField(
            "Proxy-Authentication-Info",
            authenticationInfo(ha1, input, (NonceVerdict.Fresh) fresh, space))));
  }

  /** RFC 7616 §3.5: proves Warden knew the password too, and hands out the next nonce in time. */
  private String authenticationInfo(
      String ha1, DigestInput input, NonceVerdict.Fresh fresh, ProtectionSpace space) {
    // written directly, not through AuthParam: every value is Warden's own or was read as a
    // quoted-string
    // or a token by the parser, so it needs no check, and this runs on every authenticated request
    // sized for the usual answer: qop=auth, rspauth, cnonce, nc; a nextnonce grows it once
    StringBuilder out =
        new StringBuilder(64 + input.algorithm().hexLength() + input.cnonce().length());
    if (fresh.nearExpiry(space.auth().nonceLifetime(), NEXTNONCE_AT)) {
      out.append("nextnonce=");
      AuthHeaderWriter.appendQuoted(out, issueNonce(space));
      out.append(", ");
    }
    out.append("qop=").append(input.qop().token());
    // for auth-int, rspauth covers the response body, which is not known when this head is sent
    if (input.qop() == Qop.AUTH) {
      out.append(", rspauth=\"")
          .append(DigestCalculation.rspauth(ha1, input, null))
          .append('"');
    }
    out.append(", cnonce=");
    AuthHeaderWriter.appendQuoted(out, input.cnonce());
    return out.append(", nc=").append(input.nc()).toString();
  }

  private static String decoyHa1(DigestAlgorithm algorithm) {
    return "0".repeat(algorithm.hexLength());
  }

  private static SchemeVerdict malformed(String detail) {
    return new SchemeVerdict.Rejected(
        ChallengeReason.MALFORMED, detail, "", NAME + " (unreadable)");
  }

  private static SchemeVerdict missing(String field, String user) {
    return new SchemeVerdict.Rejected(
        ChallengeReason.MISSING_FIELD, field, user, NAME + " (unreadable)");
  }

  /** Only in a realm that offers {@code qop=auth-int}. */
  @Override
  public boolean mayNeedBody(ProtectionSpace space) {
    return space.auth().authInt();
  }

  /** Only {@code qop=auth-int} in a realm that offers it; a cheap look for the token comes first. */
  @Override
  public boolean needsBody(String credentials, ProtectionSpace space) {
    if (!mayNeedBody(space) || !credentials.contains("auth-int")) {
      return false;
    }
    ParseResult<Credentials> parsed = AuthHeaderParser.parseCredentials(NAME + " " + credentials);
    return parsed instanceof ParseResult.Parsed<Credentials> ok
        && ok.value().firstValue("qop").map(Qop.AUTH_INT.token()::equals).orElse(false);
  }

  @Override
  public String claimedUser(String credentials) {
    ParseResult<Credentials> parsed = AuthHeaderParser.parseCredentials(NAME + " " + credentials);
    if (!(parsed instanceof ParseResult.Parsed<Credentials> ok)
        || ok.value().firstValue("userhash").map("true"::equalsIgnoreCase).orElse(false)) {
      return ""; // a hashed name is only resolved by judging; the verdict's user is checked then
    }
    Optional<String> plain = ok.value().firstValue("username");
    if (plain.isPresent()) {
      return plain.get();
    }
    return ok.value()
        .firstValue("username*")
        .map(ExtValue::decode)
        .filter(decoded -> decoded instanceof ParseResult.Parsed<ExtValue>)
        .map(decoded -> ((ParseResult.Parsed<ExtValue>) decoded).value().value())
        .orElse("");
  }

  @Override
  public String redact(String credentials) {
    ParseResult<Credentials> parsed = AuthHeaderParser.parseCredentials(NAME + " " + credentials);
    if (parsed instanceof ParseResult.Parsed<Credentials> ok) {
      Optional<String> user = ok.value().firstValue("username");
      return NAME + " username=\"" + user.orElse("?") + "\", response=***";
    }
    return NAME + " (unreadable)";
  }
}
