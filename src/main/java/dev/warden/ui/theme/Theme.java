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

  /**
   * Makes this variant's stylesheet the application's. Called before the first control exists, it
   * also spares the start Modena: Control's class initialiser loads Modena when no user-agent
   * stylesheet is set yet, only for it to be replaced (about 0.1 s of every start).
   */
  public void useForApplication() {
    Application.setUserAgentStylesheet(
        this == DARK
            ? new PrimerDark().getUserAgentStylesheet()
            : new PrimerLight().getUserAgentStylesheet());
  }

  /** Applies this variant application-wide and makes sure the scene carries Warden's sheet. */
  public void apply(Scene scene) {
    useForApplication();
    if (!scene.getStylesheets().contains(WARDEN_CSS)) {
      scene.getStylesheets().add(WARDEN_CSS);
    }
    scene.getRoot().getStyleClass().removeAll("light", "dark");
    scene.getRoot().getStyleClass().add(this == DARK ? "dark" : "light");
  }
}
