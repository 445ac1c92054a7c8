package dev.warden.core.connect;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one-click "use Warden as the system proxy": switched on, it remembers the desktop's values and
 * points the desktop at Warden; switched off, or when the JVM exits while it is on (a shutdown hook),
 * it puts back each value the user has not changed since. Blocking (it runs {@code gsettings}):
 * call it off the FX thread. Thread-safe: on, off and the hook are serialised.
 */
public final class SystemProxySwitch {

  private static final Logger LOG = LoggerFactory.getLogger(SystemProxySwitch.class);

  private final GnomeSystemProxy desktop;
  private Map<String, String> previous;
  private Map<String, String> applied;
  private Thread hook;

  public SystemProxySwitch(GnomeSystemProxy desktop) {
    this.desktop = desktop;
  }

  public synchronized boolean isOn() {
    return previous != null;
  }

  /** Points the desktop at {@code host:port}; when already on, at the new address, keeping the first saved values. */
  public synchronized void on(String host, int port) throws IOException {
    Map<String, String> before = desktop.read();
    Map<String, String> wanted = GnomeSystemProxy.pointingAt(host, port);
    if (previous == null) {
      previous = before;
      hook = new Thread(this::offQuietly, "warden-restore-system-proxy");
      Runtime.getRuntime().addShutdownHook(hook);
    }
    applied = wanted;
    desktop.write(wanted);
  }

  /**
   * Puts back the values saved by {@link #on}, except those changed by someone else since. Nothing
   * when off.
   *
   * @return the keys left alone because they had changed
   */
  public synchronized Optional<String> off() throws IOException {
    if (previous == null) {
      return Optional.empty();
    }
    Map<String, String> now = desktop.read();
    Map<String, String> restore = new LinkedHashMap<>();
    StringBuilder keptKeys = new StringBuilder();
    for (Map.Entry<String, String> entry : previous.entrySet()) {
      if (now.get(entry.getKey()).equals(applied.get(entry.getKey()))) {
        restore.put(entry.getKey(), entry.getValue());
      } else {
        keptKeys.append(keptKeys.isEmpty() ? "" : ", ").append(entry.getKey());
      }
    }
    desktop.write(restore);
    previous = null;
    applied = null;
    if (hook != null && Thread.currentThread() != hook) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is exiting: the hook runs, finds the switch off and does nothing
      }
    }
    hook = null;
    return keptKeys.isEmpty() ? Optional.empty() : Optional.of(keptKeys.toString());
  }

  private void offQuietly() {
    try {
      off();
    } catch (IOException | RuntimeException e) {
      LOG.warn("could not restore the desktop's proxy settings: {}", e.getMessage());
    }
  }
}
