package dev.warden.ui;

import dev.warden.ui.state.UiState;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Where the main window opens and how large: as remembered, but always inside the primary screen's
 * usable area. FX thread only.
 */
final class WindowPlacement {

  private final Rectangle2D usable = Screen.getPrimary().getVisualBounds();
  private final UiState state;
  private final double width;
  private final double height;

  /**
   * A remembered or default size larger than this screen (a laptop, a 1280x800 Xvfb) would put the
   * window partly off-screen: it is fitted into the usable area first.
   */
  WindowPlacement(UiState state) {
    this.state = state;
    this.width = Math.min(state.width(), usable.getWidth());
    this.height = Math.min(state.height(), usable.getHeight());
  }

  double width() {
    return width;
  }

  double height() {
    return height;
  }

  /** Before the stage shows: the remembered position, if it is on this screen. */
  void placeBeforeShowing(Stage stage) {
    if (!Double.isNaN(state.x())
        && !Double.isNaN(state.y())
        && usable.contains(state.x() + 40, state.y() + 20)) {
      stage.setX(Math.max(usable.getMinX(), Math.min(state.x(), usable.getMaxX() - width)));
      stage.setY(Math.max(usable.getMinY(), Math.min(state.y(), usable.getMaxY() - height)));
    }
  }

  /** Once the stage shows: the size again, and the position pulled onto the screen. */
  void settleAfterShowing(Stage stage) {
    // GTK under some window managers opens a stage at its minimum size and ignores the scene's:
    // the size is set again once it shows, so the window opens as remembered and never grows
    stage.setWidth(width);
    stage.setHeight(height);
    // and wherever it was placed (by the window manager, or where a smaller window stood before),
    // it must lie on the screen: a status bar below the screen's edge cannot be clicked
    stage.setX(Math.max(usable.getMinX(), Math.min(stage.getX(), usable.getMaxX() - width)));
    stage.setY(Math.max(usable.getMinY(), Math.min(stage.getY(), usable.getMaxY() - height)));
  }
}
