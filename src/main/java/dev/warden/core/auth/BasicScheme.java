package dev.warden.core.auth;

import dev.warden.core.auth.header.AuthParam;
import dev.warden.core.auth.header.Challenge;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * HTTP Basic (RFC 7617) with {@code charset="UTF-8"}. Thread-safe: the only state is the shared
 * {@link CredentialVerifier} of the {@link AuthState}.
 */
final class BasicScheme implements AuthScheme {

  static final String NAME = "Basic";

  private final CredentialVerifier verifier;

  BasicScheme(CredentialVerifier verifier) {
    this.verifier = verifier;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Challenge> challenges(ProtectionSpace space, boolean stale) {
    return List.of(Challenge.withParams(
        NAME,
        AuthParam.quoted("realm", QuotedString.quotable(space.name())),
        AuthParam.quoted("charset", "UTF-8")));
  }

  @Override
  public CompletableFuture<SchemeVerdict> judge(
      AuthRequest request, String credentials, ProtectionSpace space) {
    BasicToken.Result read = BasicToken.read(credentials);
    if (read instanceof BasicToken.Malformed malformed) {
      return CompletableFuture.completedFuture(new SchemeVerdict.Rejected(
          ChallengeReason.MALFORMED, malformed.detail(), "", unreadable()));
    }
    BasicToken.Credentials given = (BasicToken.Credentials) read;
    String user = given.user();
    String redacted = NAME + " " + user + ":***";
    try {
      return verifier
          .verify(space, user, given.password(), request.client())
          .thenApply(result -> switch (result) {
            case ACCEPTED ->
              new SchemeVerdict.Accepted(
                  user,
                  redacted,
                  List.of(),
                  given.latin1()
                      ? "the client sent ISO-8859-1 although the challenge said charset=\"UTF-8\""
                      : "");
            case UNKNOWN_USER ->
              new SchemeVerdict.Rejected(ChallengeReason.UNKNOWN_USER, "", user, redacted);
            case WRONG_PASSWORD ->
              new SchemeVerdict.Rejected(ChallengeReason.WRONG_PASSWORD, "", user, redacted);
            case DISABLED_USER ->
              new SchemeVerdict.Rejected(ChallengeReason.DISABLED_USER, "", user, redacted);
            case BUSY -> new SchemeVerdict.Rejected(ChallengeReason.BUSY, "", user, redacted);
            case CLIENT_BUSY ->
              new SchemeVerdict.Rejected(
                  ChallengeReason.BUSY,
                  "this client already has " + ClientVerifications.PER_CLIENT
                      + " verifications running",
                  user,
                  redacted);
          });
    } finally {
      Arrays.fill(given.password(), '\0');
    }
  }

  @Override
  public String claimedUser(String credentials) {
    BasicToken.Result read = BasicToken.read(credentials);
    if (read instanceof BasicToken.Credentials given) {
      Arrays.fill(given.password(), '\0');
      return given.user();
    }
    return "";
  }

  @Override
  public String redact(String credentials) {
    BasicToken.Result read = BasicToken.read(credentials);
    if (read instanceof BasicToken.Credentials given) {
      Arrays.fill(given.password(), '\0');
      return NAME + " " + given.user() + ":***";
    }
    return unreadable();
  }

  private static String unreadable() {
    return NAME + " (unreadable)";
  }
}
