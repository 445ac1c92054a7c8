package dev.warden.ui.har;

/** Which exchanges an export takes. */
public enum HarScope {
  /** Every row the window holds. */
  ALL("All exchanges"),
  /** The rows the filters let through. */
  FILTERED("Exchanges that pass the filters"),
  /** The selected row. */
  SELECTED("The selected exchange");

  private final String label;

  HarScope(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
