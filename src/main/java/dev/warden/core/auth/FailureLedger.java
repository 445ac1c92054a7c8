package dev.warden.core.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts failed authentications per client address and per claimed user name in each realm, in a
 * sliding window, and turns too many into a delay and then a lockout (see {@link LockoutPolicy}).
 *
 * <p>What counts as a failure is the caller's choice ({@link AuthPolicy} counts wrong passwords,
 * unknown users and bad Digest responses, not missing credentials nor stale nonces). A success
 * clears the counts of its client and user but never a lockout: lockouts end by time or by
 * {@link #release}.
 *
 * <p>Threads: every method is thread-safe and non-blocking (concurrent maps and atomics), made for
 * network threads. Memory is bounded: at most {@link LockoutPolicy#trackedKeys()} client keys and as
 * many user keys are counted (the oldest is forgotten first), and at most as many lockouts are held
 * (the one ending soonest is dropped first). Time comes from the injected {@link Clock}; the ledger
 * never schedules anything itself, so expired lockouts end when next looked at or on {@link #sweep}.
 * Never sees a password.
 */
public final class FailureLedger {

  private static final Logger LOG = LoggerFactory.getLogger(FailureLedger.class);

  private final LockoutPolicy policy;
  private final Clock clock;
  private final Tallies clients;
  private final Tallies users;
  private final Map<LockoutKey, Lockout> locks = new ConcurrentHashMap<>();
  private final List<LockoutListener> listeners = new CopyOnWriteArrayList<>();
  private final LongAdder started = new LongAdder();

  /** A ledger applying {@code policy}, reading the time from {@code clock}. */
  public FailureLedger(LockoutPolicy policy, Clock clock) {
    this.policy = Objects.requireNonNull(policy);
    this.clock = Objects.requireNonNull(clock);
    this.clients = new Tallies(policy.trackedKeys());
    this.users = new Tallies(policy.trackedKeys());
  }

  /** The policy applied. */
  public LockoutPolicy policy() {
    return policy;
  }

  /**
   * The lockout that refuses a request from {@code client} claiming {@code user} in {@code realm}, if
   * any: the client's first, then the user's. An empty client or user is not looked up. Ends (and
   * reports) a lockout found expired.
   */
  public Optional<Lockout> lockout(String realm, String client, String user) {
    if (!anyLockout()) {
      return Optional.empty();
    }
    Optional<Lockout> byClient = active(client.isEmpty() ? null : LockoutKey.client(realm, client));
    return byClient.isPresent()
        ? byClient
        : active(user.isEmpty() ? null : LockoutKey.user(realm, user));
  }

  /**
   * Whether any lockout is held (some may have expired unnoticed): lets a caller skip work, such as
   * decoding the claimed user name, that only a lockout would need.
   */
  public boolean anyLockout() {
    return policy.enforced() && !locks.isEmpty();
  }

  /**
   * Records one failed authentication from {@code client} claiming {@code user} (either may be empty:
   * not counted) and returns how long to wait before answering it. Starts the lockout of a key whose
   * failures in the window reach {@link LockoutPolicy#lockoutAfter()}.
   */
  public Duration recordFailure(String realm, String client, String user) {
    return recordFailure(policy, realm, client, user);
  }

  /**
   * {@link #recordFailure(String, String, String)} with the thresholds and lockout duration of
   * {@code realmPolicy} (a realm's own, see {@link LockoutPolicy#forRealm}); nothing is counted when
   * this ledger's policy is not enforced.
   */
  public Duration recordFailure(
      LockoutPolicy realmPolicy, String realm, String client, String user) {
    if (!policy.enforced() || !realmPolicy.enforced()) {
      return Duration.ZERO;
    }
    long now = clock.millis();
    int worst = 0;
    if (!client.isEmpty()) {
      worst = Math.max(worst, fail(realmPolicy, clients, LockoutKey.client(realm, client), now));
    }
    if (!user.isEmpty()) {
      worst = Math.max(worst, fail(realmPolicy, users, LockoutKey.user(realm, user), now));
    }
    return realmPolicy.delayFor(worst);
  }

  /**
   * Records a successful authentication: the counts of {@code client} and {@code user} start again
   * from zero (their lockouts, if any, stay). Returns the delay their failures so far had earned, so
   * that a right guess is answered no sooner than a wrong one would have been.
   */
  public Duration recordSuccess(String realm, String client, String user) {
    return recordSuccess(policy, realm, client, user);
  }

  /** {@link #recordSuccess(String, String, String)} with the thresholds of {@code realmPolicy}. */
  public Duration recordSuccess(
      LockoutPolicy realmPolicy, String realm, String client, String user) {
    if (clients.isEmpty() && users.isEmpty()) {
      // the common case of a lab with no failure yet: no key built, no map probed per request
      return Duration.ZERO;
    }
    long now = clock.millis();
    int worst = 0;
    if (!client.isEmpty()) {
      worst =
          Math.max(worst, clients.clear(LockoutKey.client(realm, client), now, policy.window()));
    }
    if (!user.isEmpty()) {
      worst = Math.max(worst, users.clear(LockoutKey.user(realm, user), now, policy.window()));
    }
    return realmPolicy.delayFor(worst);
  }

  /** The failures of {@code key} in the window now (at most the policy's larger threshold). */
  public int failures(LockoutKey key) {
    return tallies(key).count(key, clock.millis(), policy.window());
  }

  /** The lockouts in force now, ending soonest first. Ends (and reports) the expired ones. */
  public List<Lockout> lockouts() {
    sweep();
    List<Lockout> now = new ArrayList<>(locks.values());
    now.sort(Comparator.comparing(Lockout::until));
    return List.copyOf(now);
  }

  /** Ends the lockout of {@code key} at once and forgets its failures. True when it was locked. */
  public boolean release(LockoutKey key) {
    tallies(key).forget(key);
    Lockout lock = locks.remove(key);
    if (lock != null) {
      ended(lock);
    }
    return lock != null;
  }

  /** Ends every lockout at once; returns how many there were. Failure counts stay. */
  public int releaseAll() {
    int released = 0;
    for (Lockout lock : locks.values()) {
      if (locks.remove(lock.subject(), lock)) {
        ended(lock);
        released++;
      }
    }
    return released;
  }

  /** Ends the lockouts whose time is up. */
  public void sweep() {
    Instant now = clock.instant();
    for (Lockout lock : locks.values()) {
      if (!now.isBefore(lock.until()) && locks.remove(lock.subject(), lock)) {
        ended(lock);
      }
    }
  }

  /** Adds a listener, told of every lockout that starts or ends from now on. */
  public void onLockout(LockoutListener listener) {
    listeners.add(Objects.requireNonNull(listener));
  }

  /** How many lockouts have started since this ledger was made. */
  public long lockoutsStarted() {
    return started.sum();
  }

  /** How many keys of {@code kind} are counted now (bounded by the policy's trackedKeys). */
  public int trackedKeys(LockoutKey.Kind kind) {
    return (kind == LockoutKey.Kind.CLIENT ? clients : users).size();
  }

  /**
   * A key's ring only needs to tell whether its realm's thresholds were reached: more slots would buy
   * nothing.
   */
  private static int slots(LockoutPolicy realmPolicy) {
    return Math.max(realmPolicy.lockoutAfter(), realmPolicy.delayAfter() + 1);
  }

  private Tallies tallies(LockoutKey key) {
    return key.kind() == LockoutKey.Kind.CLIENT ? clients : users;
  }

  private Optional<Lockout> active(LockoutKey key) {
    if (key == null) {
      return Optional.empty();
    }
    Lockout lock = locks.get(key);
    if (lock == null) {
      return Optional.empty();
    }
    if (clock.instant().isBefore(lock.until())) {
      return Optional.of(lock);
    }
    if (locks.remove(key, lock)) {
      ended(lock);
    }
    return Optional.empty();
  }

  private int fail(LockoutPolicy realmPolicy, Tallies tallies, LockoutKey key, long now) {
    int failures = tallies.record(key, now, policy.window(), slots(realmPolicy));
    if (failures >= realmPolicy.lockoutAfter()) {
      lock(key, failures, now, realmPolicy.lockoutFor());
      // counted afresh after the lockout; the window is shorter than most lockouts anyway
      tallies.forget(key);
    }
    return failures;
  }

  private void lock(LockoutKey key, int failures, long now, Duration lockoutFor) {
    active(key); // ends an expired lockout of the key first, so a new one can start
    Lockout lock = new Lockout(key, Instant.ofEpochMilli(now).plus(lockoutFor), failures);
    if (locks.putIfAbsent(key, lock) != null) {
      return; // another thread locked it a moment ago
    }
    started.increment();
    LOG.warn(
        "Lockout: {} after {} failed authentications in realm '{}'",
        lock.describe(),
        failures,
        key.realm());
    notifyStarted(lock);
    while (locks.size() > policy.trackedKeys()) {
      // a flood of lockouts (many addresses) must not grow memory: drop the one ending soonest
      Optional<Lockout> soonest = locks.values().stream().min(Comparator.comparing(Lockout::until));
      if (soonest.isEmpty()) {
        break;
      }
      if (locks.remove(soonest.get().subject(), soonest.get())) {
        ended(soonest.get());
      }
    }
  }

  private void notifyStarted(Lockout lock) {
    for (LockoutListener listener : listeners) {
      try {
        listener.started(lock);
      } catch (RuntimeException e) {
        LOG.warn("A lockout listener failed", e);
      }
    }
  }

  private void ended(Lockout lock) {
    LOG.info("Lockout ended: {} in realm '{}'", lock.describe(), lock.realm());
    for (LockoutListener listener : listeners) {
      try {
        listener.ended(lock);
      } catch (RuntimeException e) {
        LOG.warn("A lockout listener failed", e);
      }
    }
  }
}
