package dev.warden.bench;

import dev.warden.core.auth.AuthOutcome;
import dev.warden.core.traffic.BodyPreview;
import dev.warden.core.traffic.Exchange;
import dev.warden.core.traffic.TrafficLog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongFunction;

/**
 * Records per second through the traffic log's ring with 2 writer threads and 1 reader, for the two
 * correct designs considered: (a) the lock-free ring with per-slot positions stored by CAS (the real
 * {@link TrafficLog}), and (b) the same ring behind one {@link ReentrantLock} around the tiny
 * claim+store and around the reader's copy (a stand-in written here). Not a test: timings would make
 * a test flaky. Run by hand after {@code ./mvnw -o -q test-compile} with
 * {@code java -cp target/classes:target/test-classes dev.warden.bench.TrafficLogRingMeasurement [seconds]}.
 *
 * <p>Each writer builds a fresh {@link Exchange} per record, as the proxy does. Two reader styles:
 * <em>follow</em> reads batches of 512 until it is caught up, then parks 1 ms (like the access log);
 * <em>spin</em> reads batches of 512 without pause (worst case for contention). Capacity 10,000,
 * trials of 2 s alternating (a) and (b), 2 warm-up trials each, median of 5.
 *
 * <p>Measured on the shared 2-core build machine (Linux, JDK 17, other builds running), 2026-12-01:
 *
 * <pre>
 *   reader   (a) CAS ring        (b) locked ring     b / a
 *   follow   see commit message / final figures below
 * </pre>
 */
public final class TrafficLogRingMeasurement {

  private static final int CAPACITY = 10_000;
  private static final int BATCH = 512;

  private TrafficLogRingMeasurement() {}

  /** The operations measured: record with a log-assigned id, and read a batch from a cursor. */
  interface Ring {
    long record(LongFunction<Exchange> build);

    /** Reads from {@code cursor}; adds returned and missed counts to {@code counts}; returns next. */
    long read(long cursor, int max, long[] counts);
  }

  /** (a): the production log. */
  static Ring casRing() {
    TrafficLog log = new TrafficLog(CAPACITY);
    return new Ring() {
      @Override
      public long record(LongFunction<Exchange> build) {
        return log.record(build);
      }

      @Override
      public long read(long cursor, int max, long[] counts) {
        TrafficLog.Batch batch = log.since(cursor, max);
        counts[0] += batch.exchanges().size();
        counts[1] += batch.missed();
        return batch.next();
      }
    };
  }

  /** (b): one lock around claim+store and around the reader's copy; no in-flight positions. */
  static final class LockedRing implements Ring {
    private final ReentrantLock lock = new ReentrantLock();
    private final Exchange[] ring = new Exchange[CAPACITY];
    private long next;

    @Override
    public long record(LongFunction<Exchange> build) {
      lock.lock();
      try {
        long position = next++;
        ring[(int) (position % CAPACITY)] = build.apply(position + 1);
        return position + 1;
      } finally {
        lock.unlock();
      }
    }

    @Override
    public long read(long cursor, int max, long[] counts) {
      List<Exchange> out;
      long from;
      long to;
      lock.lock();
      try {
        from = Math.max(cursor, next - CAPACITY);
        to = Math.min(next, from + max);
        out = new ArrayList<>((int) Math.max(0, to - from));
        for (long p = from; p < to; p++) {
          out.add(ring[(int) (p % CAPACITY)]);
        }
      } finally {
        lock.unlock();
      }
      List<Exchange> copy = List.copyOf(out); // as TrafficLog.Batch does
      counts[0] += copy.size();
      counts[1] += Math.max(0, from - cursor);
      return Math.max(from, to);
    }
  }

  private static final Exchange TEMPLATE = new Exchange(0, 1, "127.0.0.1:50000", Instant.now(),
      Duration.ofMillis(1), Duration.ofMillis(3), "GET", "http://127.0.0.1:8080/x", "HTTP/1.1",
      List.of(), List.of(), BodyPreview.EMPTY, BodyPreview.EMPTY, 200, new AuthOutcome.NotRequired(),
      null);

  private static Exchange build(long id) {
    Exchange t = TEMPLATE;
    return new Exchange(id, t.connectionId(), t.client(), t.started(), t.timeToFirstByte(),
        t.duration(), t.method(), t.url(), t.protocol(), t.requestHeaders(), t.responseHeaders(),
        t.requestBody(), t.responseBody(), t.status(), t.auth(), t.error());
  }

  /** One trial: records/s over {@code millis}; also checks returned + missed = recorded. */
  static double trial(Ring ring, boolean spin, long millis) throws InterruptedException {
    return trial(ring, spin, millis, null);
  }

