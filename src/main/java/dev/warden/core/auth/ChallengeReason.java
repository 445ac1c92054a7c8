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
  /** The slow-hash pool was full: nothing was decided; answered 503 so the client retries later. */
  BUSY("verification busy"),
  /** Warden failed while judging (a bug): refused, counted and logged, never let through. */
  INTERNAL_ERROR("internal error");

  private final String label;

  ChallengeReason(String label) {
    this.label = label;
  }

  /** Short lower-case text for tables and logs, e.g. "wrong password". */
  public String label() {
    return label;
  }
}
