package dev.warden.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.traffic.TrafficLog;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ConversationLogTest {

  @Test
  void linksWhatTheTrafficLogRecords() throws Exception {
    TrafficLog traffic = new TrafficLog(100);
    Clock atTheRetry = Clock.fixed(Steps.T0.plusMillis(5), ZoneOffset.UTC);
    try (ConversationLog log = new ConversationLog(
        traffic, new Conversations(10, Duration.ofSeconds(5), Duration.ofMinutes(2)), atTheRetry)) {
      traffic.record(id -> Steps.challenge(id, 7, "10.0.0.5:5000", 0));
      traffic.record(id -> Steps.accepted(id, 7, "10.0.0.5:5000", 5, "alice"));
      log.caughtUp().get(5, TimeUnit.SECONDS);

      assertThat(log.ofExchange(2))
          .hasValueSatisfying(
              c -> assertThat(c.verdict()).isEqualTo(ConversationVerdict.AUTHENTICATED));
    }
  }

  @Test
  @Timeout(10)
  void recordingNeverWaitsForAStuckListener() throws Exception {
    TrafficLog traffic = new TrafficLog(100);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch entered = new CountDownLatch(1);
    try (ConversationLog log = new ConversationLog(traffic)) {
      log.onChanged(changed -> {
        entered.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      traffic.record(id -> Steps.challenge(id, 1, "10.0.0.1:5000", 0));
      assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

      long start = System.nanoTime();
      for (int i = 0; i < 1_000; i++) {
        traffic.record(id -> Steps.challenge(id, id, "10.0.0.2:5000", id));
      }
      long tookMillis = (System.nanoTime() - start) / 1_000_000;
      release.countDown();

      assertThat(tookMillis)
          .as("1,000 records behind a stuck listener took %d ms", tookMillis)
          .isLessThan(2_000);
    }
  }

  @Test
  void tellsWhenTheRetryWindowPassesWithoutNewTraffic() throws Exception {
    TrafficLog traffic = new TrafficLog(100);
    // the exchange ended at T0 + 2 ms; the clock is 1 s later, past the 500 ms window
    Clock later = Clock.fixed(Steps.T0.plusSeconds(1), ZoneOffset.UTC);
    List<Conversation> told = new CopyOnWriteArrayList<>();
    try (ConversationLog log = new ConversationLog(
        traffic, new Conversations(10, Duration.ofMillis(500), Duration.ofMinutes(2)), later)) {
      log.onChanged(told::addAll);
      traffic.record(id -> Steps.challenge(id, 1, "10.0.0.1:5000", 0));

      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (told.stream().noneMatch(c -> c.verdict() == ConversationVerdict.NEVER_RETRIED)
          && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(told)
          .extracting(Conversation::verdict)
          .contains(ConversationVerdict.NEVER_RETRIED);
    }
  }
}
