package dev.warden.core.auth;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Lockouts and delays around judging credentials: a request whose client address or claimed user
 * is locked out in the realm is refused at once with {@link ChallengeReason#LOCKED_OUT}, its
 * password unchecked. Otherwise a wrong password, an unknown user or a bad Digest response is
 * recorded in the state's {@link FailureLedger} and a success clears its counts; a client (or user)
 * with too many recent failures has its answer, right or wrong, completed later on the state's
 * timer thread.
 *
 * <p>Immutable and thread-safe; runs on network threads and never blocks.
 */
final class LockoutGuard {

  private final AuthState state;
  /** Each space's lockout policy, by {@link ProtectionSpace#index()}. */
  private final Map<Integer, LockoutPolicy> lockouts;

  private final SchemeLookup schemes;

  LockoutGuard(AuthState state, Map<Integer, LockoutPolicy> lockouts, SchemeLookup schemes) {
    this.state = state;
    this.lockouts = Map.copyOf(lockouts);
    this.schemes = schemes;
  }

  /**
   * The lockout policy of {@code space}: the state's, as the realm adjusts it; the state's alone,
   * with a sentence in {@code problems}, when the realm's adjustment cannot be used.
   */
  static LockoutPolicy policyOf(ProtectionSpace space, AuthState state, List<String> problems) {
    LockoutPolicy base = state.ledger().policy();
    try {
      return base.forRealm(space.auth().lockout());
    } catch (IllegalArgumentException e) {
      problems.add("Realm '" + space.name() + "': lockout settings ignored: " + e.getMessage());
      return base;
    }
  }

  /** Judges {@code request}'s credentials in {@code space}, guarded as the class says. */
  CompletableFuture<AuthDecision> judge(
      AuthRequest request, ProxyAuthorization field, ProtectionSpace space) {
    FailureLedger ledger = state.ledger();
    // the claimed name is decoded only while some lockout is held: otherwise the scheme's own
    // judging decodes the credentials once, which is the cost of every authenticated request
    if (ledger.anyLockout()) {
      Optional<Lockout> locked =
          ledger.lockout(space.name(), request.client(), schemes.claimedUser(field));
      if (locked.isPresent()) {
        return now(lockedOut(space, field, locked.get()));
      }
    }
    return CredentialsJudge.judge(request, field, space).thenCompose(decision -> {
      if (decision.outcome() instanceof AuthOutcome.Authenticated authenticated) {
        // a hashed Digest user name is only known now: a locked user must not get in with it
        Optional<Lockout> user = ledger.anyLockout()
            ? ledger.lockout(space.name(), "", authenticated.user())
            : Optional.empty();
        if (user.isPresent()) {
          return now(lockedOut(space, field, user.get()));
        }
        return state.delayed(
            decision,
            ledger.recordSuccess(
                lockouts.get(space.index()), space.name(), request.client(), authenticated.user()));
      }
      if (decision.outcome() instanceof AuthOutcome.Challenged challenged
          && counts(challenged.reason())) {
        // guesses at hashed names all share one stand-in; locking it would lock no one
        String user =
            DigestScheme.UNKNOWN_HASHED_USER.equals(challenged.user()) ? "" : challenged.user();
        return state.delayed(
            decision,
            ledger.recordFailure(
                lockouts.get(space.index()), space.name(), request.client(), user));
      }
      return now(decision);
    });
  }

  /**
   * What is a guess: a wrong password, an unknown user, a bad Digest response. Not missing
   * credentials (every client's first request), nor a stale nonce, nor what a broken client sends.
   */
  private static boolean counts(ChallengeReason reason) {
    return reason == ChallengeReason.WRONG_PASSWORD
        || reason == ChallengeReason.UNKNOWN_USER
        || reason == ChallengeReason.BAD_RESPONSE
        || reason == ChallengeReason.INVALID_TOKEN;
  }

  /**
   * A locked-out request: 407 with the realm's challenges, or where the realm says so 429 Too Many
   * Requests with {@code Retry-After} (whole seconds until the lockout ends, at least 1).
   */
  private AuthDecision lockedOut(ProtectionSpace space, ProxyAuthorization field, Lockout lockout) {
    state.lockedOutRefusals().increment();
    String scheme = field instanceof ProxyAuthorization.Present present ? present.scheme() : "";
    String user = lockout.kind() == LockoutKey.Kind.USER ? lockout.key() : "";
    AuthDecision refusal = ChallengeBuilder.refusal(
        space,
        ChallengeReason.LOCKED_OUT,
        lockout.describe(),
        scheme,
        user,
        schemes.redact(field),
        false,
        field instanceof ProxyAuthorization.Absent
            ? ReceivedCredentials.NONE
            : new ReceivedCredentials.SchemeAndUser(scheme, user));
    if (space.auth().lockout().lockedOutStatus() != 429) {
      return refusal;
    }
    long millis = Duration.between(state.clock().instant(), lockout.until()).toMillis();
    long seconds = Math.max(1, (millis + 999) / 1000);
    return new AuthDecision(
        refusal.outcome(),
        429,
        List.of(),
        List.of(new ResponseField("Retry-After", Long.toString(seconds))),
        refusal.redactedCredentials(),
        refusal.received());
  }

  private static CompletableFuture<AuthDecision> now(AuthDecision decision) {
    return CompletableFuture.completedFuture(decision);
  }
}
