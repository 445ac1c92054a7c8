package dev.warden.core.auth;

/** Why a request was answered with 407. */
public enum ChallengeReason {
  /** No Proxy-Authorization field at all. */
  MISSING("no credentials"),
  /** A Proxy-Authorization field that cannot be read (the outcome's detail says how). */
  MALFORMED("malformed credentials"),
  /** Credentials in a scheme Warden did not offer, e.g. {@code Bearer}. */
  UNSUPPORTED_SCHEME("unsupported scheme"),
  /** Well-formed credentials for a user the realm does not have. */
  UNKNOWN_USER("unknown user"),
  /** A known user with the wrong password. */
  WRONG_PASSWORD("wrong password"),
  /** A known, disabled user (the password is still checked first, so this leaks nothing). */
  DISABLED_USER("disabled user"),
  /** Digest: the nonce is older than the realm's nonce lifetime (answered with {@code stale=true}). */
  STALE_NONCE("stale nonce"),
  /** Digest: a nonce this Warden never issued for this realm (or issued before a restart). */
  UNKNOWN_NONCE("unknown nonce"),
  /** Digest: this nonce count was already used with this nonce: a replay. */
  REPLAYED_NONCE_COUNT("replayed nc"),
  /** Digest: the {@code uri} parameter names another resource than the request-target. */
  URI_MISMATCH("uri mismatch"),
  /** Digest: the {@code realm} parameter is not the realm that guards the destination. */
  REALM_MISMATCH("realm mismatch"),
  /** Digest: an algorithm the realm does not offer. */
  ALGORITHM_NOT_OFFERED("algorithm not offered"),
  /** Digest: a qop the realm does not offer (e.g. auth-int). */
  QOP_NOT_OFFERED("qop not offered"),
  /** Digest: the {@code opaque} parameter is not the one sent. */
  OPAQUE_MISMATCH("opaque mismatch"),
  /**
   * Digest {@code qop=auth-int}: the request body could not be checked (over 1 MiB, or not held);
   * the detail says which.
   */
  BODY_NOT_VERIFIABLE("body not verifiable"),
  /** Digest: a required parameter is missing (the detail says which). */
  MISSING_FIELD("missing field"),
  /** Digest: the response does not match: a wrong password, or computed for another method. */
  BAD_RESPONSE("bad response"),
  /**
   * A scheme bound to the connection (NTLM) answered its first message: the 407 carries the next
   * challenge, and the handshake goes on on the same connection (the detail says where it is).
   */
  HANDSHAKE_CONTINUES("handshake continues"),
  /** A connection-bound handshake cannot go on: e.g. its second message came on another connection. */
  HANDSHAKE_FAILED("handshake failed"),
  /**
   * NTLM: the client answered with NTLMv1 or LM only, which Warden refuses (both fall to offline
   * cracking of a captured exchange); the detail says which. The fault knob {@code legacyNtlm} lets
   * NTLMv1 be checked instead; LM stays refused, as Warden keeps no LM hash.
   */
  NTLM_VERSION_REFUSED("NTLMv1/LM refused"),
  /** NTLM: the user has no NT hash stored (kept since before NTLM support: set the password again). */
  NO_NT_HASH("no NT hash"),
  /** Negotiate: a Kerberos token; Warden emulates only NTLM inside SPNEGO (the detail says what came). */
  KERBEROS_NOT_EMULATED("Kerberos not emulated"),
  /** Bearer: a token the realm does not know (answered {@code error="invalid_token"}). */
  INVALID_TOKEN("invalid token"),
  /** Digest: the user has no H(A1) for this realm and algorithm (the password must be set again). */
  NO_DIGEST_CREDENTIAL("no Digest credential"),
  /**
   * The client address or the claimed user is locked out after repeated failures: refused at once,
   * without the password being checked (the outcome's detail says which key, and until when).
   */
  LOCKED_OUT("locked out"),
  /** The slow-hash pool was full: nothing was decided; answered 503 so the client retries later. */
  BUSY("verification busy"),
  /** Warden failed while judging (a bug): refused, counted and logged, never let through. */
  INTERNAL_ERROR("internal error"),
  /** A fault knob of the realm refused the request on purpose (the detail names the knob). */
  FAULT_KNOB("fault knob");

  private final String label;

  ChallengeReason(String label) {
    this.label = label;
  }

  /** Short lower-case text for tables and logs, e.g. "wrong password". */
  public String label() {
    return label;
  }
}
