package dev.warden.cli;

import dev.warden.core.har.HarOptions;
import dev.warden.core.har.HarWriter;
import dev.warden.core.traffic.TrafficLog;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Headless {@code --har FILE}: every exchange of the run, written as one HAR when the run stops.
 *
 * <p>Entries are streamed as they are recorded into {@code FILE.partial} beside the target, so
 * memory stays bounded however long the run; {@link #close} writes the rest, ends the JSON and moves
 * the file into place in one step, so {@code FILE} is either absent or a complete HAR (a run killed
 * with SIGKILL leaves only the partial file). Exchanges the traffic log overwrote before they could
 * be written are counted in the file.
 *
 * <p>Threads: as {@link AccessLog}: the log's listener, on network threads, only sets a flag and
 * unparks the writer; the writer thread reads its own cursor. {@link #close} from any other thread.
 */
public final class HarRecording {

  private static final int BATCH = 512;
  private static final Duration BUSY_INTERVAL = Duration.ofMillis(50);

  private final TrafficLog traffic;
  private final Path target;
  private final Path partial;
  private final HarWriter writer;
  private final Thread thread;
  private final Runnable unsubscribe;
  private final AtomicBoolean pending = new AtomicBoolean();
  private volatile boolean closing;
  private volatile IOException failure;
  private long cursor;

  private HarRecording(TrafficLog traffic, Path target, HarOptions options) throws IOException {
    this.traffic = traffic;
    this.target = target.toAbsolutePath();
    this.partial = this.target.resolveSibling(this.target.getFileName() + ".partial");
    this.writer = new HarWriter(new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16), options);
    this.thread = new Thread(this::run, "warden-har");
    this.thread.setDaemon(true);
    this.unsubscribe = traffic.onRecorded(this::wake);
  }

  /**
   * Starts writing every exchange recorded from now on (and what the log holds already).
   *
   * @throws IOException when {@code FILE.partial} cannot be created
   */
  public static HarRecording start(TrafficLog traffic, Path target, HarOptions options) throws IOException {
    HarRecording recording = new HarRecording(Objects.requireNonNull(traffic), Objects.requireNonNull(target),
        Objects.requireNonNull(options));
    recording.thread.start();
    recording.wake();
    return recording;
  }

  public Path target() {
    return target;
  }

  private void wake() {
    if (!pending.get() && !pending.getAndSet(true)) {
      LockSupport.unpark(thread);
    }
  }

  private void run() {
    try {
      while (!closing) {
        if (drain() > 0) {
          LockSupport.parkNanos(this, BUSY_INTERVAL.toNanos());
          continue;
        }
        pending.set(false);
        if (drain() == 0 && !closing) {
          LockSupport.park(this);
        }
      }
    } catch (UncheckedIOException e) {
      failure = e.getCause();
    }
  }

  private long drain() {
    long start = cursor;
    try {
      while (true) {
        TrafficLog.Batch batch = traffic.since(cursor, BATCH);
        if (batch.next() == cursor && batch.missed() == 0) {
          return cursor - start;
        }
        writer.missed(batch.missed());
        for (var exchange : batch.exchanges()) {
          writer.write(exchange);
        }
        cursor = batch.next();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
    if (closing) {
      return writer.written();
    }
    unsubscribe.run();
    closing = true;
    LockSupport.unpark(thread);
    try {
      thread.join(Math.max(1, timeout.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      throw new IOException("the HAR writer did not finish within " + timeout.toMillis() + " ms; "
          + partial + " is incomplete");
    }
    if (failure != null) {
      throw failure;
    }
    try {
      drain();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    writer.close();
    try {
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
    }
    return writer.written();
  }
}
