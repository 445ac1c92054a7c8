package dev.warden.core.auth.digest;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** What {@link NonceFactory#verify} found out about a nonce a client sent. Immutable values. */
public sealed interface NonceVerdict {

  /**
   * Issued by this factory for this realm, and not older than the lifetime.
   *
   * @param issuedAt when it was issued (millisecond precision)
   * @param age how long ago; zero for a nonce a little in the future (the clock stepped back)
   */
  record Fresh(Instant issuedAt, Duration age) implements NonceVerdict {

    public Fresh {
      Objects.requireNonNull(issuedAt, "issuedAt");
      Objects.requireNonNull(age, "age");
    }

    /**
     * Whether at least {@code fraction} of {@code lifetime} has passed, so the response should carry
     * a {@code nextnonce}; e.g. {@code nearExpiry(Duration.ofMinutes(5), 0.8)} after 4 minutes.
     *
     * @throws IllegalArgumentException when {@code fraction} is not between 0 and 1
     */
    public boolean nearExpiry(Duration lifetime, double fraction) {
      if (!(fraction >= 0 && fraction <= 1)) {
        throw new IllegalArgumentException("fraction must be between 0 and 1");
      }
      return age.toMillis() >= (long) (lifetime.toMillis() * fraction);
    }
  }

  /**
   * Issued by this factory for this realm but older than the lifetime: answer with a new nonce and
   * {@code stale=true} when the response is otherwise right.
   *
   * @param age how long ago it was issued
   */
  record Expired(Instant issuedAt, Duration age) implements NonceVerdict {

    public Expired {
      Objects.requireNonNull(issuedAt, "issuedAt");
      Objects.requireNonNull(age, "age");
    }
  }

  /**
   * Not a nonce of this factory and realm: malformed, forged, tampered with, issued by another
   * process or for another realm, or dated in the future beyond {@link NonceFactory#MAX_CLOCK_SKEW}.
   */
  record Unknown(Reason reason) implements NonceVerdict {

    public Unknown {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Why a nonce is {@link Unknown}. */
  enum Reason {
    /** Not base64url of the right length, or not in its one canonical spelling. */
    MALFORMED,
    /** The MAC does not match: forged, altered, from another process or for another realm. */
    NOT_ISSUED_HERE,
    /** A valid MAC but an issue time too far ahead of the clock. */
    FROM_THE_FUTURE
  }
}
