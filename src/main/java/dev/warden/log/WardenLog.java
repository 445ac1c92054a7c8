package dev.warden.log;

import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.event.Level;

/**
 * Where Warden's log entries go (Warden's own slf4j backend, see {@link WardenLogProvider}):
 * warnings and errors of every logger to standard error, as before; and, once {@link #writeTo} named
 * a folder, to the {@link RollingLogFile} there: information of Warden's own loggers
 * ({@code dev.warden.*}, e.g. lockouts starting and ending) and warnings and errors of all (LittleProxy
 * and Netty stay at warnings: LittleProxy logs the raw Proxy-Authorization at debug level).
 *
 * <p>Thread-safe; writing an entry never blocks on the file (see {@link RollingLogFile}).
 */
public final class WardenLog {

  /** 5 MiB per file. */
  public static final long MAX_BYTES = 5L << 20;
  /** warden.log and two older ones. */
  public static final int FILES = 3;

  private static volatile RollingLogFile file;

  private WardenLog() {}

  /**
   * Writes the log to {@code warden.log} in {@code folder} from now on (5 MiB × 3 files), and closes
   * it when the JVM exits. Any thread.
   *
   * @return the file written
   * @throws IOException when it cannot be opened; logging to standard error goes on
   */
  public static Path writeTo(Path folder) throws IOException {
    Path written = writeTo(folder, MAX_BYTES, FILES);
    Runtime.getRuntime()
        .addShutdownHook(new Thread(WardenLog::stopWritingFile, "warden-log-close"));
    return written;
  }

  /** {@link #writeTo(Path)} with another size and number of files (tests). */
  public static synchronized Path writeTo(Path folder, long maxBytes, int files)
      throws IOException {
    RollingLogFile opened = new RollingLogFile(folder, maxBytes, files);
    RollingLogFile before = file;
    file = opened;
    if (before != null) {
      before.close();
    }
    return opened.file();
  }

  /** Writes out what is queued and stops writing the file; standard error goes on. Any thread. */
  public static synchronized void stopWritingFile() {
    RollingLogFile before = file;
    file = null;
    if (before != null) {
      before.close();
    }
  }

  /** Whether an entry of {@code level} from logger {@code name} goes anywhere. */
  static boolean enabled(String name, Level level) {
    return level.toInt() >= Level.WARN.toInt()
        || (file != null && level.toInt() >= Level.INFO.toInt() && name.startsWith("dev.warden."));
  }

  static void write(String name, Level level, String entry) {
    if (level.toInt() >= Level.WARN.toInt()) {
      System.err.print(entry);
    }
    RollingLogFile current = file;
    if (current != null && enabled(name, level)) {
      current.append(entry);
    }
  }
}
