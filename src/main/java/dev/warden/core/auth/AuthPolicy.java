package dev.warden.core.auth;

import dev.warden.core.settings.Realm;
import dev.warden.core.settings.RealmFaults;
import dev.warden.core.settings.Settings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 407 enforcement compiled from one {@link Settings} value. Immutable and thread-safe; a new
 * policy replaces it when the settings change, so every request is judged by the settings in force
 * when it arrived.
 *
 * <p>What must outlive a settings change (verification caches, the slow-hash pool, nonces) lives in
 * the {@link AuthState} the policy is compiled with: after a change the new policy finds it warm, and
 * only what the change touched (a user's new hash) misses. The steady state costs microseconds; only
 * the first request with given credentials pays for a slow hash, on the state's pool.
 */
public final class AuthPolicy {

  private static final Logger LOG = LoggerFactory.getLogger(AuthPolicy.class);

  private final boolean enforcement;
  private final SchemeLookup schemes;
  private final List<ProtectionSpace> guarded;
  private final ProtectionSpace fallback;
  private final List<String> problems;
  private final AuthState state;
  private final LockoutGuard lockouts;
  /** The CONNECT ports of each space, by {@link ProtectionSpace#index()}. */
  private final List<List<Integer>> connectPorts;
  /** The fault knobs of each space, by {@link ProtectionSpace#index()}. */
  private final List<RealmFaults> faults;

  private final FaultPlan faultPlan;

  private AuthPolicy(
      boolean enforcement,
      SchemeLookup schemes,
      List<ProtectionSpace> guarded,
      ProtectionSpace fallback,
      List<String> problems,
      AuthState state,
      LockoutGuard lockouts,
      List<List<Integer>> connectPorts,
      List<RealmFaults> faults) {
    this.enforcement = enforcement;
    this.schemes = schemes;
    this.guarded = guarded;
    this.fallback = fallback;
    this.problems = problems;
    this.state = state;
    this.lockouts = lockouts;
    this.connectPorts = connectPorts;
    this.faults = faults;
    this.faultPlan = new FaultPlan(state.faultCounters(), () -> state.clock().instant());
  }

  /**
   * Compiles the settings. Cheap: no hashing happens here. Never throws on content: a host pattern
   * or a stored hash it cannot use is left out and named in {@link #problems()}. Any thread.
   */
  public static AuthPolicy of(Settings settings, AuthState state) {
    Map<String, AuthScheme> schemes = SchemeCatalogue.of(state);
    List<String> problems = new ArrayList<>();
    List<ProtectionSpace> guarded = new ArrayList<>();
    ProtectionSpace fallback = null;
    List<Realm> realms = settings.realms();
    for (int index = 0; index < realms.size(); index++) {
      Realm realm = realms.get(index);
      ProtectionSpace space = RealmCompiler.compile(index, realm, schemes, problems);
      if (!realm.isDefault()) {
        guarded.add(space);
      } else if (fallback == null) {
        fallback = space;
      } else {
        problems.add("Realm '" + realm.name() + "' has no host patterns, but realm '"
            + fallback.name() + "' is already the default; it is never used");
      }
    }
    List<List<Integer>> connectPorts = new ArrayList<>();
    realms.forEach(realm -> connectPorts.add(realm.connectPorts()));
    List<RealmFaults> faults = new ArrayList<>();
    realms.forEach(realm -> faults.add(realm.faults()));
    if (fallback == null) {
      // every destination needs a realm to be challenged in; this one has no users, so it admits
      // nobody
      Realm stopGap = new Realm(Settings.DEFAULT_REALM_NAME, List.of(), List.of());
      fallback = RealmCompiler.compile(realms.size(), stopGap, schemes, problems);
      connectPorts.add(stopGap.connectPorts());
      faults.add(stopGap.faults());
    }
    Map<Integer, LockoutPolicy> lockouts = new HashMap<>();
    for (ProtectionSpace space : guarded) {
      lockouts.put(space.index(), LockoutGuard.policyOf(space, state, problems));
    }
    lockouts.put(fallback.index(), LockoutGuard.policyOf(fallback, state, problems));
    SchemeLookup lookup = new SchemeLookup(schemes);
    return new AuthPolicy(
        settings.enforcement(),
        lookup,
        List.copyOf(guarded),
        fallback,
        List.copyOf(problems),
        state,
        new LockoutGuard(state, lockouts, lookup),
        List.copyOf(connectPorts),
        List.copyOf(faults));
  }

  /**
   * Compiles the settings with an auth state of their own (tests, and vetting settings without
   * putting them in force). The state's threads are daemons and idle out.
   */
  public static AuthPolicy of(Settings settings) {
    return of(settings, new AuthState());
  }

  /**
   * Judges one request. Called on network threads: never blocks, never throws, never logs
   * credentials. The future completes at once unless a slow hash must run (a verification-cache
   * miss), which then runs on the {@link VerificationPool} and completes the future there (a failed
   * check no sooner than the realm's slowest check takes, on the JDK's delay thread), or the
   * client or user failed too often of late, when the state's timer thread completes it after a
   * delay (see {@link LockoutPolicy}); a locked-out client or user is refused at once. It never
   * completes exceptionally: an internal error becomes a refusal with the reason "internal error".
   */
  public CompletableFuture<AuthDecision> judge(AuthRequest request) {
    try {
      ProxyAuthorization field = ProxyAuthorization.read(request.proxyAuthorization());
      ProtectionSpace space = spaceFor(request.host(), request.port());
      if (!enforcement) {
        return wouldHave(request, field, space);
      }
      return faultPlan
          .judge(
              faults.get(space.index()),
              field,
              request.client(),
              space.name(),
              () -> schemes.claimedUser(field),
              () -> lockouts.judge(request, field, space),
              (knob, scheme, user, redacted, stale, received) -> ChallengeBuilder.refusal(
                  space, ChallengeReason.FAULT_KNOB, knob, scheme, user, redacted, stale, received))
          .thenApply(decision -> connectPort(request, space, decision))
          .exceptionally(failure -> internalError(space, failure));
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(internalError(fallback, e));
    }
  }

  /**
   * Enforcement off: the request passes, but its credentials are judged all the same (without the
   * failure ledger: nobody is counted or locked out) so the record can say what enforcement would
   * have decided. Costs what judging costs with enforcement on: a slow hash on the pool for
   * credentials not verified before, never on the network thread.
   */
  private CompletableFuture<AuthDecision> wouldHave(
      AuthRequest request, ProxyAuthorization field, ProtectionSpace space) {
    return CredentialsJudge.judge(request, field, space)
        .exceptionally(failure -> null)
        .thenApply(verdict -> connectPort(
            request,
            space,
            AuthDecision.allow(
                new AuthOutcome.NotRequired(verdict == null ? null : verdict.outcome()),
                List.of(),
                schemes.redact(field),
                verdict == null || verdict.received() instanceof ReceivedCredentials.None
                    ? CredentialsJudge.schemeOnly(field)
                    : verdict.received())));
  }

  /**
   * An allowed CONNECT to a port its realm does not list becomes a 403 with the reason. Checked
   * after the credentials, so a client without them gets the realm's 407 as for any destination.
   */
  private AuthDecision connectPort(
      AuthRequest request, ProtectionSpace space, AuthDecision decision) {
    if (!decision.allowed() || !"CONNECT".equals(request.method())) {
      return decision;
    }
    List<Integer> allowed = connectPorts.get(space.index());
    if (allowed.contains(request.port())) {
      return decision;
    }
    String user = decision.outcome() instanceof AuthOutcome.Authenticated a ? a.user() : "";
    return new AuthDecision(
        new AuthOutcome.PortRefused(space.name(), request.port(), allowed, user),
        403,
        List.of(),
        List.of(),
        decision.redactedCredentials(),
        decision.received(),
        decision.faults());
  }

  /**
   * Whether {@code request} can only be judged with its body (Digest {@code qop=auth-int} where the
   * realm offers it): then hold the body, at most {@link RequestBody#MAX_BYTES}, and pass it with
   * {@link AuthRequest#withBody}. Cheap; never throws; network threads.
   */
  public boolean needsBody(AuthRequest request) {
    try {
      if (!enforcement
          || "CONNECT".equals(request.method())
          || request.proxyAuthorization() == null) {
        return false;
      }
      ProtectionSpace space = spaceFor(request.host(), request.port());
      // Where no scheme of the realm could need the body, the credentials are not read here: only
      // once, by judge.
      if (!space.mayNeedBody()
          || !(ProxyAuthorization.read(request.proxyAuthorization())
              instanceof ProxyAuthorization.Present present)) {
        return false;
      }
      AuthScheme scheme = space.scheme(present.scheme());
      return scheme != null && scheme.needsBody(present.credentials(), space);
    } catch (RuntimeException e) {
      return false; // judged from the head, which refuses what cannot be read
    }
  }

  /**
   * {@link #judge} waiting for its answer: for callers that may block (tests, tools), never on a
   * network thread.
   */
  public AuthDecision decide(AuthRequest request) {
    return judge(request).join();
  }

  /** A bug must not open the proxy, nor break the connection: refuse, count and log it. */
  private AuthDecision internalError(ProtectionSpace space, Throwable failure) {
    state.internalErrors().increment();
    LOG.error("Internal error while judging a request; refused with 407", failure);
    return ChallengeBuilder.refusal(
        space,
        ChallengeReason.INTERNAL_ERROR,
        failure.getClass().getSimpleName(),
        "",
        "",
        "",
        false,
        ReceivedCredentials.NONE);
  }

  /**
   * What in the settings this policy could not use, one sentence each (a host pattern it cannot
   * parse, a stored hash in an unsupported format, a second default realm); empty when all is well.
   * Never contains a hash. Any thread.
   */
  public List<String> problems() {
    return problems;
  }

  /** How many slow hash verifications this policy ran: lets tests watch the cache. */
  long slowVerifications() {
    return state.verifier().slowVerifications();
  }

  private ProtectionSpace spaceFor(String host, int port) {
    for (ProtectionSpace space : guarded) {
      if (space.guards(host, port)) {
        return space;
      }
    }
    return fallback;
  }
}
