package dev.warden.ui.fx;

/**
 * Where a {@link TrafficFeed} reads the time and waits out the interval between flushes: the
 * system's monotonic clock and one timer thread ({@link SystemFeedClock}), or in tests a clock moved
 * by hand, so the interval is seen held and then passed without waiting for it.
 */
interface FeedClock {

  /** Monotonic nanoseconds, as {@link System#nanoTime()}. Any thread. */
  long nanoTime();

  /** Runs {@code task} once {@code delayNanos} have passed, on the clock's thread. Any thread. */
  void schedule(Runnable task, long delayNanos);

  /** Drops what is still scheduled and stops the clock's thread, if it has one. */
  void stop();
}
