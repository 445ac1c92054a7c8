package dev.warden.core.auth;

import dev.warden.core.auth.digest.NonceCounts;
import dev.warden.core.auth.digest.NonceFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * What Warden's authentication remembers across settings changes: the verification caches, the
 * slow-hash pool, and (for stateful schemes) nonce and handshake state. One instance lives as long
 * as the {@code Warden} that owns it; each compiled {@link AuthPolicy} reads and updates it.
 *
 * <p>Everything here is bounded and thread-safe, read and written on network threads. Entries are
 * keyed so that a settings change invalidates exactly what it touches: a verification is cached
 * under the stored hash it was checked against, so changing a user's password (a new hash) misses
 * the cache while an unrelated change (another realm, the listen address) keeps it warm.
 *
 * <p>The {@link FailureLedger} lives here too, so that a settings change does not wipe failure
 * counts or lift lockouts; so does the one daemon timer thread that delays answers to clients that
 * keep failing (a delay never blocks a network thread) and ends lockouts when their time is up.
 */
public final class AuthState implements AutoCloseable {

  /** Digest nonces whose counts are remembered; older ones are answered {@code stale=true}. */
  static final int TRACKED_NONCES = 65_536;

  private final VerificationPool pool;
  private final NonceFactory nonces = new NonceFactory();
  private final NonceCounts counts = new NonceCounts(TRACKED_NONCES);
  private final CredentialVerifier verifier;
  private final java.util.concurrent.atomic.LongAdder internalErrors =
      new java.util.concurrent.atomic.LongAdder();
  private final java.util.concurrent.atomic.LongAdder lockedOutRefusals =
      new java.util.concurrent.atomic.LongAdder();
  private final FailureLedger ledger;
  /** What session fault knobs count (requests per client and user, uses per nonce); outlives settings changes. */
  private final FaultCounters faultCounters = new FaultCounters();

  private final Clock clock;
  private final ScheduledThreadPoolExecutor timer;
  private final Map<String, Function<AuthState, AuthScheme>> added = new ConcurrentHashMap<>();

  /** State with its own verification pool sized to the machine and the default lockout policy. */
  public AuthState() {
    this(VerificationPool.sized());
  }

  /** State verifying slow hashes on {@code pool}, with the default lockout policy. */
  public AuthState(VerificationPool pool) {
    this(pool, LockoutPolicy.DEFAULTS, Clock.systemUTC());
  }

  /**
   * State with its own pool, applying {@code lockout} with time from {@code clock} (tests pass a small
   * policy, or a clock they move).
   */
  public AuthState(LockoutPolicy lockout, Clock clock) {
    this(VerificationPool.sized(), lockout, clock);
  }

  /** State verifying slow hashes on {@code pool}, applying {@code lockout} with time from {@code clock}. */
  public AuthState(VerificationPool pool, LockoutPolicy lockout, Clock clock) {
    this(pool, lockout, clock, new ScheduledThreadPoolExecutor(1, task -> {
      Thread thread = new Thread(task, "warden-auth-timer");
      thread.setDaemon(true);
      return thread;
    }));
  }

  /**
   * As above, delaying answers and ending lockouts on {@code timer}, which this state configures and
   * closes (tests pass one that holds its tasks until they run them).
   */
  AuthState(
      VerificationPool pool,
      LockoutPolicy lockout,
      Clock clock,
      ScheduledThreadPoolExecutor timer) {
    this.pool = pool;
    this.verifier = new CredentialVerifier(new PasswordHasher().decoy(), pool);
    this.clock = clock;
    this.ledger = new FailureLedger(lockout, clock);
    this.timer = timer;
    timer.setRemoveOnCancelPolicy(true);
    // most states never delay anything; a state made for one check must not keep a thread alive
    timer.setKeepAliveTime(30, TimeUnit.SECONDS);
    timer.allowCoreThreadTimeOut(true);
    // ends each lockout (and tells the listeners) when its time is up, not only when next looked at
    ledger.onLockout(new LockoutListener() {
      @Override
      public void started(Lockout lockout) {
        long millis =
            Math.max(0, Duration.between(clock.instant(), lockout.until()).toMillis());
        later(millis + 1, ledger::sweep);
      }
    });
  }

