package dev.warden.core.auth;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Decides whether a user name and password are right in a {@link ProtectionSpace}, remembering the
 * answer. One instance lives in the {@link AuthState}, across settings changes: a verification is
 * cached under the stored hash it was checked against, so a changed password (a new hash) misses
 * the cache while unrelated changes keep it warm. Enabled/disabled is never cached: it is read from
 * the policy in force.
 *
 * <p>Both caches are keyed by {@link KeyedFingerprint}s and bounded ({@link #CACHE_CAPACITY} each).
 * The right-password cache makes the steady state cost microseconds; the wrong-password cache stops
 * a client that retries the same wrong password from costing a slow hash per try. An unknown user is
 * verified against the realm's slowest hash (or a decoy PBKDF2 hash of the normal cost when the
 * realm has none), and every failed miss is answered no sooner than that check takes, so an unknown
 * user takes as long as a wrong password, whatever formats the realm mixes (CWE-208). A disabled user is reported
 * only once the password proved right.
 *
 * <p>Threads: {@link #verify} is called on network threads and never blocks: a cache hit completes
 * the returned future at once; a miss runs the slow hash on the {@link VerificationPool} and
 * completes it there (or, for a failed miss answered no sooner than the realm's slowest check, on
 * the JDK's delay thread).
 */
final class CredentialVerifier {

  static final int CACHE_CAPACITY = 10_000;

  /** What one check found. */
  enum Result {
    ACCEPTED,
    UNKNOWN_USER,
    WRONG_PASSWORD,
    DISABLED_USER,
    /** The verification pool was full: nothing was decided. */
    BUSY,
    /** The client already has {@link ClientVerifications#PER_CLIENT} verifications in flight. */
    CLIENT_BUSY
  }

  private final KeyedFingerprint fingerprints = KeyedFingerprint.withRandomKey();
  private final BoundedSet<KeyedFingerprint.Fingerprint> right = new BoundedSet<>(CACHE_CAPACITY);
  private final BoundedSet<KeyedFingerprint.Fingerprint> wrong = new BoundedSet<>(CACHE_CAPACITY);
  private final PasswordHash decoy;
  private final VerificationPool pool;
  private final LongAdder slowVerifications = new LongAdder();
  private final HashCosts costs = HashCosts.machine();
  private final ClientVerifications perClient = new ClientVerifications();
  /** Checks waiting or running, by credentials; bounded by the pool's queue and threads. */
  private final Map<KeyedFingerprint.Fingerprint, CompletableFuture<Result>> pending =
      new ConcurrentHashMap<>();

  CredentialVerifier(PasswordHash decoy, VerificationPool pool) {
    this.decoy = decoy;
    this.pool = pool;
  }

  /**
   * Checks {@code password} for {@code user} in {@code space}. Leaves {@code password} unchanged (a
   * miss works on its own copy, wiped when done). Never blocks; the future never fails.
   *
   * <p>A miss that fails (an unknown user or a wrong password) is answered no sooner than the
   * realm's slowest verification would have taken, counted from this call: in a realm that mixes
   * a fast format ({@code {SHA}}) with a slow one (bcrypt), a wrong {@code {SHA}} password and an
   * unknown user both take about the bcrypt time, so timing tells neither which names exist nor
   * which format a user's hash is in. The wait is a timer, never a sleeping thread.
   */
  CompletableFuture<Result> verify(ProtectionSpace space, String user, char[] password) {
    return verify(space, user, password, "");
  }

  /**
   * {@link #verify(ProtectionSpace, String, char[])} for a request from {@code client} (an address,
   * or empty when unknown): a miss beyond the client's {@link ClientVerifications#PER_CLIENT}
   * verifications in flight is answered {@link Result#CLIENT_BUSY} at once, nothing checked.
   */
  CompletableFuture<Result> verify(
      ProtectionSpace space, String user, char[] password, String client) {
    Account account = space.account(user);
    boolean usable = account != null && account.hash() != null;
    String context = usable ? account.stored() : "unknown\0" + space.name();
    KeyedFingerprint.Fingerprint key = fingerprints.of(context, user, password);
    if (usable && right.contains(key)) {
      return CompletableFuture.completedFuture(
          account.enabled() ? Result.ACCEPTED : Result.DISABLED_USER);
    }
    if (wrong.contains(key)) {
      return CompletableFuture.completedFuture(
          account == null ? Result.UNKNOWN_USER : Result.WRONG_PASSWORD);
    }
    // the same credentials already being checked (a client opening several connections at once):
    // share that check rather than run another or count it against the client's bound
    CompletableFuture<Result> running = pending.get(key);
    if (running != null) {
      return running;
    }
    if (!perClient.tryTake(client)) {
      return CompletableFuture.completedFuture(Result.CLIENT_BUSY);
    }
    CompletableFuture<Result> answer = new CompletableFuture<>();
    CompletableFuture<Result> raced = pending.putIfAbsent(key, answer);
    if (raced != null) {
      perClient.giveBack(client);
      return raced;
    }
    long started = System.nanoTime();
    char[] copy = password.clone();
    pool.submit(() -> {
          try {
            // Unknown users and unusable hashes are checked against the realm's slowest hash,
            // so they cost what its dearest wrong password costs; a match there means nothing,
            // hence "&& usable".
            PasswordHash against =
                usable ? account.hash() : costs.slowest(space, decoy).hash();
            slowVerifications.increment();
            long checking = System.nanoTime();
            boolean matches = against.matches(copy) && usable;
            costs.observe(against, System.nanoTime() - checking);
            (matches ? right : wrong).add(key);
            Result result;
            if (account == null) {
              result = Result.UNKNOWN_USER;
            } else if (!matches) {
              result = Result.WRONG_PASSWORD;
            } else {
              result = account.enabled() ? Result.ACCEPTED : Result.DISABLED_USER;
            }
            // a right password is never held back, nor made to measure the realm's hash costs
            return matches
                ? CompletableFuture.completedFuture(result)
                : notBefore(started + costs.slowest(space, decoy).nanos(), result);
          } finally {
            Arrays.fill(copy, '\0');
            perClient.giveBack(client);
          }
        })
        .exceptionally(refused -> {
          if (refused
              instanceof RejectedExecutionException) { // never ran: its finally did not either
            Arrays.fill(copy, '\0');
            perClient.giveBack(client);
          }
          return CompletableFuture.completedFuture(Result.BUSY);
        })
        .thenCompose(result -> result)
        .whenComplete((result, failure) -> {
          pending.remove(key, answer);
          answer.complete(failure == null ? result : Result.BUSY);
        });
    return answer;
  }

  /** {@code result}, completed at {@code deadline} ({@link System#nanoTime()}) or at once if past. */
  private static CompletableFuture<Result> notBefore(long deadline, Result result) {
    long wait = deadline - System.nanoTime();
    if (wait <= 0) {
      return CompletableFuture.completedFuture(result);
    }
    // the JDK's delay thread completes the future itself: no pool thread waits, and completing
    // only hands the answer to the connection's event loop
    return CompletableFuture.supplyAsync(
        () -> result, CompletableFuture.delayedExecutor(wait, TimeUnit.NANOSECONDS, Runnable::run));
  }

  /**
   * What an unknown user's password is checked against: the realm's slowest hash, so the cost
   * matches its dearest format (an htpasswd realm of bcrypt users costs bcrypt), else the PBKDF2
   * decoy. May measure hash costs: verifier threads and tests only.
   */
  PasswordHash standIn(ProtectionSpace space) {
    return costs.slowest(space, decoy).hash();
  }

  /** How many slow hash verifications ran: for tests that watch the cache work. */
  long slowVerifications() {
    return slowVerifications.sum();
  }
}
