package dev.warden.ui.editor;

import dev.warden.core.settings.Realm;
import java.util.Arrays;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** A realm being edited: name, host patterns as typed, users. FX thread. */
public final class RealmDraft {

  private final StringProperty name = new SimpleStringProperty();
  private final StringProperty patterns = new SimpleStringProperty("");
  private final ObservableList<UserDraft> users = FXCollections.observableArrayList(
      u -> new javafx.beans.Observable[] {u.nameProperty(), u.enabledProperty()});

  RealmDraft(String name, String patterns) {
    this.name.set(name);
    this.patterns.set(patterns);
  }

  static RealmDraft of(Realm realm) {
    RealmDraft draft = new RealmDraft(realm.name(), String.join(", ", realm.hostPatterns()));
    realm.users().forEach(u -> draft.users.add(UserDraft.of(u)));
    return draft;
  }

  /** The typed patterns split at commas, spaces and new lines. */
  public List<String> patternList() {
    return Arrays.stream(patterns.get().split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  public StringProperty nameProperty() {
    return name;
  }

  public StringProperty patternsProperty() {
    return patterns;
  }

  public ObservableList<UserDraft> users() {
    return users;
  }

  public String name() {
    return name.get();
  }

  @Override
  public String toString() {
    return name.get();
  }
}