  FailureLedger ledger() {
    return ledger;
  }

  FaultCounters faultCounters() {
    return faultCounters;
  }

  /** Where lockouts read the time. */
  Clock clock() {
    return clock;
  }

  /**
   * Completes {@code decision} after {@code delay}, on the timer thread; at once when the delay is
   * zero or the timer is closed.
   */
  CompletableFuture<AuthDecision> delayed(AuthDecision decision, Duration delay) {
    if (delay.isZero() || delay.isNegative()) {
      return CompletableFuture.completedFuture(decision);
    }
    CompletableFuture<AuthDecision> answer = new CompletableFuture<>();
    if (!later(delay.toMillis(), () -> answer.complete(decision))) {
      answer.complete(decision);
    }
    return answer;
  }

  private boolean later(long millis, Runnable task) {
    try {
      timer.schedule(task, millis, TimeUnit.MILLISECONDS);
      return true;
    } catch (RejectedExecutionException closed) {
      return false;
    }
  }

  /** Requests refused at once because their client or user was locked out. */
  java.util.concurrent.atomic.LongAdder lockedOutRefusals() {
    return lockedOutRefusals;
  }

  /**
   * The lockouts in force now (client addresses and user names, per realm), ending soonest first:
   * for the window and headless mode. Any thread.
   */
  public List<Lockout> lockouts() {
    return ledger.lockouts();
  }

  /** Lifts the lockout of {@code key} and forgets its failures; true when it was locked. Any thread. */
  public boolean release(LockoutKey key) {
    return ledger.release(key);
  }

  /** Lifts every lockout; returns how many there were. Any thread. */
  public int releaseAll() {
    return ledger.releaseAll();
  }

  /**
   * Tells {@code listener} of every lockout that starts or ends from now on, on whatever thread
   * noticed it (a network thread, the timer thread, a caller of {@link #release}): it must be quick
   * and hand UI work to its own thread.
   */
  public void onLockout(LockoutListener listener) {
    ledger.onLockout(listener);
  }

  /** How many lockouts have started since start. Any thread. */
  public long lockoutCount() {
    return ledger.lockoutsStarted();
  }

  /** How many requests were refused at once because of a lockout, since start. Any thread. */
  public long lockedOutRefusalCount() {
    return lockedOutRefusals.sum();
  }

  CredentialVerifier verifier() {
    return verifier;
  }

  NonceFactory nonces() {
    return nonces;
  }

  NonceCounts counts() {
    return counts;
  }

  /**
   * Offers the scheme {@code factory} makes under {@code key} (a realm lists it by that key) in every
   * policy compiled from now on, beside the built-in ones, which it cannot replace. For schemes that
   * are not (yet) built in, such as a test's; the settings validator knows only the built-in keys.
   */
  void addScheme(String key, Function<AuthState, AuthScheme> factory) {
    added.put(key.toLowerCase(java.util.Locale.ROOT), factory);
  }

  Map<String, Function<AuthState, AuthScheme>> addedSchemes() {
    return Map.copyOf(added);
  }

  VerificationPool pool() {
    return pool;
  }

  /** Requests refused because judging them failed (a bug): counted, logged, never let through. */
  java.util.concurrent.atomic.LongAdder internalErrors() {
    return internalErrors;
  }

  /** How many internal errors judging requests has met since start. Any thread. */
  public long internalErrorCount() {
    return internalErrors.sum();
  }

  /** Stops the verification and timer threads; delayed answers still pending are dropped. */
  @Override
  public void close() {
    timer.shutdownNow();
    pool.close();
  }
}
