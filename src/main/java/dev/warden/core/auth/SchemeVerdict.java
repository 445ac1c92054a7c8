package dev.warden.core.auth;

import dev.warden.core.auth.header.Challenge;
import java.util.List;
import java.util.Objects;

/** What an {@link AuthScheme} made of one request's credentials. Immutable. */
sealed interface SchemeVerdict {

  /** What may be shown of the credentials: scheme and user name only, e.g. {@code Basic alice:***}. */
  String redacted();

  /**
   * The credentials' parameters as read, for the record ({@link ReceivedCredentials#NONE} when the
   * scheme has none to show; the policy then records the scheme and user).
   */
  ReceivedCredentials received();

  /** This verdict with {@code value} as what was received. */
  SchemeVerdict withReceived(ReceivedCredentials value);

  /**
   * Valid credentials of an enabled user.
   *
   * @param fields header fields to add to the response the client receives (e.g. Digest's
   *     Proxy-Authentication-Info); empty for Basic
   * @param note what the client did oddly but acceptably (e.g. ignored the charset), or empty
   */
  record Accepted(
      String user,
      String redacted,
      List<ResponseField> fields,
      String note,
      ReceivedCredentials received)
      implements SchemeVerdict {
    public Accepted {
      Objects.requireNonNull(user);
      Objects.requireNonNull(redacted);
      fields = List.copyOf(fields);
      note = note == null ? "" : note;
      Objects.requireNonNull(received);
    }

    Accepted(String user, String redacted, List<ResponseField> fields, String note) {
      this(user, redacted, fields, note, ReceivedCredentials.NONE);
    }

    @Override
    public Accepted withReceived(ReceivedCredentials value) {
      return new Accepted(user, redacted, fields, note, value);
    }

    Accepted(String user, String redacted, List<ResponseField> fields) {
      this(user, redacted, fields, "");
    }

    Accepted(String user, String redacted) {
      this(user, redacted, List.of(), "");
    }
  }

  /**
   * The handshake goes on (NTLM's type-1 message, say): Warden answers 407 with {@code challenge}
   * alone, keeps the connection open whatever the settings say, and expects the next message on the
   * same connection; what the scheme needs then it keeps in the request's {@link ConnectionAuth}.
   *
   * @param user the user name read so far, or empty
   * @param step where the handshake is, for the record, e.g. "server token sent"
   */
  record Continue(
      Challenge challenge, String user, String redacted, String step, ReceivedCredentials received)
      implements SchemeVerdict {
    public Continue {
      Objects.requireNonNull(challenge);
      Objects.requireNonNull(user);
      Objects.requireNonNull(redacted);
      Objects.requireNonNull(step);
      Objects.requireNonNull(received);
    }

    Continue(Challenge challenge, String user, String redacted, String step) {
      this(challenge, user, redacted, step, ReceivedCredentials.NONE);
    }

    @Override
    public Continue withReceived(ReceivedCredentials value) {
      return new Continue(challenge, user, redacted, step, value);
    }
  }

  /**
   * Credentials that do not let the request pass.
   *
   * @param detail how the credentials were malformed, or empty
   * @param user the user name read from the credentials, or empty
   * @param stale the credentials were right but their nonce expired: challenge with {@code stale=true}
   */
  record Rejected(
      ChallengeReason reason,
      String detail,
      String user,
      String redacted,
      boolean stale,
      ReceivedCredentials received)
      implements SchemeVerdict {
    public Rejected {
      Objects.requireNonNull(reason);
      Objects.requireNonNull(detail);
      Objects.requireNonNull(user);
      Objects.requireNonNull(redacted);
      Objects.requireNonNull(received);
    }

    Rejected(ChallengeReason reason, String detail, String user, String redacted, boolean stale) {
      this(reason, detail, user, redacted, stale, ReceivedCredentials.NONE);
    }

    @Override
    public Rejected withReceived(ReceivedCredentials value) {
      return new Rejected(reason, detail, user, redacted, stale, value);
    }

    Rejected(ChallengeReason reason, String detail, String user, String redacted) {
      this(reason, detail, user, redacted, false);
    }
  }
}
