package dev.warden.core.connect;

import java.nio.file.Path;
import java.util.Map;

/**
 * A child JVM that switches the system proxy on and exits without switching it off:
 * {@code main(gsettings, xdgConfigHome, host, port, how)}, {@code how} being {@code exit}
 * ({@code System.exit}) or {@code wait} (prints {@code ON} and waits to be killed).
 */
public final class SwitchOnThenExit {

  private SwitchOnThenExit() {}

  public static void main(String[] args) throws Exception {
    GnomeSystemProxy desktop = new GnomeSystemProxy(
        Path.of(args[0]), Map.of("GSETTINGS_BACKEND", "keyfile", "XDG_CONFIG_HOME", args[1]));
    new SystemProxySwitch(desktop).on(args[2], Integer.parseInt(args[3]));
    if (args[4].equals("wait")) {
      System.out.println("ON");
      System.out.flush();
      Thread.sleep(60_000);
    }
    System.exit(0);
  }
}
