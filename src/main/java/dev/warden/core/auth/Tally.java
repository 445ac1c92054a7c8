package dev.warden.core.auth;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The times of a key's latest failures, in a ring as long as the larger threshold: each failure
 * takes its own slot ({@code getAndIncrement}), so concurrent failures are all counted.
 */
final class Tally {
  private static final long EMPTY = Long.MIN_VALUE;
  private final AtomicLongArray times;
  private final AtomicLong next = new AtomicLong();

  Tally(int slots) {
    times = new AtomicLongArray(slots);
    clear();
  }

  int slots() {
    return times.length();
  }

  /** A longer ring holding this one's times (a failure recorded meanwhile may be missed). */
  Tally grownTo(int slots) {
    Tally grown = new Tally(slots);
    for (int i = 0; i < times.length(); i++) {
      if (times.get(i) != EMPTY) {
        grown.add(times.get(i));
      }
    }
    return grown;
  }

  void add(long now) {
    times.set((int) (next.getAndIncrement() % times.length()), now);
  }

  int count(long now, long windowMillis) {
    long since = now - windowMillis;
    int count = 0;
    for (int i = 0; i < times.length(); i++) {
      long time = times.get(i);
      if (time != EMPTY && time > since) {
        count++;
      }
    }
    return count;
  }

  void clear() {
    for (int i = 0; i < times.length(); i++) {
      times.set(i, EMPTY);
    }
  }
}
