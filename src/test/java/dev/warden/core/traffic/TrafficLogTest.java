package dev.warden.core.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.core.auth.AuthOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TrafficLogTest {

  private static Exchange exchange(TrafficLog log) {
    return new Exchange(log.newId(), 1, "127.0.0.1:1", Instant.now(), null, Duration.ZERO, "GET",
        "http://example.test/", "HTTP/1.1", List.of(), List.of(), BodyPreview.EMPTY, BodyPreview.EMPTY,
        200, new AuthOutcome.NotRequired(), null);
  }

  @Test
  void keepsTheLatestExchangesAndCountsTheDroppedOnes() {
    TrafficLog log = new TrafficLog(3);
    for (int i = 0; i < 5; i++) {
      log.record(exchange(log));
    }
    assertThat(log.snapshot()).extracting(Exchange::id).containsExactly(3L, 4L, 5L);
    assertThat(log.dropped()).isEqualTo(2);
    assertThat(log.totalRecorded()).isEqualTo(5);
  }

  @Test
  void readsInBatchesFromACursor() {
    TrafficLog log = new TrafficLog(10);
    for (int i = 0; i < 5; i++) {
      log.record(exchange(log));
    }
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
    for (int i = 0; i < 7; i++) {
      log.record(exchange(log));
    }
    TrafficLog.Batch batch = log.since(cursor, 100);
    assertThat(batch.missed()).isEqualTo(4);
    assertThat(batch.exchanges()).extracting(Exchange::id).containsExactly(5L, 6L, 7L);
  }

  @Test
  void clearForgetsWhatItHeldButKeepsCounting() {
    TrafficLog log = new TrafficLog(5);
    log.record(exchange(log));
    log.clear();
    assertThat(log.snapshot()).isEmpty();
    log.record(exchange(log));
    assertThat(log.snapshot()).extracting(Exchange::id).containsExactly(2L);
  }

  @Test
  void callsListenersOnTheRecordingThreadUntilRemoved() {
    TrafficLog log = new TrafficLog(5);
    AtomicInteger calls = new AtomicInteger();
    Runnable remove = log.onRecorded(calls::incrementAndGet);
    log.record(exchange(log));
    remove.run();
    log.record(exchange(log));
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
        for (int i = 0; i < 5_000; i++) {
          log.record(exchange(log));
        }
        return null;
      });
    }
    go.countDown();
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    assertThat(log.snapshot()).hasSize(20_000);
    assertThat(log.snapshot()).extracting(Exchange::id).doesNotHaveDuplicates();
  }

  @Test
  void refusesACapacityBelowOne() {
    assertThatThrownBy(() -> new TrafficLog(0)).hasMessageContaining("at least 1");
  }
}
