package dev.warden.ui.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's geometry and theme survive a restart, and a damaged file costs only the geometry. */
class UiStateStoreTest {

  @TempDir Path folder;

  @Test
  void keepsGeometryColumnsAndThemeBesideTheSettingsFile() {
    UiStateStore store = UiStateStore.besideSettings(folder.resolve("settings.json").toString());
    UiState state = new UiState(10, 20, 1200, 700, 0.6, Map.of("host", 180.0, "auth", 210.0), true);
    store.save(state);
    assertThat(folder.resolve("ui-state.json")).exists();
    assertThat(UiStateStore.besideSettings(folder.resolve("settings.json").toString()).load()).isEqualTo(state);
  }

  @Test
  void startsFromDefaultsWhenTheFileIsDamaged() throws Exception {
    Files.writeString(folder.resolve("ui-state.json"), "{ not json");
    assertThat(UiStateStore.at(folder.resolve("ui-state.json")).load()).isEqualTo(UiState.DEFAULT);
  }

  @Test
  void keepsNothingWhenTheSettingsLiveInMemory() {
    UiStateStore store = UiStateStore.besideSettings("memory");
    UiState d = UiState.DEFAULT;
    store.save(new UiState(d.x(), d.y(), d.width(), d.height(), d.divider(), d.columnWidths(), true));
    assertThat(store.file()).isEmpty();
    assertThat(store.load()).isEqualTo(UiState.DEFAULT);
  }
}
