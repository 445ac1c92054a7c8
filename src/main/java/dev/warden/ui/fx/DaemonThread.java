package dev.warden.ui.fx;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A single daemon thread for one kind of the window's disk work (a Squid export, HAR files), so the
 * FX thread never does I/O and an unfinished task never keeps the JVM alive on exit. Any thread.
 */
public final class DaemonThread {

  private DaemonThread() {}

  /** An executor running its tasks one at a time on a daemon thread called {@code name}. */
  public static ExecutorService named(String name) {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    });
  }
}
