package dev.warden.core.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.core.auth.AuthOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class TrafficLogTest {

  static Exchange exchange(long id) {
    return new Exchange(
        id,
        1,
        "127.0.0.1:1",
        Instant.now(),
        null,
        Duration.ZERO,
        "GET",
        "http://example.test/",
        "HTTP/1.1",
        List.of(),
        List.of(),
        BodyPreview.EMPTY,
        BodyPreview.EMPTY,
        200,
        new AuthOutcome.NotRequired(),
        null);
  }

  private static void recordSome(TrafficLog log, int count) {
    for (int i = 0; i < count; i++) {
      log.record(TrafficLogTest::exchange);
    }
  }

  @Test
  void keepsTheLatestExchangesAndCountsTheDroppedOnes() {
    TrafficLog log = new TrafficLog(3);
    recordSome(log, 5);
    assertThat(log.snapshot()).extracting(Exchange::id).containsExactly(3L, 4L, 5L);
    assertThat(log.dropped()).isEqualTo(2);
    assertThat(log.totalRecorded()).isEqualTo(5);
  }

  @Test
  void givesEachExchangeItsPositionPlusOneAsId() {
    TrafficLog log = new TrafficLog(10);
    long cursor = log.end();
    long id = log.record(TrafficLogTest::exchange);
    assertThat(id).isEqualTo(cursor + 1);
    assertThat(log.since(cursor, 1).exchanges()).extracting(Exchange::id).containsExactly(id);
  }

  @Test
  void refusesAnExchangeBuiltWithAnotherIdAndCountsItsPositionAsMissed() {
    TrafficLog log = new TrafficLog(10);
    assertThatThrownBy(() -> log.record(id -> exchange(id + 7)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected an exchange with id 1");
    log.record(TrafficLogTest::exchange);

    TrafficLog.Batch batch = log.since(0, 100);

    assertThat(batch.missed()).isEqualTo(1);
    assertThat(batch.exchanges()).extracting(Exchange::id).containsExactly(2L);
    assertThat(batch.next()).isEqualTo(2);
  }

  @Test
  void readsInBatchesFromACursor() {
    TrafficLog log = new TrafficLog(10);
    recordSome(log, 5);
    TrafficLog.Batch first = log.since(0, 2);
    assertThat(first.exchanges()).extracting(Exchange::id).containsExactly(1L, 2L);
    TrafficLog.Batch rest = log.since(first.next(), 100);
    assertThat(rest.exchanges()).extracting(Exchange::id).containsExactly(3L, 4L, 5L);
    assertThat(log.since(rest.next(), 100).exchanges()).isEmpty();
  }

  @Test
  void tellsAReaderHowManyItMissedWhileItWasBehind() {
    TrafficLog log = new TrafficLog(3);
    long cursor = log.end();
    recordSome(log, 7);
    TrafficLog.Batch batch = log.since(cursor, 100);
    assertThat(batch.missed()).isEqualTo(4);
    assertThat(batch.exchanges()).extracting(Exchange::id).containsExactly(5L, 6L, 7L);
  }

  @Test
  void aLogOfCapacityOneKeepsOnlyTheLatestAndCountsTheRest() {
    TrafficLog log = new TrafficLog(1);
    recordSome(log, 4);

    TrafficLog.Batch batch = log.since(0, 100);

    assertThat(batch.exchanges()).extracting(Exchange::id).containsExactly(4L);
    assertThat(batch.missed()).isEqualTo(3);
    assertThat(batch.next()).isEqualTo(4);
    assertThat(log.dropped()).isEqualTo(3);
  }

  @Test
  void aFullLogOfCapacityThreeAccountsForEveryPositionAcrossManyWraps() {
    TrafficLog log = new TrafficLog(3);
    long cursor = 0;
    long returned = 0;
    long missed = 0;
    for (int round = 1; round <= 20; round++) {
      recordSome(log, round % 5); // 0 to 4 per read: sometimes behind, sometimes not
      TrafficLog.Batch batch = log.since(cursor, 2);
      returned += batch.exchanges().size();
      missed += batch.missed();
      cursor = batch.next();
    }
    while (cursor < log.end()) {
      TrafficLog.Batch batch = log.since(cursor, 2);
      returned += batch.exchanges().size();
      missed += batch.missed();
      cursor = batch.next();
    }
    assertThat(returned + missed).isEqualTo(log.totalRecorded());
    assertThat(log.snapshot()).extracting(Exchange::id).containsExactly(38L, 39L, 40L);
  }

  /**
   * Writer A claims position 0 and stalls in its build; three later records wrap the ring of three
   * over A's slot. When A finally stores, the newer exchange (position 3) must stay, A's exchange is
   * the one dropped, and a reader is not stuck waiting for position 3.
   */
  @Test
  void aDelayedWriterDoesNotOverwriteTheNewerExchangeInItsSlotAndIsCountedAsDropped()
      throws Exception {
    TrafficLog log = new TrafficLog(3);
    CountDownLatch claimed = new CountDownLatch(1);
    CountDownLatch resume = new CountDownLatch(1);
    ExecutorService writerA = Executors.newSingleThreadExecutor();
    try {
      Future<Long> a = writerA.submit(() -> log.record(id -> {
        claimed.countDown();
        await(resume);
        return exchange(id);
      }));
      assertThat(claimed.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(log.since(0, 100).exchanges()).as("position 0 is in flight").isEmpty();
      recordSome(log, 3);
      resume.countDown();
      assertThat(a.get(5, TimeUnit.SECONDS)).isEqualTo(1L);
    } finally {
      writerA.shutdownNow();
    }

    TrafficLog.Batch batch = log.since(0, 100);

    assertThat(batch.exchanges()).extracting(Exchange::id).containsExactly(2L, 3L, 4L);
    assertThat(batch.missed()).isEqualTo(1);
    assertThat(batch.next()).isEqualTo(4);
    assertThat(log.dropped()).isEqualTo(1);
  }

  /**
   * Several writers wrap a small ring many times while one reader follows with its cursor: every
   * position is either returned (once, in order) or counted as missed, and the reader reaches the end.
   */
  @Test
  void aConcurrentReaderAccountsForEveryPositionWhileWritersWrapTheRing() throws Exception {
    TrafficLog log = new TrafficLog(8);
    int writers = 3;
    int perWriter = 100_000;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < writers; t++) {
      done.add(pool.submit(() -> {
        go.await();
        recordSome(log, perWriter);
        return null;
      }));
    }
    long total = (long) writers * perWriter;
    long cursor = 0;
    long returned = 0;
    long missed = 0;
    long lastId = 0;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    go.countDown();
    while (cursor < total && System.nanoTime() < deadline) {
      TrafficLog.Batch batch = log.since(cursor, 5);
      for (Exchange e : batch.exchanges()) {
        assertThat(e.id()).as("ids in order, each once").isGreaterThan(lastId);
        assertThat(e.id() - 1)
            .as("id is a position of this batch")
            .isBetween(cursor, batch.next() - 1);
        lastId = e.id();
      }
      assertThat(batch.exchanges().size() + batch.missed())
          .as("every position the batch passed is returned or missed")
          .isEqualTo(batch.next() - cursor);
      returned += batch.exchanges().size();
      missed += batch.missed();
      cursor = batch.next();
    }
    for (Future<?> f : done) {
      f.get(30, TimeUnit.SECONDS);
    }
    pool.shutdown();

    assertThat(cursor).as("the reader reached the end").isEqualTo(total);
    assertThat(returned + missed).isEqualTo(total);
    assertThat(missed).isLessThanOrEqualTo(log.dropped());
    assertThat(log.snapshot())
        .extracting(Exchange::id)
        .containsExactly(LongStream.rangeClosed(total - 7, total).boxed().toArray(Long[]::new));
  }

  @Test
  void clearForgetsWhatItHeldButKeepsCounting() {
    TrafficLog log = new TrafficLog(5);
    log.record(TrafficLogTest::exchange);
    log.clear();
    assertThat(log.snapshot()).isEmpty();
    log.record(TrafficLogTest::exchange);
    assertThat(log.snapshot()).extracting(Exchange::id).containsExactly(2L);
  }

  @Test
  void callsListenersOnTheRecordingThreadUntilRemoved() {
    TrafficLog log = new TrafficLog(5);
    AtomicInteger calls = new AtomicInteger();
    Runnable remove = log.onRecorded(calls::incrementAndGet);
    log.record(TrafficLogTest::exchange);
    remove.run();
    log.record(TrafficLogTest::exchange);
    assertThat(calls).hasValue(1);
  }

  @Test
  void losesNothingWhenManyThreadsRecordAtOnce() throws Exception {
    TrafficLog log = new TrafficLog(100_000);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch go = new CountDownLatch(1);
    for (int t = 0; t < 4; t++) {
      pool.submit(() -> {
        go.await();
        recordSome(log, 5_000);
        return null;
      });
    }
    go.countDown();
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    assertThat(log.snapshot())
        .extracting(Exchange::id)
        .containsExactly(LongStream.rangeClosed(1, 20_000).boxed().toArray(Long[]::new));
  }

  @Test
  void refusesACapacityBelowOne() {
    assertThatThrownBy(() -> new TrafficLog(0)).hasMessageContaining("at least 1");
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(5, TimeUnit.SECONDS)) {
        throw new IllegalStateException("test latch timed out");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
