package dev.warden.core.auth;

import java.util.Objects;

/** What an {@link AuthScheme} made of one request's credentials. Immutable. */
sealed interface SchemeVerdict {

  /** What may be shown of the credentials: scheme and user name only, e.g. {@code Basic alice:***}. */
  String redacted();

  /** Valid credentials of an enabled user. */
  record Accepted(String user, String redacted) implements SchemeVerdict {
    public Accepted {
      Objects.requireNonNull(user);
      Objects.requireNonNull(redacted);
    }
  }

  /**
   * Credentials that do not let the request pass.
   *
   * @param detail how the credentials were malformed, or empty
   * @param user the user name read from the credentials, or empty
   */
  record Rejected(ChallengeReason reason, String detail, String user, String redacted)
      implements SchemeVerdict {
    public Rejected {
      Objects.requireNonNull(reason);
      Objects.requireNonNull(detail);
      Objects.requireNonNull(user);
      Objects.requireNonNull(redacted);
    }
  }
}
