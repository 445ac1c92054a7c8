package dev.warden.core.auth.digest;

import static dev.warden.core.auth.digest.NonceCounts.Use.FIRST_USE;
import static dev.warden.core.auth.digest.NonceCounts.Use.REPLAY;
import static dev.warden.core.auth.digest.NonceCounts.Use.TOO_OLD;
import static dev.warden.core.auth.digest.NonceCounts.Use.UNTRACKED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.auth.digest.NonceCounts.Use;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class NonceCountsTest {

  private final NonceCounts counts = new NonceCounts(100);

  @Test
  void theFirstUseOfACountIsAcceptedAndItsReplayRefused() {
    counts.track("n");

    assertThat(counts.record("n", 1)).isEqualTo(FIRST_USE);
    assertThat(counts.record("n", 1)).isEqualTo(REPLAY);
  }

  @Test
  void countsOutOfOrderAreEachAcceptedOnce() {
    counts.track("n");

    assertThat(counts.record("n", 5)).isEqualTo(FIRST_USE);
    assertThat(counts.record("n", 3)).isEqualTo(FIRST_USE);
    assertThat(counts.record("n", 4)).isEqualTo(FIRST_USE);
    assertThat(counts.record("n", 3)).isEqualTo(REPLAY);
    assertThat(counts.record("n", 5)).isEqualTo(REPLAY);
    assertThat(counts.record("n", 6)).isEqualTo(FIRST_USE);
  }

  @Test
  void theSameCountWithAnotherNonceIsAFirstUse() {
    counts.track("a");
    counts.track("b");

    assertThat(counts.record("a", 1)).isEqualTo(FIRST_USE);
    assertThat(counts.record("b", 1)).isEqualTo(FIRST_USE);
  }

  @Test
  void acceptsTheWholeWindowBelowTheHighestCountAndNothingOlder() {
    counts.track("n");
    counts.record("n", 200);

    assertThat(counts.record("n", 200 - NonceCounts.WINDOW)).isEqualTo(TOO_OLD);
    assertThat(counts.record("n", 200 - NonceCounts.WINDOW + 1)).isEqualTo(FIRST_USE);
    assertThat(counts.record("n", 200 - NonceCounts.WINDOW + 1)).isEqualTo(REPLAY);
    assertThat(counts.record("n", 199)).isEqualTo(FIRST_USE);
    assertThat(counts.record("n", 1)).isEqualTo(TOO_OLD);
  }

  @Test
  void agreesWithASetOfUsedCountsAsTheWindowSlidesByAnyStep() {
    // the model: every count ever used, and the highest; the window only adds TOO_OLD below it
    Random random = new Random(42);
    long[] steps = {0, 1, 2, 63, 64, 65, 126, 127, 128, 129, 300};
    for (int run = 0; run < 200; run++) {
      NonceCounts window = new NonceCounts(1);
      window.track("n");
      java.util.Set<Long> used = new java.util.HashSet<>();
      long highest = 0;
      long nc = 1;
      for (int i = 0; i < 300; i++) {
        // mostly near the highest, sometimes a jump ahead, sometimes far behind
        int kind = random.nextInt(10);
        if (kind < 6) {
          nc = Math.max(1, highest - random.nextInt(NonceCounts.WINDOW + 2));
        } else if (kind < 9) {
          nc = highest + steps[random.nextInt(steps.length)];
        } else {
          nc = Math.max(1, highest - NonceCounts.WINDOW - random.nextInt(64));
        }
        nc = Math.max(1, nc);
        Use expected;
        if (nc <= highest - NonceCounts.WINDOW) {
          expected = TOO_OLD;
        } else if (used.contains(nc)) {
          expected = REPLAY;
        } else {
          expected = FIRST_USE;
        }
        assertThat(window.record("n", nc))
            .as("run %d, step %d: nc %d, highest %d", run, i, nc, highest)
            .isEqualTo(expected);
        if (expected == FIRST_USE) {
          used.add(nc);
          highest = Math.max(highest, nc);
        }
      }
    }
  }

  @Test
  void aJumpBeyondTheWindowForgetsEverythingBelowIt() {
    counts.track("n");
    counts.record("n", 1);
    counts.record("n", 2);

    assertThat(counts.record("n", 1_000)).isEqualTo(FIRST_USE);
    assertThat(counts.record("n", 2)).isEqualTo(TOO_OLD);
    assertThat(counts.record("n", 999)).isEqualTo(FIRST_USE);
  }

  @Test
  void countsBelowOneAreTooOld() {
    counts.track("n");

    assertThat(counts.record("n", 0)).isEqualTo(TOO_OLD);
    assertThat(counts.record("n", -1)).isEqualTo(TOO_OLD);
  }

  @Test
  void theHighestEightDigitCountWorks() {
    counts.track("n");

    assertThat(counts.record("n", 0xFFFFFFFFL)).isEqualTo(FIRST_USE);
    assertThat(counts.record("n", 0xFFFFFFFFL)).isEqualTo(REPLAY);
    assertThat(counts.record("n", 0xFFFFFFFEL)).isEqualTo(FIRST_USE);
  }

  @Test
  void aNonceNeverTrackedIsUntracked() {
    assertThat(counts.record("never issued", 1)).isEqualTo(UNTRACKED);
  }

  @Test
  void trackingATrackedNonceAgainKeepsItsCounts() {
    counts.track("n");
    counts.record("n", 1);
    counts.track("n");

    assertThat(counts.record("n", 1)).isEqualTo(REPLAY);
  }

  @Test
  void theEarliestNonceIsEvictedAndThenUntrackedNeverAFirstUse() {
    NonceCounts small = new NonceCounts(2);
    small.track("first");
    small.record("first", 1);
    small.track("second");
    small.track("third");

    assertThat(small.size()).isEqualTo(2);
    assertThat(small.record("first", 1)).isEqualTo(UNTRACKED);
    assertThat(small.record("first", 2)).isEqualTo(UNTRACKED);
    assertThat(small.record("second", 1)).isEqualTo(FIRST_USE);
    assertThat(small.record("third", 1)).isEqualTo(FIRST_USE);
  }

  @Test
  void aHundredThousandNoncesStayWithinTheCapacity() {
    NonceCounts bounded = new NonceCounts(1_000);
    NonceFactory factory = new NonceFactory();
    List<String> issued = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      String nonce = factory.issue("Warden");
      bounded.track(nonce);
      assertThat(bounded.record(nonce, 1)).isEqualTo(FIRST_USE);
      if (i % 1_000 == 0) {
        assertThat(bounded.size()).isLessThanOrEqualTo(1_000);
      }
      issued.add(nonce);
    }

    assertThat(bounded.size()).isEqualTo(1_000);
    assertThat(bounded.record(issued.get(0), 1)).isEqualTo(UNTRACKED);
    assertThat(bounded.record(issued.get(98_999), 1)).isEqualTo(UNTRACKED);
    assertThat(bounded.record(issued.get(99_000), 1)).isEqualTo(REPLAY);
    assertThat(bounded.record(issued.get(99_999), 2)).isEqualTo(FIRST_USE);
  }

  @Test
  void everyNonceAndCountIsAcceptedExactlyOnceAcrossThreads() throws Exception {
    int nonces = 50;
    int perNonce = 100; // within the window, so nothing is too old however the threads interleave
    int threads = 4;
    int copies = 3; // every (nonce, nc) pair is offered three times, by different threads
    NonceCounts shared = new NonceCounts(nonces);
    for (int n = 0; n < nonces; n++) {
      shared.track("nonce-" + n);
    }
    List<long[]> offers = new ArrayList<>();
    for (int copy = 0; copy < copies; copy++) {
      for (int n = 0; n < nonces; n++) {
        for (long nc = 1; nc <= perNonce; nc++) {
          offers.add(new long[] {n, nc});
        }
      }
    }
    Collections.shuffle(offers, new Random(7));
    Map<String, AtomicInteger> firstUses = new ConcurrentHashMap<>();
    AtomicInteger others = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int slice = t;
        done.add(pool.submit(() -> {
          start.await();
          for (int i = slice; i < offers.size(); i += threads) {
            long[] offer = offers.get(i);
            Use use = shared.record("nonce-" + offer[0], offer[1]);
            if (use == FIRST_USE) {
              firstUses
                  .computeIfAbsent(offer[0] + "/" + offer[1], k -> new AtomicInteger())
                  .incrementAndGet();
            } else if (use == REPLAY) {
              others.incrementAndGet();
            } else {
              throw new AssertionError(use + " for " + offer[0] + "/" + offer[1]);
            }
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(firstUses).hasSize(nonces * perNonce);
    assertThat(firstUses.values()).allMatch(count -> count.get() == 1);
    assertThat(others.get()).isEqualTo(nonces * perNonce * (copies - 1));
  }

  @Test
  void concurrentTrackingStaysWithinTheCapacity() throws Exception {
    NonceCounts bounded = new NonceCounts(500);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < 25_000; i++) {
            bounded.track(thread + "-" + i);
          }
        }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(bounded.size()).isLessThanOrEqualTo(500);
  }
}
