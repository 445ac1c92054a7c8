package dev.warden.ui.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

/**
 * Warden's one look in two variants: AtlantaFX Primer as the user-agent stylesheet, plus Warden's
 * own sheet, which maps ControlsFX's Modena colour names onto AtlantaFX's variables so ToggleSwitch,
 * StatusBar and NotificationPane follow the theme. FX thread.
 */
public enum Theme {
  LIGHT,
  DARK;

  private static final String WARDEN_CSS = Theme.class.getResource("warden.css").toExternalForm();

  /** Applies this variant application-wide and makes sure the scene carries Warden's sheet. */
  public void apply(Scene scene) {
    Application.setUserAgentStylesheet(
        this == DARK
            ? new PrimerDark().getUserAgentStylesheet()
            : new PrimerLight().getUserAgentStylesheet());
    if (!scene.getStylesheets().contains(WARDEN_CSS)) {
      scene.getStylesheets().add(WARDEN_CSS);
    }
    scene.getRoot().getStyleClass().removeAll("light", "dark");
    scene.getRoot().getStyleClass().add(this == DARK ? "dark" : "light");
  }
}
