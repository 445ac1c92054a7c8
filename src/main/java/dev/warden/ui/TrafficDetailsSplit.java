package dev.warden.ui;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;

/**
 * The live table beside the details of the selected exchange, or above them when the window is
 * narrow; it remembers the side-by-side divider while the details are under the table. FX thread
 * only.
 */
final class TrafficDetailsSplit {

  /** Below this width the details pane goes under the table, which then has the whole width. */
  static final double SIDE_BY_SIDE_MIN_WIDTH = 1200;

  private final SplitPane split;
  /** The side-by-side divider, kept while the details pane is under the table. */
  private double horizontalDivider;

  TrafficDetailsSplit(Node table, Node details, double divider) {
    split = new SplitPane(table, details);
    split.setOrientation(Orientation.HORIZONTAL);
    split.setId("warden-split");
    split.setDividerPositions(divider);
    SplitPane.setResizableWithParent(details, false);
    horizontalDivider = divider;
  }

  SplitPane node() {
    return split;
  }

  /** Takes {@code divider} as the side-by-side divider to return to. */
  void rememberSideBySide(double divider) {
    horizontalDivider = divider;
  }

  /** Side by side at {@link #SIDE_BY_SIDE_MIN_WIDTH} or wider, one above the other below it. */
  void arrangeFor(double width) {
    Orientation wanted =
        width < SIDE_BY_SIDE_MIN_WIDTH ? Orientation.VERTICAL : Orientation.HORIZONTAL;
    if (split.getOrientation() == wanted) {
      return;
    }
    if (split.getOrientation() == Orientation.HORIZONTAL
        && split.getDividerPositions().length > 0) {
      horizontalDivider = split.getDividerPositions()[0];
    }
    split.setOrientation(wanted);
    split.setDividerPositions(wanted == Orientation.VERTICAL ? 0.6 : horizontalDivider);
  }

  /** The side-by-side divider: where it is now, or where it was before the window narrowed. */
  double sideBySideDivider() {
    double[] dividers = split.getDividerPositions();
    if (split.getOrientation() == Orientation.HORIZONTAL && dividers.length > 0) {
      horizontalDivider = dividers[0];
    }
    return horizontalDivider;
  }
}
