package dev.warden.ui.editor;

import dev.warden.core.settings.User;
import java.util.Arrays;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A user being edited. Holds the stored hash of a saved user (never shown) or a new password to be
 * hashed when the change is saved. FX thread.
 */
public final class UserDraft {

  private final StringProperty name = new SimpleStringProperty();
  private final BooleanProperty enabled = new SimpleBooleanProperty();
  private final String storedHash;
  private char[] newPassword;

  UserDraft(String name, boolean enabled, String storedHash, char[] newPassword) {
    this.name.set(name);
    this.enabled.set(enabled);
    this.storedHash = storedHash;
    this.newPassword = newPassword;
  }

  static UserDraft of(User user) {
    return new UserDraft(user.name(), user.enabled(), user.passwordHash(), null);
  }

  /** Replaces the password to be saved; the given array is taken over (not copied). */
  void setNewPassword(char[] password) {
    wipe();
    newPassword = password;
  }

  /** Whether this user has a password, stored or new. */
  public boolean hasPassword() {
    return newPassword != null || (storedHash != null && !storedHash.isEmpty());
  }

  /** "stored", "new (saved on Save)" or "none": never the password or its hash. */
  public String passwordState() {
    if (newPassword != null) {
      return storedHash == null ? "new, not saved yet" : "changed, not saved yet";
    }
    return hasPassword() ? "stored" : "none";
  }

  /** An immutable copy for the worker thread: it hashes the new password there. */
  UserSpec spec() {
    return new UserSpec(name.get().strip(), enabled.get(), storedHash,
        newPassword == null ? null : newPassword.clone());
  }

  void wipe() {
    if (newPassword != null) {
      Arrays.fill(newPassword, '\0');
      newPassword = null;
    }
  }

  public StringProperty nameProperty() {
    return name;
  }

  public BooleanProperty enabledProperty() {
    return enabled;
  }

  public String name() {
    return name.get();
  }

  public boolean enabled() {
    return enabled.get();
  }

  /** What crosses to the worker thread: a user with either its stored hash or a password to hash. */
  record UserSpec(String name, boolean enabled, String storedHash, char[] newPassword) {
    User build(PasswordHashing hashing) {
      if (newPassword == null) {
        return new User(name, enabled, storedHash);
      }
      try {
        return new User(name, enabled, hashing.hash(newPassword));
      } finally {
        Arrays.fill(newPassword, '\0');
      }
    }
  }
}
