package dev.warden.ui.fx;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The system's monotonic clock, and one daemon timer thread that waits out a feed's interval, so no
 * network thread ever waits.
 */
final class SystemFeedClock implements FeedClock {

  private final ScheduledExecutorService timer;

  /** @param waits whether the feed ever waits; a feed with no interval needs no timer thread */
  SystemFeedClock(boolean waits) {
    this.timer = waits
        ? Executors.newSingleThreadScheduledExecutor(r -> {
          Thread t = new Thread(r, "warden-ui-feed-timer");
          t.setDaemon(true);
          return t;
        })
        : null;
  }

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }

  @Override
  public void schedule(Runnable task, long delayNanos) {
    if (timer == null) {
      throw new IllegalStateException("this clock was made for a feed that never waits");
    }
    timer.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void stop() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
