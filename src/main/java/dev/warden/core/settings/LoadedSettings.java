package dev.warden.core.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of {@link SettingsStore#load()}: the settings to use, and what the user should hear
 * about the file. Immutable.
 *
 * @param settings the settings to use
 * @param notice the file could not be used and the defaults are returned (e.g. "settings.json could
 *     not be parsed; kept as settings.json.corrupt-...; starting from defaults")
 * @param migration the file was in an older format and was read into the current one; the first
 *     save writes the current format and keeps the old file beside it (e.g. "... settings.json.v1")
 * @param warnings the settings are used as they are, but something about the file is off (e.g. other
 *     users can read it)
 */
public record LoadedSettings(
    Settings settings, Optional<String> notice, Optional<String> migration, List<String> warnings) {

  public LoadedSettings {
    Objects.requireNonNull(settings);
    Objects.requireNonNull(notice);
    Objects.requireNonNull(migration);
    warnings = List.copyOf(warnings);
  }

  /** Settings and at most a notice, nothing migrated, no warning. */
  public LoadedSettings(Settings settings, Optional<String> notice) {
    this(settings, notice, Optional.empty(), List.of());
  }

  public static LoadedSettings clean(Settings settings) {
    return new LoadedSettings(settings, Optional.empty());
  }

  public boolean migrated() {
    return migration.isPresent();
  }

  /** The notice, the migration and the warnings as one text for a window to show, if any. */
  public Optional<String> message() {
    List<String> parts = new ArrayList<>();
    notice.ifPresent(parts::add);
    migration.ifPresent(parts::add);
    parts.addAll(warnings);
    return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", parts));
  }
}
