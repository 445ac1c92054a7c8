package dev.warden.cli;

import dev.warden.core.har.HarOptions;
import dev.warden.core.har.HarWriter;
import dev.warden.core.traffic.Exchange;
import dev.warden.core.traffic.TrafficFollower;
import dev.warden.core.traffic.TrafficLog;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Objects;

/**
 * Headless {@code --har FILE}: every exchange of the run, written as one HAR when the run stops.
 *
 * <p>Entries are streamed as they are recorded into {@code FILE.partial} beside the target, so
 * memory stays bounded however long the run; {@link #close} writes the rest, ends the JSON and moves
 * the file into place in one step, so {@code FILE} is either absent or a complete HAR (a run killed
 * with SIGKILL leaves only the partial file). Exchanges the traffic log overwrote before they could
 * be written are counted in the file.
 *
 * <p>Threads: a {@link TrafficFollower} writes on a thread of its own (network threads only set a
 * flag); {@link #close} from any other thread.
 */
public final class HarRecording {

  private static final Duration BUSY_INTERVAL = Duration.ofMillis(50);

  private final Path target;
  private final Path partial;
  private final HarWriter writer;
  private final TrafficFollower follower;
  private boolean closed;

  private HarRecording(TrafficLog traffic, Path target, HarOptions options) throws IOException {
    this.target = target.toAbsolutePath();
    this.partial = this.target.resolveSibling(this.target.getFileName() + ".partial");
    this.writer =
        new HarWriter(new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16), options);
    this.follower =
        TrafficFollower.start(traffic, 0, "warden-har", BUSY_INTERVAL, new Entries(writer));
  }

  /**
   * Starts writing every exchange recorded from now on (and what the log holds already).
   *
   * @throws IOException when {@code FILE.partial} cannot be created
   */
  public static HarRecording start(TrafficLog traffic, Path target, HarOptions options)
      throws IOException {
    return new HarRecording(
        Objects.requireNonNull(traffic),
        Objects.requireNonNull(target),
        Objects.requireNonNull(options));
  }

  public Path target() {
    return target;
  }

  /** The HAR's entries, on the follower's thread; the writer buffers and is flushed when closed. */
  private record Entries(HarWriter writer) implements TrafficFollower.Sink {
    @Override
    public void missed(long count) throws IOException {
      writer.missed(count);
    }

    @Override
    public void exchange(Exchange exchange) throws IOException {
      writer.write(exchange);
    }

    @Override
    public void batchEnd() {
      // the file is only read once complete: nothing to flush per batch
    }
  }

  /**
   * Writes what was recorded until now, ends the HAR and moves it to the target. Waits for the
   * writer thread at most {@code timeout}. Call after the proxy stopped, so nothing comes after.
   * Any thread except the writer's; only the first call does anything.
   *
   * @return how many exchanges the file holds
   * @throws IOException when the file could not be written or moved (the partial file is left)
   */
  public synchronized long close(Duration timeout) throws IOException {
    if (closed) {
      return writer.written();
    }
    closed = true;
    if (!follower.stop(timeout)) {
      throw new IOException("the HAR writer did not finish within " + timeout.toMillis() + " ms; "
          + partial + " is incomplete");
    }
    follower.drainRest();
    writer.close();
    try {
      Files.move(
          partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
    }
    return writer.written();
  }
}
