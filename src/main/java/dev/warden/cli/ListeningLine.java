package dev.warden.cli;

import dev.warden.core.settings.ListenAddress;
import dev.warden.core.settings.Settings;

/**
 * The one line headless mode prints once it listens, e.g. {@code Warden listening on
 * 127.0.0.1:54321 (407 enforcement on, realm "Warden", 2 users)}. Scripts read the port from it, so
 * it names the address really bound, not the one asked for.
 */
public final class ListeningLine {

  private ListeningLine() {}

  public static String of(ListenAddress bound, Settings settings) {
    StringBuilder line =
        new StringBuilder("Warden listening on ").append(bound).append(" (407 enforcement ");
    if (!settings.enforcement()) {
      return line.append("off)").toString();
    }
    line.append("on");
    settings
        .defaultRealm()
        .ifPresent(realm -> line.append(", realm \"")
            .append(realm.name())
            .append("\", ")
            .append(count(realm.users().size(), "user")));
    int others = (int) settings.realms().stream().filter(r -> !r.isDefault()).count();
    if (others > 0) {
      line.append(", ").append(count(others, "more realm"));
    }
    return line.append(')').toString();
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
