package dev.warden.ui.feedback;

import javafx.animation.PauseTransition;
import javafx.scene.Node;
import javafx.util.Duration;
import org.controlsfx.control.NotificationPane;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * Shows notices in a bar that slides over the top of the content and hides itself: confirmations
 * after a few seconds, errors after longer. Never modal. FX thread.
 */
public final class NotificationView implements Notifier {

  private final NotificationPane pane;
  private final PauseTransition hide = new PauseTransition();

  public NotificationView(Node content) {
    pane = new NotificationPane(content);
    pane.setId("notifications");
    pane.setShowFromTop(true);
    pane.setCloseButtonVisible(true);
    hide.setOnFinished(e -> pane.hide());
  }

  public NotificationPane node() {
    return pane;
  }

  @Override
  public void info(String message) {
    show(message, "notice-info", new FontIcon(MaterialDesignC.CHECK_CIRCLE), Duration.seconds(4));
  }

  @Override
  public void error(String message) {
    show(message, "notice-error", new FontIcon(MaterialDesignA.ALERT_CIRCLE), Duration.seconds(8));
  }

  /** The text shown now, or empty. */
  public String currentText() {
    return pane.isShowing() && pane.getText() != null ? pane.getText() : "";
  }

  private void show(String message, String styleClass, FontIcon icon, Duration time) {
    pane.getStyleClass().removeAll("notice-info", "notice-error");
    pane.getStyleClass().add(styleClass);
    icon.getStyleClass().add("notice-icon");
    hide.stop();
    if (pane.isShowing()) {
      pane.setText(message);
      pane.setGraphic(icon);
    } else {
      pane.show(message, icon);
    }
    hide.setDuration(time);
    hide.playFromStart();
  }
}
