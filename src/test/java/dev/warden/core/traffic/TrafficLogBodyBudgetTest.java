package dev.warden.core.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.core.auth.AuthOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

class TrafficLogBodyBudgetTest {

  private static final int KIB = 1024;

  /** Builds an exchange whose response body keeps {@code kept} bytes, its request {@code request}. */
  private static LongFunction<Exchange> withBodies(int request, int kept) {
    BodyPreview requestBody = preview(request);
    BodyPreview responseBody = preview(kept);
    return id -> new Exchange(
        id,
        1,
        "127.0.0.1:1",
        Instant.now(),
        null,
        Duration.ZERO,
        "POST",
        "http://example.test/",
        "HTTP/1.1",
        List.of(),
        List.of(),
        requestBody,
        responseBody,
        200,
        new AuthOutcome.NotRequired(),
        null);
  }

  private static Exchange recorded(TrafficLog log, long id) {
    return log.since(id - 1, 1).exchanges().get(0);
  }

  private static BodyPreview preview(int kept) {
    return kept == 0 ? BodyPreview.EMPTY : new BodyPreview(new byte[kept], kept + 10L);
  }

  /** What the log holds, summed: must always equal what it says it keeps. */
  private static long heldBodyBytes(TrafficLog log) {
    return log.since(0, log.capacity()).exchanges().stream()
        .mapToLong(Exchange::keptBodyBytes)
        .sum();
  }

  @Test
  void tenThousandExchangesWith64KiBBodiesKeepAtMostTheBudget() {
    TrafficLog log = new TrafficLog(10_000, 1024 * KIB);
    for (int i = 0; i < 10_000; i++) {
      log.record(withBodies(0, 64 * KIB));
      assertThat(log.keptBodyBytes()).isLessThanOrEqualTo(log.bodyBudget());
    }

    List<Exchange> held = log.snapshot();

    assertThat(held).hasSize(10_000);
    assertThat(log.keptBodyBytes()).isEqualTo(1024 * KIB).isEqualTo(heldBodyBytes(log));
    assertThat(held.subList(10_000 - 16, 10_000))
        .as("the newest keep their bodies")
        .allMatch(e -> e.responseBody().keptSize() == 64 * KIB);
    assertThat(held.subList(0, 10_000 - 16))
        .as("the oldest keep the exchange, not its body")
        .allMatch(e -> e.responseBody().droppedForMemory()
            && e.responseBody().keptSize() == 0
            && e.responseBody().totalSize() == 64 * KIB + 10L);
  }

  @Test
  void overwrittenExchangesGiveTheirBodyBytesBack() {
    TrafficLog log = new TrafficLog(3, 1024 * KIB);
    for (int i = 0; i < 5; i++) {
      log.record(withBodies(100, 1_000));
    }
    assertThat(log.keptBodyBytes()).isEqualTo(3 * 1_100);
    assertThat(log.snapshot()).noneMatch(e -> e.responseBody().droppedForMemory());
  }

  @Test
  void anExchangeOverwrittenByAFailedBuildGivesItsBodyBytesBack() {
    TrafficLog log = new TrafficLog(1, 1024 * KIB);
    log.record(withBodies(0, 1_000));
    assertThatThrownBy(() -> log.record(id -> {
          throw new IllegalStateException("broken filter");
        }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(log.keptBodyBytes()).isZero();
  }

  @Test
  void releasesTheOldestBodiesFirstAndKeepsTheExchanges() {
    TrafficLog log = new TrafficLog(10, 2_500);
    log.record(withBodies(0, 1_000));
    log.record(withBodies(0, 1_000));
    log.record(withBodies(0, 1_000));

    assertThat(log.snapshot())
        .extracting(e -> e.responseBody().droppedForMemory())
        .containsExactly(true, false, false);
    assertThat(log.keptBodyBytes()).isEqualTo(2_000);
  }

  @Test
  void aBodyLargerThanTheWholeBudgetIsNotKeptAndReleasesNoOtherBody() {
    TrafficLog log = new TrafficLog(10, 1_000);
    log.record(withBodies(0, 500));
    Exchange big = recorded(log, log.record(withBodies(0, 2_000)));

    assertThat(big.responseBody().droppedForMemory()).isTrue();
    assertThat(log.snapshot().get(0).responseBody().keptSize()).isEqualTo(500);
    assertThat(log.keptBodyBytes()).isEqualTo(500);
  }

  @Test
  void accountingStaysExactAndWithinBudgetThroughOverwritesAndReleases() {
    TrafficLog log = new TrafficLog(7, 10_000);
    Random random = new Random(42);
    for (int i = 0; i < 2_000; i++) {
      int size = random.nextInt(5) == 0 ? 0 : random.nextInt(12_000);
      log.record(withBodies(random.nextInt(3) == 0 ? size / 2 : 0, size));
      assertThat(log.keptBodyBytes()).isBetween(0L, 10_000L).isEqualTo(heldBodyBytes(log));
    }
  }

  @Test
  void concurrentWritersNeverTakeTheAccountingBelowZeroAndEndWithinBudget() throws Exception {
    TrafficLog log = new TrafficLog(50, 20 * KIB);
    int writers = 3;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < writers; t++) {
      int seed = t;
      done.add(pool.submit(() -> {
        Random random = new Random(seed);
        go.await();
        for (int i = 0; i < 5_000; i++) {
          log.record(withBodies(0, random.nextInt(4 * KIB)));
        }
        return null;
      }));
    }
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicLong lowest = new AtomicLong(Long.MAX_VALUE);
    AtomicLong highest = new AtomicLong(Long.MIN_VALUE);
    go.countDown();
    Thread watcher = new Thread(() -> {
      while (writing.get()) {
        long kept = log.keptBodyBytes();
        lowest.accumulateAndGet(kept, Math::min);
        highest.accumulateAndGet(kept, Math::max);
      }
    });
    watcher.start();
    for (Future<?> f : done) {
      f.get(30, TimeUnit.SECONDS);
    }
    writing.set(false);
    watcher.join();
    pool.shutdown();

    assertThat(lowest.get()).isGreaterThanOrEqualTo(0);
    assertThat(highest.get())
        .as("over budget only by bodies under way: per writer its own and the one it overwrites")
        .isLessThanOrEqualTo(20 * KIB + writers * 2 * 4 * KIB);
    assertThat(log.keptBodyBytes()).isLessThanOrEqualTo(20 * KIB).isEqualTo(heldBodyBytes(log));
  }

  @Test
  void theOldConstructorKeepsTheDefaultBudget() {
    assertThat(new TrafficLog(5).bodyBudget())
        .isEqualTo(TrafficLog.DEFAULT_BODY_BUDGET)
        .isEqualTo(64L * 1024 * 1024);
  }

  @Test
  void refusesANegativeBudget() {
    assertThatThrownBy(() -> new TrafficLog(5, -1)).hasMessageContaining("must not be negative");
  }
}
