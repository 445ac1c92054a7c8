package dev.warden.core.auth;

import java.util.Objects;

/**
 * What Warden's 407 enforcement decided for one request. Immutable; recorded with every exchange.
 */
public sealed interface AuthOutcome {

  /** One plain sentence for people, e.g. "Basic credentials for unknown user 'bob' in realm 'Corp'". */
  String describe();

  /** Short text for a table cell or an access-log field, e.g. "challenged:wrong-password". */
  String label();

  /**
   * Enforcement was off: the request went through whatever its credentials were.
   *
   * @param wouldHave what enforcement would have decided (the credentials were judged all the same,
   *     without counting failures or locking anyone out), or null when not known
   */
  record NotRequired(AuthOutcome wouldHave) implements AuthOutcome {

    /** Enforcement was off and what it would have decided is not known. */
    public NotRequired() {
      this(null);
    }

    /** What enforcement would have decided, if known. */
    public java.util.Optional<AuthOutcome> ifEnforced() {
      return java.util.Optional.ofNullable(wouldHave);
    }

    /**
     * What enforcement would have decided, in a few words: "would have been refused: wrong
     * password", "would have been accepted as 'alice'"; empty when not known.
     */
    public String wouldHaveBeen() {
      if (wouldHave instanceof Challenged c) {
        return c.reason() == ChallengeReason.MISSING
            ? "would have been challenged: no credentials"
            : "would have been refused: " + c.reason().label();
      }
      if (wouldHave instanceof Authenticated a) {
        return "would have been accepted as '" + a.user() + "'";
      }
      return "";
    }

    @Override
    public String describe() {
      String would = wouldHaveBeen();
      return "Authentication not required (enforcement is off)"
          + (would.isEmpty() ? "" : "; " + would);
    }

    @Override
    public String label() {
      return "not-required";
    }
  }

  /**
   * A request from a capture Warden did not make (a browser's HAR): nobody here judged it.
   *
   * @param source where the capture came from, e.g. "Chrome 120.0"
   */
  record NotJudged(String source) implements AuthOutcome {
    public NotJudged {
      Objects.requireNonNull(source);
    }

    @Override
    public String describe() {
      return "Not judged by Warden: imported from " + source;
    }

    @Override
    public String label() {
      return "imported";
    }
  }

  /**
   * The request was refused before authentication was looked at: it could not be read or framed
   * (400, 501, 505), or the proxy had no room for it (503).
   *
   * @param why one plain sentence, e.g. "invalid chunk size"
   */
  record Unjudged(String why) implements AuthOutcome {
    public Unjudged {
      Objects.requireNonNull(why);
    }

    @Override
    public String describe() {
      return "Refused before authentication: " + why;
    }

    @Override
    public String label() {
      return "refused";
    }
  }

  /**
   * A CONNECT the realm of its destination does not allow to that port: answered 403 whatever the
   * credentials (judged first, so an unauthenticated client still gets its 407).
   *
   * @param realm the realm whose port list refused it
   * @param port the port asked for
   * @param allowed the ports the realm allows
   * @param user the authenticated user, or empty (enforcement off)
   */
  record PortRefused(String realm, int port, java.util.List<Integer> allowed, String user)
      implements AuthOutcome {
    public PortRefused {
      Objects.requireNonNull(realm);
      allowed = java.util.List.copyOf(allowed);
      user = user == null ? "" : user;
    }

    @Override
    public String describe() {
      String ports = allowed.isEmpty()
          ? "no port"
          : (allowed.size() == 1 ? "port " : "ports ")
              + String.join(", ", allowed.stream().map(String::valueOf).toList()) + " only";
      return "CONNECT to port " + port + " refused: realm '" + realm + "' allows tunnels to "
          + ports + (user.isEmpty() ? "" : " (user '" + user + "' was authenticated)");
    }

    @Override
    public String label() {
      return "refused:connect-port";
    }
  }

  /**
   * Valid credentials of an enabled user of {@code realm}.
   *
   * @param note what the client did oddly but acceptably (e.g. sent ISO-8859-1 despite
   *     {@code charset="UTF-8"}), or empty
   */
  record Authenticated(String scheme, String user, String realm, String note)
      implements AuthOutcome {
    public Authenticated {
      Objects.requireNonNull(scheme);
      Objects.requireNonNull(user);
      Objects.requireNonNull(realm);
      note = note == null ? "" : note;
    }

    public Authenticated(String scheme, String user, String realm) {
      this(scheme, user, realm, "");
    }

    @Override
    public String describe() {
      return scheme + " credentials of user '" + user + "' accepted in realm '" + realm + "'"
          + (note.isEmpty() ? "" : "; " + note);
    }

    @Override
    public String label() {
      return "authenticated";
    }
  }

