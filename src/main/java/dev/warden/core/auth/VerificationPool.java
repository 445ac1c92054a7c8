package dev.warden.core.auth;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The bounded executor that runs slow password hashes (PBKDF2, bcrypt) away from the network event
 * loops, so a cache miss never stalls the other connections of a loop. Bounded twice: a fixed number
 * of daemon threads and a fixed queue; work that does not fit is refused at once (the caller answers
 * "busy"), never queued without limit.
 *
 * <p>Thread-safe. {@link #submit} never blocks; the returned future completes on a pool thread.
 */
public final class VerificationPool implements AutoCloseable {

  /** Queue length: a flood of distinct wrong passwords waits here, then is refused. */
  static final int QUEUE = 1024;

  private final ThreadPoolExecutor executor;

  /** A pool of {@code threads} verifier threads. */
  public VerificationPool(int threads) {
    AtomicInteger count = new AtomicInteger();
    this.executor = new ThreadPoolExecutor(
        threads,
        threads,
        30,
        TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(QUEUE),
        r -> {
          Thread t = new Thread(r, "warden-verify-" + count.incrementAndGet());
          t.setDaemon(true);
          return t;
        },
        new ThreadPoolExecutor.AbortPolicy());
    executor.allowCoreThreadTimeOut(true);
  }

  /** One thread per core, at least two: hashing is CPU-bound. */
  public static VerificationPool sized() {
    return new VerificationPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
  }

  /**
   * Runs {@code work} on a pool thread. The future fails with {@link RejectedExecutionException}
   * when the pool is full or closed; it never blocks the caller.
   */
  <T> CompletableFuture<T> submit(Supplier<T> work) {
    try {
      return CompletableFuture.supplyAsync(work, executor);
    } catch (RejectedExecutionException full) {
      return CompletableFuture.failedFuture(full);
    }
  }

  /** Verifications waiting or running now: for tests and the status bar. */
  int busy() {
    return executor.getQueue().size() + executor.getActiveCount();
  }

  /** Stops the threads; waiting work is dropped. Idempotent. */
  @Override
  public void close() {
    executor.shutdownNow();
  }
}
