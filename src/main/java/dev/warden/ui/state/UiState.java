package dev.warden.ui.state;

import java.util.List;
import java.util.Map;

/**
 * What the window remembers between runs: geometry, split, column widths, the columns the user hid
 * and theme. Immutable. NaN coordinates mean "let the platform place the window"; a file from before
 * the column chooser (no {@code hiddenColumns}) hides none.
 */
public record UiState(
    double x,
    double y,
    double width,
    double height,
    double divider,
    Map<String, Double> columnWidths,
    boolean dark,
    List<String> hiddenColumns) {

  public static final UiState DEFAULT =
      new UiState(Double.NaN, Double.NaN, 1400, 860, 0.76, Map.of(), false, List.of());

  public UiState {
    columnWidths = columnWidths == null ? Map.of() : Map.copyOf(columnWidths);
    hiddenColumns = hiddenColumns == null ? List.of() : List.copyOf(hiddenColumns);
    if (!(width >= 640)) {
      width = DEFAULT.width;
    }
    if (!(height >= 400)) {
      height = DEFAULT.height;
    }
    if (!(divider > 0.1 && divider < 0.9)) {
      divider = DEFAULT.divider;
    }
  }
}
