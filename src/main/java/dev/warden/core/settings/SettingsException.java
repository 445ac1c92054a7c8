package dev.warden.core.settings;

import java.util.List;

/**
 * Settings were refused (invalid) or could not be saved. The message is written for the user; the
 * settings in force did not change.
 */
public final class SettingsException extends Exception {

  private final List<String> problems;

  public SettingsException(String message, List<String> problems, Throwable cause) {
    super(message, cause);
    this.problems = List.copyOf(problems);
  }

  public SettingsException(String message) {
    this(message, List.of(message), null);
  }

  /** Each problem as one sentence, e.g. "Realm 'Corp': user name 'a:b' contains ':'". */
  public List<String> problems() {
    return problems;
  }
}
