package dev.warden.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.traffic.Exchange;
import dev.warden.core.traffic.TrafficLog;
import dev.warden.ui.Exchanges;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;

class TrafficFeedTest {

  private final Queue<Runnable> fxQueue = new ArrayDeque<>();
  private final TrafficLog log = new TrafficLog(100);
  private final List<TrafficLog.Batch> delivered = new ArrayList<>();

  private void runFx() {
    Runnable r;
    while ((r = fxQueue.poll()) != null) {
      r.run();
    }
  }

  @Test
  void keepsAtMostOneFlushPendingHoweverManyExchangesArrive() {
    TrafficFeed feed = new TrafficFeed(log, fxQueue::add, 1000, Duration.ZERO, delivered::add);
    feed.start();
    runFx();
    for (int i = 1; i <= 50; i++) {
      log.record(id -> Exchanges.open(id, "http://a.example/" + id));
    }
    assertThat(fxQueue).hasSize(1);
    runFx();
    assertThat(delivered).hasSize(1);
    assertThat(delivered.get(0).exchanges()).hasSize(50);
  }

  @Test
  void countsWhatWaitsWhilePausedAndDeliversItAllOnResume() {
    TrafficFeed feed = new TrafficFeed(log, fxQueue::add, 1000, Duration.ZERO, delivered::add);
    List<Long> waiting = new ArrayList<>();
    feed.onWaiting(waiting::add);
    feed.start();
    runFx();
    feed.setPaused(true);
    runFx();
    assertThat(waiting).containsExactly(0L);
    for (int i = 1; i <= 3; i++) {
      log.record(id -> Exchanges.open(id, "http://a.example/" + id));
      runFx();
    }
    assertThat(waiting).containsExactly(0L, 1L, 2L, 3L);
    assertThat(delivered).isEmpty();

    feed.setPaused(false);
    runFx();
    assertThat(waiting).last().isEqualTo(0L);
    assertThat(delivered.stream().mapToInt(b -> b.exchanges().size()).sum()).isEqualTo(3);
  }

  @Test
  void takesCappedBatchesAndReschedulesWhileMoreIsWaiting() {
    TrafficFeed feed = new TrafficFeed(log, fxQueue::add, 20, Duration.ZERO, delivered::add);
    feed.start();
    for (int i = 1; i <= 50; i++) {
      log.record(id -> Exchanges.open(id, "http://a.example/" + id));
    }
    runFx();
    assertThat(delivered).extracting(b -> b.exchanges().size()).containsExactly(20, 20, 10);
  }

  @Test
  void reportsWhatTheLogDroppedWhileTheFxThreadWasBusy() {
    TrafficFeed feed = new TrafficFeed(log, fxQueue::add, 1000, Duration.ZERO, delivered::add);
    feed.start();
    runFx();
    for (int i = 1; i <= 250; i++) {
      log.record(id -> Exchanges.open(id, "http://a.example/" + id));
    }
    runFx();
    List<Exchange> got = delivered.stream().flatMap(b -> b.exchanges().stream()).toList();
    assertThat(got).hasSize(100);
    assertThat(delivered.stream().mapToLong(TrafficLog.Batch::missed).sum()).isEqualTo(150);
  }

  @Test
  void holdsTheNextFlushUntilTheMinimumIntervalHasPassed() {
    HandMovedClock clock = new HandMovedClock();
    TrafficFeed feed =
        new TrafficFeed(log, fxQueue::add, 1000, Duration.ofMillis(300), delivered::add, clock);
    feed.start();
    runFx();
    clock.advance(Duration.ofMillis(300));
    log.record(id -> Exchanges.open(id, "http://a.example/1"));
    runFx();
    assertThat(delivered).extracting(b -> b.exchanges().size()).containsExactly(1);

    // recorded right after a flush: without the interval each would be flushed at once
    log.record(id -> Exchanges.open(id, "http://a.example/2"));
    log.record(id -> Exchanges.open(id, "http://a.example/3"));
    runFx();
    clock.advance(Duration.ofMillis(299));
    runFx();
    assertThat(delivered).hasSize(1);

    clock.advance(Duration.ofMillis(1));
    runFx();
    assertThat(delivered).extracting(b -> b.exchanges().size()).containsExactly(1, 2);
  }

  @Test
  void deliversNothingWhilePausedAndTheBacklogOnResume() {
    TrafficFeed feed = new TrafficFeed(log, fxQueue::add, 1000, Duration.ZERO, delivered::add);
    feed.start();
    feed.setPaused(true);
    log.record(id -> Exchanges.open(id, "http://a.example/"));
    runFx();
    assertThat(delivered).isEmpty();
    feed.setPaused(false);
    runFx();
    assertThat(delivered).hasSize(1);
  }

  @Test
  void stretchesTheBatchCapWhileRowsArriveFasterThanTheCalmRate() {
    TrafficLog busy = new TrafficLog(1000);
    HandMovedClock clock = new HandMovedClock();
    TrafficFeed feed =
        new TrafficFeed(busy, fxQueue::add, 20, Duration.ofMillis(20), delivered::add, clock);
    feed.start();
    runFx();
    // a thousand rows within one 20 ms interval: 50,000 a second, far over the calm rate
    for (int i = 1; i <= 1000; i++) {
      busy.record(id -> Exchanges.open(id, "http://a.example/" + id));
    }
    clock.advance(Duration.ofMillis(20));
    runFx();
    assertThat(delivered.get(0).exchanges()).hasSize(20 * TrafficFeed.MAX_STRETCH);
  }

  /** A feed clock that stands still until the test moves it; due tasks run on the moving thread. */
  private static final class HandMovedClock implements FeedClock {
    private record Due(long at, Runnable task) {}

    private final List<Due> scheduled = new ArrayList<>();
    private long now;

    @Override
    public long nanoTime() {
      return now;
    }

    @Override
    public void schedule(Runnable task, long delayNanos) {
      scheduled.add(new Due(now + delayNanos, task));
    }

    @Override
    public void stop() {
      scheduled.clear();
    }

    void advance(Duration by) {
      now += by.toNanos();
      List<Due> due = scheduled.stream().filter(d -> d.at() <= now).toList();
      scheduled.removeAll(due);
      due.forEach(d -> d.task().run());
    }
  }
}
