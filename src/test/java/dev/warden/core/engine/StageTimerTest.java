package dev.warden.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.DefaultEventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The stage's timer: expires once per arming, never early, and does not schedule per re-arm. The
 * test plays the event loop: it moves a hand clock and runs what falls due, so no test waits.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StageTimerTest {

  /**
   * A real event loop that counts the tasks scheduled on it and holds them: each runs on the test's
   * thread when {@link #advance} moves the clock past its delay, unless it was cancelled.
   */
  private static final class HandMovedLoop extends DefaultEventLoop {
    private record Held(long at, Runnable task, ScheduledFuture<?> future) {}

    final AtomicInteger scheduled = new AtomicInteger();
    private final List<Held> held = new ArrayList<>();
    private long now;

    long now() {
      return now;
    }

    @Override
    public synchronized ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
      scheduled.incrementAndGet();
      // a real future, never due on its own, so the timer can cancel it as it would any other
      ScheduledFuture<?> future = super.schedule(() -> {}, 1, TimeUnit.DAYS);
      held.add(new Held(now + unit.toNanos(delay), command, future));
      return future;
    }

    void advance(Duration by) {
      now += by.toNanos();
      List<Held> due;
      while (!(due = due()).isEmpty()) {
        for (Held h : due) {
          h.future().cancel(false);
          h.task().run();
        }
      }
    }

    private synchronized List<Held> due() {
      List<Held> due = new ArrayList<>();
      held.removeIf(h -> {
        if (h.future().isCancelled()) {
          return true;
        }
        if (h.at() <= now) {
          due.add(h);
          return true;
        }
        return false;
      });
      return due;
    }
  }

  private final HandMovedLoop loop = new HandMovedLoop();

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
  void expiresOnceNoEarlierThanTheLatestArming() {
    AtomicInteger expiries = new AtomicInteger();
    StageTimer timer = new StageTimer(loop, expiries::incrementAndGet, loop::now);

    timer.arm(Duration.ofMillis(100));
    loop.advance(Duration.ofMillis(50));
    timer.arm(Duration.ofMillis(200));

    // the first arming's deadline passes: the task finds the deadline moved and waits on
    loop.advance(Duration.ofMillis(50));
    assertThat(expiries.get()).isZero();
    loop.advance(Duration.ofMillis(149));
    assertThat(expiries.get()).isZero();
    loop.advance(Duration.ofMillis(1));
    assertThat(expiries.get()).isEqualTo(1);
    loop.advance(Duration.ofSeconds(10));
    assertThat(expiries.get()).isEqualTo(1);
  }

  @Test
  void neverExpiresOnceDisarmed() {
    AtomicInteger expiries = new AtomicInteger();
    StageTimer timer = new StageTimer(loop, expiries::incrementAndGet, loop::now);

    timer.arm(Duration.ofMillis(50));
    timer.disarm();
    loop.advance(Duration.ofSeconds(10));

    assertThat(expiries.get()).isZero();
  }

  @Test
  void schedulesEarlierWhenArmedForASoonerDeadline() {
    AtomicInteger expiries = new AtomicInteger();
    StageTimer timer = new StageTimer(loop, expiries::incrementAndGet, loop::now);

    timer.arm(Duration.ofSeconds(30));
    timer.arm(Duration.ofMillis(50));
    loop.advance(Duration.ofMillis(50));

    assertThat(expiries.get()).isEqualTo(1);
    assertThat(loop.scheduled.get()).isEqualTo(2);
    loop.advance(Duration.ofSeconds(60));
    assertThat(expiries.get()).as("the cancelled 30 s task never fires").isEqualTo(1);
  }
}
