package dev.warden.core.auth;

import java.util.List;
import java.util.Objects;

/**
 * The enforcement's verdict on one request. Immutable.
 *
 * @param outcome what was decided and why
 * @param challenges {@code Proxy-Authenticate} field values to send, one field per value, in
 *     preference order; empty when the request may pass
 * @param redactedCredentials what may be shown of the Proxy-Authorization field: scheme and user
 *     name only (e.g. {@code Basic alice:***}), empty when the request had none
 */
public record AuthDecision(AuthOutcome outcome, List<String> challenges, String redactedCredentials) {
  public AuthDecision {
    Objects.requireNonNull(outcome);
    challenges = List.copyOf(challenges);
    redactedCredentials = redactedCredentials == null ? "" : redactedCredentials;
  }

  /** True when the request may go on to its destination. */
  public boolean allowed() {
    return !(outcome instanceof AuthOutcome.Challenged);
  }
}
