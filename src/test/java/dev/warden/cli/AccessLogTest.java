package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.warden.core.traffic.TrafficLog;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class AccessLogTest {

  @Test
  void writesOneLinePerRecordedExchangeFromItsOwnThreadWhileRunning() throws Exception {
    TrafficLog traffic = new TrafficLog(100);
    ThreadRecordingWriter out = new ThreadRecordingWriter();
    AccessLog log = AccessLog.start(traffic, out, 0);

    for (int i = 1; i <= 3; i++) {
      traffic.record(Exchanges::authenticated);
    }
    // before close: lines written only by close's final drain would not count
    awaitLines(out.text, 3);
    log.close(Duration.ofSeconds(2));

    assertThat(out.text.toString().lines()).hasSize(3).allMatch(l -> l.contains(" alice GET "));
    assertThat(out.writers).containsOnly("warden-access-log");
  }

  @Test
  void recordingNeverWaitsForAWriterThatIsStuck() throws Exception {
    TrafficLog traffic = new TrafficLog(100);
    CountDownLatch unblock = new CountDownLatch(1);
    StringWriter written = new StringWriter();
    Writer stuck = new Writer() {
      @Override
      public void write(char[] chars, int offset, int length) throws IOException {
        try {
          unblock.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new java.io.InterruptedIOException();
        }
        written.write(chars, offset, length);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    AccessLog log = AccessLog.start(traffic, stuck, 0);
    try {
      assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
        for (int i = 0; i < 1_000; i++) {
          traffic.record(Exchanges::authenticated);
        }
      });
    } finally {
      unblock.countDown();
      log.close(Duration.ofSeconds(5));
    }
    assertThat(written.toString()).contains(" alice GET ");
  }

  @Test
  void writesWhatWasRecordedBeforeItStarted() {
    TrafficLog traffic = new TrafficLog(100);
    traffic.record(Exchanges::authenticated);
    StringWriter out = new StringWriter();

    AccessLog.start(traffic, out, 0).close(Duration.ofSeconds(2));

    assertThat(out.toString().lines()).hasSize(1);
  }

  @Test
  void reportsExchangesOverwrittenBeforeTheyCouldBeLogged() {
    TrafficLog traffic = new TrafficLog(10);
    for (int i = 1; i <= 25; i++) {
      traffic.record(Exchanges::authenticated);
    }
    StringWriter out = new StringWriter();

    AccessLog.start(traffic, out, 0).close(Duration.ofSeconds(2));

    assertThat(out.toString().lines())
        .hasSize(11)
        .first()
        .isEqualTo("# 15 exchanges dropped before they could be logged");
  }

  @Test
  void logsEveryExchangeRecordedConcurrentlyAndFlushesOnClose() throws Exception {
    TrafficLog traffic = new TrafficLog(100_000);
    StringWriter out = new StringWriter();
    AccessLog log = AccessLog.start(traffic, out, 0);
    Thread[] recorders = new Thread[4];
    for (int t = 0; t < recorders.length; t++) {
      recorders[t] = new Thread(() -> {
        for (int i = 0; i < 2_500; i++) {
          traffic.record(Exchanges::authenticated);
        }
      });
      recorders[t].start();
    }
    for (Thread t : recorders) {
      t.join();
    }

    log.close(Duration.ofSeconds(5));

    assertThat(out.toString().lines()).hasSize(10_000);
  }

  @Test
  void stopsWritingAfterClose() {
    TrafficLog traffic = new TrafficLog(100);
    StringWriter out = new StringWriter();
    AccessLog log = AccessLog.start(traffic, out, 0);
    log.close(Duration.ofSeconds(2));

    traffic.record(Exchanges::authenticated);
    log.close(Duration.ofSeconds(2));

    assertThat(out.toString()).isEmpty();
  }

  private static void awaitLines(StringWriter out, int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (out.toString().lines().count() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "only " + out.toString().lines().count() + " of " + count + " lines written in 5 s");
      }
      Thread.sleep(5);
    }
  }

  /** Keeps what is written, and the names of the threads that wrote it. */
  private static final class ThreadRecordingWriter extends Writer {
    final StringWriter text = new StringWriter();
    final Set<String> writers = ConcurrentHashMap.newKeySet();

    @Override
    public void write(char[] chars, int offset, int length) {
      writers.add(Thread.currentThread().getName());
      synchronized (text) {
        text.write(chars, offset, length);
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
