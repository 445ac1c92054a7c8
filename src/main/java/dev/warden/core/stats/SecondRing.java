package dev.warden.core.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts per category for each of the last {@code seconds} seconds: a ring of buckets indexed by
 * epoch second modulo its size. Memory is fixed: a second older than the ring is forgotten when its
 * slot is reused.
 *
 * <p>Threads: {@link #add} is lock-free and never blocks (network threads call it). A slot is
 * reused by swapping in a fresh bucket with a compare-and-set, never by resetting counters in place,
 * so a writer can never lose a count to another writer's reset: each writer adds to the bucket whose
 * second it checked. An add for a second already overwritten (a writer more than the ring's length
 * late, or a clock that went back that far) is not counted per second. {@link #last} reads from any
 * thread; a bucket being added to while read gives a count at least as large as any add that
 * returned before the read began.
 */
final class SecondRing {

  private final AtomicReferenceArray<Bucket> ring;
  private final int size;

  /** One second's counts, one {@link LongAdder} per category. */
  private static final class Bucket {
    final long second;
    final LongAdder[] counts = new LongAdder[AuthCategory.values().length];

    Bucket(long second) {
      this.second = second;
      for (int i = 0; i < counts.length; i++) {
        counts[i] = new LongAdder();
      }
    }
  }

  SecondRing(int seconds) {
    if (seconds < 1) {
      throw new IllegalArgumentException("the ring needs at least one second, was " + seconds);
    }
    this.size = seconds;
    this.ring = new AtomicReferenceArray<>(seconds);
  }

  /** Counts one exchange of {@code category} in {@code epochSecond}. Never blocks; any thread. */
  void add(long epochSecond, AuthCategory category) {
    int index = index(epochSecond);
    while (true) {
      Bucket bucket = ring.get(index);
      if (bucket != null && bucket.second == epochSecond) {
        bucket.counts[category.ordinal()].increment();
        return;
      }
      if (bucket != null && bucket.second > epochSecond) {
        return; // this second was already forgotten: too late to count it per second
      }
      Bucket fresh = new Bucket(epochSecond);
      if (ring.compareAndSet(index, bucket, fresh)) {
        fresh.counts[category.ordinal()].increment();
        return;
      }
      // another writer replaced the bucket first: look again
    }
  }

  /**
   * The {@code count} seconds ending with {@code nowEpochSecond}, oldest first, zeros for seconds
   * nothing was counted in (or already forgotten). {@code count} is capped at the ring's size.
   */
  List<StatsSnapshot.Second> last(long nowEpochSecond, int count) {
    int n = Math.min(count, size);
    List<StatsSnapshot.Second> out = new ArrayList<>(n);
    for (long s = nowEpochSecond - n + 1; s <= nowEpochSecond; s++) {
      Bucket bucket = ring.get(index(s));
      if (bucket != null && bucket.second == s) {
        out.add(new StatsSnapshot.Second(
            s,
            sum(bucket, AuthCategory.CHALLENGED),
            sum(bucket, AuthCategory.AUTHENTICATED),
            sum(bucket, AuthCategory.REFUSED),
            sum(bucket, AuthCategory.NOT_JUDGED)));
      } else {
        out.add(new StatsSnapshot.Second(s, 0, 0, 0, 0));
      }
    }
    return out;
  }

  int size() {
    return size;
  }

  private static long sum(Bucket bucket, AuthCategory category) {
    return bucket.counts[category.ordinal()].sum();
  }

  private int index(long epochSecond) {
    return (int) Math.floorMod(epochSecond, (long) size);
  }
}
