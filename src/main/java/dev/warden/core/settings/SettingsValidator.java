package dev.warden.core.settings;

import java.util.ArrayList;
import java.util.List;

/** Checks a {@link Settings} value before it is applied or saved. Stateless; any thread. */
public final class SettingsValidator {

  /** Every problem found, one sentence each, empty when the settings can be applied. */
  public List<String> problems(Settings settings) {
    List<String> problems = new ArrayList<>();
    if (settings.realms().isEmpty()) {
      problems.add("At least one realm is needed");
    }
    return problems;
  }
}
