package dev.warden.core.traffic;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The bounded record of recent exchanges: the only buffer between the network threads and every
 * reader (window, access log), so memory stays bounded even when a reader stalls.
 *
 * <p>Thread-safety: {@link #record} is lock-free and O(1) and may be called from any thread, in
 * particular from network threads; when the log is full the oldest exchange is overwritten and
 * counted as dropped. Readers take copies with {@link #since} or {@link #snapshot}.
 *
 * <p>Each recorded exchange gets a position: 0 for the first ever, increasing by one. A reader keeps
 * the position after the last exchange it saw (its cursor) and asks {@link #since(long, int)} for
 * what came after; exchanges overwritten before it asked are simply missing from the answer.
 */
public final class TrafficLog {

  private final int capacity;
  private final AtomicReferenceArray<Slot> ring;
  private final AtomicLong nextPosition = new AtomicLong();
  private final AtomicLong nextId = new AtomicLong(1);
  private final AtomicLong clearedBefore = new AtomicLong();
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  private record Slot(long position, Exchange exchange) {}

  /** A log that keeps the latest {@code capacity} exchanges. */
  public TrafficLog(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("traffic log capacity must be at least 1, was " + capacity);
    }
    this.capacity = capacity;
    this.ring = new AtomicReferenceArray<>(capacity);
  }

  public int capacity() {
    return capacity;
  }

  /** A fresh exchange id. Any thread. */
  public long newId() {
    return nextId.getAndIncrement();
  }

  /**
   * Appends an exchange, overwriting the oldest when full, then calls each listener on this thread.
   * Never blocks. Any thread.
   */
  public void record(Exchange exchange) {
    long position = nextPosition.getAndIncrement();
    ring.set((int) (position % capacity), new Slot(position, exchange));
    for (Runnable listener : listeners) {
      listener.run();
    }
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

  /** Position the next recorded exchange will get: a cursor that reads only what comes after now. */
  public long end() {
    return totalRecorded();
  }

  /** Exchanges ever recorded, including dropped and cleared ones. */
  public long totalRecorded() {
    return nextPosition.get();
  }

  /** Exchanges overwritten because the log was full. */
  public long dropped() {
    return Math.max(0, nextPosition.get() - capacity);
  }

  /**
   * Up to {@code max} exchanges recorded at or after {@code cursor}, oldest first. Copies; any thread.
   * The next cursor is the returned batch's {@link Batch#next()}.
   */
  public Batch since(long cursor, int max) {
    long end = nextPosition.get();
    long floor = Math.max(cursor, clearedBefore.get());
    long from = Math.max(floor, end - capacity);
    long to = Math.min(end, from + Math.max(0, max));
    List<Exchange> out = new ArrayList<>((int) Math.max(0, to - from));
    long p = from;
    for (; p < to; p++) {
      Slot slot = ring.get((int) (p % capacity));
      if (slot == null || slot.position() < p) {
        break; // claimed by a writer that has not stored it yet: read it next time
      }
      if (slot.position() == p) {
        out.add(slot.exchange());
      }
    }
    return new Batch(out, p, Math.max(0, from - floor));
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
   * @param missed exchanges after the cursor that were overwritten before this read
   */
  public record Batch(List<Exchange> exchanges, long next, long missed) {
    public Batch {
      exchanges = List.copyOf(exchanges);
    }
  }
}
