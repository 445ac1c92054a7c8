package dev.warden.ui.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's geometry and theme survive a restart, and a damaged file costs only the geometry. */
class UiStateStoreTest {

  @TempDir
  Path folder;

  @Test
  void keepsGeometryColumnsHiddenColumnsAndThemeBesideTheSettingsFile() {
    UiStateStore store =
        UiStateStore.besideSettings(folder.resolve("settings.json").toString());
    UiState state = new UiState(
        10,
        20,
        1200,
        700,
        0.6,
        Map.of("host", 180.0, "auth", 210.0),
        true,
        java.util.List.of("client", "duration"));
    store.save(state);
    assertThat(folder.resolve("ui-state.json")).exists();
    assertThat(UiStateStore.besideSettings(folder.resolve("settings.json").toString())
            .load())
        .isEqualTo(state);
  }

  @Test
  void readsAFileFromBeforeTheColumnChooserAsHidingNoColumn() throws Exception {
    Files.writeString(
        folder.resolve("ui-state.json"),
        "{\"x\":1,\"y\":2,\"width\":1300,\"height\":800,\"divider\":0.7,\"columnWidths\":{},\"dark\":true}");
    UiState state = UiStateStore.at(folder.resolve("ui-state.json")).load();
    assertThat(state.width()).isEqualTo(1300);
    assertThat(state.hiddenColumns()).isEmpty();
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
    store.save(new UiState(
        d.x(),
        d.y(),
        d.width(),
        d.height(),
        d.divider(),
        d.columnWidths(),
        true,
        d.hiddenColumns()));
    assertThat(store.file()).isEmpty();
    assertThat(store.load()).isEqualTo(UiState.DEFAULT);
  }
}
