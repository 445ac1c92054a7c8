package dev.warden.ui.editor;

import dev.warden.core.Warden;
import dev.warden.core.settings.Realm;
import dev.warden.core.settings.Settings;
import dev.warden.core.settings.SettingsException;
import dev.warden.core.settings.SettingsValidator;
import dev.warden.ui.feedback.Notifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The realms and users editor: a draft of the realms, inline validation, and Save, which hands the
 * whole change to {@link Warden#update} so passwords are hashed, and their Digest material (H(A1)
 * for the realm they are saved in) computed, on Warden's worker thread, and the running proxy judges
 * the next request by the new realms. Each realm's auth (schemes, Digest presets, disabled users'
 * status) is drafted in its {@link RealmDraft}; the selected realm's Digest gaps are listed. A stored
 * password, hash or H(A1) is never shown; new passwords live in char arrays that are wiped once
 * hashed. The user form is {@link UserForm}'s; this model owns the realms, validation and Save.
 * No nodes; FX thread.
 */
public final class EditorViewModel {

  private static final SettingsValidator VALIDATOR = new SettingsValidator();

  // Properties
  private final ObservableList<RealmDraft> realms =
      FXCollections.observableArrayList(r -> new Observable[] {
        r.nameProperty(),
        r.patternsProperty(),
        r.connectPortsProperty(),
        r.users(),
        r.basicProperty(),
        r.digestProperty(),
        r.digestFirstProperty(),
        r.presetProperty(),
        r.disabledGet407Property(),
        r.nonceLifetimeProperty(),
        r.lockedOutGet429Property(),
        r.authIntProperty(),
        r.faultsDraft().revisionProperty(),
        r.tokensDraft().revisionProperty()
      });
  private final ObjectProperty<RealmDraft> selectedRealm = new SimpleObjectProperty<>();
  private final ObjectProperty<RealmDraft> defaultRealm = new SimpleObjectProperty<>();
  private final ObservableList<String> problems = FXCollections.observableArrayList();
  private final ObservableList<String> warnings = FXCollections.observableArrayList();
  private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper();
  private final UserForm userForm = new UserForm(selectedRealm::get);
  // notes on the selected realm
  private final RealmNotes notes = new RealmNotes();

  private final Warden warden;
  private final PasswordHashing hashing;
  private final Executor fx;
  private final Notifier notifier;
  private boolean enforcement;
  private boolean loading;

  public EditorViewModel(Warden warden, PasswordHashing hashing, Executor fx, Notifier notifier) {
    this.warden = warden;
    this.hashing = hashing;
    this.fx = fx;
    this.notifier = notifier;
    realms.addListener((Observable o) -> changed());
    defaultRealm.addListener(o -> changed());
    selectedRealm.addListener((o, a, b) -> beginAddUser());
    selectedRealm.addListener(o -> refreshNotes(candidate()));
    load(warden.settings());
  }

  // Commands

  /** Replaces the draft with the given settings, dropping unsaved edits. */
  public void load(Settings settings) {
    loading = true;
    try {
      realms.forEach(r -> r.users().forEach(UserDraft::wipe));
      enforcement = settings.enforcement();
      List<RealmDraft> drafts = settings.realms().stream().map(RealmDraft::of).toList();
      realms.setAll(drafts);
      String defaultName = settings.defaultRealm().map(Realm::name).orElse(null);
      defaultRealm.set(
          drafts.stream().filter(r -> r.name().equals(defaultName)).findFirst().orElse(null));
      selectedRealm.set(
          defaultRealm.get() != null
              ? defaultRealm.get()
              : drafts.isEmpty() ? null : drafts.get(0));
    } finally {
      loading = false;
    }
    dirty.set(false);
    validate();
  }

  /** Called with settings put in force elsewhere (e.g. the enforcement switch); keeps unsaved edits. */
  public void settingsChanged(Settings settings) {
    if (!dirty.get() && !saving.get()) {
      RealmDraft selected = selectedRealm.get();
      String selectedName = selected == null ? null : selected.name();
      load(settings);
      realms.stream()
          .filter(r -> r.name().equals(selectedName))
          .findFirst()
          .ifPresent(selectedRealm::set);
    } else {
      enforcement = settings.enforcement();
      validate();
    }
  }