  /**
   * The request was answered with 407.
   *
   * @param reason why
   * @param detail how the credentials were malformed ("invalid base64", "no colon", ...), or empty
   * @param realm the realm whose challenge was sent
   * @param scheme the scheme the client used, or empty when there was none
   * @param user the user name the client sent, or empty when none could be read
   */
  record Challenged(ChallengeReason reason, String detail, String realm, String scheme, String user)
      implements AuthOutcome {
    public Challenged {
      Objects.requireNonNull(reason);
      detail = detail == null ? "" : detail;
      Objects.requireNonNull(realm);
      scheme = scheme == null ? "" : scheme;
      user = user == null ? "" : user;
    }

    @Override
    public String describe() {
      String where = " in realm '" + realm + "'";
      return switch (reason) {
        case MISSING ->
          "No proxy credentials were sent; challenged" + where
              + (detail.isEmpty() ? "" : " (" + detail + ")");
        case MALFORMED ->
          "Malformed " + (scheme.isEmpty() ? "" : scheme + " ") + "credentials (" + detail + ")"
              + where;
        case UNSUPPORTED_SCHEME -> "Credentials in unsupported scheme '" + scheme + "'" + where;
        case UNKNOWN_USER -> scheme + " credentials for unknown user '" + user + "'" + where;
        case WRONG_PASSWORD ->
          scheme + " credentials for user '" + user + "' with a wrong password" + where;
        case DISABLED_USER -> scheme + " credentials for disabled user '" + user + "'" + where;
        case STALE_NONCE ->
          scheme + " credentials of user '" + user
              + "' with an expired nonce; challenged again with stale=true" + where;
        case UNKNOWN_NONCE ->
          scheme + " credentials with a nonce Warden did not issue (" + detail + ")" + where;
        case REPLAYED_NONCE_COUNT ->
          scheme + " credentials of user '" + user + "' replayed (" + detail + ")" + where;
        case URI_MISMATCH ->
          scheme + " credentials computed for another resource (" + detail + ")" + where;
        case REALM_MISMATCH ->
          scheme + " credentials computed for another realm (" + detail + ")" + where;
        case ALGORITHM_NOT_OFFERED ->
          scheme + " credentials with an algorithm the realm does not offer (" + detail + ")"
              + where;
        case QOP_NOT_OFFERED ->
          scheme + " credentials with a qop the realm does not offer (" + detail + ")" + where;
        case OPAQUE_MISMATCH ->
          scheme + " credentials whose opaque is not the one Warden sent" + where;
        case MISSING_FIELD ->
          scheme + " credentials without the required parameter " + detail + where;
        case BODY_NOT_VERIFIABLE ->
          scheme + " credentials with qop=auth-int whose body Warden could not check (" + detail
              + ")" + where;
        case BAD_RESPONSE ->
          scheme + " credentials of user '" + user + "' whose response does not match"
              + " (wrong password, or computed for another method)" + where;
        case NO_DIGEST_CREDENTIAL ->
          scheme + " credentials of user '" + user + "', who has no " + detail
              + " Digest credential here (set the password again)" + where;
        case HANDSHAKE_CONTINUES ->
          scheme + " handshake" + (user.isEmpty() ? "" : " of user '" + user + "'")
              + " continues (" + detail
              + "); its next message must come on the same connection" + where;
        case HANDSHAKE_FAILED -> scheme + " handshake failed (" + detail + ")" + where;
        case NTLM_VERSION_REFUSED ->
          scheme + " credentials of user '" + user + "' refused: " + detail + where;
        case NO_NT_HASH ->
          scheme + " credentials of user '" + user + "', who has no NT hash stored"
              + " (set the password again)" + where;
        case KERBEROS_NOT_EMULATED ->
          scheme + " credentials refused: " + detail
              + "; Kerberos is not emulated, only NTLM inside SPNEGO" + where;
        case INVALID_TOKEN ->
          scheme + " token " + (user.isEmpty() ? "" : "'" + user + "' ") + "not valid"
              + (detail.isEmpty() ? "" : " (" + detail + ")") + where;
        case LOCKED_OUT -> "Refused without checking the credentials: " + detail + where;
        case BUSY ->
          "Too many password checks in progress" + (detail.isEmpty() ? "" : " (" + detail + ")")
              + "; answered 503" + where;
        case INTERNAL_ERROR ->
          "Warden failed while judging the credentials (" + detail + "); refused" + where;
        case FAULT_KNOB ->
          "Refused on purpose by the fault knob " + detail
              + (user.isEmpty() ? "" : " (user '" + user + "')") + where;
      };
    }

    @Override
    public String label() {
      return "challenged:" + reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }
}
