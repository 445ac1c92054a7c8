package dev.warden.testing;

import dev.warden.core.settings.Realm;
import dev.warden.core.settings.Settings;
import java.util.ArrayList;
import java.util.List;

/** Test origins listen on free ports, which a realm's CONNECT list must name for tunnels to reach them. */
public final class TunnelPorts {

  private TunnelPorts() {}

  /** {@code settings} with {@code port} added to every realm's CONNECT ports. */
  public static Settings allowing(Settings settings, int port) {
    return settings.withRealms(
        settings.realms().stream().map(realm -> allowing(realm, port)).toList());
  }

  /** {@code realm} with {@code port} added to its CONNECT ports. */
  public static Realm allowing(Realm realm, int port) {
    List<Integer> ports = new ArrayList<>(realm.connectPorts());
    if (!ports.contains(port)) {
      ports.add(port);
    }
    return realm.withConnectPorts(ports);
  }
}
