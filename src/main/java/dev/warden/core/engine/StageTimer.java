package dev.warden.core.engine;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One deadline of one client connection, on that connection's event loop. Arming and disarming
 * only set a field: a task is scheduled when none is pending early enough, and a task that finds
 * the deadline moved later schedules itself again for the rest. So a deadline re-armed per request
 * costs no scheduling per request, and nothing ever blocks.
 *
 * <p>Used on the channel's event loop only.
 */
final class StageTimer {

  private final EventExecutor loop;
  private final Runnable expired;
  private final LongSupplier nanoTime;
  private boolean armed;
  private long deadline;
  private ScheduledFuture<?> task;
  private long taskAt;

  /** @param expired run on the loop when an armed deadline passes (once per arming) */
  StageTimer(EventExecutor loop, Runnable expired) {
    this(loop, expired, System::nanoTime);
  }

  /** As above, reading the time from {@code nanoTime} (tests move it by hand). */
  StageTimer(EventExecutor loop, Runnable expired, LongSupplier nanoTime) {
    this.loop = loop;
    this.expired = expired;
    this.nanoTime = nanoTime;
  }

  /** Expires {@code after} from now, replacing any earlier arming. */
  void arm(Duration after) {
    long now = nanoTime.getAsLong();
    armed = true;
    deadline = now + after.toNanos();
    if (task == null || taskAt - deadline > 0) {
      if (task != null) {
        task.cancel(false);
      }
      schedule(now);
    }
  }

  void disarm() {
    armed = false;
  }

  boolean isArmed() {
    return armed;
  }

  /** Disarms and drops the pending task: the connection is gone. */
  void close() {
    armed = false;
    if (task != null) {
      task.cancel(false);
      task = null;
    }
  }

  private void schedule(long now) {
    taskAt = deadline;
    task = loop.schedule(this::fire, Math.max(0, deadline - now), TimeUnit.NANOSECONDS);
  }

  private void fire() {
    task = null;
    if (!armed) {
      return;
    }
    long now = nanoTime.getAsLong();
    if (deadline - now > 0) {
      schedule(now);
      return;
    }
    armed = false;
    expired.run();
  }
}
