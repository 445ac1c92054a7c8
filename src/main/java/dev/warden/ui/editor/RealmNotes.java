package dev.warden.ui.editor;

import dev.warden.core.settings.Settings;
import dev.warden.core.settings.SettingsValidator;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the editor tells about the selected realm besides its problems: the users who cannot use
 * Digest until their password is given again, and a note while the realm is being renamed (H(A1)
 * hashes the realm name). Refreshed by {@link EditorViewModel} on every change. FX thread.
 */
final class RealmNotes {

  static final String RENAME_NOTE =
      "Renaming needs each user's password again for Digest (H(A1) contains the realm name)";
  private static final SettingsValidator VALIDATOR = new SettingsValidator();

  private final ObservableList<String> digestGaps = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper renameNote = new ReadOnlyStringWrapper("");

  /**
   * Recomputes the notes of {@code selected}, the realm at {@code index} of {@code candidate} (the
   * settings Save would ask for, realms in draft order); clears them when nothing is selected.
   */
  void refresh(RealmDraft selected, int index, Settings candidate) {
    if (selected == null || index < 0 || index >= candidate.realms().size()) {
      digestGaps.clear();
      renameNote.set("");
      return;
    }
    digestGaps.setAll(VALIDATOR.digestGaps(
        candidate.withRealms(java.util.List.of(candidate.realms().get(index)))));
    renameNote.set(selected.renamed() && !selected.users().isEmpty() ? RENAME_NOTE : "");
  }

  ObservableList<String> digestGaps() {
    return digestGaps;
  }

  ReadOnlyStringProperty renameNoteProperty() {
    return renameNote.getReadOnlyProperty();
  }
}
