package dev.warden.core.settings;

/**
 * Where settings live between runs. Implementations do file I/O: call them off network threads and
 * off the JavaFX thread.
 */
public interface SettingsStore {

  /**
   * Reads the saved settings. Never fails: a missing file gives the defaults; a file that cannot be
   * read or parsed is kept under a new name and the defaults are returned with a notice saying so.
   */
  LoadedSettings load();

  /**
   * Saves atomically: either the new value is on disk in full, or the previous file is untouched.
   *
   * @throws SettingsException with a message fit for the user when the value could not be saved
   */
  void save(Settings settings) throws SettingsException;

  /** Where the settings are kept, for messages ("saved to ..."); "memory" when not on disk. */
  String location();
}