  public void addRealm() {
    Set<String> names = new HashSet<>();
    realms.forEach(r -> names.add(r.name()));
    int n = realms.size() + 1;
    while (names.contains("Realm " + n)) {
      n++;
    }
    RealmDraft draft = new RealmDraft("Realm " + n, "");
    realms.add(draft);
    if (defaultRealm.get() == null) {
      defaultRealm.set(draft);
    }
    selectedRealm.set(draft);
  }

  public void removeSelectedRealm() {
    RealmDraft r = selectedRealm.get();
    if (r == null) {
      return;
    }
    r.users().forEach(UserDraft::wipe);
    int at = realms.indexOf(r);
    realms.remove(r);
    if (defaultRealm.get() == r) {
      defaultRealm.set(realms.isEmpty() ? null : realms.get(0));
    }
    selectedRealm.set(realms.isEmpty() ? null : realms.get(Math.max(0, at - 1)));
  }

  /** Makes a realm the default: it applies to every destination no other realm's patterns match. */
  public void makeDefault(RealmDraft realm) {
    defaultRealm.set(realm);
  }

  /** Clears the user form for a new user of the selected realm. */
  public void beginAddUser() {
    userForm.beginAdd();
  }

  /** Fills the form with a user; the password fields stay empty (blank keeps the stored password). */
  public void beginEditUser(UserDraft user) {
    userForm.beginEdit(user);
  }

  /**
   * Adds the form's user to the selected realm, or updates the user being edited. The password
   * fields are cleared afterwards.
   *
   * @return false, with {@link #formProblemProperty()} set, when the form is not valid
   */
  public boolean commitUser() {
    return userForm.commit();
  }

  public void removeUser(UserDraft user) {
    userForm.remove(user);
  }

  public void setEnabled(UserDraft user, boolean enabled) {
    user.enabledProperty().set(enabled);
  }

  /** Drops unsaved edits. */
  public void revert() {
    load(warden.settings());
  }

  /**
   * Validates, then hands the change to Warden: hashing happens on its worker thread, the proxy
   * applies it to the next request and it is saved. Completes on the FX thread's side with true when
   * saved; never exceptionally (failures become problems and a notice).
   */
  public CompletableFuture<Boolean> save() {
    validate();
    if (!problems.isEmpty()) {
      notifier.error("Not saved: " + problems.get(0));
      return CompletableFuture.completedFuture(false);
    }
    List<RealmSpec> spec = new ArrayList<>();
    for (RealmDraft r : realms) {
      List<String> patterns = r == defaultRealm.get() ? List.of() : r.patternList();
      spec.add(new RealmSpec(
          r.name().strip(),
          patterns,
          r.auth(),
          r.users().stream().map(UserDraft::spec).toList(),
          r.connectPortList(),
          r.tokens(),
          r.faultsDraft().faults()));
    }
    saving.set(true);
    CompletableFuture<Boolean> done = new CompletableFuture<>();
    warden
        .update(s -> s.withRealms(spec.stream().map(r -> r.build(hashing)).toList()))
        .whenComplete((settings, error) -> fx.execute(() -> {
          saving.set(false);
          spec.forEach(RealmSpec::wipe);
          if (error != null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null
                ? error.getCause()
                : error;
            if (cause instanceof SettingsException se) {
              problems.setAll(se.problems().isEmpty() ? List.of(se.getMessage()) : se.problems());
            }
            notifier.error("Not saved: " + Notifier.describe(cause));
            done.complete(false);
          } else {
            String selected =
                selectedRealm.get() == null ? null : selectedRealm.get().name().strip();
            load(settings);
            realms.stream()
                .filter(r -> r.name().equals(selected))
                .findFirst()
                .ifPresent(selectedRealm::set);
            notifier.info("Realms and users saved: they apply to the next request");
            done.complete(true);
          }
        }));
    return done;
  }

