package dev.warden.core.auth;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Judges one request's credentials by the schemes of the realm that guards it, before any lockout,
 * fault knob or port rule of the policy: the part of {@link AuthPolicy} that asks the schemes.
 * Stateless (what it remembers lives in the schemes' {@link AuthState} and the connection's
 * {@link ConnectionAuth}); network threads.
 */
final class CredentialsJudge {

  private CredentialsJudge() {}

  /**
   * What the realm's schemes say of the request's Proxy-Authorization: accepted, refused with a
   * reason, or continued (a connection-bound handshake). Completes at once unless a scheme must run
   * a slow hash. Network threads; never blocks.
   */
  static CompletableFuture<AuthDecision> judge(
      AuthRequest request, ProxyAuthorization field, ProtectionSpace space) {
    if (field instanceof ProxyAuthorization.Unreadable unreadable) {
      return CompletableFuture.completedFuture(ChallengeBuilder.refusal(
          space,
          ChallengeReason.MALFORMED,
          unreadable.detail(),
          "",
          "",
          "(unreadable)",
          false,
          schemeOnly(field)));
    }
    if (!(field instanceof ProxyAuthorization.Present present)) {
      return CompletableFuture.completedFuture(withoutCredentials(request, space));
    }
    AuthScheme scheme = space.scheme(present.scheme());
    if (scheme == null) {
      return CompletableFuture.completedFuture(ChallengeBuilder.refusal(
          space,
          ChallengeReason.UNSUPPORTED_SCHEME,
          "",
          present.scheme(),
          "",
          present.scheme() + " ***",
          false,
          schemeOnly(field)));
    }
    return scheme.judge(request, present.credentials(), space).thenApply(verdict -> {
      if (verdict instanceof SchemeVerdict.Continue next) {
        return new AuthDecision(
            new AuthOutcome.Challenged(
                ChallengeReason.HANDSHAKE_CONTINUES,
                next.step(),
                space.name(),
                scheme.name(),
                next.user()),
            407,
            List.of(next.challenge()),
            List.of(),
            next.redacted(),
            received(verdict, present, next.user()));
      }
      if (verdict instanceof SchemeVerdict.Rejected rejected) {
        return ChallengeBuilder.refusal(
            space,
            rejected.reason(),
            rejected.detail(),
            scheme.name(),
            rejected.user(),
            rejected.redacted(),
            rejected.stale(),
            received(verdict, present, rejected.user()));
      }
      SchemeVerdict.Accepted accepted = (SchemeVerdict.Accepted) verdict;
      return AuthDecision.allow(
          new AuthOutcome.Authenticated(
              scheme.name(), accepted.user(), space.name(), accepted.note()),
          accepted.fields(),
          accepted.redacted(),
          received(verdict, present, accepted.user()));
    });
  }

  /**
   * A request without credentials: it passes on a connection that completed a connection-bound
   * handshake (NTLM) in this very compiled realm; otherwise, and once the settings changed, it is
   * challenged (a stale login is forgotten, so the client starts a new handshake).
   */
  private static AuthDecision withoutCredentials(AuthRequest request, ProtectionSpace space) {
    Optional<ConnectionLogin> login =
        request.connection().get(ConnectionLogin.KEY, ConnectionLogin.class);
    if (login.isPresent() && login.get().admits(space)) {
      ConnectionLogin done = login.get();
      return AuthDecision.allow(
          new AuthOutcome.Authenticated(
              done.scheme(),
              done.user(),
              space.name(),
              "connection authenticated by an earlier " + done.scheme() + " handshake"),
          List.of(),
          "",
          ReceivedCredentials.NONE);
    }
    String detail = "";
    if (login.isPresent()) {
      ProtectionSpace earlier = login.get().space();
      boolean sameRealm = earlier.index() == space.index() && earlier.name().equals(space.name());
      if (sameRealm) {
        request.connection().take(ConnectionLogin.KEY, ConnectionLogin.class);
        detail =
            "the settings changed since this connection's " + login.get().scheme() + " handshake";
      } else {
        detail = "this connection's " + login.get().scheme() + " handshake was for realm '"
            + earlier.name() + "'";
      }
    }
    return ChallengeBuilder.refusal(
        space, ChallengeReason.MISSING, detail, "", "", "", false, ReceivedCredentials.NONE);
  }

  /** What the scheme read of the credentials, or else their scheme and the verdict's user. */
  private static ReceivedCredentials received(
      SchemeVerdict verdict, ProxyAuthorization.Present present, String user) {
    ReceivedCredentials read = verdict.received();
    return read instanceof ReceivedCredentials.None
        ? new ReceivedCredentials.SchemeAndUser(present.scheme(), user)
        : read;
  }

  /** The field's scheme alone (empty when unreadable), or nothing when there was no field. */
  static ReceivedCredentials schemeOnly(ProxyAuthorization field) {
    if (field instanceof ProxyAuthorization.Present present) {
      return new ReceivedCredentials.SchemeAndUser(present.scheme(), "");
    }
    return field instanceof ProxyAuthorization.Unreadable
        ? new ReceivedCredentials.SchemeAndUser("", "")
        : ReceivedCredentials.NONE;
  }
}
