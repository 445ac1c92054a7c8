package dev.warden.ui.limits;

import dev.warden.core.Warden;
import dev.warden.core.settings.Limits;
import dev.warden.ui.feedback.Notifier;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The limits dialog's state: one text per {@link LimitField}, the problems with them, and saving
 * them through {@link Warden#update} (validated, saved and put in force off the FX thread). Limits
 * are read once per connection, so a change applies to connections accepted from then on. Every
 * method runs on the FX thread; results come back on {@code fx}.
 */
public final class LimitsViewModel {

  private final Warden warden;
  private final Executor fx;
  private final Notifier notifier;
  private final Map<LimitField, StringProperty> texts = new EnumMap<>(LimitField.class);
  private final ObservableList<String> problems = FXCollections.observableArrayList();
  private final BooleanProperty saving = new SimpleBooleanProperty();

  public LimitsViewModel(Warden warden, Executor fx, Notifier notifier) {
    this.warden = warden;
    this.fx = fx;
    this.notifier = notifier;
    for (LimitField field : LimitField.values()) {
      StringProperty text = new SimpleStringProperty("");
      text.addListener((o, a, b) -> problems.setAll(check().problems()));
      texts.put(field, text);
    }
  }

  public StringProperty text(LimitField field) {
    return texts.get(field);
  }

  /** Why the texts cannot be saved, one sentence each; empty when they can. */
  public ObservableList<String> problems() {
    return problems;
  }

  public ReadOnlyBooleanProperty savingProperty() {
    return saving;
  }

  /** Shows the limits in force. */
  public void load() {
    show(warden.settings().limits());
  }

  /** Shows Warden's defaults (saved only by {@link #save}). */
  public void defaults() {
    show(Limits.DEFAULTS);
  }

  /**
   * Saves the texts as the limits in force, when they are valid; {@code done} runs (on the FX
   * thread) once they are saved. Nothing changes when they are not valid or cannot be saved: the
   * reason is shown and the texts stay as typed.
   */
  public void save(Runnable done) {
    Check check = check();
    if (check.limits().isEmpty()) {
      problems.setAll(check.problems());
      return;
    }
    Limits limits = check.limits().get();
    saving.set(true);
    warden
        .update(settings -> settings.withLimits(limits))
        .whenCompleteAsync(
            (saved, error) -> {
              saving.set(false);
              if (error != null) {
                notifier.error("Limits not saved: " + Notifier.describe(error));
                return;
              }
              notifier.info("Limits saved: they apply to connections accepted from now on");
              done.run();
            },
            fx);
  }

  private void show(Limits limits) {
    for (LimitField field : LimitField.values()) {
      texts.get(field).set(field.text(limits));
    }
    problems.clear();
  }

  private record Check(Optional<Limits> limits, List<String> problems) {}

  private Check check() {
    Limits limits = warden.settings().limits();
    List<String> found = new ArrayList<>();
    for (LimitField field : LimitField.values()) {
      String text = texts.get(field).get();
      Optional<Limits> next = field.apply(limits, text);
      if (next.isEmpty()) {
        found.add(field.unreadable(text));
      } else {
        limits = next.get();
      }
    }
    found.addAll(limits.problems());
    return found.isEmpty()
        ? new Check(Optional.of(limits), List.of())
        : new Check(Optional.empty(), found);
  }
}
