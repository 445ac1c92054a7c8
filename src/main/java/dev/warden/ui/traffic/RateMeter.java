package dev.warden.ui.traffic;

/**
 * Requests per second from periodic samples of a growing counter, smoothed so one slow tick does not
 * make the figure jump. Not thread-safe: one caller (the FX thread's timer).
 */
public final class RateMeter {

  private long lastNanos = -1;
  private long lastCount;
  private double rate;

  /** Takes a sample and returns the current rate. */
  public double sample(long nowNanos, long count) {
    if (lastNanos >= 0 && nowNanos > lastNanos) {
      double instant = (count - lastCount) * 1e9 / (nowNanos - lastNanos);
      rate = rate == 0 ? instant : 0.5 * rate + 0.5 * instant;
      if (instant == 0) {
        rate = 0; // idle means idle, not a slowly fading tail
      }
    }
    lastNanos = nowNanos;
    lastCount = count;
    return rate;
  }
}
