package dev.warden.core.traffic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Hands every exchange the {@link TrafficLog} records, in order, to a {@link Sink} on a daemon thread
 * of its own: what the access log and a HAR recording share.
 *
 * <p>Threads: the log's listener runs on network threads, so it only sets a flag and, when the
 * follower is idle, unparks it: it never formats, blocks or allocates. The follower reads
 * {@link TrafficLog#since} batches from its own cursor; the traffic log is the only buffer, so a
 * follower that falls behind by more than the log holds is told how many it missed instead of
 * anything queueing without bound. While traffic flows it drains, then lets records gather for the
 * busy interval (the latency it adds), so each batch carries many. {@link #stop} and
 * {@link #drainRest} run on any other thread.
 */
public final class TrafficFollower {

  /** Exchanges taken per read: big enough to amortise a flush, small enough to keep latency. */
  static final int BATCH = 512;

  /** Where the followed exchanges go; called on the follower's thread, in record order. */
  public interface Sink {
    /** {@code count} exchanges were overwritten before they could be read (only called when above 0). */
    void missed(long count) throws IOException;

    void exchange(Exchange exchange) throws IOException;

    /** The end of a batch: the moment to flush. */
    void batchEnd() throws IOException;
  }

  private final TrafficLog traffic;
  private final Sink sink;
  private final Duration busyInterval;
  private final Thread thread;
  private final Runnable unsubscribe;
  private final AtomicBoolean pending = new AtomicBoolean();
  private volatile boolean stopping;
  private volatile IOException failure;
  private long cursor;

  private TrafficFollower(
      TrafficLog traffic, long cursor, String threadName, Duration busyInterval, Sink sink) {
    this.traffic = Objects.requireNonNull(traffic);
    this.cursor = cursor;
    this.sink = Objects.requireNonNull(sink);
    this.busyInterval = Objects.requireNonNull(busyInterval);
    this.thread = new Thread(this::run, threadName);
    this.thread.setDaemon(true);
    this.unsubscribe = traffic.onRecorded(this::wake);
  }

  /** Starts following from position {@code cursor} (0: everything the log still holds). */
  public static TrafficFollower start(
      TrafficLog traffic, long cursor, String threadName, Duration busyInterval, Sink sink) {
    TrafficFollower follower = new TrafficFollower(traffic, cursor, threadName, busyInterval, sink);
    follower.thread.start();
    follower.wake();
    return follower;
  }

  /**
   * Called on network threads after each record: O(1), never blocks. Only the first record after the
   * follower went idle pays for an unpark; while it is busy, {@code pending} stays set and this is a
   * single read.
   */
  private void wake() {
    if (!pending.get() && !pending.getAndSet(true)) {
      LockSupport.unpark(thread);
    }
  }

  /**
   * When a drain finds nothing it clears {@code pending}, drains once more (an exchange recorded just
   * before the clear would otherwise wait for the next one) and parks until woken.
   */
  private void run() {
    try {
      while (!stopping) {
        if (drain() > 0) {
          LockSupport.parkNanos(this, busyInterval.toNanos());
          continue;
        }
        pending.set(false);
        if (drain() == 0 && !stopping) {
          LockSupport.park(this);
        }
      }
    } catch (UncheckedIOException e) {
      failure = e.getCause();
    }
  }

  /** Hands on everything recorded so far, batch by batch; returns how many exchanges it read. */
  private long drain() {
    long start = cursor;
    try {
      while (true) {
        TrafficLog.Batch batch = traffic.since(cursor, BATCH);
        if (batch.next() == cursor && batch.missed() == 0) {
          return cursor - start;
        }
        if (batch.missed() > 0) {
          sink.missed(batch.missed());
        }
        for (Exchange exchange : batch.exchanges()) {
          sink.exchange(exchange);
        }
        sink.batchEnd();
        cursor = batch.next();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Stops listening and waits for the thread at most {@code timeout}. Idempotent.
   *
   * @return whether the thread ended, so that {@link #drainRest} may run
   */
  public boolean stop(Duration timeout) {
    if (!stopping) {
      unsubscribe.run();
      stopping = true;
    }
    LockSupport.unpark(thread);
    try {
      thread.join(Math.max(1, timeout.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return !thread.isAlive();
  }

  /**
   * After {@link #stop} returned true: hands on what was recorded since the thread's last batch.
   *
   * @throws IOException what the sink threw, on the thread before or now
   * @throws IllegalStateException if the thread is still running
   */
  public void drainRest() throws IOException {
    if (thread.isAlive()) {
      throw new IllegalStateException("still following");
    }
    if (failure != null) {
      throw failure;
    }
    try {
      drain();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
