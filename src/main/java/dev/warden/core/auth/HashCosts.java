package dev.warden.core.auth;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How long one verification of each {@linkplain PasswordHash#costClass() cost class} takes on this
 * machine: measured the first time a class is asked for (one check of a random password), then
 * kept current from the verifications that really run (a moving average, so the
 * figure follows the machine's load). What {@link CredentialVerifier} pads a realm's misses to.
 *
 * <p>One table per process: the cost of a class is a property of the machine, not of a policy.
 * Thread-safe and lock-free; {@link #nanos} may hash (milliseconds), so it is called on verifier
 * threads only, never on a network thread. Two threads measuring one class at once is harmless.
 */
final class HashCosts {

  /** The share of each new observation in the moving average. */
  private static final double WEIGHT = 0.2;

  private static final HashCosts MACHINE = new HashCosts();

  private final Map<String, AtomicLong> byClass = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();

  /** The process-wide table. */
  static HashCosts machine() {
    return MACHINE;
  }

  /** The time one verification against {@code hash} takes, in nanoseconds; measures it if unknown. */
  long nanos(PasswordHash hash) {
    AtomicLong known = byClass.get(hash.costClass());
    if (known != null) {
      return known.get();
    }
    long measured = timeOneCheck(hash);
    AtomicLong raced = byClass.putIfAbsent(hash.costClass(), new AtomicLong(measured));
    return raced == null ? measured : raced.get();
  }

  /** Feeds the time a real verification against {@code hash} took into its class's average. */
  void observe(PasswordHash hash, long nanos) {
    AtomicLong known = byClass.get(hash.costClass());
    if (known == null) {
      byClass.putIfAbsent(hash.costClass(), new AtomicLong(nanos));
      return;
    }
    known.getAndUpdate(average -> Math.round(average * (1 - WEIGHT) + nanos * WEIGHT));
  }

  /**
   * The hash of {@code space} slowest to verify and its cost: an unknown user is checked against it
   * and every miss of the realm is answered no sooner. Scans the realm's users (a miss already costs
   * a slow hash); each class is measured once.
   */
  Slowest slowest(ProtectionSpace space, PasswordHash fallback) {
    PasswordHash slowest = null;
    long cost = -1;
    Map<String, Boolean> seen = new HashMap<>();
    for (Account account : space.accounts().values()) {
      PasswordHash hash = account.hash();
      if (hash == null || seen.putIfAbsent(hash.costClass(), Boolean.TRUE) != null) {
        continue;
      }
      long nanos = nanos(hash);
      if (nanos > cost) {
        slowest = hash;
        cost = nanos;
      }
    }
    return slowest == null ? new Slowest(fallback, nanos(fallback)) : new Slowest(slowest, cost);
  }

  /** A realm's slowest hash and what one check of it costs. */
  record Slowest(PasswordHash hash, long nanos) {}

  private long timeOneCheck(PasswordHash hash) {
    char[] guess = new char[16];
    for (int i = 0; i < guess.length; i++) {
      guess[i] = (char) ('a' + random.nextInt(26));
    }
    long start = System.nanoTime();
    hash.matches(guess);
    return System.nanoTime() - start;
  }
}
