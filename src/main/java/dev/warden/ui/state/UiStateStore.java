package dev.warden.ui.state;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Keeps {@link UiState} in {@code ui-state.json} beside the settings file. File I/O: never on the FX
 * thread. A missing or unreadable file gives the defaults; a failed save is ignored (the window
 * state is a convenience, not data).
 */
public final class UiStateStore {

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Optional<Path> file;

  private UiStateStore(Optional<Path> file) {
    this.file = file;
  }

  /**
   * A store beside the given settings location; keeps nothing when the settings are not on disk
   * ("memory").
   */
  public static UiStateStore besideSettings(String settingsLocation) {
    if (settingsLocation == null
        || settingsLocation.equals("memory")
        || settingsLocation.isBlank()) {
      return new UiStateStore(Optional.empty());
    }
    Path settings = Path.of(settingsLocation).toAbsolutePath();
    Path dir = Files.isDirectory(settings) ? settings : settings.getParent();
    return new UiStateStore(Optional.ofNullable(dir).map(d -> d.resolve("ui-state.json")));
  }

  public static UiStateStore at(Path file) {
    return new UiStateStore(Optional.of(file));
  }

  public UiState load() {
    if (file.isEmpty() || !Files.isRegularFile(file.get())) {
      return UiState.DEFAULT;
    }
    try {
      return JSON.readValue(file.get().toFile(), UiState.class);
    } catch (IOException | RuntimeException unreadable) {
      return UiState.DEFAULT;
    }
  }

  public void save(UiState state) {
    if (file.isEmpty()) {
      return;
    }
    try {
      Path target = file.get();
      Files.createDirectories(target.getParent());
      Path temp = target.resolveSibling(target.getFileName() + ".tmp");
      JSON.writeValue(temp.toFile(), state);
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException ignored) {
      // losing the window geometry is harmless; the next close tries again
    }
  }

  public Optional<Path> file() {
    return file;
  }
}
