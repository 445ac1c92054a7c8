package dev.warden.cli;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@code --about} prints and the window's About dialog shows: the version, Warden's licence and
 * those of what it bundles, and where its settings, UI state and log live. Pure text; any thread.
 */
public final class About {

  private About() {}

  /**
   * @param version as {@link Version#of} gives it
   * @param settingsFile the settings file in use (the folder beside it holds the UI state and log)
   */
  public static String text(String version, Path settingsFile) {
    Objects.requireNonNull(version);
    Path folder = settingsFile.toAbsolutePath().getParent();
    return """
        Warden %s: a desktop proxy inspector for HTTP 407 Proxy Authentication Required.
        Licence: Apache License 2.0 (the LICENSE file).
        Bundled: OpenJFX and the OpenJDK runtime (GPL v2 with the Classpath Exception); LittleProxy,
          Netty, Jackson, Ikonli, Guava, Apache Commons (Apache 2.0); ControlsFX (BSD 3-Clause);
          AtlantaFX, SLF4J, Bouncy Castle (MIT). The NOTICE file lists them.
        Settings: %s (owner-only; holds password hashes)
        UI state: %s
        Log:      %s
        """.formatted(
            version,
            settingsFile.toAbsolutePath(),
            folder.resolve("ui-state.json"),
            folder.resolve("warden.log"));
  }
}
