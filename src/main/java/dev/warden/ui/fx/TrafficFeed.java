package dev.warden.ui.fx;

import dev.warden.core.traffic.TrafficLog;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The one bridge from the network threads to the FX thread for live traffic.
 *
 * <p>Network threads only flip a flag: {@link TrafficLog#onRecorded} schedules at most ONE pending
 * flush on the {@code fx} executor. The flush (on the FX thread) takes a capped batch from the log,
 * hands it to the sink, and reschedules itself while more is waiting. The log is the only buffer, so
 * memory stays bounded however far the FX thread falls behind: what the log overwrote meanwhile
 * arrives as {@link TrafficLog.Batch#missed()}.
 *
 * <p>Flushes are at least {@code minInterval} apart: under heavy traffic each flush then carries
 * many rows, so the O(rows) work of trimming the table is paid a few times a second rather than
 * every frame. The wait runs on one timer thread, never on a network thread.
 *
 * <p>Threads: {@link #start}, {@link #setPaused}, {@link #close} and the sink run on the FX thread
 * (the thread {@code fx} runs tasks on); the recording listener runs on any thread and never blocks.
 */
public final class TrafficFeed implements AutoCloseable {

  /** Rows applied per flush: at 10 flushes a second, up to 20,000 req/s reach the table. */
  public static final int DEFAULT_MAX_BATCH = 2_000;

  /** Time between flushes: the table updates ten times a second at most. */
  public static final Duration DEFAULT_MIN_INTERVAL = Duration.ofMillis(100);

  private final TrafficLog log;
  private final Executor fx;
  private final int maxBatch;
  private final Consumer<TrafficLog.Batch> sink;
  private final AtomicBoolean pending = new AtomicBoolean();
  private final long minIntervalNanos;
  private final ScheduledExecutorService timer;
  private volatile long lastFlush = System.nanoTime() - Long.MAX_VALUE / 4;

  // FX thread only
  private long cursor;
  private boolean paused;
  private Runnable unsubscribe = () -> {};
  private java.util.function.LongConsumer waiting = n -> {};

  /**
   * @param fx runs a task later on the FX thread (Platform::runLater); never runs it inline
   * @param maxBatch the most exchanges one flush hands to the sink
   * @param minInterval the least time between two flushes; zero for none
   * @param sink applies a batch to the table, on the FX thread
   */
  public TrafficFeed(
      TrafficLog log,
      Executor fx,
      int maxBatch,
      Duration minInterval,
      Consumer<TrafficLog.Batch> sink) {
    this.log = Objects.requireNonNull(log);
    this.fx = Objects.requireNonNull(fx);
    this.maxBatch = maxBatch;
    this.sink = Objects.requireNonNull(sink);
    this.minIntervalNanos = minInterval.toNanos();
    this.timer = minIntervalNanos <= 0
        ? null
        : Executors.newSingleThreadScheduledExecutor(r -> {
          Thread t = new Thread(r, "warden-ui-feed-timer");
          t.setDaemon(true);
          return t;
        });
  }

  /** Begins delivering, starting with whatever the log already holds. FX thread. */
  public void start() {
    unsubscribe = log.onRecorded(this::schedule);
    schedule();
  }

  /**
   * While paused nothing is delivered and the cursor stays put; on resume the backlog still in the
   * log is delivered (older exchanges the log dropped meanwhile count as missed). FX thread.
   */
  public void setPaused(boolean value) {
    paused = value;
    if (!value) {
      waiting.accept(0);
    }
    schedule();
  }

  /**
   * Tells {@code sink}, on the FX thread, how many exchanges were recorded and not delivered while
   * paused: when pausing, as they arrive (at most once per flush interval), and zero on resume.
   */
  public void onWaiting(java.util.function.LongConsumer sink) {
    waiting = Objects.requireNonNull(sink);
  }

  /** Any thread; returns at once. */
  private void schedule() {
    if (pending.compareAndSet(false, true)) {
      long wait = lastFlush + minIntervalNanos - System.nanoTime();
      if (timer == null || wait <= 0) {
        fx.execute(this::flush);
      } else {
        timer.schedule(() -> fx.execute(this::flush), wait, TimeUnit.NANOSECONDS);
      }
    }
  }

  private void flush() {
    // Cleared before reading, so a record that lands after the read schedules the next flush.
    pending.set(false);
    lastFlush = System.nanoTime();
    if (paused) {
      // the next record schedules the next flush, which counts again
      waiting.accept(Math.max(0, log.end() - cursor));
      return;
    }
    TrafficLog.Batch batch = log.since(cursor, maxBatch);
    cursor = batch.next();
    if (!batch.exchanges().isEmpty() || batch.missed() > 0) {
      sink.accept(batch);
    }
    if (log.end() > cursor) {
      schedule();
    }
  }

  /** Stops listening to the log. FX thread. */
  @Override
  public void close() {
    unsubscribe.run();
    paused = true;
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
