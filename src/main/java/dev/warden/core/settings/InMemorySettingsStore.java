package dev.warden.core.settings;

/**
 * Keeps settings in memory only: for headless runs configured by flags alone, and for tests.
 * Thread-safe.
 */
public final class InMemorySettingsStore implements SettingsStore {

  private volatile Settings saved;

  public InMemorySettingsStore(Settings initial) {
    this.saved = initial;
  }

  @Override
  public LoadedSettings load() {
    return LoadedSettings.clean(saved);
  }

  @Override
  public void save(Settings settings) {
    this.saved = settings;
  }

  @Override
  public String location() {
    return "memory";
  }
}
