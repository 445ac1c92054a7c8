package dev.warden.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.AsciiString;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DateFieldTest {

  @Test
  void writesTheImfFixdateOfTheSecond() {
    assertThat(DateField.at(784_111_777_000L)).isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT");
    assertThat(DateField.at(784_111_777_999L)).isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT");
  }

  @Test
  void movesOnWhenTheSecondChangesEitherWay() {
    assertThat(DateField.at(784_111_777_500L)).isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT");
    assertThat(DateField.at(784_111_778_000L)).isEqualTo("Sun, 06 Nov 1994 08:49:38 GMT");
    // a clock set back must not keep the later text
    assertThat(DateField.at(784_111_776_999L)).isEqualTo("Sun, 06 Nov 1994 08:49:36 GMT");
  }

  @Test
  void givesTheWireTheSameTextAsTheRecord() {
    // the two may straddle a second boundary: the later read must match one of the two texts
    String before = DateField.now();
    String wire = DateField.nowAscii().toString();
    String after = DateField.now();
    assertThat(wire).isIn(before, after);
    AsciiString one = DateField.nowAscii();
    assertThat(one.toByteArray()).isEqualTo(one.toString().getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void givesEveryThreadTheTextOfTheSecondItAskedFor() throws InterruptedException {
    int threads = 4;
    CountDownLatch start = new CountDownLatch(1);
    AtomicReference<String> wrong = new AtomicReference<>();
    List<Thread> all = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int offset = t;
      Thread thread = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          return;
        }
        for (int i = 0; i < 20_000; i++) {
          long second = 784_111_777L + (i + offset) % 3;
          String text = DateField.at(second * 1000);
          String expected = "Sun, 06 Nov 1994 08:49:" + (37 + (i + offset) % 3) + " GMT";
          if (!text.equals(expected)) {
            wrong.compareAndSet(null, text + " for " + expected);
          }
        }
      });
      thread.start();
      all.add(thread);
    }
    start.countDown();
    for (Thread thread : all) {
      thread.join();
    }
    assertThat(wrong.get()).isNull();
  }
}
