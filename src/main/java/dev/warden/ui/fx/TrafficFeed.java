package dev.warden.ui.fx;

import dev.warden.core.traffic.TrafficLog;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
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
 * every frame. Under heavier traffic still the interval stretches with the rate rows arrive at, up
 * to {@link #MAX_STRETCH} times {@code minInterval} (at {@link #CALM_RATE} rows a second or less it
 * stays at {@code minInterval}), and the batch cap stretches with it, so the rows per second the
 * sink can take stay the same: every flush costs the FX thread a layout, CSS and a repaint of the
 * visible rows whatever it carries, and a window that repaints 20,000 rows a second ten times a
 * second takes the CPU the proxy needs. The wait runs on one timer thread, never on a network
 * thread.
 *
 * <p>Threads: {@link #start}, {@link #setPaused}, {@link #close} and the sink run on the FX thread
 * (the thread {@code fx} runs tasks on); the recording listener runs on any thread and never blocks.
 */
public final class TrafficFeed implements AutoCloseable {

  /** Rows applied per flush: at 10 flushes a second, up to 20,000 req/s reach the table. */
  public static final int DEFAULT_MAX_BATCH = 2_000;

  /** Time between flushes: the table updates ten times a second at most. */
  public static final Duration DEFAULT_MIN_INTERVAL = Duration.ofMillis(100);

  /** Arrival rate (rows a second) up to which flushes stay {@code minInterval} apart. */
  public static final double CALM_RATE = 2_000;

  /** The most the interval (and the batch cap) stretches under heavy traffic. */
  public static final int MAX_STRETCH = 5;

  private final TrafficLog log;
  private final Executor fx;
  private final int maxBatch;
  private final Consumer<TrafficLog.Batch> sink;
  private final AtomicBoolean pending = new AtomicBoolean();
  private final long minIntervalNanos;
  private final FeedClock clock;
  private volatile long lastFlush;
  private volatile long intervalNanos;

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
    this(log, fx, maxBatch, minInterval, sink, new SystemFeedClock(minInterval.toNanos() > 0));
  }

  /** As the public constructor, reading the time from and waiting on {@code clock}. */
  TrafficFeed(
      TrafficLog log,
      Executor fx,
      int maxBatch,
      Duration minInterval,
      Consumer<TrafficLog.Batch> sink,
      FeedClock clock) {
    this.log = Objects.requireNonNull(log);
    this.fx = Objects.requireNonNull(fx);
    this.maxBatch = maxBatch;
    this.sink = Objects.requireNonNull(sink);
    this.minIntervalNanos = minInterval.toNanos();
    this.intervalNanos = minIntervalNanos;
    this.clock = Objects.requireNonNull(clock);
    this.lastFlush = clock.nanoTime() - Long.MAX_VALUE / 4;
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
    // read first: while a flush is pending (nearly always under load) the network threads then only
    // share the flag's cache line instead of taking it from each other with a failing CAS
    if (!pending.get() && pending.compareAndSet(false, true)) {
      long wait = lastFlush + intervalNanos - clock.nanoTime();
      if (minIntervalNanos <= 0 || wait <= 0) {
        fx.execute(this::flush);
      } else {
        clock.schedule(() -> fx.execute(this::flush), wait);
      }
    }
  }

  private void flush() {
    // Cleared before reading, so a record that lands after the read schedules the next flush.
    pending.set(false);
    long now = clock.nanoTime();
    long since = now - lastFlush;
    lastFlush = now;
    if (paused) {
      // the next record schedules the next flush, which counts again
      waiting.accept(Math.max(0, log.end() - cursor));
      return;
    }
    int stretch = stretch(log.end() - cursor, since);
    intervalNanos = minIntervalNanos * stretch;
    TrafficLog.Batch batch = log.since(cursor, maxBatch * stretch);
    cursor = batch.next();
    if (!batch.exchanges().isEmpty() || batch.missed() > 0) {
      sink.accept(batch);
    }
    if (log.end() > cursor) {
      schedule();
    }
  }

  /**
   * How many times {@code minInterval} to wait before the next flush (and to stretch the batch cap),
   * from the rows waiting now and the time since the last flush: 1 at {@link #CALM_RATE} or less,
   * growing with the rate up to {@link #MAX_STRETCH}.
   */
  private int stretch(long waitingRows, long sinceNanos) {
    if (minIntervalNanos <= 0 || sinceNanos <= 0) {
      return 1;
    }
    double rate = waitingRows * 1e9 / Math.max(sinceNanos, minIntervalNanos);
    return (int) Math.max(1, Math.min(MAX_STRETCH, Math.ceil(rate / CALM_RATE)));
  }

  /** Stops listening to the log. FX thread. */
  @Override
  public void close() {
    unsubscribe.run();
    paused = true;
    clock.stop();
  }
}
