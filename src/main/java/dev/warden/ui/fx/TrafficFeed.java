package dev.warden.ui.fx;

import dev.warden.core.traffic.TrafficLog;
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
 * <p>Threads: {@link #start}, {@link #setPaused}, {@link #close} and the sink run on the FX thread
 * (the thread {@code fx} runs tasks on); the recording listener runs on any thread and never blocks.
 */
public final class TrafficFeed implements AutoCloseable {

  /** Rows applied per flush: enough for 2,000+ req/s at a few flushes a second, small enough to keep a frame short. */
  public static final int DEFAULT_MAX_BATCH = 1_000;

  private final TrafficLog log;
  private final Executor fx;
  private final int maxBatch;
  private final Consumer<TrafficLog.Batch> sink;
  private final AtomicBoolean pending = new AtomicBoolean();

  // FX thread only
  private long cursor;
  private boolean paused;
  private Runnable unsubscribe = () -> {};

  public TrafficFeed(TrafficLog log, Executor fx, int maxBatch, Consumer<TrafficLog.Batch> sink) {
    this.log = Objects.requireNonNull(log);
    this.fx = Objects.requireNonNull(fx);
    this.maxBatch = maxBatch;
    this.sink = Objects.requireNonNull(sink);
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
      schedule();
    }
  }

  /** Any thread; returns at once. */
  private void schedule() {
    if (pending.compareAndSet(false, true)) {
      fx.execute(this::flush);
    }
  }

  private void flush() {
    // Cleared before reading, so a record that lands after the read schedules the next flush.
    pending.set(false);
    if (paused) {
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
  }
}
