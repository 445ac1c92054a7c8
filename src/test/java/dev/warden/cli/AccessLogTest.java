package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.traffic.TrafficLog;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AccessLogTest {

  @Test
  void writesOneLinePerRecordedExchangeFromItsOwnThread() throws Exception {
    TrafficLog traffic = new TrafficLog(100);
    StringWriter out = new StringWriter();
    AccessLog log = AccessLog.start(traffic, out, 0);

    for (int i = 1; i <= 3; i++) {
      traffic.record(Exchanges::authenticated);
    }
    awaitLines(out, 3);
    log.close(Duration.ofSeconds(2));

    assertThat(out.toString().lines()).hasSize(3).allMatch(l -> l.contains(" alice GET "));
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
      recorders[t] =
          new Thread(
              () -> {
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
    while (out.toString().lines().count() < count && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
  }
}
