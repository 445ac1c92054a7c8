package dev.warden.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.DefaultEventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The stage's timer: expires once per arming, never early, and does not schedule per re-arm. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StageTimerTest {

  /** A real event loop that counts the tasks scheduled on it. */
  private static final class CountingLoop extends DefaultEventLoop {
    final AtomicInteger scheduled = new AtomicInteger();

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
      scheduled.incrementAndGet();
      return super.schedule(command, delay, unit);
    }
  }

  private final CountingLoop loop = new CountingLoop();

  @AfterEach
  void stop() {
    loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
  }

  @Test
  void schedulesOnceForAThousandReArmingsOfTheSameDeadline() throws Exception {
    StageTimer timer = new StageTimer(loop, () -> {});

    loop.submit(() -> {
          for (int i = 0; i < 1000; i++) {
            timer.arm(Duration.ofSeconds(30));
            timer.disarm();
          }
        })
        .get();

    assertThat(loop.scheduled.get()).isEqualTo(1);
  }

  @Test
  void expiresOnceNoEarlierThanTheLatestArming() throws Exception {
    CountDownLatch expired = new CountDownLatch(1);
    AtomicInteger expiries = new AtomicInteger();
    AtomicLong expiredAt = new AtomicLong();
    StageTimer timer = new StageTimer(loop, () -> {
      expiries.incrementAndGet();
      expiredAt.set(System.nanoTime());
      expired.countDown();
    });
    long start = System.nanoTime();
    loop.submit(() -> timer.arm(Duration.ofMillis(100))).get();
    Thread.sleep(50);
    long rearmedAt = System.nanoTime();
    loop.submit(() -> timer.arm(Duration.ofMillis(200))).get();

    assertThat(expired.await(5, TimeUnit.SECONDS)).isTrue();
    Thread.sleep(300);

    assertThat(expiries.get()).isEqualTo(1);
    assertThat(expiredAt.get() - rearmedAt)
        .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(200));
    assertThat(expiredAt.get() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(250));
  }

  @Test
  void neverExpiresOnceDisarmed() throws Exception {
    AtomicInteger expiries = new AtomicInteger();
    StageTimer timer = new StageTimer(loop, expiries::incrementAndGet);

    loop.submit(() -> {
          timer.arm(Duration.ofMillis(50));
          timer.disarm();
        })
        .get();
    Thread.sleep(300);

    assertThat(expiries.get()).isZero();
  }

  @Test
  void schedulesEarlierWhenArmedForASoonerDeadline() throws Exception {
    CountDownLatch expired = new CountDownLatch(1);
    StageTimer timer = new StageTimer(loop, expired::countDown);
    long start = System.nanoTime();

    loop.submit(() -> {
          timer.arm(Duration.ofSeconds(30));
          timer.arm(Duration.ofMillis(50));
        })
        .get();

    assertThat(expired.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(5));
    assertThat(loop.scheduled.get()).isEqualTo(2);
  }
}
