package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.auth.AuthOutcome;
import dev.warden.core.traffic.Exchange;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class PreformattedLinesTest {

  /** An exchange whose line names its id (as its status), so one exchange's line cannot pass for another's. */
  private static Exchange numbered(long id) {
    return Exchanges.get(
        id, new AuthOutcome.Authenticated("Basic", "alice", "Warden"), (int) (id % 1000), null);
  }

  @Test
  void givesTheLineTheAccessLogWouldHaveFormattedItself() {
    PreformattedLines lines = new PreformattedLines(8);
    lines.put(numbered(5));

    assertThat(lines.take(5)).isEqualTo(AccessLogLine.of(numbered(5)));
  }

  @Test
  void givesNothingForAnExchangeWhoseSlotALaterOneTook() {
    PreformattedLines lines = new PreformattedLines(2);
    lines.put(numbered(1));
    lines.put(numbered(3));

    assertThat(lines.take(1)).isNull();
    assertThat(lines.take(3)).isEqualTo(AccessLogLine.of(numbered(3)));
  }

  @Test
  void givesNothingForAnExchangeNeverFormatted() {
    assertThat(new PreformattedLines(4).take(7)).isNull();
  }

  @Test
  void neverGivesAnotherExchangesLineWhileWritersRaceForTheSameSlots() throws Exception {
    PreformattedLines lines = new PreformattedLines(4);
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch started = new CountDownLatch(2);
    List<Thread> writers = new ArrayList<>();
    for (int w = 0; w < 2; w++) {
      int offset = w;
      Thread t = new Thread(() -> {
        started.countDown();
        for (long id = 1 + offset; !stop.get(); id += 2) {
          lines.put(numbered(id % 997 + 1));
        }
      });
      writers.add(t);
      t.start();
    }
    started.await();
    List<String> wrong = new ArrayList<>();
    int found = 0;
    for (int round = 0; round < 200_000 && wrong.size() < 5; round++) {
      long id = round % 997 + 1;
      String line = lines.take(id);
      if (line != null) {
        found++;
        if (!line.equals(AccessLogLine.of(numbered(id)))) {
          wrong.add(id + " -> " + line);
        }
      }
    }
    stop.set(true);
    for (Thread t : writers) {
      t.join();
    }
    assertThat(wrong).isEmpty();
    assertThat(found).as("lines found while the writers ran").isPositive();
  }

  @Test
  void refusesACapacityBelowOne() {
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> new PreformattedLines(0))
        .withMessageContaining("at least 1");
  }
}
