package dev.warden.core.auth;

import static dev.warden.core.auth.TestPolicies.basic;
import static dev.warden.core.auth.TestPolicies.enforcing;
import static dev.warden.core.auth.TestPolicies.realm;
import static dev.warden.core.auth.TestPolicies.user;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Failure counting, delays and lockouts, with a clock the tests move by hand. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FailureLedgerTest {

  private static final String REALM = "Corp";
  private static final String ATTACKER = "203.0.113.7";

  private final HandClock clock = new HandClock(Instant.parse("2026-12-01T10:00:00Z"));
  private final FailureLedger ledger = new FailureLedger(LockoutPolicy.DEFAULTS, clock);

  // ---- the ledger alone ----

  @Test
  void firstTenFailuresInAMinuteAreAnsweredWithoutDelay() {
    for (int i = 0; i < 10; i++) {
      assertThat(ledger.recordFailure(REALM, ATTACKER, "alice")).isZero();
    }
  }

  @Test
  void delayStartsAt250MillisecondsAfterTenFailuresAndDoublesToAtMostFiveSeconds() {
    failures(10, ATTACKER, "alice");
    List<Duration> delays = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      delays.add(ledger.recordFailure(REALM, ATTACKER, "alice"));
    }
    assertThat(delays)
        .extracting(Duration::toMillis)
        .containsExactly(250L, 500L, 1_000L, 2_000L, 4_000L, 5_000L, 5_000L);
  }

  @Test
  void fiftiethFailureInAMinuteLocksTheClientOut() {
    for (int i = 0; i < 49; i++) {
      ledger.recordFailure(REALM, ATTACKER, "user" + i);
    }
    assertThat(ledger.lockout(REALM, ATTACKER, "")).isEmpty();

    ledger.recordFailure(REALM, ATTACKER, "user49");

    assertThat(ledger.lockout(REALM, ATTACKER, "")).hasValueSatisfying(lock -> {
      assertThat(lock.kind()).isEqualTo(LockoutKey.Kind.CLIENT);
      assertThat(lock.key()).isEqualTo(ATTACKER);
      assertThat(lock.realm()).isEqualTo(REALM);
      assertThat(lock.until()).isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));
      assertThat(lock.failures()).isEqualTo(50);
    });
  }

  @Test
  void failuresOlderThanAMinuteNoLongerCount() {
    failures(40, ATTACKER, "alice");
    clock.advance(Duration.ofSeconds(61));
    failures(40, ATTACKER, "alice");

    assertThat(ledger.lockout(REALM, ATTACKER, "alice")).isEmpty();
    assertThat(ledger.failures(LockoutKey.client(REALM, ATTACKER))).isEqualTo(40);
  }

  @Test
  void lockedClientDoesNotLockOtherClientsClaimingOtherUsers() {
    for (int i = 0; i < 50; i++) {
      ledger.recordFailure(REALM, ATTACKER, "user" + i);
    }

    assertThat(ledger.lockout(REALM, ATTACKER, "alice")).isPresent();
    assertThat(ledger.lockout(REALM, "198.51.100.1", "alice")).isEmpty();
    assertThat(ledger.lockout(REALM, "198.51.100.1", "user0")).isEmpty();
  }

  @Test
  void lockedUserIsRefusedFromEveryClient() {
    for (int i = 0; i < 50; i++) {
      ledger.recordFailure(REALM, "198.51.100." + i, "alice");
    }

    assertThat(ledger.lockout(REALM, "192.0.2.1", "alice"))
        .hasValueSatisfying(
            lock -> assertThat(lock.subject()).isEqualTo(LockoutKey.user(REALM, "alice")));
    assertThat(ledger.lockout(REALM, "192.0.2.1", "bob")).isEmpty();
    assertThat(ledger.lockout(REALM, "198.51.100.0", "bob")).isEmpty();
  }

  @Test
  void lockoutInOneRealmDoesNotCoverAnother() {
    failures(50, ATTACKER, "alice");

    assertThat(ledger.lockout("Lab", ATTACKER, "alice")).isEmpty();
  }

  @Test
  void lockoutEndsByItselfAfterFiveMinutes() {
    failures(50, ATTACKER, "alice");
    clock.advance(Duration.ofMinutes(5).minusMillis(1));
    assertThat(ledger.lockout(REALM, ATTACKER, "")).isPresent();

    clock.advance(Duration.ofMillis(1));

    assertThat(ledger.lockout(REALM, ATTACKER, "")).isEmpty();
    assertThat(ledger.lockout(REALM, "", "alice")).isEmpty();
    assertThat(ledger.lockouts()).isEmpty();
  }

  @Test
  void successClearsTheFailureCountButNotALockout() {
    failures(30, ATTACKER, "alice");
    ledger.recordSuccess(REALM, ATTACKER, "alice");
    assertThat(ledger.failures(LockoutKey.client(REALM, ATTACKER))).isZero();
    assertThat(ledger.failures(LockoutKey.user(REALM, "alice"))).isZero();

    failures(50, ATTACKER, "alice");
    ledger.recordSuccess(REALM, ATTACKER, "alice");

    assertThat(ledger.lockout(REALM, ATTACKER, "alice")).isPresent();
  }

  @Test
  void successAfterManyFailuresIsDelayedLikeAFailure() {
    failures(12, ATTACKER, "alice");

    assertThat(ledger.recordSuccess(REALM, ATTACKER, "alice")).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void releaseEndsOneLockoutAtOnce() {
    failures(50, ATTACKER, "alice");

    assertThat(ledger.release(LockoutKey.client(REALM, ATTACKER))).isTrue();

    assertThat(ledger.lockout(REALM, ATTACKER, "")).isEmpty();
    assertThat(ledger.lockouts())
        .extracting(Lockout::subject)
        .containsExactly(LockoutKey.user(REALM, "alice"));
  }

  @Test
  void releaseAllEndsEveryLockout() {
    failures(50, ATTACKER, "alice");
    failures(50, "198.51.100.1", "bob");

    assertThat(ledger.releaseAll()).isEqualTo(4);

    assertThat(ledger.lockouts()).isEmpty();
  }

  @Test
  void listenersHearLockoutsStartAndEnd() {
    List<String> heard = new CopyOnWriteArrayList<>();
    ledger.onLockout(new LockoutListener() {
      @Override
      public void started(Lockout lockout) {
        heard.add("started " + lockout.kind() + " " + lockout.key());
      }

      @Override
      public void ended(Lockout lockout) {
        heard.add("ended " + lockout.kind() + " " + lockout.key());
      }
    });
    failures(50, ATTACKER, "");
    clock.advance(Duration.ofMinutes(6));
    ledger.sweep();

    assertThat(heard).containsExactly("started CLIENT " + ATTACKER, "ended CLIENT " + ATTACKER);
  }

  @Test
  void hundredThousandDistinctClientsKeepAtMostTenThousandTracked() {
    for (int i = 0; i < 100_000; i++) {
      ledger.recordFailure(
          REALM, "10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255), "u" + i);
    }

    assertThat(ledger.trackedKeys(LockoutKey.Kind.CLIENT)).isLessThanOrEqualTo(10_000);
    assertThat(ledger.trackedKeys(LockoutKey.Kind.USER)).isLessThanOrEqualTo(10_000);
    // the newest are the ones kept
    assertThat(ledger.failures(LockoutKey.client(REALM, "10.1.134.159"))).isEqualTo(1);
    assertThat(ledger.failures(LockoutKey.client(REALM, "10.0.0.0"))).isZero();
  }

  @Test
  void failuresRecordedFromFourThreadsAreAllCounted() throws Exception {
    FailureLedger wide = new FailureLedger(policy(5_000), clock);

    fromFourThreads(1_000, () -> wide.recordFailure(REALM, ATTACKER, "alice"));

    assertThat(wide.failures(LockoutKey.client(REALM, ATTACKER))).isEqualTo(4_000);
    assertThat(wide.failures(LockoutKey.user(REALM, "alice"))).isEqualTo(4_000);
  }

  @Test
  void failuresFromFourThreadsReachingTheThresholdStartExactlyOneLockoutPerKey() throws Exception {
    FailureLedger wide = new FailureLedger(policy(4_000), clock);
    List<Lockout> started = new CopyOnWriteArrayList<>();
    wide.onLockout(new LockoutListener() {
      @Override
      public void started(Lockout lockout) {
        started.add(lockout);
      }
    });

    fromFourThreads(1_000, () -> wide.recordFailure(REALM, ATTACKER, "alice"));

    assertThat(started)
        .extracting(Lockout::subject)
        .containsExactlyInAnyOrder(
            LockoutKey.client(REALM, ATTACKER), LockoutKey.user(REALM, "alice"));
    assertThat(wide.lockoutsStarted()).isEqualTo(2);
  }

  @Test
  void offPolicyNeitherDelaysNorLocksOut() {
    FailureLedger off = new FailureLedger(LockoutPolicy.OFF, clock);
    for (int i = 0; i < 100; i++) {
      assertThat(off.recordFailure(REALM, ATTACKER, "alice")).isZero();
    }

    assertThat(off.lockout(REALM, ATTACKER, "alice")).isEmpty();
    assertThat(off.trackedKeys(LockoutKey.Kind.CLIENT)).isZero();
  }

  // ---- wired into the policy ----

  @Test
  void missingCredentialsAreNotCountedAsFailures() {
    AuthState state = new AuthState(LockoutPolicy.DEFAULTS, clock);
    AuthPolicy policy =
        AuthPolicy.of(enforcing(realm(REALM, List.of(), user("alice", "right"))), state);
    for (int i = 0; i < 60; i++) {
      assertThat(reason(policy.decide(TestPolicies.get().from(ATTACKER))))
          .isEqualTo(ChallengeReason.MISSING);
    }

    assertThat(state.ledger().failures(LockoutKey.client(REALM, ATTACKER))).isZero();
    state.close();
  }

  @Test
  void lockedUserIsRefusedEvenWithTheRightPasswordAndWithoutACheck() {
    AuthState state = new AuthState(policy(5), clock);
    AuthPolicy policy =
        AuthPolicy.of(enforcing(realm(REALM, List.of(), user("alice", "right"))), state);
    for (int i = 0; i < 5; i++) {
      policy.decide(TestPolicies.get(basic("alice:guess" + i)).from("198.51.100." + i));
    }
    long checks = policy.slowVerifications();

    AuthDecision decision = policy.decide(TestPolicies.get(basic("alice:right")).from("192.0.2.1"));

    assertThat(decision.status()).isEqualTo(407);
    assertThat(reason(decision)).isEqualTo(ChallengeReason.LOCKED_OUT);
    assertThat(decision.challenges()).isNotEmpty();
    assertThat(decision.outcome().describe())
        .contains("user 'alice' locked out until")
        .doesNotContain("right");
    assertThat(policy.slowVerifications()).isEqualTo(checks);
    assertThat(state.lockedOutRefusalCount()).isEqualTo(1);
    state.close();
  }

  @Test
  void anotherClientWithTheRightPasswordIsNotLockedByALockedAddress() {
    AuthState state = new AuthState(policy(5), clock);
    AuthPolicy policy = AuthPolicy.of(
        enforcing(realm(REALM, List.of(), user("alice", "right"), user("bob", "b0b"))), state);
    for (int i = 0; i < 5; i++) {
      policy.decide(TestPolicies.get(basic("user" + i + ":guess")).from(ATTACKER));
    }

    assertThat(reason(policy.decide(TestPolicies.get(basic("alice:right")).from(ATTACKER))))
        .isEqualTo(ChallengeReason.LOCKED_OUT);
    assertThat(policy
            .decide(TestPolicies.get(basic("alice:right")).from("192.0.2.1"))
            .allowed())
        .isTrue();
    assertThat(state.lockouts())
        .extracting(Lockout::subject)
        .containsExactly(LockoutKey.client(REALM, ATTACKER));
    state.close();
  }

  @Test
  void delayedAnswerCompletesLaterWithoutBlockingTheCaller() throws Exception {
    LockoutPolicy slow = new LockoutPolicy(
        Duration.ofMinutes(1),
        1,
        Duration.ofMillis(300),
        Duration.ofSeconds(5),
        50,
        Duration.ofMinutes(5),
        10_000);
    HeldTimer timer = new HeldTimer();
    AuthState state = new AuthState(VerificationPool.sized(), slow, clock, timer);
    AuthPolicy policy =
        AuthPolicy.of(enforcing(realm(REALM, List.of(), user("alice", "right"))), state);
    policy.decide(TestPolicies.get(basic("alice:one")).from(ATTACKER));

    CompletableFuture<AuthDecision> second =
        policy.judge(TestPolicies.get(basic("alice:two")).from(ATTACKER));
    HeldTimer.Held answer = timer.next();

    assertThat(answer.delay()).isEqualTo(Duration.ofMillis(300));
    assertThat(second).as("returned before the delay passed").isNotDone();
    answer.task().run();
    // the answer may still be finished on a verifier thread once the held delay has run
    assertThat(reason(second.get(10, TimeUnit.SECONDS))).isEqualTo(ChallengeReason.WRONG_PASSWORD);
    state.close();
  }

  /** The auth state's timer, holding each task with its delay until the test runs it. */
  private static final class HeldTimer extends ScheduledThreadPoolExecutor {
    record Held(Duration delay, Runnable task) {}

    private final BlockingQueue<Held> held = new LinkedBlockingQueue<>();

    HeldTimer() {
      super(1);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
      held.add(new Held(Duration.ofNanos(unit.toNanos(delay)), task));
      return null;
    }

    Held next() throws InterruptedException {
      Held next = held.poll(5, TimeUnit.SECONDS);
      assertThat(next).as("a task held on the timer").isNotNull();
      return next;
    }
  }

  private void failures(int count, String client, String user) {
    for (int i = 0; i < count; i++) {
      ledger.recordFailure(REALM, client, user);
    }
  }

  private static LockoutPolicy policy(int lockoutAfter) {
    return new LockoutPolicy(
        Duration.ofMinutes(1),
        lockoutAfter,
        Duration.ofMillis(250),
        Duration.ofSeconds(5),
        lockoutAfter,
        Duration.ofMinutes(5),
        10_000);
  }

  private static ChallengeReason reason(AuthDecision decision) {
    return ((AuthOutcome.Challenged) decision.outcome()).reason();
  }

  private static void fromFourThreads(int each, Runnable failure) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<CompletableFuture<Void>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        done.add(CompletableFuture.runAsync(
            () -> {
              try {
                go.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
              }
              for (int i = 0; i < each; i++) {
                failure.run();
              }
            },
            threads));
      }
      go.countDown();
      CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    } finally {
      threads.shutdownNow();
    }
  }

  /** A clock the tests move by hand. */
  private static final class HandClock extends Clock {
    private volatile Instant now;

    HandClock(Instant start) {
      now = start;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public long millis() {
      return now.toEpochMilli();
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }
}
