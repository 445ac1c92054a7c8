package dev.warden.ui.editor;

import dev.warden.core.settings.FaultKnob;
import dev.warden.core.settings.ProxyProfile;
import dev.warden.core.settings.RealmFaults;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A realm's fault knobs being edited: one text per knob, as {@code --fault} takes its value (empty:
 * off; the repeatable {@code header} knob takes its fields separated by {@value #SEPARATOR}). FX
 * thread.
 */
public final class FaultsDraft {

  /** Separates the fields of the {@code header} knob in its one text box. */
  public static final String SEPARATOR = " | ";

  private final Map<FaultKnob, StringProperty> texts = new EnumMap<>(FaultKnob.class);
  private final IntegerProperty revision = new SimpleIntegerProperty();
  private final RealmFaults loaded;

  FaultsDraft(RealmFaults faults) {
    this.loaded = faults;
    for (FaultKnob knob : FaultKnob.values()) {
      StringProperty text = new SimpleStringProperty(textOf(knob, faults));
      text.addListener(o -> revision.set(revision.get() + 1));
      texts.put(knob, text);
    }
  }

  private static String textOf(FaultKnob knob, RealmFaults faults) {
    return knob.isSet(faults) ? String.join(SEPARATOR, knob.values(faults)) : "";
  }

  /** The text of {@code knob}: its value, or empty when it is off. */
  public StringProperty text(FaultKnob knob) {
    return texts.get(knob);
  }

  /** Changes whenever any knob's text does. */
  public ReadOnlyIntegerProperty revisionProperty() {
    return revision;
  }

  /** The knobs as typed; a knob whose text cannot be read keeps its loaded value ({@link #problem} says so). */
  public RealmFaults faults() {
    RealmFaults faults = RealmFaults.NONE;
    for (FaultKnob knob : FaultKnob.values()) {
      try {
        faults = apply(faults, knob, texts.get(knob).get());
      } catch (IllegalArgumentException e) {
        for (String value : knob.isSet(loaded) ? knob.values(loaded) : List.<String>of()) {
          faults = FaultKnob.apply(faults, knob.knob() + "=" + value);
        }
      }
    }
    return faults;
  }

  /** The first knob whose text is not a value it takes, in one sentence; null when all are. */
  public String problem(String realmLabel) {
    for (FaultKnob knob : FaultKnob.values()) {
      try {
        apply(RealmFaults.NONE, knob, texts.get(knob).get());
      } catch (IllegalArgumentException e) {
        return realmLabel + ": fault knob " + e.getMessage();
      }
    }
    return null;
  }

  /** Shows {@code profile}'s knobs, every other knob off. */
  void show(ProxyProfile profile) {
    for (FaultKnob knob : FaultKnob.values()) {
      texts.get(knob).set(textOf(knob, profile.faults()));
    }
  }

  private static RealmFaults apply(RealmFaults faults, FaultKnob knob, String text) {
    if (text == null || text.isBlank()) {
      return faults;
    }
    if (knob == FaultKnob.HEADER) {
      for (String field : text.split(java.util.regex.Pattern.quote(SEPARATOR.strip()))) {
        if (!field.isBlank()) {
          faults = FaultKnob.apply(faults, knob.knob() + "=" + field.strip());
        }
      }
      return faults;
    }
    return FaultKnob.apply(
        faults, knob.knob() + "=" + (knob == FaultKnob.REALM ? text : text.strip()));
  }
}