  private void changed() {
    if (!loading) {
      dirty.set(true);
      validate();
    }
  }

  /**
   * Recomputes the problems (which block Save) and warnings (which do not). The core's
   * {@link SettingsValidator} judges the candidate settings, so the editor says exactly what Save
   * would refuse; the editor adds only what its own model has (the chosen default realm).
   */
  public void validate() {
    List<String> p = new ArrayList<>();
    for (RealmDraft r : realms) {
      String name = r.name() == null ? "" : r.name().strip();
      if (r != defaultRealm.get() && r.patternList().isEmpty()) {
        p.add((name.isEmpty() ? "A realm" : "Realm '" + name + "'")
            + " needs a host pattern (e.g. *.corp.example), or make it the default");
      }
      String lifetime = r.nonceLifetimeProblem();
      if (lifetime != null) {
        p.add(lifetime);
      }
      String knob = r.faultsDraft().problem(name.isEmpty() ? "A realm" : "Realm '" + name + "'");
      if (knob != null) {
        p.add(knob);
      }
    }
    if (!realms.isEmpty() && defaultRealm.get() == null) {
      p.add("Choose a default realm");
    }
    Settings candidate = candidate();
    p.addAll(VALIDATOR.problems(candidate).stream().filter(m -> !p.contains(m)).toList());
    problems.setAll(p);
    warnings.setAll(VALIDATOR.warnings(candidate).stream()
        .filter(m -> m.startsWith("Realm"))
        .toList());
    refreshNotes(candidate);
  }

  private void refreshNotes(Settings candidate) {
    notes.refresh(selectedRealm.get(), realms.indexOf(selectedRealm.get()), candidate);
  }

  /** The settings Save would ask for, with a placeholder where a password is still to be hashed. */
  private Settings candidate() {
    List<Realm> drafted = new ArrayList<>();
    for (RealmDraft r : realms) {
      List<String> patterns = r == defaultRealm.get() ? List.of() : r.patternList();
      String name = r.name() == null ? "" : r.name().strip();
      drafted.add(new Realm(
          name,
          patterns,
          r.users().stream().map(u -> u.preview(name)).toList(),
          r.auth(),
          r.connectPortList(),
          r.tokens(),
          r.faultsDraft().faults()));
    }
    return warden.settings().withEnforcement(enforcement).withRealms(drafted);
  }

  // Accessors

  public ObservableList<RealmDraft> realms() {
    return realms;
  }

  public ObjectProperty<RealmDraft> selectedRealmProperty() {
    return selectedRealm;
  }

  public ObjectProperty<RealmDraft> defaultRealmProperty() {
    return defaultRealm;
  }

  public ObservableList<String> problems() {
    return problems;
  }

  public ObservableList<String> warnings() {
    return warnings;
  }

  public ReadOnlyBooleanProperty dirtyProperty() {
    return dirty.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty savingProperty() {
    return saving.getReadOnlyProperty();
  }

  public ObjectProperty<UserDraft> editingUserProperty() {
    return userForm.editingUserProperty();
  }

  public StringProperty formNameProperty() {
    return userForm.nameProperty();
  }

  public StringProperty formPasswordProperty() {
    return userForm.passwordProperty();
  }

  public StringProperty formRepeatProperty() {
    return userForm.repeatProperty();
  }

  public BooleanProperty formEnabledProperty() {
    return userForm.enabledProperty();
  }

  /**
   * Sentences of {@link SettingsValidator#digestGaps} for the selected realm's users as Save would
   * store them: empty unless the realm offers Digest.
   */
  public ObservableList<String> selectedDigestGaps() {
    return notes.digestGaps();
  }

  /** A one-line note while the selected realm (with users) has a name other than its saved one, else empty. */
  public ReadOnlyStringProperty selectedRenameNoteProperty() {
    return notes.renameNoteProperty();
  }

  public ReadOnlyStringProperty formProblemProperty() {
    return userForm.problemProperty();
  }
}
