package dev.warden.core.auth;

import dev.warden.core.auth.header.AuthHeaderWriter;
import dev.warden.core.auth.header.Challenge;
import java.util.List;
import java.util.Objects;

/**
 * The enforcement's verdict on one request. Immutable.
 *
 * @param outcome what was decided and why
 * @param status the status to answer with when refused: 407, 403 (a disabled user whose password
 *     was right), 429 (locked out, where the realm says so) or 503 (verification busy); 0 when the
 *     request may pass
 * @param sent the challenges to send, one {@code Proxy-Authenticate} field each, in preference
 *     order, as structured values (the wire, the record and the window all read these); empty when
 *     the request may pass
 * @param fields header fields to add to the response: of an allowed request (e.g.
 *     {@code Proxy-Authentication-Info}), or of a refusal ({@code Retry-After} of a 429)
 * @param redactedCredentials what may be shown of the Proxy-Authorization field: scheme and user
 *     name only (e.g. {@code Basic alice:***}), empty when the request had none
 * @param received what was read from the Proxy-Authorization field, without its secret
 * @param faults the fault knobs of the realm that judged, and those that changed this decision
 */
public record AuthDecision(
    AuthOutcome outcome,
    int status,
    List<Challenge> sent,
    List<ResponseField> fields,
    String redactedCredentials,
    ReceivedCredentials received,
    FaultTrace faults) {

  public AuthDecision {
    Objects.requireNonNull(outcome);
    sent = List.copyOf(sent);
    fields = List.copyOf(fields);
    redactedCredentials = redactedCredentials == null ? "" : redactedCredentials;
    Objects.requireNonNull(received);
    Objects.requireNonNull(faults);
  }

  /** A decision no fault knob had a say in. */
  public AuthDecision(
      AuthOutcome outcome,
      int status,
      List<Challenge> sent,
      List<ResponseField> fields,
      String redactedCredentials,
      ReceivedCredentials received) {
    this(outcome, status, sent, fields, redactedCredentials, received, FaultTrace.NONE);
  }

  /** This decision with {@code value} as its fault trace. */
  public AuthDecision withFaults(FaultTrace value) {
    return new AuthDecision(outcome, status, sent, fields, redactedCredentials, received, value);
  }

  /** A decision about a request whose credentials are not described (e.g. refused before judging). */
  public AuthDecision(
      AuthOutcome outcome,
      int status,
      List<Challenge> sent,
      List<ResponseField> fields,
      String redactedCredentials) {
    this(outcome, status, sent, fields, redactedCredentials, ReceivedCredentials.NONE);
  }

  /** A decision that lets the request pass. */
  static AuthDecision allow(
      AuthOutcome outcome,
      List<ResponseField> fields,
      String redacted,
      ReceivedCredentials received) {
    return new AuthDecision(outcome, 0, List.of(), fields, redacted, received);
  }

  /** The {@code Proxy-Authenticate} field values to send, one per challenge, in order. */
  public List<String> challenges() {
    return sent.stream().map(AuthHeaderWriter::write).toList();
  }

  /**
   * True when the 407 continues a connection-bound handshake: the connection must stay open for the
   * next message, whatever the settings say about closing after a challenge.
   */
  public boolean continues() {
    return outcome instanceof AuthOutcome.Challenged challenged
        && challenged.reason() == ChallengeReason.HANDSHAKE_CONTINUES;
  }

  /** True when the request may go on to its destination. */
  public boolean allowed() {
    return status == 0;
  }
}
