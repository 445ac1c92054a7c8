package dev.warden.core.auth;

import dev.warden.core.settings.RealmFaults;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The fault knobs a decision was made under: those of the realm that judged it (the engine shapes
 * the refusal with them) and those that changed the decision itself, as {@code knob=value} text for
 * the record. Immutable.
 *
 * @param knobs the realm's knobs
 * @param applied the knobs that changed the decision, e.g. {@code rechallengeEvery=3}
 */
public record FaultTrace(RealmFaults knobs, List<String> applied) {

  public static final FaultTrace NONE = new FaultTrace(RealmFaults.NONE, List.of());

  public FaultTrace {
    Objects.requireNonNull(knobs);
    applied = List.copyOf(applied);
  }

  /** This trace with {@code more} applied too. */
  public FaultTrace plus(List<String> more) {
    List<String> all = new ArrayList<>(applied);
    all.addAll(more);
    return new FaultTrace(knobs, all);
  }
}
