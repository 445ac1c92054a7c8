package dev.warden.cli;

/**
 * Ends a headless run cleanly on SIGINT or SIGTERM (and on any other JVM shutdown).
 *
 * <p>The JVM runs shutdown hooks on a signal and then exits with 128 + the signal number (130, 143).
 * Headless mode is stopped by exactly those signals in normal use (Ctrl-C, {@code kill}, a CI
 * runner's teardown), and callers must be able to tell that from a failure, so after the stop action
 * has run the hook halts with status 0. Halting skips hooks still running; the stop action is what
 * releases Warden's resources, and it is bounded in time.
 */
public final class ShutdownHook {

  private ShutdownHook() {}

  /** Registers {@code stop} to run on the JVM's shutdown, followed by an exit with status 0. */
  public static void install(Runnable stop) {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    stop.run();
                  } finally {
                    Runtime.getRuntime().halt(0);
                  }
                },
                "warden-shutdown"));
  }
}
