package dev.warden.ui.editor;

import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The editor's form for one user of the selected realm: adding a new user or editing one, the
 * password typed twice, and the one sentence on why the form cannot be committed. A stored password
 * is never shown: editing starts with empty password fields, and blank keeps the stored one. The
 * typed password becomes a char array only when committed. No nodes; FX thread.
 */
final class UserForm {

  private final ObjectProperty<UserDraft> editingUser = new SimpleObjectProperty<>();
  private final StringProperty name = new SimpleStringProperty("");
  private final StringProperty password = new SimpleStringProperty("");
  private final StringProperty repeat = new SimpleStringProperty("");
  private final BooleanProperty enabled = new SimpleBooleanProperty(true);
  private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
  private final Supplier<RealmDraft> realm;

  /** @param realm the realm a new user is added to: the editor's selected realm, or null */
  UserForm(Supplier<RealmDraft> realm) {
    this.realm = realm;
    name.addListener(o -> problem.set(""));
    password.addListener(o -> problem.set(""));
    repeat.addListener(o -> problem.set(""));
  }

  /** Clears the form for a new user of the realm. */
  void beginAdd() {
    editingUser.set(null);
    name.set("");
    password.set("");
    repeat.set("");
    enabled.set(true);
    problem.set("");
  }

  /** Fills the form with a user; the password fields stay empty (blank keeps the stored password). */
  void beginEdit(UserDraft user) {
    editingUser.set(user);
    name.set(user.name());
    password.set("");
    repeat.set("");
    enabled.set(user.enabled());
    problem.set("");
  }

  /**
   * Adds the form's user to the realm, or updates the user being edited. The password fields are
   * cleared afterwards.
   *
   * @return false, with {@link #problemProperty()} set, when the form is not valid
   */
  boolean commit() {
    RealmDraft realm = this.realm.get();
    if (realm == null) {
      problem.set("Add a realm first");
      return false;
    }
    String name = this.name.get() == null ? "" : this.name.get().strip();
    UserDraft editing = editingUser.get();
    String problem = userNameProblem(name);
    if (problem == null
        && realm.users().stream().anyMatch(u -> u != editing && u.name().equals(name))) {
      problem = "Realm '" + realm.name() + "' already has a user '" + name + "'";
    }
    String password = this.password.get() == null ? "" : this.password.get();
    if (problem == null && editing == null && password.isEmpty()) {
      problem = "Enter a password for '" + name + "'";
    }
    if (problem == null && !password.equals(repeat.get())) {
      problem = "The two passwords differ";
    }
    if (problem != null) {
      this.problem.set(problem);
      return false;
    }
    char[] chars = password.isEmpty() ? null : password.toCharArray();
    if (editing == null) {
      realm.users().add(new UserDraft(name, enabled.get(), chars));
    } else {
      editing.nameProperty().set(name);
      editing.enabledProperty().set(enabled.get());
      if (chars != null) {
        editing.setNewPassword(chars);
      }
      realm.users().set(realm.users().indexOf(editing), editing); // tells the list the row changed
    }
    beginAdd();
    return true;
  }

  /** Removes {@code user} from the realm and wipes its new password; the form is cleared if it was being edited. */
  void remove(UserDraft user) {
    RealmDraft realm = this.realm.get();
    if (realm != null && realm.users().remove(user)) {
      user.wipe();
      if (editingUser.get() == user) {
        beginAdd();
      }
    }
  }

  /** Why a user name cannot be used, or null. */
  static String userNameProblem(String name) {
    if (name.isEmpty()) {
      return "a user name is empty";
    }
    if (name.indexOf(':') >= 0) {
      return "user name '" + name + "' contains ':' (Basic credentials split at the first ':')";
    }
    if (!name.chars().allMatch(c -> c >= 0x20 && c != 0x7f)) {
      return "user name '" + name + "' contains control characters";
    }
    return null;
  }

  ObjectProperty<UserDraft> editingUserProperty() {
    return editingUser;
  }

  StringProperty nameProperty() {
    return name;
  }

  StringProperty passwordProperty() {
    return password;
  }

  StringProperty repeatProperty() {
    return repeat;
  }

  BooleanProperty enabledProperty() {
    return enabled;
  }

  ReadOnlyStringProperty problemProperty() {
    return problem.getReadOnlyProperty();
  }
}
