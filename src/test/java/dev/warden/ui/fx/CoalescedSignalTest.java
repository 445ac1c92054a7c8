package dev.warden.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CoalescedSignalTest {

  private final Queue<Runnable> queued = new ArrayDeque<>();
  private final AtomicInteger runs = new AtomicInteger();
  private final CoalescedSignal signal = new CoalescedSignal(queued::add, runs::incrementAndGet);

  @Test
  void aBurstOfSignalsQueuesOneRun() {
    for (int i = 0; i < 1_000; i++) {
      signal.signal();
    }

    assertThat(queued).hasSize(1);
    queued.poll().run();
    assertThat(runs).hasValue(1);
  }

  @Test
  void aSignalAfterTheRunStartedQueuesAnother() {
    signal.signal();
    queued.poll().run();

    signal.signal();

    assertThat(queued).hasSize(1);
  }
}
