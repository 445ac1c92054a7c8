package dev.warden.core.auth;

import dev.warden.core.settings.RealmFaults;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The fault knobs that change a decision (outcome and session knobs of {@link RealmFaults}): accept
 * any credentials, reject all, challenge an authenticated client again every N requests, after T
 * seconds or at random, answer a right Digest response {@code stale=true}, or after a nonce's Nth
 * use. Each decision leaves with a {@link FaultTrace} naming the realm's knobs and the ones that
 * changed it. Thread-safe; never blocks (counters in {@link FaultCounters}).
 */
final class FaultPlan {

  /** Builds the realm's refusal: reason detail, scheme, user, redacted credentials, stale, received. */
  interface Refusal {
    AuthDecision refuse(
        String knob,
        String scheme,
        String user,
        String redacted,
        boolean stale,
        ReceivedCredentials received);
  }

  private final FaultCounters counters;
  private final Supplier<Instant> now;

  FaultPlan(FaultCounters counters, Supplier<Instant> now) {
    this.counters = counters;
    this.now = now;
  }

  /**
   * Judges with the knobs: {@code normal} judges as usual unless an outcome knob decides first; an
   * acceptance may then be turned into a refusal by a session knob.
   *
   * @param claimedUser the user name the credentials claim, read without checking them
   */
  CompletableFuture<AuthDecision> judge(
      RealmFaults knobs,
      ProxyAuthorization field,
      String client,
      String realm,
      Supplier<String> claimedUser,
      Supplier<CompletableFuture<AuthDecision>> normal,
      Refusal refusal) {
    if (!knobs.any()) {
      return normal.get();
    }
    FaultTrace trace = new FaultTrace(knobs, List.of());
    if (field instanceof ProxyAuthorization.Present present && !"normal".equals(knobs.outcome())) {
      String knob = "outcome=" + knobs.outcome();
      String user = claimedUser.get();
      ReceivedCredentials received = new ReceivedCredentials.SchemeAndUser(present.scheme(), user);
      String redacted = present.scheme() + " " + (user.isEmpty() ? "" : user + ":") + "***";
      AuthDecision decided = "accept-any".equals(knobs.outcome())
          ? AuthDecision.allow(
              new AuthOutcome.Authenticated(
                  present.scheme(), user, realm, "accepted unchecked (fault knob " + knob + ")"),
              List.of(),
              redacted,
              received)
          : refusal.refuse(knob, present.scheme(), user, redacted, false, received);
      return CompletableFuture.completedFuture(decided.withFaults(trace.plus(List.of(knob))));
    }
    return normal.get().thenApply(decision -> {
      AuthDecision shaped = session(knobs, client, realm, decision, refusal);
      return shaped.withFaults(
          trace.plus(shaped.faults().applied()).plus(legacyNtlm(knobs, decision)));
    });
  }

  /** {@code legacyNtlm=true} when that knob had an NTLMv1 answer checked instead of refused. */
  private static List<String> legacyNtlm(RealmFaults knobs, AuthDecision decision) {
    return knobs.legacyNtlm()
            && decision.received() instanceof ReceivedCredentials.NtlmParams p
            && p.response().startsWith("NTLMv1")
        ? List.of("legacyNtlm=true")
        : List.of();
  }

  /** An acceptance the session knobs turn into a refusal, with the knob recorded; else as it was. */
  private AuthDecision session(
      RealmFaults knobs, String client, String realm, AuthDecision decision, Refusal refusal) {
    if (!(decision.outcome() instanceof AuthOutcome.Authenticated ok)) {
      return decision;
    }
    boolean digest = DigestScheme.NAME.equals(ok.scheme());
    String key = realm + "\u0000" + client + "\u0000" + ok.user();
    String knob = null;
    boolean stale = false;
    if (digest && knobs.digestAlwaysStale()) {
      knob = "digestStale=true";
      stale = true;
    } else if (digest
        && knobs.nonceUses() > 0
        && decision.received() instanceof ReceivedCredentials.DigestParams p
        && counters.nonceUse(p.nonce()) > knobs.nonceUses()) {
      knob = "nonceUses=" + knobs.nonceUses();
      stale = true;
    } else if (knobs.rechallengeEvery() > 0
        && counters.request(key) % knobs.rechallengeEvery() == 0) {
      knob = "rechallengeEvery=" + knobs.rechallengeEvery();
    } else if (!knobs.rechallengeAfter().isZero() && expired(key, knobs.rechallengeAfter())) {
      knob = "rechallengeAfterSeconds=" + knobs.rechallengeAfter().toSeconds();
    } else if (knobs.randomRefusalPercent() > 0
        && ThreadLocalRandom.current().nextInt(100) < knobs.randomRefusalPercent()) {
      knob = "randomPercent=" + knobs.randomRefusalPercent();
    }
    if (knob == null) {
      return decision;
    }
    return refusal
        .refuse(
            knob,
            ok.scheme(),
            ok.user(),
            decision.redactedCredentials(),
            stale,
            decision.received())
        .withFaults(new FaultTrace(knobs, List.of(knob)));
  }

  /** Whether {@code key} was first accepted longer ago than {@code period}; if so it starts again. */
  private boolean expired(String key, Duration period) {
    Instant at = now.get();
    Instant first = counters.firstAccepted(key, at);
    if (Duration.between(first, at).compareTo(period) > 0) {
      counters.expire(key);
      return true;
    }
    return false;
  }
}
