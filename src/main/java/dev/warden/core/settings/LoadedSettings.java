package dev.warden.core.settings;

import java.util.Objects;
import java.util.Optional;

/**
 * The result of {@link SettingsStore#load()}: the settings to use, and a notice for the user when
 * something was off (e.g. "settings.json could not be parsed; kept as settings.json.corrupt-...;
 * starting from defaults").
 */
public record LoadedSettings(Settings settings, Optional<String> notice) {
  public LoadedSettings {
    Objects.requireNonNull(settings);
    Objects.requireNonNull(notice);
  }

  public static LoadedSettings clean(Settings settings) {
    return new LoadedSettings(settings, Optional.empty());
  }
}
