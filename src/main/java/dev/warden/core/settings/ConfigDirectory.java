package dev.warden.core.settings;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The folder where Warden keeps its settings, following each platform's convention: Linux and other
 * Unixes {@code $XDG_CONFIG_HOME/warden} (else {@code ~/.config/warden}), Windows
 * {@code %APPDATA%\Warden} (else {@code ~\AppData\Roaming\Warden}), macOS
 * {@code ~/Library/Application Support/Warden}.
 *
 * <p>The platform, environment and home folder are passed in so each platform's rule can be tested
 * anywhere; {@link #ofThisMachine()} reads the real ones. Only computes paths: creates nothing.
 * Immutable; any thread.
 */
public final class ConfigDirectory {

  public static final String SETTINGS_FILE_NAME = "settings.json";

  private final Path folder;

  /**
   * @param osName the {@code os.name} system property, e.g. "Linux", "Windows 11", "Mac OS X"
   * @param environment the process environment ({@code System.getenv()})
   * @param home the user's home folder ({@code user.home})
   */
  public ConfigDirectory(String osName, Map<String, String> environment, Path home) {
    Objects.requireNonNull(osName, "osName");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(home, "home");
    this.folder = folderFor(osName.toLowerCase(Locale.ROOT), environment, home);
  }

  /** The folder for the running JVM's platform, user and environment. */
  public static ConfigDirectory ofThisMachine() {
    return new ConfigDirectory(
        System.getProperty("os.name", ""),
        System.getenv(),
        Path.of(System.getProperty("user.home")));
  }

  private static Path folderFor(String os, Map<String, String> env, Path home) {
    if (os.startsWith("windows")) {
      String appData = env.get("APPDATA");
      Path roaming = isSet(appData) ? Path.of(appData) : home.resolve("AppData").resolve("Roaming");
      return roaming.resolve("Warden");
    }
    if (os.startsWith("mac") || os.startsWith("darwin")) {
      return home.resolve("Library").resolve("Application Support").resolve("Warden");
    }
    // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored; checked by its
    // text so the rule holds whatever platform runs the tests.
    String xdg = env.get("XDG_CONFIG_HOME");
    Path config = isSet(xdg) && xdg.startsWith("/") ? Path.of(xdg) : home.resolve(".config");
    return config.resolve("warden");
  }

  private static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }

  /** The configuration folder; it may not exist yet. */
  public Path folder() {
    return folder;
  }

  /** {@code settings.json} inside {@link #folder()}. */
  public Path settingsFile() {
    return folder.resolve(SETTINGS_FILE_NAME);
  }

  @Override
  public String toString() {
    return folder.toString();
  }
}
