package dev.warden.core.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Requests, failures and last time seen per key (a user name, a client address), for at most
 * {@code capacity} keys: when a new key finds the table full, the least recently seen tenth is
 * evicted first, so a client inventing user names cannot grow it.
 *
 * <p>Threads: {@link #record} is lock-free and never waits for another thread (network threads call
 * it). A new key reserves a place with one atomic increment before it is put in the map, so the map
 * never holds more than {@code capacity} rows. A writer that finds no place after evicting a few
 * times (other writers keep taking the freed places) gives up and counts the request in {@link
 * #untabled()} instead of waiting. A request counted into a row at the moment that row is evicted is
 * lost with it. Evicting sorts the rows, once per {@code capacity / 10} new keys once full: amortised
 * O(log capacity) per new key, paid by the recording thread. {@link #rows} reads from any thread.
 */
final class PartyTable {

  private static final int ADMIT_ATTEMPTS = 4;

  private final int capacity;
  private final ConcurrentHashMap<String, Row> rows = new ConcurrentHashMap<>();
  private final AtomicInteger reserved = new AtomicInteger();
  private final LongAdder evicted = new LongAdder();
  private final LongAdder untabled = new LongAdder();

  private static final class Row {
    final String key;
    final LongAdder requests = new LongAdder();
    final LongAdder failures = new LongAdder();
    final AtomicLong lastSeen;

    Row(String key, long now) {
      this.key = key;
      this.lastSeen = new AtomicLong(now);
    }

    void hit(long now, boolean failed) {
      requests.increment();
      if (failed) {
        failures.increment();
      }
      // read first: a compare-and-set on every request made both network threads fight over this
      // one cache line (180 ns a hit, measured); the time moves on once a millisecond at most
      long seen = lastSeen.get();
      while (now > seen && !lastSeen.weakCompareAndSetVolatile(seen, now)) {
        seen = lastSeen.get();
      }
    }
  }

  PartyTable(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException(
          "the table needs room for at least one row, was " + capacity);
    }
    this.capacity = capacity;
  }

  /** Counts one request of {@code key} at {@code epochMillis}. Never blocks; any thread. */
  void record(String key, long epochMillis, boolean failed) {
    Row row = rows.get(key);
    if (row == null) {
      row = admit(key, epochMillis);
      if (row == null) {
        untabled.increment();
        return;
      }
    }
    row.hit(epochMillis, failed);
  }

  private Row admit(String key, long now) {
    for (int attempt = 0; attempt < ADMIT_ATTEMPTS; attempt++) {
      Row existing = rows.get(key);
      if (existing != null) {
        return existing;
      }
      if (reserved.incrementAndGet() <= capacity) {
        Row fresh = new Row(key, now);
        Row raced = rows.putIfAbsent(key, fresh);
        if (raced == null) {
          return fresh;
        }
        reserved.decrementAndGet();
        return raced;
      }
      reserved.decrementAndGet();
      evictLeastRecentlySeen();
    }
    return null;
  }

  /** Removes the least recently seen tenth of the rows (at least one). */
  private void evictLeastRecentlySeen() {
    List<Row> all = new ArrayList<>(rows.values());
    all.sort(Comparator.comparingLong(r -> r.lastSeen.get()));
    int wanted = Math.max(1, capacity / 10);
    for (int i = 0; i < Math.min(wanted, all.size()); i++) {
      Row old = all.get(i);
      if (rows.remove(old.key, old)) {
        reserved.decrementAndGet();
        evicted.increment();
      }
    }
  }

  /**
   * The rows now, most recently seen first, at most {@code capacity} of them. Copies; any thread.
   * The map never holds more than {@code capacity} rows, but a read while writers evict and add
   * may meet both a row being evicted and its replacement (the map's iteration is weakly
   * consistent): the least recently seen of such a read are left out.
   */
  List<StatsSnapshot.PartyRow> rows() {
    List<StatsSnapshot.PartyRow> out = new ArrayList<>(rows.size());
    for (Row r : rows.values()) {
      out.add(
          new StatsSnapshot.PartyRow(r.key, r.requests.sum(), r.failures.sum(), r.lastSeen.get()));
    }
    out.sort(Comparator.comparingLong(StatsSnapshot.PartyRow::lastSeenEpochMillis)
        .reversed()
        .thenComparing(StatsSnapshot.PartyRow::name));
    return out.size() > capacity ? List.copyOf(out.subList(0, capacity)) : out;
  }

  /** Rows held now (exact once no writer is under way). */
  int held() {
    return rows.size();
  }

  int capacity() {
    return capacity;
  }

  /** Rows evicted to make room, since this was made. */
  long evicted() {
    return evicted.sum();
  }

  /** Requests not counted in any row because no place could be found without waiting. */
  long untabled() {
    return untabled.sum();
  }
}
