package dev.warden.core.auth;

import java.util.List;
import java.util.Objects;

/**
 * The enforcement's verdict on one request. Immutable.
 *
 * @param outcome what was decided and why
 * @param status the status to answer with when refused: 407, 403 (a disabled user whose password
 *     was right), 429 (locked out, where the realm says so) or 503 (verification busy); 0 when the
 *     request may pass
 * @param challenges {@code Proxy-Authenticate} field values to send, one field per value, in
 *     preference order; empty when the request may pass
 * @param fields header fields to add to the response: of an allowed request (e.g.
 *     {@code Proxy-Authentication-Info}), or of a refusal ({@code Retry-After} of a 429)
 * @param redactedCredentials what may be shown of the Proxy-Authorization field: scheme and user
 *     name only (e.g. {@code Basic alice:***}), empty when the request had none
 */
public record AuthDecision(
    AuthOutcome outcome,
    int status,
    List<String> challenges,
    List<ResponseField> fields,
    String redactedCredentials) {

  public AuthDecision {
    Objects.requireNonNull(outcome);
    challenges = List.copyOf(challenges);
    fields = List.copyOf(fields);
    redactedCredentials = redactedCredentials == null ? "" : redactedCredentials;
  }

  /** A decision that lets the request pass. */
  static AuthDecision allow(AuthOutcome outcome, List<ResponseField> fields, String redacted) {
    return new AuthDecision(outcome, 0, List.of(), fields, redacted);
  }

  /** True when the request may go on to its destination. */
  public boolean allowed() {
    return status == 0;
  }
}
