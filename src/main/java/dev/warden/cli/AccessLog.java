package dev.warden.cli;

import dev.warden.core.traffic.Exchange;
import dev.warden.core.traffic.TrafficFollower;
import dev.warden.core.traffic.TrafficLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.util.Objects;

/**
 * Writes one {@link AccessLogLine} per recorded exchange, on a thread of its own (a
 * {@link TrafficFollower}). The recording thread formats the line as it records, into {@link
 * PreformattedLines} (bounded by the log's capacity; see there why), and otherwise only sets a flag;
 * the writer thread writes, and formats itself only what found no line there. When the writer falls behind by more
 * than the traffic log holds, the overwritten exchanges are reported as one {@code # N exchanges
 * dropped ...} line instead of queueing without bound. Output is buffered and flushed once per batch;
 * under load a batch gathers for up to {@link #BUSY_INTERVAL}.
 */
public final class AccessLog implements AutoCloseable {

  /** How long a busy writer lets lines gather before the next write: the log's added latency. */
  static final Duration BUSY_INTERVAL = Duration.ofMillis(20);

  private final TrafficFollower follower;
  private final Runnable stopFormatting;
  private volatile boolean closed;

  private AccessLog(TrafficFollower follower, Runnable stopFormatting) {
    this.follower = follower;
    this.stopFormatting = stopFormatting;
  }

  /**
   * Starts logging every exchange recorded from position {@code cursor} on (0: everything the log
   * still holds).
   *
   * @param out where lines go; the caller should pass a buffered writer, flushed here per batch
   */
  public static AccessLog start(TrafficLog traffic, Writer out, long cursor) {
    Objects.requireNonNull(out);
    PreformattedLines preformatted = new PreformattedLines(traffic.capacity());
    Runnable stopFormatting = traffic.onEachRecorded(preformatted::put);
    return new AccessLog(
        TrafficFollower.start(
            traffic, cursor, "warden-access-log", BUSY_INTERVAL, new Lines(out, preformatted)),
        stopFormatting);
  }

  /** The access log's lines, on the follower's thread. */
  private record Lines(Writer out, PreformattedLines preformatted) implements TrafficFollower.Sink {
    @Override
    public void missed(long count) throws IOException {
      out.write("# " + count + " exchanges dropped before they could be logged\n");
    }

    @Override
    public void exchange(Exchange exchange) throws IOException {
      String line = preformatted.take(exchange.id());
      out.write(line != null ? line : AccessLogLine.of(exchange));
      out.write('\n');
    }

    @Override
    public void batchEnd() throws IOException {
      out.flush();
    }
  }

  /**
   * Stops listening, writes what was recorded until now and flushes. Waits for the writer thread at
   * most {@code timeout}. Any thread except the writer's; idempotent.
   */
  public void close(Duration timeout) {
    if (closed) {
      return;
    }
    closed = true;
    stopFormatting.run();
    if (follower.stop(timeout)) {
      try {
        follower.drainRest();
      } catch (IOException | UncheckedIOException stdoutGone) {
        // nothing to tell: the stream the log would be told on is the one that failed
      }
    }
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(2));
  }
}
