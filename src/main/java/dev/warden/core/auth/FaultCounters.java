package dev.warden.core.auth;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the session fault knobs remember: authenticated requests per realm, client and user, when
 * each was first accepted, and accepted uses per Digest nonce. Bounded: past {@link #MAX_KEYS} keys
 * a map is cleared, which only restarts the counting. Thread-safe; never blocks.
 */
final class FaultCounters {

  static final int MAX_KEYS = 10_000;

  private final ConcurrentHashMap<String, AtomicLong> requests = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Instant> firstAccepted = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, AtomicLong> nonceUses = new ConcurrentHashMap<>();

  /** Counts one more authenticated request of {@code key}; returns the count so far. */
  long request(String key) {
    bound(requests);
    return requests.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
  }

  /** When {@code key} was first accepted (now, if it never was). */
  Instant firstAccepted(String key, Instant now) {
    bound(firstAccepted);
    return firstAccepted.computeIfAbsent(key, k -> now);
  }

  /** Forgets when {@code key} was accepted: its next acceptance starts a new period. */
  void expire(String key) {
    firstAccepted.remove(key);
  }

  /** Counts one more accepted use of {@code nonce}; returns the count so far. */
  long nonceUse(String nonce) {
    bound(nonceUses);
    return nonceUses.computeIfAbsent(nonce, k -> new AtomicLong()).incrementAndGet();
  }

  /** How many keys are held in all (for the bound's test). */
  int size() {
    return requests.size() + firstAccepted.size() + nonceUses.size();
  }

  private static void bound(ConcurrentHashMap<String, ?> map) {
    if (map.size() >= MAX_KEYS) {
      map.clear();
    }
  }
}
