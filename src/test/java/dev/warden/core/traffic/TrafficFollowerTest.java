package dev.warden.core.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class TrafficFollowerTest {

  /** Records what it is handed; throws on the exchange whose id is {@code failOn}. */
  private static final class Recording implements TrafficFollower.Sink {
    final List<Long> ids = new CopyOnWriteArrayList<>();
    final List<Long> missed = new CopyOnWriteArrayList<>();
    final long failOn;

    Recording(long failOn) {
      this.failOn = failOn;
    }

    @Override
    public void missed(long count) {
      missed.add(count);
    }

    @Override
    public void exchange(Exchange exchange) throws IOException {
      if (exchange.id() == failOn) {
        throw new IOException("disk full");
      }
      ids.add(exchange.id());
    }

    @Override
    public void batchEnd() {}
  }

  @Test
  void handsOnEveryExchangeInRecordOrderWithTheRestAfterStopping() throws IOException {
    TrafficLog log = new TrafficLog(100);
    Recording sink = new Recording(-1);
    TrafficFollower follower =
        TrafficFollower.start(log, 0, "test-follower", Duration.ofMillis(1), sink);
    for (long id = 1; id <= 50; id++) {
      long n = id;
      log.record(position -> TrafficLogTest.exchange(n));
    }

    assertThat(follower.stop(Duration.ofSeconds(5))).isTrue();
    follower.drainRest();

    assertThat(sink.ids).hasSize(50).isSorted();
    assertThat(sink.missed).isEmpty();
  }

  @Test
  void countsWhatTheLogOverwroteBeforeItWasRead() throws IOException {
    TrafficLog log = new TrafficLog(10);
    for (long id = 1; id <= 25; id++) {
      long n = id;
      log.record(position -> TrafficLogTest.exchange(n));
    }
    Recording sink = new Recording(-1);
    TrafficFollower follower =
        TrafficFollower.start(log, 0, "test-follower", Duration.ofMillis(1), sink);

    assertThat(follower.stop(Duration.ofSeconds(5))).isTrue();
    follower.drainRest();

    assertThat(sink.missed.stream().mapToLong(Long::longValue).sum()).isEqualTo(15);
    assertThat(sink.ids).containsExactly(16L, 17L, 18L, 19L, 20L, 21L, 22L, 23L, 24L, 25L);
  }

  @Test
  void reportsTheSinksFailureWhenDrainingTheRest() {
    TrafficLog log = new TrafficLog(100);
    Recording sink = new Recording(3);
    TrafficFollower follower =
        TrafficFollower.start(log, 0, "test-follower", Duration.ofMillis(1), sink);
    for (long id = 1; id <= 5; id++) {
      long n = id;
      log.record(position -> TrafficLogTest.exchange(n));
    }

    assertThat(follower.stop(Duration.ofSeconds(5))).isTrue();
    assertThatThrownBy(follower::drainRest).isInstanceOf(IOException.class).hasMessage("disk full");
    assertThat(sink.ids).containsExactly(1L, 2L);
  }
}
