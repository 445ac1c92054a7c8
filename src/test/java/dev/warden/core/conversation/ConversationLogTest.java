package dev.warden.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.traffic.TrafficLog;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
    AtomicBoolean inside = new AtomicBoolean();
    try (ConversationLog log = new ConversationLog(traffic)) {
      log.onChanged(changed -> {
        inside.set(true);
        entered.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        inside.set(false);
      });
      traffic.record(id -> Steps.challenge(id, 1, "10.0.0.1:5000", 0));
      assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

      // a record that waited for the listener would never return: the test's timeout would fail it
      for (int i = 0; i < 1_000; i++) {
        traffic.record(id -> Steps.challenge(id, id, "10.0.0.2:5000", id));
      }

      assertThat(inside).as("the listener is still stuck").isTrue();
      release.countDown();
    }
  }

  @Test
  @Timeout(30)
  void aBurstFromManyThreadsWakesTheConversationThreadOnce() throws Exception {
    TrafficLog traffic = new TrafficLog(10_000);
    HeldReads reads = new HeldReads();
    try (ConversationLog log = new ConversationLog(
        traffic,
        new Conversations(10_000, Duration.ofSeconds(5), Duration.ofMinutes(2)),
        Clock.systemUTC(),
        reads)) {
      log.caughtUp().get(5, TimeUnit.SECONDS);
      long before = log.wakes();

      traffic.record(id -> Steps.challenge(id, id, "10.0.0.9:5000", id));
      Runnable read = reads.nextHeld();
      for (int interval = 0; interval < 5; interval++) {
        recordFromThreads(traffic, 4, 1_000);
        reads.run(read);
        read = reads.nextHeld();
      }
      // the burst is over: this read finds nothing and the thread goes idle
      reads.run(read);

      assertThat(log.wakes() - before).as("wakes for 20,001 records").isEqualTo(1);
      assertThat(reads.held).as("no read waits once the thread is idle").isEmpty();
    }
  }

  private static void recordFromThreads(TrafficLog traffic, int threads, int each)
      throws InterruptedException {
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> recorders = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      String client = "10.0.0." + (t + 1) + ":5000";
      Thread recorder = new Thread(() -> {
        try {
          go.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        for (int i = 0; i < each; i++) {
          traffic.record(id -> Steps.challenge(id, id, client, id));
        }
      });
      recorder.start();
      recorders.add(recorder);
    }
    go.countDown();
    for (Thread recorder : recorders) {
      recorder.join();
    }
  }

  /**
   * A conversation thread that holds each delayed read (the wait of a busy interval) until the test
   * runs it, so the test decides when a busy interval has passed. Reads at once run as usual.
   */
  private static final class HeldReads extends ScheduledThreadPoolExecutor {
    final BlockingQueue<Runnable> held = new LinkedBlockingQueue<>();

    HeldReads() {
      super(1);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
      if (delay <= 0) {
        return super.schedule(task, delay, unit);
      }
      held.add(task);
      return null;
    }

    Runnable nextHeld() throws InterruptedException {
      Runnable read = held.poll(5, TimeUnit.SECONDS);
      assertThat(read).as("a read held for the busy interval").isNotNull();
      return read;
    }

    void run(Runnable read) throws Exception {
      submit(read).get(5, TimeUnit.SECONDS);
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
