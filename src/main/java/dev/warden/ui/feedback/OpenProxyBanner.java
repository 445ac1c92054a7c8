package dev.warden.ui.feedback;

import dev.warden.core.settings.OpenProxy;
import dev.warden.core.settings.Settings;
import javafx.scene.control.Label;

/**
 * A red line across the window while the settings make Warden an open proxy (enforcement off on an
 * address other machines can reach), with {@link OpenProxy}'s sentence; hidden otherwise, taking no
 * room. FX thread only.
 */
public final class OpenProxyBanner {

  private final Label label = new Label();

  public OpenProxyBanner(Settings settings) {
    label.setId("open-proxy-banner");
    label.setWrapText(true);
    label.setMaxWidth(Double.MAX_VALUE);
    // inline so it is red in both themes: this is an alarm, not a themed element
    label.setStyle(
        "-fx-background-color: #c62828; -fx-text-fill: white; -fx-font-weight: bold; -fx-padding: 6 12;");
    update(settings);
  }

  public Label node() {
    return label;
  }

  /** Shows or hides the banner for the settings now in force. */
  public void update(Settings settings) {
    String warning = OpenProxy.warning(settings).orElse("");
    label.setText(warning.isEmpty() ? "" : "Open proxy: " + warning + ".");
    label.setVisible(!warning.isEmpty());
    label.setManaged(!warning.isEmpty());
  }
}
