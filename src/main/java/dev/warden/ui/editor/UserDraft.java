package dev.warden.ui.editor;

import dev.warden.core.auth.CredentialMaterial;
import dev.warden.core.auth.digest.DigestAlgorithm;
import dev.warden.core.settings.DigestSecrets;
import dev.warden.core.settings.User;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A user being edited. Holds the stored hash and Digest material of a saved user (never shown) or a
 * new password to be hashed when the change is saved. FX thread.
 */
public final class UserDraft {

  private final StringProperty name = new SimpleStringProperty();
  private final BooleanProperty enabled = new SimpleBooleanProperty();
  private final String storedHash;
  private final String storedName;
  private final DigestSecrets storedDigest;
  private char[] newPassword;

  /** A new user: nothing stored yet. */
  UserDraft(String name, boolean enabled, char[] newPassword) {
    this(name, enabled, null, null, DigestSecrets.NONE, newPassword);
  }

  private UserDraft(
      String name,
      boolean enabled,
      String storedHash,
      String storedName,
      DigestSecrets storedDigest,
      char[] newPassword) {
    this.name.set(name);
    this.enabled.set(enabled);
    this.storedHash = storedHash;
    this.storedName = storedName;
    this.storedDigest = storedDigest;
    this.newPassword = newPassword;
  }

  static UserDraft of(User user) {
    return new UserDraft(
        user.name(), user.enabled(), user.passwordHash(), user.name(), user.digest(), null);
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
    return new UserSpec(
        name.get().strip(),
        enabled.get(),
        storedHash,
        storedName,
        storedDigest,
        newPassword == null ? null : newPassword.clone());
  }

  /**
   * The user as validation sees it before Save, without hashing anything: a new password stands for
   * a placeholder hash and complete (all-zero) Digest material for {@code realmName}; a stored user
   * keeps its material only under its stored name. Cheap; FX thread.
   */
  User preview(String realmName) {
    String n = name.get() == null ? "" : name.get().strip();
    if (newPassword != null) {
      Map<String, String> ha1 = new LinkedHashMap<>();
      for (DigestAlgorithm a : DigestAlgorithm.values()) {
        if (!a.isSession()) {
          ha1.put(a.token(), "0".repeat(a.hexLength()));
        }
      }
      return new User(n, enabled.get(), "pending", new DigestSecrets(realmName, ha1));
    }
    String hash = storedHash == null ? "" : storedHash;
    return new User(
        n, enabled.get(), hash, n.equals(storedName) ? storedDigest : DigestSecrets.NONE);
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

  /**
   * What crosses to the worker thread: a user with either its stored hash and Digest material or a
   * password to hash.
   */
  record UserSpec(
      String name,
      boolean enabled,
      String storedHash,
      String storedName,
      DigestSecrets storedDigest,
      char[] newPassword) {

    /**
     * The user to save in realm {@code realmName}. A new password becomes its slow hash and its
     * Digest material for {@code realmName}; otherwise the stored material is kept only while
     * neither the user nor the realm was renamed (H(A1) hashes both names). Worker thread: hashes.
     */
    User build(PasswordHashing hashing, String realmName) {
      if (newPassword == null) {
        boolean stillValid = name.equals(storedName) && storedDigest.realm().equals(realmName);
        return new User(name, enabled, storedHash, stillValid ? storedDigest : DigestSecrets.NONE);
      }
      try {
        return new User(
            name,
            enabled,
            hashing.hash(newPassword),
            CredentialMaterial.digest(name, realmName, newPassword));
      } finally {
        Arrays.fill(newPassword, '\0');
      }
    }
  }
}
