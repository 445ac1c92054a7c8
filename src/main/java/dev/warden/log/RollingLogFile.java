package dev.warden.log;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A log file rolled at a size: entries go to {@code warden.log}; when the next entry would take it
 * past {@code maxBytes}, it becomes {@code warden.log.1} (the older {@code .1} becomes {@code .2},
 * and so on) and a new {@code warden.log} starts, so at most {@code files} files of at most
 * {@code maxBytes} each exist (an entry larger than {@code maxBytes} gets a file of its own).
 *
 * <p>Threads: {@link #append} never blocks and never does I/O: it queues the entry (bounded; when
 * full the entry is dropped and counted, and the count is written once there is room), and one
 * daemon thread of its own writes the queue out. New files are owner-only on POSIX: the log names
 * users and client addresses (never a password).
 */
public final class RollingLogFile implements AutoCloseable {

  /** The name of the current file. */
  public static final String NAME = "warden.log";

  private static final int QUEUE = 4096;

  private final Path file;
  private final long maxBytes;
  private final int files;
  private final BlockingQueue<String> queue = new ArrayBlockingQueue<>(QUEUE);
  private final AtomicLong dropped = new AtomicLong();
  private final Thread writer;
  private volatile boolean closing;
  /** Written by the writer thread only. */
  private OutputStream out;

  private long size;

  /**
   * Opens (appends to) {@code warden.log} in {@code folder}, creating the folder if needed.
   *
   * @throws IOException when the folder or the file cannot be made or opened
   */
  public RollingLogFile(Path folder, long maxBytes, int files) throws IOException {
    if (maxBytes < 1 || files < 1) {
      throw new IllegalArgumentException("maxBytes and files must be positive");
    }
    Files.createDirectories(folder);
    this.file = folder.resolve(NAME);
    this.maxBytes = maxBytes;
    this.files = files;
    this.out = open(file, true);
    this.size = Files.size(file);
    this.writer = new Thread(this::writeQueued, "warden-log-writer");
    writer.setDaemon(true);
    writer.start();
  }

  /** The current file. */
  public Path file() {
    return file;
  }

  /** Queues one entry (ending with a line break) to be written. Never blocks. */
  public void append(String entry) {
    if (closing || !queue.offer(entry)) {
      dropped.incrementAndGet();
    }
  }

  /** Writes what is queued (waiting at most two seconds) and closes the file. Idempotent. */
  @Override
  public void close() {
    closing = true;
    try {
      writer.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void writeQueued() {
    try {
      while (!closing || !queue.isEmpty()) {
        String entry = queue.poll(100, TimeUnit.MILLISECONDS);
        if (entry != null) {
          write(entry);
        }
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
          write(java.time.Instant.now() + " [warden-log-writer] WARN "
              + RollingLogFile.class.getName() + " - " + lost
              + " log entries dropped: they came faster than the disk took them\n");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      System.err.println("Warden stopped writing its log file " + file + ": " + e.getMessage());
    } finally {
      try {
        out.close();
      } catch (IOException e) {
        System.err.println("Warden could not close its log file " + file + ": " + e.getMessage());
      }
    }
  }

  private void write(String entry) throws IOException {
    byte[] bytes = entry.getBytes(StandardCharsets.UTF_8);
    if (size > 0 && size + bytes.length > maxBytes) {
      roll();
    }
    out.write(bytes);
    out.flush();
    size += bytes.length;
  }

  /** warden.log.(n-1) → warden.log.n, ..., warden.log → warden.log.1; the oldest is dropped. */
  private void roll() throws IOException {
    out.close();
    if (files == 1) {
      Files.delete(file);
    } else {
      Files.deleteIfExists(numbered(files - 1));
      for (int n = files - 2; n >= 1; n--) {
        if (Files.exists(numbered(n))) {
          Files.move(numbered(n), numbered(n + 1), StandardCopyOption.REPLACE_EXISTING);
        }
      }
      Files.move(file, numbered(1), StandardCopyOption.REPLACE_EXISTING);
    }
    out = open(file, false);
    size = 0;
  }

  private Path numbered(int n) {
    return file.resolveSibling(NAME + "." + n);
  }

  private static OutputStream open(Path file, boolean append) throws IOException {
    if (!Files.exists(file)
        && file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    return Files.newOutputStream(
        file,
        StandardOpenOption.CREATE,
        StandardOpenOption.WRITE,
        append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
  }
}