  /**
   * As above; with {@code slow} non-null, times every record and counts those that took over 10 us,
   * 100 us and 1 ms into slow[0..2], and the longest into slow[3] (nanoseconds). Timing costs
   * throughput, so these trials are separate.
   */
  static double trial(Ring ring, boolean spin, long millis, long[] slow)
      throws InterruptedException {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicBoolean writersDone = new AtomicBoolean();
    AtomicLong recorded = new AtomicLong();
    CountDownLatch go = new CountDownLatch(1);
    Thread[] writers = new Thread[2];
    for (int i = 0; i < writers.length; i++) {
      writers[i] = new Thread(() -> {
        awaitQuietly(go);
        long n = 0;
        long[] mine = new long[4];
        while (!stop.get()) {
          for (int k = 0; k < 256; k++) {
            if (slow == null) {
              ring.record(TrafficLogRingMeasurement::build);
            } else {
              long t0 = System.nanoTime();
              ring.record(TrafficLogRingMeasurement::build);
              long took = System.nanoTime() - t0;
              mine[0] += took > 10_000 ? 1 : 0;
              mine[1] += took > 100_000 ? 1 : 0;
              mine[2] += took > 1_000_000 ? 1 : 0;
              mine[3] = Math.max(mine[3], took);
            }
          }
          n += 256;
        }
        recorded.addAndGet(n);
        if (slow != null) {
          synchronized (slow) {
            for (int j = 0; j < 3; j++) {
              slow[j] += mine[j];
            }
            slow[3] = Math.max(slow[3], mine[3]);
          }
        }
      });
      writers[i].start();
    }
    long[] counts = new long[2];
    Thread reader = new Thread(() -> {
      awaitQuietly(go);
      long cursor = 0;
      while (!stop.get()) {
        long next = ring.read(cursor, BATCH, counts);
        if (next == cursor && !spin) {
          LockSupport.parkNanos(1_000_000);
        }
        cursor = next;
      }
      while (!writersDone.get()) {
        Thread.onSpinWait();
      }
      long before = -1;
      while (before != cursor) { // drain what is left after the writers finished
        before = cursor;
        cursor = ring.read(cursor, BATCH, counts);
      }
    });
    reader.start();
    long start = System.nanoTime();
    go.countDown();
    Thread.sleep(millis);
    stop.set(true);
    for (Thread w : writers) {
      w.join();
    }
    long elapsed = System.nanoTime() - start;
    writersDone.set(true);
    reader.join(); // publishes counts
    if (counts[0] + counts[1] != recorded.get()) {
      throw new AssertionError("returned " + counts[0] + " + missed " + counts[1]
          + " != recorded " + recorded.get());
    }
    return recorded.get() / (elapsed / 1e9);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public static void main(String[] args) throws InterruptedException {
    long millis = args.length > 0 ? (long) (Double.parseDouble(args[0]) * 1000) : 2000;
    int warmups = 2;
    int trials = 5;
    System.out.printf("cores %d, capacity %d, 2 writers, 1 reader, %d ms per trial%n",
        Runtime.getRuntime().availableProcessors(), CAPACITY, millis);
    for (boolean spin : new boolean[] {false, true}) {
      double[] a = new double[trials];
      double[] b = new double[trials];
      for (int i = -warmups; i < trials; i++) {
        double ra = trial(casRing(), spin, millis);
        double rb = trial(new LockedRing(), spin, millis);
        if (i >= 0) {
          a[i] = ra;
          b[i] = rb;
        }
      }
      double ma = median(a);
      double mb = median(b);
      System.out.printf("%-6s (a) CAS ring %,12.0f rec/s   (b) locked ring %,12.0f rec/s   b/a %.2f%n",
          spin ? "spin" : "follow", ma, mb, mb / ma);
      System.out.printf("       (a) trials %s%n       (b) trials %s%n", fmt(a), fmt(b));
    }
    for (boolean spin : new boolean[] {false, true}) {
      long[] sa = new long[4];
      long[] sb = new long[4];
      double ra = 0;
      double rb = 0;
      for (int i = 0; i < 3; i++) {
        ra += trial(casRing(), spin, millis, sa) * millis / 1000;
        rb += trial(new LockedRing(), spin, millis, sb) * millis / 1000;
      }
      System.out.printf("%-6s records slower than 10us / 100us / 1ms, longest, of ~%,.0f timed:%n"
          + "       (a) %,d / %,d / %,d, %.1f ms%n       (b) %,d / %,d / %,d, %.1f ms (of ~%,.0f)%n",
          spin ? "spin" : "follow", ra, sa[0], sa[1], sa[2], sa[3] / 1e6,
          sb[0], sb[1], sb[2], sb[3] / 1e6, rb);
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static String fmt(double[] values) {
    StringBuilder s = new StringBuilder();
    for (double v : values) {
      s.append(String.format("%,.0f ", v));
    }
    return s.toString().trim();
  }
}
