package dev.warden.cli;

import dev.warden.core.traffic.TrafficLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Writes one {@link AccessLogLine} per recorded exchange, on a thread of its own.
 *
 * <p>Threads: the traffic log's listener runs on network threads, so it only sets a flag and, when
 * the writer is idle, unparks it: it never formats, blocks or allocates. The writer thread reads {@link TrafficLog#since}
 * batches from its own cursor; the traffic log is the only buffer, so when the writer falls behind by
 * more than the log holds, the overwritten exchanges are reported as one {@code # N exchanges dropped
 * ...} line instead of queueing without bound. Output is buffered and flushed once per batch; under
 * load a batch gathers for up to {@link #BUSY_INTERVAL}.
 */
public final class AccessLog implements AutoCloseable {

  /** Exchanges taken per read: big enough to amortise the flush, small enough to keep latency. */
  static final int BATCH = 512;

  /** How long a busy writer lets lines gather before the next write: the log's added latency. */
  static final Duration BUSY_INTERVAL = Duration.ofMillis(20);

  private final TrafficLog traffic;
  private final Writer out;
  private final Thread writer;
  private final Runnable unsubscribe;
  private final AtomicBoolean pending = new AtomicBoolean();
  private volatile boolean closing;
  private long cursor;

  private AccessLog(TrafficLog traffic, Writer out, long cursor) {
    this.traffic = traffic;
    this.out = out;
    this.cursor = cursor;
    this.writer = new Thread(this::run, "warden-access-log");
    this.writer.setDaemon(true);
    this.unsubscribe = traffic.onRecorded(this::wake);
  }

  /**
   * Starts logging every exchange recorded from position {@code cursor} on (0: everything the log
   * still holds).
   *
   * @param out where lines go; the caller should pass a buffered writer, flushed here per batch
   */
  public static AccessLog start(TrafficLog traffic, Writer out, long cursor) {
    AccessLog log = new AccessLog(Objects.requireNonNull(traffic), Objects.requireNonNull(out), cursor);
    log.writer.start();
    log.wake();
    return log;
  }

  /**
   * Called on network threads after each record: O(1), never blocks. Only the first record after the
   * writer went idle pays for an unpark; while the writer is busy, {@code pending} stays set and this
   * is a single read.
   */
  private void wake() {
    if (!pending.get() && !pending.getAndSet(true)) {
      LockSupport.unpark(writer);
    }
  }

  /**
   * While traffic flows the writer drains, then sleeps {@link #BUSY_INTERVAL} with {@code pending}
   * still set, so network threads do not wake it for every exchange and each flush carries many
   * lines. When a drain finds nothing it clears {@code pending}, drains once more (an exchange
   * recorded just before the clear would otherwise wait for the next one) and parks until woken.
   */
  private void run() {
    try {
      while (!closing) {
        if (drain() > 0) {
          LockSupport.parkNanos(this, BUSY_INTERVAL.toNanos());
          continue;
        }
        pending.set(false);
        if (drain() == 0 && !closing) {
          LockSupport.park(this);
        }
      }
    } catch (UncheckedIOException stdoutGone) {
      // nothing to tell: the stream the log would be told on is the one that failed
    }
  }

  /**
   * Writes everything recorded so far, one flush per batch; returns how many exchanges it read.
   * Writer thread (or close, after join).
   */
  private long drain() {
    long start = cursor;
    try {
      while (true) {
        TrafficLog.Batch batch = traffic.since(cursor, BATCH);
        if (batch.next() == cursor && batch.missed() == 0) {
          return cursor - start;
        }
        if (batch.missed() > 0) {
          out.write("# " + batch.missed() + " exchanges dropped before they could be logged\n");
        }
        for (var exchange : batch.exchanges()) {
          out.write(AccessLogLine.of(exchange));
          out.write('\n');
        }
        out.flush();
        cursor = batch.next();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Stops listening, writes what was recorded until now and flushes. Waits for the writer thread at
   * most {@code timeout}. Any thread except the writer's; idempotent.
   */
  public void close(Duration timeout) {
    if (closing) {
      return;
    }
    unsubscribe.run();
    closing = true;
    LockSupport.unpark(writer);
    try {
      writer.join(Math.max(1, timeout.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!writer.isAlive()) {
      try {
        drain();
      } catch (UncheckedIOException stdoutGone) {
        // see run()
      }
    }
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(2));
  }
}
