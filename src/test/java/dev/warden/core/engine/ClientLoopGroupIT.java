package dev.warden.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoop;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.FastThreadLocalThread;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClientLoopGroupIT {

  private final ClientLoopGroup group = new ClientLoopGroup(2, () -> {
    throw new AssertionError("no client connection in these tests");
  });

  @AfterEach
  void shutDown() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }

  @Test
  void aConnectionOpenedFromALoopIsRegisteredOnThatLoop() throws Exception {
    for (int i = 0; i < 4; i++) {
      EventLoop opener = group.next();
      EventLoop registeredOn = opener
          .submit(() -> {
            NioSocketChannel outgoing = new NioSocketChannel();
            group.register(outgoing).syncUninterruptibly();
            EventLoop loop = outgoing.eventLoop();
            outgoing.close();
            return loop;
          })
          .get(5, TimeUnit.SECONDS);

      assertThat(registeredOn).isSameAs(opener);
    }
  }

  @Test
  void loopsRunOnThreadsThatKeepNettysStateInAField() throws Exception {
    for (int i = 0; i < 2; i++) {
      boolean fast = group
          .next()
          .submit(FastThreadLocalThread::currentThreadHasFastThreadLocal)
          .get(5, TimeUnit.SECONDS);

      assertThat(fast).isTrue();
    }
  }

  @Test
  void callersOutsideTheLoopsAreSpreadOverAllOfThem() {
    Set<EventLoop> chosen = new HashSet<>();
    for (int i = 0; i < 4; i++) {
      chosen.add(group.next());
    }
    assertThat(chosen).hasSize(2);
  }
}
