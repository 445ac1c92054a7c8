package dev.warden.core.traffic;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * The bounded record of recent exchanges: the only buffer between the network threads and every
 * reader (window, access log), so memory stays bounded even when a reader stalls.
 *
 * <p>Each recorded exchange gets a position: 0 for the first ever, increasing by one. Its id is its
 * position + 1, so ids start at 1 and a gap in ids is a gap in the log. A reader keeps the position
 * after the last exchange it saw (its cursor) and asks {@link #since(long, int)} for what came after.
 * Every position after the cursor is either returned or counted in {@link Batch#missed()}, except
 * positions forgotten by {@link #clear()}.
 *
 * <p>Thread-safety: {@link #record} is lock-free and may be called from any thread, in particular
 * from network threads; it never waits for a reader. Readers take copies with {@link #since} or
 * {@link #snapshot}, also lock-free.
 *
 * <p>How the ring stays right under wrap: a writer first claims a position (one atomic increment),
 * then stores the exchange (whose id tells its position) into slot {@code position % capacity}
 * with a compare-and-set that succeeds only while the slot holds an older position. A writer delayed
 * between claim and store therefore never overwrites a newer exchange: if the ring wrapped over its
 * slot meanwhile, its exchange is dropped, and it is already counted in {@link #dropped()} (a newer
 * position in its slot means it is more than {@code capacity} behind the end). A reader that finds
 * an older position than it asked for knows the position is claimed but not stored yet (in flight)
 * and stops there; a newer position means the one asked for was overwritten: it is counted as missed.
 *
 * <p>Why not a lock: measured with 2 writers and 1 reader on a 2-core machine ({@code
 * dev.warden.bench.TrafficLogRingMeasurement} in the test sources), a bare locked ring was
 * 0.58 to 1.76 times this ring's throughput depending on the run, but a locked log that keeps the
 * caller's code out of its lock (it must copy the exchange to set the id) reached only 0.30 to 0.61,
 * e.g. 8.7 M against 27.5 M records/s, and writers behind the lock saw 5 to 20 times more records
 * slower than 10 us, waiting for each other and for the reader's copy.
 */
public final class TrafficLog {

  /** Body bytes the log keeps across all its exchanges unless told otherwise: 64 MiB. */
  public static final long DEFAULT_BODY_BUDGET = 64L * 1024 * 1024;

  private final int capacity;
  private final long bodyBudget;
  /** Slot {@code position % capacity} holds the {@link Exchange} of that position, or a {@link Lost}. */
  private final AtomicReferenceArray<Object> ring;

  private final AtomicLong nextPosition = new AtomicLong();
  private final AtomicLong clearedBefore = new AtomicLong();
  /** Body bytes kept: of every exchange in the ring, plus those of writers about to store. */
  private final AtomicLong keptBodyBytes = new AtomicLong();
  /** Positions before this keep no body bytes (released, overwritten, or never had any). */
  private final AtomicLong releasedBefore = new AtomicLong();

  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<Exchange>> observers = new CopyOnWriteArrayList<>();

  /** A position whose exchange could not be built: readers count it as missed. */
  private record Lost(long position) {}

  /** The position a slot's content was written for: an exchange's id is its position + 1. */
  private static long positionOf(Object stored) {
    return stored instanceof Exchange e ? e.id() - 1 : ((Lost) stored).position();
  }

  /** A log that keeps the latest {@code capacity} exchanges and {@link #DEFAULT_BODY_BUDGET}. */
  public TrafficLog(int capacity) {
    this(capacity, DEFAULT_BODY_BUDGET);
  }

  /**
   * A log that keeps the latest {@code capacity} exchanges, and of their bodies at most {@code
   * bodyBudgetBytes} bytes in all (0: keep no body bytes). See {@link #record} for which go.
   */
  public TrafficLog(int capacity, long bodyBudgetBytes) {
    if (capacity < 1) {
      throw new IllegalArgumentException(
          "traffic log capacity must be at least 1, was " + capacity);
    }
    if (bodyBudgetBytes < 0) {
      throw new IllegalArgumentException(
          "traffic log body budget must not be negative, was " + bodyBudgetBytes);
    }
    this.capacity = capacity;
    this.bodyBudget = bodyBudgetBytes;
    this.ring = new AtomicReferenceArray<>(capacity);
  }

  public int capacity() {
    return capacity;
  }

  /** The most body bytes the log keeps across all its exchanges, once no record is under way. */
  public long bodyBudget() {
    return bodyBudget;
  }

  /**
   * Body bytes the log keeps now: never below zero; over {@link #bodyBudget()} only by the bodies of
   * records under way, which release the oldest bodies before they return. Any thread.
   */
  public long keptBodyBytes() {
    return keptBodyBytes.get();
  }

  /**
   * Appends an exchange, overwriting the oldest when full, then calls each listener on this thread.
   * The log assigns the id: {@code build} gets it and must return an exchange with exactly that id.
   * {@code build} runs between claiming the position and storing it, so it must be quick (it is on
   * every reader's path to that position). If it throws, the position stays empty for good (readers
   * count it as missed) and the exception propagates. Never blocks. Any thread.
   *
   * <p>Body budget: when the new exchange's kept body bytes take the log over {@link #bodyBudget()},
   * the bodies of the oldest exchanges are released first: they stay in the log, their previews
   * {@link BodyPreview#droppedForMemory()}, so the newest exchanges, the ones most likely to be
   * looked at, keep theirs. An exchange whose bodies alone exceed the budget is recorded without
   * them instead of emptying everyone else's. An overwritten exchange gives its bytes back. Releasing
   * is lock-free (a CAS per slot, by the writer that went over) and amortised O(1): the scan starts
   * after the positions known to hold no body bytes.
   *
   * @return the id of the recorded exchange
   */
  public long record(LongFunction<Exchange> build) {
    long position = nextPosition.getAndIncrement();
    long id = position + 1;
    Exchange exchange;
    try {
      exchange = build.apply(id);
      if (exchange == null || exchange.id() != id) {
        throw new IllegalArgumentException(
            "the traffic log assigns ids: expected an exchange with id " + id + ", got "
                + exchange);
      }
    } catch (RuntimeException | Error e) {
      storeCounted(position, new Lost(position), 0); // readers count it missed, not wait for it
      throw e;
    }
    long bytes = exchange.keptBodyBytes();
    if (bytes > bodyBudget) {
      exchange = exchange.withBodiesReleased();
      bytes = 0;
    }
    storeCounted(position, exchange, bytes);
    if (keptBodyBytes.get() > bodyBudget) {
      releaseOldestBodies();
    }
    for (Consumer<Exchange> observer : observers) {
      observer.accept(exchange);
    }
    for (Runnable listener : listeners) {
      listener.run();
    }
    return id;
  }

  /**
   * Stores {@code fresh} for {@code position} unless its slot already holds a newer position (its
   * writer was delayed and the ring wrapped over it: the exchange is dropped, see the class comment).
   * Returns what it replaced (null for an empty slot), or {@link #REJECTED} if it did not store.
   */
  private Object store(long position, Object fresh) {
    int index = index(position);
    while (true) {
      Object current = ring.get(index);
      if (current != null && positionOf(current) > position) {
        return REJECTED;
      }
      if (ring.compareAndSet(index, current, fresh)) {
        return current;
      }
    }
  }

  private static final Object REJECTED = new Object();

  /**
   * Stores with the body accounting: the new bytes are counted before they become visible, so
   * whoever later releases or overwrites them (and subtracts) can never take the total below zero;
   * an overwritten exchange's bytes are given back, a rejected store's own bytes too.
   */
  private void storeCounted(long position, Object fresh, long bytes) {
    if (bytes > 0) {
      keptBodyBytes.addAndGet(bytes);
    }
    Object displaced = store(position, fresh);
    if (displaced == REJECTED) {
      if (bytes > 0) {
        keptBodyBytes.addAndGet(-bytes);
      }
    } else if (displaced instanceof Exchange overwritten) {
      long given = overwritten.keptBodyBytes();
      if (given > 0) {
        keptBodyBytes.addAndGet(-given);
      }
    }
  }

  /**
   * Releases the oldest exchanges' bodies until the log is within its budget, or every position
   * up to the end was looked at (bytes of writers still storing are theirs to release: each writer
   * checks the budget after its own store). Each release is a CAS of the slot from the exchange to
   * its copy without bodies; whoever wins the CAS subtracts, so no byte is given back twice.
   */
  private void releaseOldestBodies() {
    long end = nextPosition.get();
    long p = Math.max(releasedBefore.get(), end - capacity);
    long settled = p;
    boolean contiguous = true;
    for (; p < end && keptBodyBytes.get() > bodyBudget; p++) {
      int index = index(p);
      while (true) {
        Object stored = ring.get(index);
        long at = stored == null ? -1 : positionOf(stored);
        if (at < p) {
          contiguous = false; // in flight: it may still bring bytes, so the scan must come back
          break;
        }
        if (at > p || !(stored instanceof Exchange held) || held.keptBodyBytes() == 0) {
          break; // overwritten, lost, or nothing to release
        }
        if (ring.compareAndSet(index, stored, held.withBodiesReleased())) {
          keptBodyBytes.addAndGet(-held.keptBodyBytes());
          break;
        }
        // overwritten or released meanwhile: look again
      }
      if (contiguous) {
        settled = p + 1;
      }
    }
    releasedBefore.accumulateAndGet(settled, Math::max);
  }

  private int index(long position) {
    return (int) (position % capacity);
  }

  /**
   * Registers a callback run after every {@link #record}, on the recording (often a network)
   * thread: it must return at once, e.g. by setting a flag or scheduling work elsewhere.
   *
   * @return an action that removes the listener
   */
  public Runnable onRecorded(Runnable listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /**
   * Registers an observer given every exchange {@link #record} stores, on the recording (often a
   * network) thread, before the {@link #onRecorded} listeners: for counters that must see every
   * exchange, even those the ring overwrites before a reader gets to them. It must return at once
   * and never block (lock-free counters).
   *
   * @return an action that removes the observer
   */
  public Runnable onEachRecorded(Consumer<Exchange> observer) {
    observers.add(observer);
    return () -> observers.remove(observer);
  }

  /** Position the next recorded exchange will get: a cursor that reads only what comes after now. */
  public long end() {
    return totalRecorded();
  }

  /** Exchanges ever recorded, including dropped and cleared ones. */
  public long totalRecorded() {
    return nextPosition.get();
  }

  /**
   * Exchanges overwritten because the log was full: every position more than {@code capacity}
   * behind the end, including those whose delayed writer found its slot already taken by a newer one.
   */
  public long dropped() {
    return Math.max(0, nextPosition.get() - capacity);
  }

  /**
   * Up to {@code max} positions at or after {@code cursor}, oldest first: the exchanges still held,
   * and a count of those overwritten. Stops early at a position claimed but not stored yet, which
   * the next read from {@link Batch#next()} returns. Copies; any thread.
   */
  public Batch since(long cursor, int max) {
    long end = nextPosition.get();
    long floor = Math.max(cursor, clearedBefore.get());
    long from = Math.max(floor, end - capacity);
    long to = Math.min(end, from + Math.max(0, max));
    long missed = Math.max(0, from - floor);
    List<Exchange> out = new ArrayList<>((int) Math.max(0, to - from));
    long p = from;
    for (; p < to; p++) {
      Object stored = ring.get(index(p));
      long at = stored == null ? -1 : positionOf(stored);
      if (at < p) {
        break; // claimed by a writer that has not stored it yet: read it next time
      }
      if (at == p && stored instanceof Exchange exchange) {
        out.add(exchange);
      } else {
        missed++; // overwritten since `end` was read, or its writer failed to build it
      }
    }
    return new Batch(out, p, missed);
  }

  /** Everything the log holds now, oldest first. */
  public List<Exchange> snapshot() {
    return since(0, capacity).exchanges();
  }

  /** Forgets what is held now; positions keep increasing. Any thread. */
  public void clear() {
    clearedBefore.set(nextPosition.get());
  }

  /**
   * A read from the log.
   *
   * @param exchanges the exchanges, oldest first
   * @param next the cursor to pass next time
   * @param missed positions after the cursor (and before {@code next}) whose exchanges were
   *     overwritten, or never stored, before this read
   */
  public record Batch(List<Exchange> exchanges, long next, long missed) {
    public Batch {
      exchanges = List.copyOf(exchanges);
    }
  }
}
