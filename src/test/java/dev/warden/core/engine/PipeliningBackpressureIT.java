package dev.warden.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.testing.RunningWarden;
import dev.warden.testing.Users;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What waits in Warden's stage is bounded by what one read brings: while a response is outstanding,
 * the stage stops reading the client, so a client that keeps pipelining requests meets TCP's flow
 * control instead of Warden's heap.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PipeliningBackpressureIT {

  /** Far beyond the loopback socket buffers (a few MiB each way), far below what an unpaused proxy reads in the time. */
  private static final long READ_BOUND = 24L * 1024 * 1024;

  @Test
  void stopsReadingPipelinedRequestsWhileAResponseIsOutstanding() throws Exception {
    CountDownLatch answer = new CountDownLatch(1);
    try (ServerSocket stalling = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        RunningWarden warden =
            new RunningWarden(Users.realmWith("Lab", Users.user("alice", "s3cret")))) {
      Thread origin = new Thread(() -> holdFirstResponse(stalling, answer), "stalling-origin");
      origin.setDaemon(true);
      origin.start();
      byte[] request = ("GET http://127.0.0.1:" + stalling.getLocalPort()
              + "/held HTTP/1.1\r\nHost: 127.0.0.1:" + stalling.getLocalPort()
              + "\r\nProxy-Authorization: " + Users.basic("alice", "s3cret") + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII);
      AtomicLong written = new AtomicLong();
      try (Socket client = new Socket(InetAddress.getLoopbackAddress(), warden.port())) {
        Thread flood = new Thread(() -> pipeline(client, request, written), "pipelining-client");
        flood.setDaemon(true);
        flood.start();

        // the client writes as fast as Warden takes it: once Warden stops reading, the count stalls
        long stalledAt = awaitStall(written);

        assertThat(stalledAt).isLessThan(READ_BOUND);
        assertThat(flood.isAlive())
            .as("the client is blocked in write, not finished")
            .isTrue();
      } finally {
        answer.countDown();
      }
    }
  }

  /** Waits until the written count stops growing for a second; returns it. */
  private static long awaitStall(AtomicLong written) throws InterruptedException {
    long last = -1;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      Thread.sleep(1_000);
      long now = written.get();
      if (now == last || now > READ_BOUND) {
        return now;
      }
      last = now;
    }
    return written.get();
  }

  private static void pipeline(Socket client, byte[] request, AtomicLong written) {
    byte[] batch = new byte[request.length * 64];
    for (int i = 0; i < 64; i++) {
      System.arraycopy(request, 0, batch, i * request.length, request.length);
    }
    try {
      OutputStream out = client.getOutputStream();
      while (written.get() < 4 * READ_BOUND) {
        out.write(batch);
        written.addAndGet(batch.length);
      }
    } catch (IOException closed) {
      // the test ends by closing the socket under a blocked write
    }
  }

  /** Accepts one connection, reads the first request head, answers only when told, then drains. */
  private static void holdFirstResponse(ServerSocket server, CountDownLatch answer) {
    try (Socket connection = server.accept()) {
      InputStream in = connection.getInputStream();
      int matched = 0;
      while (matched < 4) {
        int b = in.read();
        if (b < 0) {
          return;
        }
        matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
      }
      answer.await();
      connection
          .getOutputStream()
          .write(
              "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    } catch (IOException | InterruptedException ended) {
      // the test is over
    }
  }
}
