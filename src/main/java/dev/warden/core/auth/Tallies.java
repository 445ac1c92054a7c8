package dev.warden.core.auth;

import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Failure times of a bounded number of keys of one kind (client addresses, or user names), the
 * oldest key forgotten first: the {@link FailureLedger}'s memory. Thread-safe; any thread.
 */
final class Tallies {
  private final int capacity;
  private final Map<LockoutKey, Tally> byKey = new ConcurrentHashMap<>();
  private final Queue<LockoutKey> arrival = new ConcurrentLinkedQueue<>();

  Tallies(int capacity) {
    this.capacity = capacity;
  }

  /** Adds a failure to the key's ring of {@code slots} (grown when its realm's thresholds rose). */
  int record(LockoutKey key, long now, Duration window, int slots) {
    Tally tally = byKey.get(key);
    if (tally != null && tally.slots() < slots) {
      Tally grown = tally.grownTo(slots);
      tally = byKey.replace(key, tally, grown) ? grown : byKey.get(key);
    }
    if (tally == null) {
      Tally fresh = new Tally(slots);
      tally = byKey.putIfAbsent(key, fresh);
      if (tally == null) {
        tally = fresh;
        arrival.add(key);
        evictBeyondCapacity();
      }
    }
    tally.add(now);
    return tally.count(now, window.toMillis());
  }

  int count(LockoutKey key, long now, Duration window) {
    Tally tally = byKey.get(key);
    return tally == null ? 0 : tally.count(now, window.toMillis());
  }

  /** Starts the key's count again; returns the count it had. */
  int clear(LockoutKey key, long now, Duration window) {
    Tally tally = byKey.get(key);
    if (tally == null) {
      return 0;
    }
    int had = tally.count(now, window.toMillis());
    tally.clear();
    return had;
  }

  void forget(LockoutKey key) {
    Tally tally = byKey.get(key);
    if (tally != null) {
      tally.clear(); // kept in place: removing it would leave its key queued twice on return
    }
  }

  int size() {
    return byKey.size();
  }

  boolean isEmpty() {
    return byKey.isEmpty();
  }

  private void evictBeyondCapacity() {
    while (byKey.size() > capacity) {
      LockoutKey oldest = arrival.poll();
      if (oldest == null) {
        return;
      }
      byKey.remove(oldest);
    }
  }
}
