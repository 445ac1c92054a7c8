package dev.warden.core.auth;

import dev.warden.core.auth.header.Challenge;
import java.util.ArrayList;
import java.util.List;

/** Builds the refusals of a realm, each with its challenges made for this decision. Any thread. */
final class ChallengeBuilder {

  private ChallengeBuilder() {}

  /**
   * A refusal in {@code space}: 407 with every challenge the realm offers (fresh nonces, {@code
   * stale} where asked), 403 for a disabled user unless the realm says 407, 503 when busy.
   */
  static AuthDecision refusal(
      ProtectionSpace space,
      ChallengeReason reason,
      String detail,
      String scheme,
      String user,
      String redacted,
      boolean stale,
      ReceivedCredentials received) {
    List<Challenge> challenges = new ArrayList<>();
    for (AuthScheme offered : space.schemes()) {
      challenges.addAll(offered.challenges(space, stale, reason));
    }
    int status = switch (reason) {
      case DISABLED_USER -> space.auth().disabledUserStatus() == 407 ? 407 : 403;
      case BUSY -> 503;
      default -> 407;
    };
    return new AuthDecision(
        new AuthOutcome.Challenged(reason, detail, space.name(), scheme, user),
        status,
        status == 407 ? challenges : List.of(),
        List.of(),
        redacted,
        received);
  }
}
