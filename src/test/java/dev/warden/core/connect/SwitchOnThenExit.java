package dev.warden.core.connect;

import java.nio.file.Path;
import java.util.Map;

/**
 * A child JVM that switches the system proxy on and exits without switching it off, as a window
 * closed by the desktop or a SIGTERM would: {@code main(gsettings, xdgConfigHome, host, port)}.
 */
public final class SwitchOnThenExit {

  private SwitchOnThenExit() {}

  public static void main(String[] args) throws Exception {
    GnomeSystemProxy desktop = new GnomeSystemProxy(Path.of(args[0]),
        Map.of("GSETTINGS_BACKEND", "keyfile", "XDG_CONFIG_HOME", args[1]));
    new SystemProxySwitch(desktop).on(args[2], Integer.parseInt(args[3]));
    System.exit(0);
  }
}
