package dev.warden.core.auth;

import java.util.List;
import java.util.Objects;

/** What an {@link AuthScheme} made of one request's credentials. Immutable. */
sealed interface SchemeVerdict {

  /** What may be shown of the credentials: scheme and user name only, e.g. {@code Basic alice:***}. */
  String redacted();

  /**
   * Valid credentials of an enabled user.
   *
   * @param fields header fields to add to the response the client receives (e.g. Digest's
   *     Proxy-Authentication-Info); empty for Basic
   * @param note what the client did oddly but acceptably (e.g. ignored the charset), or empty
   */
  record Accepted(String user, String redacted, List<ResponseField> fields, String note) implements SchemeVerdict {
    public Accepted {
      Objects.requireNonNull(user);
      Objects.requireNonNull(redacted);
      fields = List.copyOf(fields);
      note = note == null ? "" : note;
    }

    Accepted(String user, String redacted, List<ResponseField> fields) {
      this(user, redacted, fields, "");
    }

    Accepted(String user, String redacted) {
      this(user, redacted, List.of(), "");
    }
  }

  /**
   * Credentials that do not let the request pass.
   *
   * @param detail how the credentials were malformed, or empty
   * @param user the user name read from the credentials, or empty
   * @param stale the credentials were right but their nonce expired: challenge with {@code stale=true}
   */
  record Rejected(ChallengeReason reason, String detail, String user, String redacted, boolean stale)
      implements SchemeVerdict {
    public Rejected {
      Objects.requireNonNull(reason);
      Objects.requireNonNull(detail);
      Objects.requireNonNull(user);
      Objects.requireNonNull(redacted);
    }

    Rejected(ChallengeReason reason, String detail, String user, String redacted) {
      this(reason, detail, user, redacted, false);
    }
  }
}
