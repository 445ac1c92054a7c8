package dev.warden.core.settings;

import java.util.Optional;

/**
 * Whether settings make Warden an open proxy: enforcement off while listening on an address other
 * machines can reach, so anyone who finds it can relay traffic through it. Headless mode prints the
 * sentence as a warning before it starts listening; the window shows it in a red banner. Stateless;
 * any thread.
 */
public final class OpenProxy {

  private OpenProxy() {}

  /** The warning for these settings, or empty when enforcement is on or the address is loopback. */
  public static Optional<String> warning(Settings settings) {
    if (settings.enforcement() || SettingsValidator.isLoopback(settings.listen().host())) {
      return Optional.empty();
    }
    return Optional.of("407 enforcement is off and Warden listens on " + settings.listen()
        + ": it is an open proxy that anyone who can reach this address can use");
  }
}
